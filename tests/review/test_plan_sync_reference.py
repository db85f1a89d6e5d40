"""plan_sync pairs same words first and fuzzy-scores only the leftovers; it must pair
exactly as scoring every row against every quotation did (kept here as the reference)."""

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from desk.model import QuoteSpan
from desk.review.reattach import FUZZY_MIN, FUZZY_MUTUAL_MIN, comparable, plan_sync
from desk.storage.quotes import QuoteTag

WORDS = ["we", "will", "win", "the", "vote", "today", "bridge", "spring", "budget", "yes"]


def reference(rows, spans):
    """The all-pairs plan_sync this replaced."""
    row_keys = [comparable(r.text) for r in rows]
    span_keys = [comparable(s.text) for s in spans]
    candidates, fuzzy = [], {}
    for ri, (row, rk) in enumerate(zip(rows, row_keys)):
        for si, (span, sk) in enumerate(zip(spans, span_keys)):
            distance = abs(row.start - span.start) if row.start is not None else 10**9
            if rk == sk:
                candidates.append((0, -100.0, distance, ri, si))
                continue
            score = fuzz.ratio(rk, sk) if rk and sk else 0.0
            if score >= FUZZY_MUTUAL_MIN:
                fuzzy[ri, si] = score
                if score >= FUZZY_MIN:
                    candidates.append((1, -score, distance, ri, si))
    for (ri, si), score in fuzzy.items():
        if score < FUZZY_MIN:
            row_partners = [k for k in fuzzy if k[0] == ri]
            span_partners = [k for k in fuzzy if k[1] == si]
            exact_elsewhere = row_keys[ri] in span_keys or span_keys[si] in row_keys
            if len(row_partners) == 1 and len(span_partners) == 1 and not exact_elsewhere:
                distance = abs(rows[ri].start - spans[si].start) if rows[ri].start is not None else 10**9
                candidates.append((2, -score, distance, ri, si))
    used_rows, used_spans, matches = set(), set(), set()
    for _tier, neg_score, _dist, ri, si in sorted(candidates):
        if ri not in used_rows and si not in used_spans:
            used_rows.add(ri)
            used_spans.add(si)
            matches.add((rows[ri].id, si, -neg_score))
    new = [si for si in range(len(spans)) if si not in used_spans]
    gone = [rows[ri].id for ri in range(len(rows)) if ri not in used_rows]
    return matches, new, gone


texts = st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join)
positions = st.integers(min_value=0, max_value=300)


@st.composite
def rows_and_spans(draw):
    row_texts = draw(st.lists(texts, max_size=7))
    rows = [QuoteTag(id=i + 1, article_id=1, source_id=None, text=t, speaker=None,
                     start=draw(st.none() | positions), end=None, status="unverified", origin=None,
                     origin_ref="", original=None, note="", reviewed_by="", reviewed_at=None,
                     created_at="", updated_at="")
            for i, t in enumerate(row_texts)]
    span_texts = draw(st.lists(st.sampled_from(row_texts) | texts if row_texts else texts, max_size=7))
    spans = [QuoteSpan(start=draw(positions), end=0, text=t) for t in span_texts]
    return rows, spans


@settings(max_examples=400, deadline=None)
@given(rows_and_spans())
def test_pairs_exactly_as_scoring_all_pairs_did(case):
    rows, spans = case
    plan = plan_sync(rows, spans)
    got = ({(m.row_id, m.span_index, m.score) for m in plan.matches}, plan.new, plan.gone)
    assert got == reference(rows, spans)


def test_rewritten_quotation_with_a_second_close_partner_is_not_forced_onto_it():
    # The row's only unpaired partner is the rewrite, but it is as close to a quotation
    # another row keeps: not "each other's only partner", so no heavy-rewrite match.
    from tests.review.test_reattach import _row

    rows = [_row(1, "we are going to rebuild that bridge before spring", 0),
            _row(2, "we are going summer to rebuild that bridge will spring", 100)]
    spans = [QuoteSpan(start=0, end=10, text="we are going road to that before spring"),
             QuoteSpan(start=100, end=110, text="we are going summer to rebuild that bridge will spring")]
    plan = plan_sync(rows, spans)
    assert [(m.row_id, m.span_index) for m in plan.matches] == [(2, 1)]
    assert plan.new == [0] and plan.gone == [1]
