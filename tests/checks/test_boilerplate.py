"""Web-page furniture pasted into a draft."""

import pytest

from desk.checks.boilerplate import boilerplate_problems


@pytest.mark.parametrize("line", [
    "Leave a Reply",
    "Your email address will not be published.",
    "Be the first to comment",
    "Share this article",
    "Subscribe to our newsletter",
    "We use cookies to improve your experience.",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
])
def test_pasted_lines_are_errors(line):
    text = f"The council met on Tuesday.\n\n{line}\n\nIt voted to close the pool."
    (p,) = boilerplate_problems(text)
    assert p.kind == "boilerplate"
    assert p.severity == "error"
    assert text[p.start:p.end] == line


def test_prose_mentioning_advertisements_is_fine():
    text = "The advertisement ran for weeks, and readers were asked to share this story with friends."
    assert boilerplate_problems(text) == []


def test_clean_article_has_no_boilerplate():
    text = "# Pool closes\n\nThe council voted to close the pool.\n\nSwimmers said they would leave a note."
    assert boilerplate_problems(text) == []
