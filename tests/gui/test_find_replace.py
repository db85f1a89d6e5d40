"""Find (Ctrl+F) and replace (Ctrl+H) in the body."""

import pytest

from tests.gui.shell_helpers import close_window, make_window, type_text

TEXT = "Dalton said the weir held. dalton added: the WEIR is fine. Weirdly calm."


@pytest.fixture
def window(qtbot, library, tmp_path):
    a = library.articles.create(headline="Find", body=TEXT)
    w = make_window(qtbot, library, tmp_path / "s.ini", open_last=False)
    w.open_article(a.id)
    yield w
    close_window(w)


def test_ctrl_f_opens_the_bar_with_focus(window, qtbot):
    window.actions.find.trigger()
    assert window.find_bar.isVisible()
    assert not window.find_bar.replace_field.isVisible()
    assert window.find_bar.find_field.hasFocus()


def test_ctrl_h_shows_the_replace_field(window):
    window.actions.replace.trigger()
    assert window.find_bar.replace_field.isVisible()


def test_matches_are_highlighted_and_counted(window):
    bar = window.find_bar
    bar.open_find()
    bar.find_field.setText("weir")
    assert len(window.editor.body.marks("find")) == 3
    assert bar.status.text() == "3 matches"


def test_whole_words_and_match_case(window):
    bar = window.find_bar
    bar.open_find()
    bar.find_field.setText("weir")
    bar.whole.setChecked(True)
    assert len(bar.matches()) == 2
    bar.case.setChecked(True)
    assert len(bar.matches()) == 1


def test_find_next_selects_and_wraps(window):
    bar = window.find_bar
    bar.open_find()
    bar.find_field.setText("dalton")
    body = window.editor.body
    bar.find_next()
    first = body.textCursor().selectionStart()
    bar.find_next()
    second = body.textCursor().selectionStart()
    bar.find_next()
    assert body.textCursor().selectionStart() == first != second


def test_replace_all_is_one_undo_step(window):
    bar = window.find_bar
    bar.open_replace()
    bar.find_field.setText("weir")
    bar.replace_field.setText("barrage")
    assert bar.replace_all() == 3
    body = window.editor.body
    assert "weir" not in body.toPlainText().lower().replace("weirdly", "")
    body.undo()
    assert body.toPlainText() == TEXT


def test_replace_one_replaces_the_selected_match_with_non_ascii(window):
    bar = window.find_bar
    bar.open_replace()
    bar.find_field.setText("Dalton")
    bar.case.setChecked(True)
    bar.replace_field.setText("Núñez")
    bar.find_next()
    bar.replace_one()
    assert window.editor.body.toPlainText().startswith("Núñez said")
    assert "dalton added" in window.editor.body.toPlainText()


def test_matches_work_after_emoji(window):
    body = window.editor.body
    body.setPlainText("😀 weir 😀 weir")
    bar = window.find_bar
    bar.open_find()
    bar.find_field.setText("weir")
    bar.find_next()
    bar.find_next()
    assert body.textCursor().selectedText() == "weir"
    assert body.cursor_offset() == len("😀 weir 😀 weir")


def test_escape_closes_and_clears_marks(window, qtbot):
    from PySide6.QtCore import Qt

    bar = window.find_bar
    bar.open_find()
    type_text(bar.find_field, "weir")
    qtbot.keyClick(bar.find_field, Qt.Key_Escape)
    assert not bar.isVisible()
    assert window.editor.body.marks("find") == []
