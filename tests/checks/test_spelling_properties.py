"""Property tests: the check never raises and its offsets are always in bounds."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.checks.spelling import check_spelling, get_checker, is_known, suggest

prose_bits = st.sampled_from([
    "the", "The", "recieve", "Resdients", "Kadhimi", "Kadhemi", "’", "'", "s", " ", "\n",
    "\n\n", ".", ",", "“", "”", '"', "[sic]", "-", "`", "```", "---", "http://x.org/a",
    "a@b.co", "<b>", "](", ")", "21st", "OPEC", "U.S.", "colour", "isn’t", "é", "İ", "ß",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), st.lists(prose_bits, max_size=60).map("".join)),
       st.sampled_from(["en-US", "en-GB", "", "fr"]),
       st.lists(st.text(max_size=12), max_size=4))
def test_check_never_raises_and_offsets_are_in_bounds(text, language, accepted):
    get_checker().load()
    for p in check_spelling(text, accepted=accepted, language=language):
        assert 0 <= p.start < p.end <= len(text)
        assert p.kind in ("misspelling", "unknown-name", "inconsistent-name", "repeated-word")
        assert p.severity in ("warning", "info")
        assert len(p.suggestions) <= 5
        assert all(isinstance(s, str) for s in p.suggestions)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_suggest_and_is_known_never_raise(word):
    assert len(suggest(word)) <= 5
    assert isinstance(is_known(word), bool)


@settings(max_examples=60, deadline=None)
@given(st.text("bcdfghjklmnpqrstvwxz", min_size=3, max_size=10))
def test_any_personal_word_is_accepted(word):
    text = f"The {word} was there, and {word.capitalize()}’s team agreed."
    flagged = {text[p.start:p.end].lower() for p in check_spelling(text, accepted=[word])}
    assert word not in flagged
