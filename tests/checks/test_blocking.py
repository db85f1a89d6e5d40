"""How a blocking problem is described in one line (export and status gates)."""

from desk.checks.blocking import describe
from desk.checks.boilerplate import boilerplate_problems


def test_a_long_excerpt_the_message_already_quotes_is_not_repeated():
    text = "The river rose.\n\nYour email address will not be published.\n"
    (problem,) = boilerplate_problems(text)
    line = describe(problem, text)
    assert line == ("line 3: web-page text pasted into the draft: "
                    "“Your email address will not be published.”")


def test_an_excerpt_the_message_does_not_quote_is_shown_shortened():
    from desk.model import Problem

    text = "A long sentence that the message does not repeat at all, in any way.\n"
    problem = Problem("misc", "error", 0, len(text) - 1, "something is wrong here", ())
    line = describe(problem, text)
    assert line.startswith("line 1: something is wrong here (A long sentence")
    assert line.endswith("…)")
