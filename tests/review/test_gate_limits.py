"""The status gate names a quotation by its first four words (at most 40 characters),
pinned at those boundaries."""

import pytest

from desk.review.gate import quote_snippet


@pytest.mark.parametrize("text, shown", [
    ("Rebuild.", "\u201cRebuild.\u201d"),
    ("We will rebuild,", "\u201cWe will rebuild\u201d"),
    ("We will rebuild it", "\u201cWe will rebuild it\u201d"),
])
def test_a_quotation_of_four_words_or_fewer_is_named_whole(text, shown):
    assert quote_snippet(text) == shown


@pytest.mark.parametrize("text", ["We will rebuild it soon", "We will rebuild it by the spring."])
def test_a_longer_one_by_its_first_four_words(text):
    assert quote_snippet(text) == "\u201cWe will rebuild it\u2026\u201d"


def test_four_words_of_40_characters_are_shown_whole():
    words = "Internationalisation decentralised in us"
    assert len(words) == 40 and quote_snippet(words) == f"\u201c{words}\u201d"


def test_four_words_of_41_are_cut_to_39_characters():
    words = "Internationalisation decentralised in use"
    assert quote_snippet(words) == "\u201cInternationalisation decentralised in u\u2026\u201d"
