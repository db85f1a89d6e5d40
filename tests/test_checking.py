"""One way to check an article (desk.checking): every face sees the same inputs and the
same problems — export, the status gate, `desk check --article`, the quotation sync and
the window's live checker."""

import json

import pytest

import desk.checking
from desk.checking import CheckInputs, check_article, check_inputs
from desk.checks.blocking import blocking_problems, describe
from desk.cli import main
from desk.review.reattach import sync_quotes

# A global dictionary word (Zorblat), an article-only one (Quibbix), a British spelling
# (colour: en-AU is checked British), a quotation an editor marked "not a quotation", one
# whose speaker an editor assigned, and a broken quotation (an error, for the gate).
BODY = ("The Zorblat council met on Tuesday. Quibbix residents liked the colour.\n\n"
        "\u201cWe should never have approved it, and it will cost us all.\u201d\n\n"
        "\u201cThe bridge opens in spring and nobody will pay more for it.\u201d\n\n"
        "The mayor said \u201cwe will win.\n")
NOT_A_QUOTE = "We should never have approved it, and it will cost us all."
ASSIGNED = "The bridge opens in spring and nobody will pay more for it."


@pytest.fixture
def checked(library):
    source = library.sources.add("Ana Ruiz")
    article = library.articles.create(headline="Council", body=BODY, language="en-AU")
    other = library.articles.create(headline="Other", body="Nothing.\n")
    library.dictionary.add("Zorblat")
    library.dictionary.add("Quibbix", article.id)
    library.dictionary.add("colour", other.id)  # another article's word: not accepted here
    rows = {r.text: r for r in sync_quotes(library, article.id)}
    library.quotes.update(rows[NOT_A_QUOTE].id, status="not-a-quote")
    library.quotes.update(rows[ASSIGNED].id, source_id=source.id, speaker="Ana Ruiz", assigned=1)
    return library, library.articles.get(article.id), source


def shape(problems):
    return [(p.kind, p.severity, p.start, p.end, p.message) for p in problems]


def test_inputs_carry_sources_attached_tags_both_dictionaries_and_the_language(checked):
    lib, article, source = checked
    inputs = check_inputs(lib, article)
    assert [s.name for s in inputs.sources] == ["Ana Ruiz"]
    assert {t.text: t.status for t in inputs.tagged}[NOT_A_QUOTE] == "not-a-quote"
    assert {t.text: t.source_id for t in inputs.tagged}[ASSIGNED] == source.id
    assert inputs.dictionary == frozenset({"Zorblat", "Quibbix"})
    assert inputs.language == "en-AU"
    assert hash(inputs) == hash(check_inputs(lib, article.id))  # a snapshot key
    assert check_inputs(lib, article, language="en-US").language == "en-US"


def test_a_text_that_is_no_article_gets_sources_and_global_words_only(checked):
    lib, _article, _source = checked
    inputs = check_inputs(lib, None)
    assert inputs.tagged == () and inputs.dictionary == frozenset({"Zorblat"})
    assert check_inputs(None, None) == CheckInputs()


def test_the_report_honours_every_input(checked):
    lib, article, _source = checked
    report = check_article(lib, article)
    kinds = {p.kind for p in report.problems}
    assert "misspelling" not in kinds  # Zorblat, Quibbix and colour all accepted
    assert "unattributed-quote" not in kinds  # one is not a quotation, one is assigned
    assert [p.kind for p in report.problems if p.severity == "error"] == ["unclosed-quote"]
    assert [q.speaker for q in report.quotes if q.text == ASSIGNED] == ["Ana Ruiz"]


def test_export_gate_cli_and_live_checker_give_the_same_problems(checked, db_path, capsys, qtbot):
    from desk.export.collect import gather
    from desk.gui.body_edit import BodyEdit
    from desk.gui.live_checks import LiveChecker
    from desk.review.gate import check_transition
    from tests.gui.live_helpers import WAIT_MS

    lib, article, _source = checked
    exported = shape(gather(lib, article.id).problems)
    assert exported == shape(check_article(lib, article).problems)

    assert main(["--db", str(db_path), "check", "--article", str(article.id), "--format", "json"]) == 1
    cli = [(p["kind"], p["severity"], p["start"], p["end"], p["message"])
           for p in json.loads(capsys.readouterr().out)["problems"]]
    assert cli == exported

    edit = BodyEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(article.body)
    checker = LiveChecker(lib, edit)
    with qtbot.waitSignal(checker.report_ready, timeout=WAIT_MS):
        checker.set_article(article.id, article.language)
    assert shape(checker.report.problems) == exported
    checker.shutdown()

    gate = check_transition(lib, article.id, "ready")
    errors = blocking_problems(check_article(lib, article))
    assert errors  # the broken quotation
    assert [r for r in gate.reasons if "quotation" not in r.split(":")[0]] == \
        [describe(p, article.body) for p in errors]


def test_every_face_reads_its_inputs_through_desk_checking(checked, db_path, capsys, monkeypatch, qtbot):
    """A face that assembled its own inputs (or skipped desk.checking) fails here."""
    from desk.export.collect import gather
    from desk.gui.body_edit import BodyEdit
    from desk.gui.live_checks import LiveChecker
    from desk.review.gate import check_transition
    from desk.review.reattach import find_quotes
    from tests.gui.live_helpers import WAIT_MS

    lib, article, _source = checked
    seen = {}
    real = desk.checking.check_text  # the engine, as desk.checking calls it

    def spy(text, *, sources, tagged, dictionary, language, **kw):
        seen[face] = CheckInputs(tuple(sources), tuple(tagged), frozenset(dictionary), language)
        return real(text, sources=sources, tagged=tagged, dictionary=dictionary,
                    language=language, **kw)

    monkeypatch.setattr(desk.checking, "check_text", spy)
    face = "export"
    gather(lib, article.id)
    face = "gate"
    check_transition(lib, article.id, "ready")
    face = "sync"
    find_quotes(lib, article)
    face = "cli"
    main(["--db", str(db_path), "check", "--article", str(article.id)])
    capsys.readouterr()
    face = "live"
    edit = BodyEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(article.body)
    checker = LiveChecker(lib, edit)
    with qtbot.waitSignal(checker.report_ready, timeout=WAIT_MS):
        checker.set_article(article.id, article.language)
    checker.shutdown()
    face = "live sync"
    edit.setPlainText(article.body + "More.\n")  # the checked text is stale: the sync checks
    checker.sync_quotes()

    expected = check_inputs(lib, article)
    assert set(seen) == {"export", "gate", "sync", "cli", "live", "live sync"}
    assert {face: inputs for face, inputs in seen.items() if inputs != expected} == {}


def test_live_checker_adds_the_words_ignored_for_now(checked):
    lib, article, _source = checked
    inputs = check_inputs(lib, article).with_words({"Blorp"})
    assert inputs.dictionary == frozenset({"Zorblat", "Quibbix", "Blorp"})


def test_the_engine_is_imported_by_the_first_check_not_with_the_module():
    """The window imports desk.checking before its first paint; the engine (attribution
    and all) only comes with the first check, and is then desk.checking's check_text."""
    import subprocess
    import sys
    from pathlib import Path

    probe = ("import sys, desk.checking as c\n"
             "print('desk.checks.engine' in sys.modules)\n"
             "r = c.check_with('He said: \"Yes.\"', c.CheckInputs(), spelling=False)\n"
             "import desk.checks.engine as e\n"
             "print('desk.checks.engine' in sys.modules, c.check_text is e.check_text,"
             " isinstance(r, c.CheckReport))\n")
    out = subprocess.run([sys.executable, "-c", probe], cwd=Path(__file__).resolve().parents[1],
                         text=True, capture_output=True, check=True).stdout.split()
    assert out == ["False", "True", "True", "True"]
