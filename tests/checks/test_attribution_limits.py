"""The attribution engine's limits, pinned at their boundaries: the word similarity from
which a recorded quotation is taken to be one in the text (0.6), and the length from which
a quotation with no speaker is a statement whatever its grammar (8 words)."""

import pytest

from desk.checks.attribution import analyse
from desk.checks.diff import similarity
from desk.model import TaggedQuote

# Twenty distinct words: word similarity is (2 * shared words) / 40, so each changed word
# costs 0.05.
RECORDED = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet "
            "kilo lima mike november oscar papa quebec romeo sierra tango").split()


def with_changes(n: int) -> str:
    """RECORDED with n of its words replaced (every second word first)."""
    out = list(RECORDED)
    for k, i in enumerate([*range(0, 20, 2), *range(1, 20, 2)][:n]):
        out[i] = f"zz{k}"
    return " ".join(out)


def misquotes(quoted: str, recorded: str) -> list:
    text = f"\u201c{quoted},\u201d Joan Park said."
    tag = TaggedQuote(id=1, text=recorded, original=recorded)
    return [p for p in analyse(text, (), [tag]).problems if p.kind == "misquote"]


@pytest.mark.parametrize("changed, similar", [(1, 0.95), (3, 0.85), (7, 0.65), (8, 0.6)])
def test_a_quotation_this_similar_to_its_record_is_compared_with_it(changed, similar):
    quoted = with_changes(changed)
    assert similarity(quoted, " ".join(RECORDED)) == pytest.approx(similar)
    (p,) = misquotes(quoted, " ".join(RECORDED))
    assert "[-alpha-]" in p.message and "{+zz0+}" in p.message


@pytest.mark.parametrize("changed, similar", [(9, 0.55), (11, 0.45), (14, 0.3)])
def test_a_quotation_less_similar_is_another_quotation(changed, similar):
    """Below 0.6 the recorded quotation is not in the text any more: no misquote."""
    assert similarity(with_changes(changed), " ".join(RECORDED)) == pytest.approx(similar)
    assert misquotes(with_changes(changed), " ".join(RECORDED)) == []


def unattributed_severity(quoted: str) -> str:
    text = f"The vote was close.\n\n\u201c{quoted}\u201d"
    (p,) = [p for p in analyse(text, (), ()).problems if p.kind == "unattributed-quote"]
    return p.severity


# Lower-case, no verb, no closing punctuation: only its length can make it a statement.
PHRASE = "bright red lanterns along the old stone harbour wall tonight".split()


@pytest.mark.parametrize("n", [8, 9, 10])
def test_an_unattributed_quotation_of_eight_words_or_more_is_a_statement(n):
    assert unattributed_severity(" ".join(PHRASE[:n])) == "error"


@pytest.mark.parametrize("n", [5, 6, 7])
def test_a_shorter_one_without_a_verb_is_a_term(n):
    assert unattributed_severity(" ".join(PHRASE[:n])) == "info"
