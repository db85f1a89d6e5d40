"""The workstation window: layout, menus, switching, settings, import/export/backup, errors."""

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMessageBox

from desk.gui.window_parts import build_parts
from tests.gui.shell_helpers import Dialogs, close_window, make_window, type_text


def test_opens_the_welcome_article(window, seeded):
    assert window.editor.article_id == seeded.articles.list()[0].id
    assert window.editor.headline.text().startswith("Welcome to desk")
    title = window.windowTitle()  # the headline, the library's file, the application
    assert title.startswith("Welcome to desk") and "[*] — " in title and title.endswith(" — desk")
    assert str(seeded.path.name) in title and not window.isWindowModified()


def test_library_is_docked_left_and_panels_right(window):
    assert window.dockWidgetArea(window.library_dock) == Qt.LeftDockWidgetArea
    for name in ("problems", "quotes", "sources", "preview"):
        assert name in window.panel_docks, name
        assert window.dockWidgetArea(window.panel_docks[name]) == Qt.RightDockWidgetArea


def test_checks_reach_the_problems_panel_and_status_bar(window, qtbot):
    qtbot.waitUntil(lambda: window.report is not None, timeout=30000)
    assert window.report.problems  # the welcome article has deliberate problems
    assert "warning" in window.status.problems.text() or "error" in window.status.problems.text()
    assert window.panel_docks["problems"].windowTitle().startswith("Problems (")


def test_menus_have_the_standard_shortcuts(window):
    a = window.actions
    assert a.new.shortcut() == QKeySequence(QKeySequence.New)
    assert a.save_revision.shortcut() == QKeySequence(QKeySequence.Save)
    assert a.find.shortcut() == QKeySequence(QKeySequence.Find)
    assert a.replace.shortcut() == QKeySequence("Ctrl+H")
    assert a.check_now.shortcut() == QKeySequence("F7")
    assert a.quit.shortcut() == QKeySequence(QKeySequence.Quit)
    titles = [m.text().replace("&", "") for m in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Article", "Help"]


def test_every_dock_can_be_toggled_from_the_view_menu(window):
    names = {act.text().replace("&", "").split(" (")[0]
             for act in window.actions.docks_menu.actions()}
    assert {"Library", "Problems", "Quotes", "Sources", "Preview"} <= names


def test_controls_have_accessible_names(window):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit

    missing = []
    for cls in (QLineEdit, QPlainTextEdit, QComboBox):
        for w in window.centralWidget().findChildren(cls) + window.library_panel.findChildren(cls):
            if not w.accessibleName() and not (isinstance(w.parent(), QComboBox)):
                missing.append(w)
    buttons = [b for b in window.library_panel.findChildren(QAbstractButton)
               if not b.accessibleName() and not b.text()
               and not isinstance(b.parent(), QLineEdit)]  # Qt's own clear button
    assert missing == [] and buttons == []


def test_switching_articles_in_the_list_opens_them(window, seeded, qtbot):
    other = seeded.articles.create(headline="Second story", body="Short.")
    window.library_panel.reload()
    row = window.library_panel.model.row_of(other.id)
    window.library_panel.view.setCurrentIndex(window.library_panel.model.index(row, 0))
    assert window.editor.article_id == other.id
    assert window.editor.body.toPlainText() == "Short."


def test_new_article_from_the_menu_focuses_the_headline(window, seeded):
    before = seeded.articles.count()
    window.actions.new.trigger()
    assert seeded.articles.count() == before + 1
    assert window.editor.headline.hasFocus()
    assert window.editor.body.toPlainText() == ""


def test_trashing_the_open_article_moves_on(window, seeded, monkeypatch):
    first = window.editor.article_id
    other = seeded.articles.create(headline="Next", body="b")
    window.library_panel.reload(select=first)
    Dialogs(monkeypatch, answer=QMessageBox.Yes)
    window.actions.trash.trigger()
    assert seeded.articles.get(first, include_deleted=True).deleted_at is not None
    assert window.editor.article_id == other.id


def test_a_status_change_goes_through_the_gate_and_is_logged(window, seeded):
    aid = window.editor.article_id
    before = len(seeded.status_log.list(aid))
    window.actions.status_actions["editing"].trigger()
    assert seeded.articles.get(aid).status == "editing"
    assert window.editor.status.currentData() == "editing"
    log = seeded.status_log.list(aid)
    assert len(log) == before + 1
    assert (log[-1].from_status, log[-1].to_status) == ("draft", "editing")


def test_a_refused_status_change_leaves_the_status(qtbot, seeded, tmp_path):
    calls = []

    def gate(parent, runner, article_id, new_status):
        calls.append((runner, article_id, new_status))
        return False

    parts = replace(build_parts(seeded), status_gate=gate)
    w = make_window(qtbot, seeded, tmp_path / "s.ini", parts=parts)
    try:
        aid = w.editor.article_id
        w.request_status("published")
        assert calls == [(w.runner, aid, "published")]
        assert seeded.articles.get(aid).status == "draft"
        assert w.editor.status.currentData() == "draft"
        assert w.actions.status_actions["draft"].isChecked()
        assert seeded.status_log.list(aid) == []
    finally:
        close_window(w)


def test_geometry_docks_and_last_article_persist(qtbot, seeded, tmp_path):
    other = seeded.articles.create(headline="Remember me")
    w = make_window(qtbot, seeded, tmp_path / "s.ini")
    w.resize(760, 560)  # inside the offscreen screen, so restoring need not shrink it
    size = w.size()
    w.open_article(other.id)
    w.panel_docks["quotes"].hide()
    close_window(w)
    again = make_window(qtbot, seeded, tmp_path / "s.ini")
    try:
        assert again.editor.article_id == other.id
        assert again.size() == size
        assert not again.panel_docks["quotes"].isVisible()
    finally:
        close_window(again)


def test_zoom_persists(qtbot, seeded, tmp_path):
    w = make_window(qtbot, seeded, tmp_path / "s.ini")
    w.actions.zoom_in.trigger()
    w.actions.zoom_in.trigger()
    close_window(w)
    again = make_window(qtbot, seeded, tmp_path / "s.ini")
    try:
        assert again.editor.body.zoom == 2
    finally:
        close_window(again)


def test_focus_mode_hides_and_restores_docks(window):
    window.actions.focus_mode.trigger()
    assert not window.library_dock.isVisible()
    assert not window.editor.header.isVisible()
    window.actions.focus_mode.trigger()
    assert window.library_dock.isVisible() and window.editor.header.isVisible()


def test_import_opens_the_imported_article(window, seeded, tmp_path):
    path = tmp_path / "story.md"
    path.write_text("# Ça commence\n\nLe barrage a tenu.\n", encoding="utf-8")
    ids = window.import_paths([path])
    assert len(ids) == 1
    assert window.editor.article_id == ids[0]
    assert window.editor.headline.text() == "Ça commence"


def test_import_failure_is_a_dialog(window, monkeypatch, tmp_path):
    dialogs = Dialogs(monkeypatch)
    assert window.import_paths([tmp_path / "missing.md"]) == []
    assert len(dialogs.texts("warning")) == 1
    assert "no such file" in dialogs.texts("warning")[0]


def test_import_of_a_broken_docx_is_a_dialog_not_a_traceback(window, monkeypatch, tmp_path):
    import zipfile

    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types><Default Extension=")
    dialogs = Dialogs(monkeypatch)
    assert window.import_paths([path]) == []
    assert len(dialogs.texts("warning")) == 1
    assert "not a valid .docx: bad XML in [Content_Types].xml" in dialogs.texts("warning")[0]


def test_backup_writes_a_copy(qtbot, window, tmp_path):
    target = tmp_path / "backup.db"
    job = window.backup_to(target)
    with qtbot.waitSignal(job.finished, timeout=20000):
        pass
    assert job.error == "" and target.exists() and target.stat().st_size > 0


def test_backup_failure_is_a_dialog(qtbot, window, monkeypatch, tmp_path):
    dialogs = Dialogs(monkeypatch)
    job = window.backup_to(tmp_path / "no-such-folder" / "b.db")
    with qtbot.waitSignal(job.finished, timeout=20000):
        pass
    assert "not a folder" in dialogs.texts("warning")[0]


def test_export_writes_the_file(window, seeded, tmp_path):
    from desk.gui.export_dialog import export_with_prompts

    a = seeded.articles.create(headline="Clean copy", body="The weir held on Tuesday.\n")
    out = export_with_prompts(window, seeded, a.id, "md", tmp_path / "a.md")
    assert out is not None and "Clean copy" in out.read_text(encoding="utf-8")


def test_export_blocked_by_errors_asks_first(window, seeded, monkeypatch, tmp_path):
    from desk.gui.export_dialog import export_with_prompts

    a = seeded.articles.create(headline="Open", body="“This quotation never closes, he said.\n")
    dialogs = Dialogs(monkeypatch, answer=QMessageBox.Cancel)
    assert export_with_prompts(window, seeded, a.id, "md", tmp_path / "b.md") is None
    assert not (tmp_path / "b.md").exists()
    assert dialogs.shown and dialogs.shown[0][1] == "Export anyway?"
    dialogs.answer = QMessageBox.Yes
    assert export_with_prompts(window, seeded, a.id, "md", tmp_path / "b.md") is not None
    assert seeded.exports.list(a.id)[0]["forced"]


def test_about_names_the_versions(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda p, t, text: shown.append(text)))
    window.actions.about.trigger()
    assert "PySide6" in shown[0] and "Qt" in shown[0] and "SQLite" in shown[0]


def test_check_now_runs_the_checks(window, qtbot):
    qtbot.waitUntil(lambda: window.report is not None, timeout=30000)
    with qtbot.waitSignal(window.checker.report_ready, timeout=30000):
        window.actions.check_now.trigger()


def test_problem_jump_selects_the_text(window, qtbot):
    window.panels["problems"].jump_requested.emit(0, 9)
    assert window.editor.body.textCursor().selectedText() == "EASTHAVEN"


def test_docks_are_dock_widgets_with_titles(window):
    for dock in window.findChildren(QDockWidget):
        assert dock.windowTitle() and dock.objectName()


def test_preview_follows_the_article_when_its_tab_is_shown(window, qtbot):
    dock = window.panel_docks["preview"]
    dock.raise_()
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    qtbot.waitUntil(lambda: "Welcome to desk" in window.panels["preview"].html)


def test_dropping_files_on_the_window_imports_them(window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "dropped.md"
    path.write_text("# Déposé\n\nTexte.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)
    assert window.editor.headline.text() == "Déposé"


def test_unreadable_library_at_start_is_a_dialog(tmp_path, monkeypatch):
    from desk.app import _open_library

    dialogs = Dialogs(monkeypatch)
    bad = tmp_path / "not-a-library.db"
    bad.write_text("hello", encoding="utf-8")
    assert _open_library(bad) is None
    assert "not a desk library" in dialogs.texts("critical")[0]


def test_unsaved_edits_mark_the_window_modified(window):
    type_text(window.editor.body, "é")
    assert window.isWindowModified()
    window.autosaver.save()
    assert not window.isWindowModified()


def test_closing_when_the_save_fails_asks_before_losing_text(qtbot, seeded, tmp_path,
                                                             monkeypatch):
    from desk.model import DeskError

    w = make_window(qtbot, seeded, tmp_path / "s.ini")
    type_text(w.editor.body, "Ñ")
    monkeypatch.setattr(seeded.articles, "update",
                        lambda *a, **k: (_ for _ in ()).throw(DeskError("disk full")))
    dialogs = Dialogs(monkeypatch, answer=QMessageBox.Cancel)
    assert not w.close()
    assert w.isVisible() and "Quit anyway" in dialogs.texts("warning")[-1]
    dialogs.answer = QMessageBox.Discard
    assert w.close()
    w.checker.shutdown()


def test_edits_just_before_trashing_are_kept_in_the_trashed_article(window, seeded, monkeypatch):
    first = window.editor.article_id
    seeded.articles.create(headline="Next", body="b")
    window.library_panel.reload(select=first)
    type_text(window.editor.body, "Último ")
    Dialogs(monkeypatch, answer=QMessageBox.Yes)
    window.actions.trash.trigger()
    assert seeded.articles.get(first, include_deleted=True).body.startswith("Último ")


def test_switching_to_british_english_rechecks_spelling(window, seeded, qtbot):
    article = seeded.articles.create(headline="Colour", body="The colour of the programme.\n")
    window.open_article(article.id)
    qtbot.waitUntil(lambda: window.report is not None and any(
        p.kind == "misspelling" for p in window.report.problems), timeout=30000)
    box = window.editor.language_box
    with qtbot.waitSignal(window.checker.report_ready, timeout=30000):
        box.setCurrentIndex(box.findData("en-GB"))
        box.activated.emit(box.findData("en-GB"))
    assert not [p for p in window.report.problems if p.kind == "misspelling"]


def test_remove_boilerplate_from_the_problems_panel(window, qtbot):
    from tests.gui.live_helpers import recheck

    text = "The weir held.\n\nLeave a Reply\n\nResidents returned.\n"
    window.new_article()
    with qtbot.waitSignal(window.checker.report_ready, timeout=10_000):
        window.editor.body.setPlainText(text)
    panel = window.panels["problems"]
    rows = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    (row,) = [r for r in rows if r.text(2) == "Boilerplate"]
    next(a for a in panel.menu_for(row).actions() if a.text() == "Remove boilerplate").trigger()
    assert window.editor.body.toPlainText() == "The weir held.\n\nResidents returned.\n"
    recheck(qtbot, window.checker)
    rows = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    assert [r for r in rows if r.text(2) == "Boilerplate"] == []
    window.editor.body.undo()
    assert window.editor.body.toPlainText() == text
    assert window.autosaver.save()
