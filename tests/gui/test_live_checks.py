"""Live checks in the editor: squiggles arrive off the GUI thread, stale results are dropped."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from desk.gui.body_edit import BodyEdit
from desk.gui.live_checks import LiveChecker, Snapshot, drop_not_quotes, run_checks


def type_text(widget, text):
    """Type like a user; non-ASCII characters go through QKeyEvent (keyClicks aborts on them)."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, Qt.Key_unknown, Qt.NoModifier, ch))


def make(qtbot, library, body=""):
    aid = library.articles.create(headline="Test", body=body).id
    edit = BodyEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(body)
    checker = LiveChecker(library, edit)
    return aid, edit, checker


def squiggles(edit):
    return [s for s in edit.marks("checks")
            if s.format.underlineStyle() == QTextCharFormat.SpellCheckUnderline]


def test_typed_misspelling_gets_a_squiggle(qtbot, library):
    aid, edit, checker = make(qtbot, library)
    checker.set_article(aid, "en-US")
    qtbot.waitUntil(checker.is_idle)
    edit.moveCursor(QTextCursor.End)
    with qtbot.waitSignal(checker.report_ready, timeout=10000) as blocker:
        type_text(edit, "The café reopened on Tuesday after the electon.")
    kinds = [p.kind for p in blocker.args[0].problems]
    assert "misspelling" in kinds
    marks = squiggles(edit)
    assert [m.cursor.selectedText() for m in marks] == ["electon"]


def test_unchanged_text_is_not_checked_again(qtbot, library):
    aid, edit, checker = make(qtbot, library, "A plain sentence.")
    with qtbot.waitSignal(checker.report_ready, timeout=10000):
        checker.set_article(aid, "en-US")
    runs = checker.checks_run
    checker._dispatch()  # what the debounce timer does
    assert checker.is_idle() and checker.checks_run == runs


def test_stale_result_is_dropped(qtbot, library):
    aid, edit, checker = make(qtbot, library, "First electon text.")
    checker.set_article(aid, "en-US")
    edit.moveCursor(QTextCursor.End)
    type_text(edit, " More wrods")  # typed while the first check may still run
    with qtbot.waitSignal(checker.report_ready, timeout=10000):
        pass
    qtbot.waitUntil(checker.is_idle, timeout=10000)
    assert checker.report_text == edit.toPlainText()
    assert {m.cursor.selectedText() for m in squiggles(edit)} == {"electon", "wrods"}


def test_quotation_marked_not_a_quote_raises_no_attribution_problem():
    text = "The plan is dead.\n\n“We should never have approved it, and it will cost us all.”"
    snap = Snapshot(1, text, "en-US", (), (), frozenset())
    report, _raw = run_checks(snap)
    assert any(p.kind == "unattributed-quote" for p in report.problems)
    cleaned = drop_not_quotes(report, frozenset({"we should never have approved it, and it will cost us all"}))
    assert not any(p.kind == "unattributed-quote" for p in cleaned.problems)
    assert cleaned.quotes == []
