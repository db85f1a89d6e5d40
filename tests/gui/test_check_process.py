"""The check process gives the window exactly the report a check in the window's process
gives, and the window keeps checking when that process is gone."""

import threading

import pytest

from desk.checking import CheckInputs
from desk.checks.engine import check_text
from desk.gui.check_process import CheckService
from desk.model import SourceRef, TaggedQuote

TEXT = ("“We will rebuild the bridge,” said Maria Lopez, the mayor.\n\n"
        "The council met after the electon. Okafor said: “It is too late.”\n\n"
        "“Not a quote,” the sign read. Leave a comment")
INPUTS = CheckInputs(sources=(SourceRef(id=1, name="Maria Lopez"),),
                     tagged=(TaggedQuote(id=1, text="Not a quote,", status="not-a-quote"),),
                     dictionary=frozenset({"Okafor"}), language="en-GB")


def ask(service, text, inputs, spelling=True, local=lambda: ()):
    got, done = [], threading.Event()
    service.submit(text, inputs, spelling, lambda r, e, s: (got.append((r, e)), done.set()), local)
    assert done.wait(120)
    return got[0]


@pytest.fixture
def service():
    """A check service of the test's own, its process and thread stopped when it ends (left
    running, each one's thread and process outlived the test)."""
    s = CheckService()
    yield s
    s.shutdown()


def test_the_process_report_equals_a_check_here(service):
    (report, quotes), error = ask(service, TEXT, INPUTS)
    here = check_text(TEXT, sources=INPUTS.sources, tagged=INPUTS.tagged,
                      dictionary=INPUTS.dictionary, language=INPUTS.language, suggestions=True)
    assert error == "" and service._proc is not None and service._proc.is_alive()
    assert report.to_dict() == here.to_dict() and report.not_quotes == here.not_quotes
    assert quotes == here.all_quotes and report.words == here.words
    (plain, _), _ = ask(service, TEXT, INPUTS, spelling=False)
    assert not any(p.kind == "misspelling" for p in plain.problems)


def test_when_the_process_is_gone_the_check_runs_here(service):
    ask(service, "A first text.", CheckInputs())
    service._proc.kill()
    service._proc.join(10)
    result, error = ask(service, TEXT, INPUTS, local=lambda: ("checked here", []))
    assert result == ("checked here", []) and error == ""
    assert ask(service, TEXT, INPUTS, local=lambda: ("again", []))[0] == ("again", [])


def test_inputs_sent_once_are_used_until_new_ones_come(service):
    text = "The council met after the electon. Okafor spoke."
    accepting = CheckInputs(dictionary=frozenset({"electon", "Okafor"}))
    (first, _), _ = ask(service, text, accepting)
    (again, _), _ = ask(service, text, accepting)  # the same object: not sent again
    (plain, _), _ = ask(service, text, CheckInputs())
    assert first.problems == again.problems == []
    assert [text[p.start:p.end] for p in plain.problems if p.kind == "misspelling"] == ["electon"]
