"""The export gate's message limits, pinned at their boundaries: eight blocking problems
are named one by one, more are counted; an excerpt of the text shows 40 characters."""

import pytest

from desk.export.gate import blocking_message, describe
from desk.model import Problem


def problems(n: int) -> list[Problem]:
    return [Problem("unclosed-quote", "error", i, i + 1, f"issue {i + 1}") for i in range(n)]


@pytest.mark.parametrize("n", [1, 7, 8])
def test_up_to_eight_problems_are_all_named(n):
    message = blocking_message(problems(n), hint="")
    assert message.count("issue ") == n and "more" not in message
    assert message.endswith(f"issue {n}")


@pytest.mark.parametrize("n, more", [(9, 1), (10, 2), (30, 22)])
def test_past_eight_the_rest_are_counted(n, more):
    message = blocking_message(problems(n), hint="")
    assert message.endswith(f"issue 8; and {more} more")
    assert "issue 9" not in message


def excerpt_of(words: str) -> str:
    text = words + "\nThe next line."
    message = describe(Problem("misquote", "error", 0, len(words), "quotation differs"), text)
    return message.removeprefix("line 1: quotation differs (").removesuffix(")")


@pytest.mark.parametrize("length", [12, 39, 40])
def test_an_excerpt_of_40_characters_is_shown_whole(length):
    words = ("abcd " * 10)[:length - 1] + "z"
    assert excerpt_of(words) == words


@pytest.mark.parametrize("length", [41, 60])
def test_a_longer_excerpt_is_cut_to_39_and_an_ellipsis(length):
    words = ("abcd " * 20)[:length - 1] + "z"
    assert excerpt_of(words) == words[:39].rstrip() + "\u2026"
