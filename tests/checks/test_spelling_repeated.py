"""Repeated words (repeated.py), called directly."""

from desk.checks.spelling.repeated import repeated_words

KNOWN = frozenset({"the", "plan", "was", "in", "a", "draw", "it", "ended"})


def test_a_doubled_word_is_one_problem_offering_the_word_once():
    text = "The plan was the the plan."
    found = repeated_words(text, KNOWN, [])
    assert [(p.kind, text[p.start:p.end], p.suggestions) for p in found] == [("repeated-word", "the the", ("the",))]


def test_no_problem_across_a_paragraph_break_in_a_doubled_name_or_inside_a_skipped_span():
    assert repeated_words("It ended in\n\nin a draw.", KNOWN, []) == []
    assert repeated_words("Duran Duran played.", KNOWN, []) == []
    text = "See `the the` here."
    assert repeated_words(text, KNOWN, [(text.index("`"), text.rindex("`") + 1)]) == []
