"""Regressions found by using the window as an editor would (QA pass, 2026-11-27).

Key presses go through the window (QTest on the QWindow), so shortcuts are matched the way
they are for real key presses, not delivered straight to a widget.
"""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desk.gui.export_dialog import ExportDialog
from desk.gui.status_gate import StatusGateDialog
from tests.gui.shell_helpers import Dialogs, close_window, make_window


def press(window, key, modifiers=Qt.NoModifier):
    QTest.keyClick(window.windowHandle(), key, modifiers)


def test_delete_key_in_the_library_list_asks_to_trash(window, monkeypatch):
    dialogs = Dialogs(monkeypatch, answer=QMessageBox.Cancel)
    view = window.library_panel.view
    view.setFocus()
    view.setCurrentIndex(window.library_panel.model.index(0, 0))
    press(window, Qt.Key_Delete)
    assert [title for _kind, title, _text in dialogs.shown] == ["Move to trash"]


def test_delete_key_in_the_sources_table_asks_to_delete(window, monkeypatch):
    dialogs = Dialogs(monkeypatch, answer=QMessageBox.Cancel)
    window.panel_docks["sources"].raise_()
    table = window.panels["sources"].table
    table.setFocus()
    table.setCurrentItem(table.topLevelItem(0))
    press(window, Qt.Key_Delete)
    assert [title for _kind, title, _text in dialogs.shown] == ["Delete source"]


def test_f3_moves_to_the_next_match_while_the_find_bar_is_open(window):
    window.actions.find.trigger()
    window.find_bar.find_field.setText("the")
    press(window, Qt.Key_F3)
    first = window.editor.body.textCursor().selectionStart()
    press(window, Qt.Key_F3)
    assert window.editor.body.textCursor().selectionStart() > first


def test_opening_the_find_bar_does_not_widen_the_window(window, qtbot):
    window.resize(1440, 900)
    qtbot.waitUntil(lambda: window.width() == 1440)
    window.actions.replace.trigger()
    window.find_bar.find_field.setText("the")
    assert window.minimumSizeHint().width() <= 1440
    assert window.find_bar.minimumSizeHint().width() < 400


def test_new_article_button_leaves_the_focus_in_the_headline(window, seeded, qtbot):
    before = seeded.articles.count()
    qtbot.mouseClick(window.library_panel.new_button, Qt.LeftButton)
    assert window.editor.headline.hasFocus()
    press(window, Qt.Key_Space)  # on the button, Space would make another article
    assert seeded.articles.count() == before + 1


def test_duplicate_button_leaves_the_focus_in_the_headline(window, qtbot):
    qtbot.mouseClick(window.library_panel.duplicate_button, Qt.LeftButton)
    assert window.editor.headline.hasFocus()


def test_enter_after_typing_an_override_reason_overrides(qtbot):
    dialog = StatusGateDialog("Floods", "ready", ["1 unverified quotation"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.reason.setFocus()
    QTest.keyClicks(dialog.reason, "checked by phone")
    assert dialog.override.isDefault()
    QTest.keyClick(dialog.reason, Qt.Key_Return)
    assert dialog.result() == StatusGateDialog.Accepted


def test_enter_without_a_reason_still_cancels(qtbot):
    dialog = StatusGateDialog("Floods", "ready", ["1 unverified quotation"])
    qtbot.addWidget(dialog)
    assert dialog.cancel.isDefault()
    dialog.reason.setText("checked")
    dialog.reason.setText("  ")
    assert dialog.cancel.isDefault() and not dialog.override.isDefault()


def test_export_replace_confirmation_does_not_survive_a_new_path(qtbot, seeded, monkeypatch,
                                                                 tmp_path):
    aid = seeded.articles.list()[0].id
    dialog = ExportDialog(seeded, aid)
    qtbot.addWidget(dialog)
    chosen = str(tmp_path / "story.md")
    monkeypatch.setattr("desk.gui.export_dialog.file_dialog.save_file_name",
                        lambda *a, **k: chosen)
    dialog._browse()
    assert dialog._confirmed_replace  # the file dialog asked about story.md
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert dialog.path.text() != chosen
    assert not dialog._confirmed_replace


def test_no_stray_focus_on_buttons_after_duplicate_shortcut(window):
    window.actions.duplicate.trigger()
    assert QApplication.focusWidget() is window.editor.headline


def test_review_panel_is_no_wider_than_the_sources_panel(window):
    """The widest panel sets the right dock's width; at 1024 px that width is the text's."""
    review = window.panels["review"].minimumSizeHint().width()
    assert review <= window.panels["sources"].minimumSizeHint().width()


def test_one_word_is_not_one_words(qtbot):
    from desk.gui.status_bar import DeskStatusBar, counted

    bar = DeskStatusBar()
    qtbot.addWidget(bar)
    bar.show_counts("Q")
    assert bar.counts.text().startswith("1 word · 1 character · ")
    assert counted(0, "word") == "0 words" and counted(1200, "word") == "1,200 words"


def test_adding_a_source_in_the_panel_tags_its_quotations_without_an_edit(qtbot, library,
                                                                          monkeypatch, tmp_path):
    from desk.gui.source_dialog import SourceDialog

    body = "“The tap will not work again,” said Priya Nandakumar, who lives on Canal Row.\n"
    article = library.articles.create(headline="Water", body=body)
    w = make_window(qtbot, library, tmp_path / "s.ini", open_last=False)
    try:
        with qtbot.waitSignal(w.checker.quotes_synced, timeout=10000):
            w.open_article(article.id)
            qtbot.waitUntil(w.checker.is_idle, timeout=10000)
            w.checker.article_saved()
        assert [q.source_id for q in library.quotes.list(article_id=article.id)] == [None]

        def fill(dialog):
            dialog.name.setText("Priya Nandakumar")
            dialog.accept()
            return dialog.result()

        monkeypatch.setattr(SourceDialog, "exec", fill)
        panel = w.panels["sources"]
        with qtbot.waitSignal(w.quote_syncer.synced, timeout=10000):  # in its worker
            panel.add_button.click()
        src = library.sources.find("Priya Nandakumar")
        assert [q.source_id for q in library.quotes.list(article_id=article.id)] == [src.id]
        assert panel.quoted_label.text().startswith("Quoted in 1 article")
    finally:
        close_window(w)
