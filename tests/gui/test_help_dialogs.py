"""Help menu: the user guide, the keyboard-shortcut list read from the window, and where the
log file is."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence, QShortcut

from desk.gui import help_dialogs
from desk.gui.help_dialogs import ReportProblemDialog, ShortcutsDialog, UserGuideDialog
from desk.gui.shortcuts import WIDGET_KEYS
from desk.paths import log_path, resource_path


def _native(seq) -> str:
    return seq.toString(QKeySequence.NativeText)


def test_help_menu_has_guide_shortcuts_and_report(window):
    texts = [a.text() for a in window.menuBar().actions()[-1].menu().actions()
             if not a.isSeparator()]
    assert texts == ["&User Guide", "&Keyboard Shortcuts", "&Report a Problem…", "&About desk"]


def test_user_guide_shows_the_guide_from_resources(qtbot, window):
    window.actions.user_guide.trigger()
    dlg = window.findChild(UserGuideDialog)
    assert dlg is not None and dlg.isVisible()
    shown = dlg.browser.toPlainText()
    assert "desk — a short guide" in shown and "Attach material…" in shown
    assert "desk material add" in shown  # the command line section
    assert "#" not in shown.splitlines()[0]  # rendered, not the Markdown source
    for heading in ("The window", "Drafting", "Quotations and sources",
                    "Review and verification", "Export", "The command line"):
        assert f"## {heading}" in resource_path("guide.md").read_text(encoding="utf-8")
        assert heading in shown


def test_user_guide_opened_twice_is_one_window(qtbot, window):
    first = help_dialogs.show_user_guide(window)
    assert help_dialogs.show_user_guide(window) is first


def test_every_action_with_a_shortcut_is_listed(qtbot, window):
    dlg = help_dialogs.show_shortcuts(window)
    assert isinstance(dlg, ShortcutsDialog)
    rows = dlg.rows()
    listed = {(keys, command) for keys, command, _where in rows}
    actions = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(actions) >= 25  # File, Edit, View, Article, Help and the Alt+N panels
    for act in actions:
        keys = ", ".join(_native(s) for s in act.shortcuts())
        command = act.text().replace("&", "").rstrip("…").strip()
        assert (keys, command) in listed, (keys, command)
    shortcuts = [s for s in window.findChildren(QShortcut) if not s.key().isEmpty()]
    assert shortcuts  # Del on the library list and the sources table, Esc in the find bar
    for s in shortcuts:
        assert (_native(s.key()), s.whatsThis()) in listed


def test_shortcut_list_names_the_menu_and_filters(qtbot, window):
    dlg = help_dialogs.show_shortcuts(window)
    save = _native(window.actions.save_revision.shortcut())
    assert (save, "Save Revision", "File") in dlg.rows()
    assert ("Alt+1", "Library", "View ▸ Panels") in dlg.rows()
    delete = _native(QKeySequence(QKeySequence.Delete))
    assert (delete, "Delete the selected source", "Source list") in dlg.rows()
    assert (delete, "Move the selected article to the trash", "Articles") in dlg.rows()
    dlg.filter.setText("zoom")  # the command's words
    assert {c for _k, c, _w in dlg.rows()} == {"Zoom In", "Zoom Out"}
    dlg.filter.setText("ctrl+0")  # or its keys
    assert [c for _k, c, _w in dlg.rows()] == ["Actual Size"]


def test_review_queue_keys_are_all_listed(window):
    review = window.panels["review"].tree.keys
    listed = {keys for where, _c, keys in WIDGET_KEYS if where == "Review queue"}
    assert {QKeySequence(k).toString() for k in review} <= listed


def test_report_a_problem_shows_the_log_path(qtbot, window, monkeypatch):
    from desk import log

    log.setup(0)  # as desk starts: the default log file (in this test's state folder)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)
                                                                  or True))
    window.actions.report_problem.trigger()
    dlg = window.findChild(ReportProblemDialog)
    assert Path(dlg.path_field.text()) == help_dialogs.log_file() == log_path()
    dlg.copy_button.click()
    assert QGuiApplication.clipboard().text() == str(log_path())
    dlg.open_button.click()
    assert [u.toLocalFile() for u in opened] == [str(log_path().parent)]


def test_report_a_problem_names_the_file_logging_writes_to(qtbot, tmp_path):
    from desk import log

    target = tmp_path / "logs" / "elsewhere.log"
    try:
        assert log.setup(0, log_file=target) == target
        dlg = ReportProblemDialog()
        qtbot.addWidget(dlg)
        assert dlg.path_field.text() == str(target)
    finally:
        log.setup(0, log_file=tmp_path / "after.log")


def test_guide_dialog_is_not_modal(qtbot, window):
    dlg = help_dialogs.show_user_guide(window)
    assert dlg.windowModality() == Qt.NonModal
