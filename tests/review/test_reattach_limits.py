"""plan_sync's two similarity limits, pinned at their boundaries: a stored row and a
reworded quotation are paired from a ratio of 80, and down to 65 when each is the other's
only plausible partner (a quotation rewritten more heavily)."""

import pytest
from rapidfuzz import fuzz

from desk.model import QuoteSpan
from desk.review.reattach import comparable, plan_sync
from desk.storage.quotes import QuoteTag

# 100 characters, lower-case letters and spaces: each letter changed costs 1 point of ratio.
BASE = ("the council will rebuild the old bridge over the wide river before "
        "the spring floods reach our towns")
assert len(BASE) == 100


def reworded(n: int, mark: str = "x") -> str:
    """BASE with n of its letters replaced by ``mark``, spread over the whole quotation."""
    letters = [i for i, ch in enumerate(BASE) if ch.isalpha() and ch != mark]
    chosen = {letters[round(k * (len(letters) - 1) / max(n - 1, 1))] for k in range(n)}
    assert len(chosen) == n
    return "".join(mark if i in chosen else ch for i, ch in enumerate(BASE))


def ratio(a: str, b: str) -> float:
    return fuzz.ratio(comparable(a), comparable(b))


def row(id_, text, start=0):
    return QuoteTag(id=id_, article_id=1, source_id=None, text=text, speaker=None, start=start,
                    end=start + len(text), status="unverified", origin=None, origin_ref="",
                    original=None, note="", reviewed_by="", reviewed_at=None, created_at="",
                    updated_at="")


def span(text, start=0):
    return QuoteSpan(start=start, end=start + len(text) + 2, text=text)


def pairs(plan):
    return {(m.row_id, m.span_index) for m in plan.matches}


@pytest.mark.parametrize("changed", [12, 18])
def test_a_reworded_quotation_keeps_its_row_from_a_ratio_of_80(changed):
    """Even when a second quotation in the text also resembles the row."""
    near, rival = reworded(changed), reworded(30, "z")
    assert ratio(BASE, near) == pytest.approx(100 - changed)
    assert 65 <= ratio(BASE, rival) < 80
    plan = plan_sync([row(1, BASE)], [span(rival, 0), span(near, 200)])
    assert pairs(plan) == {(1, 1)} and plan.new == [0] and plan.gone == []


@pytest.mark.parametrize("changed", [22, 28])
def test_below_80_a_row_with_two_candidates_keeps_neither(changed):
    """Neither is clearly the row's quotation: the row is gone, both quotations are new."""
    first, second = reworded(changed), reworded(30, "z")
    assert 65 <= ratio(BASE, first) < 80 and 65 <= ratio(BASE, second) < 80
    plan = plan_sync([row(1, BASE)], [span(first, 0), span(second, 200)])
    assert plan.matches == [] and plan.new == [0, 1] and plan.gone == [1]


@pytest.mark.parametrize("changed", [25, 33])
def test_each_others_only_partner_pairs_down_to_65(changed):
    text = reworded(changed)
    assert ratio(BASE, text) == pytest.approx(100 - changed)
    plan = plan_sync([row(1, BASE)], [span(text)])
    assert pairs(plan) == {(1, 0)}


@pytest.mark.parametrize("changed", [37, 42])
def test_below_65_even_an_only_partner_is_another_quotation(changed):
    text = reworded(changed)
    assert ratio(BASE, text) == pytest.approx(100 - changed)
    plan = plan_sync([row(1, BASE)], [span(text)])
    assert plan.matches == [] and plan.new == [0] and plan.gone == [1]
