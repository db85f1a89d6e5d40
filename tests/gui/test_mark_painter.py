"""The live checker draws the marks near the viewport; they must be exactly the marks a fresh
full application of the same report draws there, after edits, re-checks and scrolling."""

import gc

import pytest
from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor

from desk.gui.body_edit import fields_of
from desk.gui.check_marks import build_selections
from tests.gui.live_helpers import WAIT_MS, make_editor, type_text, warm_spelling

PARA = ("“We will rebuild the bridge,” said Maria Lopez, the mayor. The council met on "
        "Tuesday after the electon and voted on the budgett for the river crossing.")


@pytest.fixture(autouse=True, scope="module")
def _warm():
    warm_spelling()


def long_text(paragraphs: int = 120) -> str:
    return "\n\n".join(f"{PARA} Item {i}." for i in range(paragraphs))


def shown_editor(qtbot, library, body):
    aid, edit, checker = make_editor(qtbot, library, body)
    edit.resize(700, 400)
    edit.show()
    qtbot.waitExposed(edit)
    with qtbot.waitSignal(checker.report_ready, timeout=WAIT_MS):
        checker.check_now()
    qtbot.waitUntil(lambda: not checker.painter._widen.isActive())
    return edit, checker


def _value(v):
    if isinstance(v, QBrush):
        return ("brush", int(v.style().value), v.color().rgba())
    if isinstance(v, QColor):
        return ("colour", v.rgba())
    return v


def looks(selections) -> list[tuple]:
    """What a list of ExtraSelections draws: place, and the format's every property."""
    return [(cur.selectionStart(), cur.selectionEnd(),
             tuple(sorted((k, _value(v)) for k, v in fmt.properties().items())))
            for cur, fmt in map(fields_of, selections)]


def fresh(edit, checker, window=None) -> list[tuple]:
    """The marks a fresh application of the applied report draws (within ``window``)."""
    marks = looks(build_selections(edit.document(), checker.report_text, checker.report, edit.palette()))
    if window is None:
        return marks
    a, b = window
    return [m for m in marks if m[1] > a and m[0] < b]


def drawn_window(checker) -> tuple[int, int]:
    return tuple(c.position() for c in checker.painter._window)


def test_only_the_marks_near_the_viewport_are_selections_and_they_equal_a_full_application(qtbot, library):
    edit, checker = shown_editor(qtbot, library, long_text())
    drawn = looks(edit.marks("checks"))
    everything = fresh(edit, checker)
    assert 0 < len(drawn) < len(everything) / 3
    assert drawn == fresh(edit, checker, drawn_window(checker))


def test_marks_after_an_edit_and_its_check_equal_a_fresh_application(qtbot, library):
    edit, checker = shown_editor(qtbot, library, long_text())
    cursor = edit.textCursor()
    cursor.setPosition(PARA.index("electon") + 3)
    edit.setTextCursor(cursor)
    with qtbot.waitSignal(checker.report_ready, timeout=WAIT_MS):
        type_text(edit, "i")  # "eleciton": still wrong, the mark moves with the word
    qtbot.waitUntil(lambda: not checker.painter._widen.isActive())
    assert looks(edit.marks("checks")) == fresh(edit, checker, drawn_window(checker))
    with qtbot.waitSignal(checker.report_ready, timeout=WAIT_MS):
        type_text(edit, "\b")
        edit.textCursor().deletePreviousChar()  # back to "electon", then join a paragraph
        cursor = edit.textCursor()
        cursor.setPosition(len(PARA) + len(" Item 0."))
        cursor.setPosition(cursor.position() + 2, QTextCursor.KeepAnchor)
        cursor.removeSelectedText()
    qtbot.waitUntil(lambda: not checker.painter._widen.isActive())
    assert looks(edit.marks("checks")) == fresh(edit, checker, drawn_window(checker))


def test_an_unchanged_mark_keeps_its_selection_when_a_new_report_comes(qtbot, library):
    edit, checker = shown_editor(qtbot, library, long_text(20))
    before = edit.marks("checks")
    cursor = edit.textCursor()
    cursor.setPosition(len(PARA) + len(" Item 0."))  # the end of the first paragraph
    edit.setTextCursor(cursor)
    with qtbot.waitSignal(checker.report_ready, timeout=WAIT_MS):
        type_text(edit, " More.")
    qtbot.waitUntil(lambda: not checker.painter._widen.isActive())
    after = edit.marks("checks")
    kept = [s for s in after if any(s is b for b in before)]
    assert len(kept) >= len(before) - 2  # all but what the new words touch


def test_scrolling_through_the_article_draws_every_mark_of_a_full_application(qtbot, library):
    edit, checker = shown_editor(qtbot, library, long_text())
    seen = set()
    bar = edit.verticalScrollBar()
    value = 0
    while value <= bar.maximum() + bar.pageStep():  # the maximum grows as Qt lays out lines
        bar.setValue(value)
        value += max(1, bar.pageStep() // 2)
        qtbot.waitUntil(lambda: not checker.painter._widen.isActive())
        drawn = looks(edit.marks("checks"))
        assert drawn == fresh(edit, checker, drawn_window(checker))
        seen.update(drawn)
    assert seen == set(fresh(edit, checker))


def test_marks_drawn_after_a_scroll_sit_on_their_words_before_the_next_check(qtbot, library):
    edit, checker = shown_editor(qtbot, library, long_text())
    checker._timer.setInterval(600_000)  # no re-check: the marks must follow the edit
    edit.moveCursor(QTextCursor.Start)
    type_text(edit, "New. ")
    edit.verticalScrollBar().setValue(edit.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: not checker.painter._widen.isActive())
    words = [cur.selectedText() for cur, fmt in map(fields_of, edit.marks("checks"))
             if fmt.underlineStyle() == QTextCharFormat.SpellCheckUnderline]
    assert len(words) > 4 and set(words) == {"electon", "budgett"}
    assert edit.textCursor().position() == 5  # the view scrolled; the edit was at the top


def test_remove_boilerplate_finds_a_mark_that_is_not_drawn(qtbot, library):
    body = long_text(60) + "\n\nLeave a comment"
    edit, checker = shown_editor(qtbot, library, body)
    edit.moveCursor(QTextCursor.Start)
    edit.ensureCursorVisible()
    (junk,) = [p for p in checker.report.problems if p.kind == "boilerplate"]
    assert all(o is not junk for _s, o in checker.marks)
    cursor = checker.cursor_for(lambda o: o is junk)
    assert cursor is not None and cursor.selectedText() == body[junk.start:junk.end]


def _spelled_on_screen(edit, checker) -> list[str]:
    a, b = checker.painter.visible_range()
    return [cur.selectedText() for cur, fmt in map(fields_of, edit.marks("checks"))
            if fmt.underlineStyle() == QTextCharFormat.SpellCheckUnderline
            and cur.hasSelection()  # a mark in the cut text is empty: it draws nothing
            and cur.selectionEnd() > a and cur.selectionStart() < b]


def test_a_long_cut_draws_the_marks_it_brings_into_view_before_the_next_check(qtbot, library):
    """No slot runs per key for the painter: a long edit is what makes it look again."""
    edit, checker = shown_editor(qtbot, library, long_text())
    checker._timer.setInterval(600_000)  # no re-check: the marks come from the old report
    _wa, wb = drawn_window(checker)
    cursor = edit.textCursor()
    cursor.setPosition(len(PARA) + len(" Item 0.") + 2)  # the second paragraph, on screen
    cursor.setPosition(wb + 3000, QTextCursor.KeepAnchor)  # to well past the drawn marks
    cursor.removeSelectedText()
    qtbot.waitUntil(lambda: not checker.painter._widen.isActive())
    a, b = checker.painter.visible_range()
    wa, wb = drawn_window(checker)
    assert wa <= a and b <= wb
    words = _spelled_on_screen(edit, checker)
    assert len(words) > 4 and set(words) == {"electon", "budgett"}


def test_a_taller_editor_draws_the_marks_of_the_lines_it_shows(qtbot, library):
    edit, checker = shown_editor(qtbot, library, long_text())
    edit.resize(700, 2400)
    qtbot.waitUntil(lambda: not checker.painter._widen.isActive())
    a, b = checker.painter.visible_range()
    wa, wb = drawn_window(checker)
    assert wa <= a and b <= wb
    drawn = looks(edit.marks("checks"))
    assert drawn == fresh(edit, checker, drawn_window(checker))


def test_no_field_of_a_drawn_selection_gets_a_wrapper(qtbot, library):
    """Reading ``sel.cursor`` or ``sel.format`` leaves a wrapper of that field, over the
    selection's own memory, on the selection: when the collector cleared it before the
    selection (the window's marks in a cycle at exit), that memory was freed twice and the
    bundled desk aborted at exit. A new report (reusing drawn selections), a scroll
    (carrying them), a lookup under the mouse, a jump to a mark and a test's look at them
    leave none."""
    edit, checker = shown_editor(qtbot, library, long_text(40))
    cursor = edit.textCursor()
    cursor.setPosition(len(PARA) + len(" Item 0."))
    edit.setTextCursor(cursor)
    with qtbot.waitSignal(checker.report_ready, timeout=WAIT_MS):
        type_text(edit, " More.")
    qtbot.waitUntil(lambda: not checker.painter._widen.isActive())
    edit.verticalScrollBar().setValue(edit.verticalScrollBar().maximum() // 3)
    qtbot.waitUntil(lambda: not checker.painter._widen.isActive())
    edit.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: not checker.painter._widen.isActive())
    hits = checker.marks_at(PARA.index("electon") + 2)
    assert [c.selectedText() for c, _o in hits] == ["electon"]
    assert checker.cursor_for(lambda o: True) is not None
    looks(edit.marks("checks"))
    selections = edit.marks("checks") + [sel for sel, _owner in checker.marks]
    wrapped = [k for sel in selections for k in gc.get_referents(sel)
               if isinstance(k, (QTextCursor, QTextCharFormat))]
    assert len(selections) > 10 and wrapped == []
