"""Live checks in the editor: squiggles arrive off the GUI thread, stale results are dropped."""

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor

from desk.checking import CheckInputs
from desk.checks.engine import CheckReport
from desk.gui.check_marks import describe_at
from desk.gui.live_checks import Snapshot, run_checks
from desk.model import Problem, TaggedQuote
from tests.gui.live_helpers import WAIT_MS, make_editor, squiggled_words, type_text, warm_spelling


@pytest.fixture(autouse=True, scope="module")
def _warm():
    warm_spelling()


def test_typed_misspelling_gets_a_squiggle(qtbot, library):
    aid, edit, checker = make_editor(qtbot, library)
    edit.moveCursor(QTextCursor.End)
    with qtbot.waitSignal(checker.report_ready, timeout=WAIT_MS) as blocker:
        type_text(edit, "The café reopened on Tuesday after the electon.")
    assert [p.kind for p in blocker.args[0].problems] == ["misspelling"]
    assert squiggled_words(edit) == ["electon"]


def test_typing_after_a_non_bmp_character_keeps_marks_on_the_word(qtbot, library):
    aid, edit, checker = make_editor(qtbot, library)
    with qtbot.waitSignal(checker.report_ready, timeout=WAIT_MS):
        type_text(edit, "Fans 🎉 cheered the electon result.")
    assert squiggled_words(edit) == ["electon"]


def test_unknown_name_gets_a_quieter_mark_than_a_misspelling():
    from PySide6.QtGui import QPalette

    from desk.gui.check_marks import problem_format

    pal = QPalette()
    name = problem_format(pal, Problem("unknown-name", "info", 0, 3, "unknown name"))
    typo = problem_format(pal, Problem("misspelling", "warning", 0, 3, "typo"))
    assert typo.underlineStyle() == QTextCharFormat.SpellCheckUnderline
    assert name.underlineStyle() in (QTextCharFormat.DotLine, QTextCharFormat.DashUnderline)


def test_unchanged_text_is_not_checked_again(qtbot, library):
    aid, edit, checker = make_editor(qtbot, library, "A plain sentence.")
    runs = checker.checks_run
    checker._dispatch()  # what the debounce timer does after a pause
    assert checker.is_idle() and checker.checks_run == runs


def test_result_for_an_old_revision_is_dropped(qtbot, library):
    aid, edit, checker = make_editor(qtbot, library, "First electon text.")
    before = checker.report
    stale = CheckReport(words=3, problems=[Problem("misspelling", "warning", 0, 5, "old")])
    edit.moveCursor(QTextCursor.End)
    type_text(edit, " more")  # the text moves on: a result computed before is stale
    checker._finished(checker._revision - 1, (stale, []), "", 0.0)
    assert checker.report is before
    qtbot.waitUntil(checker.is_idle, timeout=WAIT_MS)
    assert checker.report_text == edit.toPlainText()


def test_hover_text_names_the_speaker_and_the_problem(qtbot, library):
    library.sources.add("Maria Lopez")
    body = "“We cannot keep paying for empty rooms,” said Maria Lopez. The electon is near."
    aid, edit, checker = make_editor(qtbot, library, body)
    tip = describe_at(checker.report, 3)
    assert "Maria Lopez" in tip and "registered source" in tip
    assert "misspelling" in describe_at(checker.report, body.index("electon") + 1).lower()


def test_quotation_marked_not_a_quote_raises_no_attribution_problem():
    text = "The plan is dead.\n\n“We should never have approved it, and it will cost us all.”"
    report, _raw = run_checks(Snapshot(1, text, CheckInputs()))
    assert any(p.kind == "unattributed-quote" for p in report.problems)
    tag = TaggedQuote(id=1, text="We should never have approved it, and it will cost us all.",
                      status="not-a-quote")
    cleaned, raw = run_checks(Snapshot(2, text, CheckInputs(tagged=(tag,))))
    assert not any(p.kind == "unattributed-quote" for p in cleaned.problems)
    assert cleaned.quotes == []
    assert [q.text for q in raw] == [tag.text]  # still there for the tag-following sync


def test_saving_attaches_quotation_rows_at_their_places(qtbot, library):
    body = "Intro. “We cannot keep paying for empty rooms,” said Maria Lopez."
    aid, edit, checker = make_editor(qtbot, library, body)
    with qtbot.waitSignal(checker.quotes_synced):
        checker.article_saved(library.articles.get(aid))
    rows = library.quotes.list(article_id=aid)
    assert [(r.start, r.speaker) for r in rows] == [(body.index("“"), "Maria Lopez")]


def test_resting_the_mouse_on_a_mark_shows_what_it_means(qtbot, library):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    body = "The electon is near."
    aid, edit, checker = make_editor(qtbot, library, body)
    edit.show()
    cur = edit.textCursor()
    cur.setPosition(body.index("electon") + 2)
    pos = edit.cursorRect(cur).center()
    QApplication.sendEvent(edit.viewport(), QHelpEvent(QEvent.ToolTip, pos, edit.viewport().mapToGlobal(pos)))
    assert "electon" in QToolTip.text() and "election" in QToolTip.text()
