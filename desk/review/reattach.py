"""Keeping quotation tags attached to their quotations while the article changes.

A quotation "exists" in the library as a row of ``quotes``. ``sync_quotes`` runs the
checks engine on the article body and matches the quotations it finds to the stored rows
by content: exact (folded) text first, then fuzzy similarity (rapidfuzz ratio of at least
``FUZZY_MIN``), ties broken by nearest position. Then:

- a matched row gets the quotation's current start/end/text (and speaker, when the engine
  names one); its source is filled from the engine only when the editor set none;
- a matched VERIFIED row whose words changed goes back to ``unverified`` and keeps the
  verified wording in ``original`` (unless an original was already recorded), so the
  engine's ``misquote`` problem shows the difference;
- a quotation without a row gets a new row (unverified, source from the engine);
- a row whose quotation is gone is *orphaned* (start/end NULL) when it carries review work
  (any status but unverified, an original, a note, an origin, a reviewer), so the work
  comes back if the quotation does (undo, paste back); rows with no review work are
  deleted, so typing and deleting does not pile up rows.

The window calls ``sync_quotes`` after autosave; ``desk quotes list`` calls it first, so
quotation ids are stable and current.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from rapidfuzz import fuzz

from desk.model import QuoteSpan, TaggedQuote
from desk.review.material import words
from desk.storage.quotes import QuoteTag

FUZZY_MIN = 80.0
# A pair both sides' only plausible partner may be further apart (a quotation rewritten
# more heavily), down to this.
FUZZY_MUTUAL_MIN = 65.0


@dataclass(frozen=True)
class Match:
    row_id: int
    span_index: int
    score: float  # 100 for the same words


@dataclass
class SyncPlan:
    """What sync_quotes will do; pure data, computed without touching the library."""

    matches: list[Match]
    new: list[int]  # span indexes without a row
    gone: list[int]  # row ids whose quotation is not in the text


def comparable(text: str) -> str:
    return " ".join(words(text))


def plan_sync(rows: Sequence[QuoteTag], spans: Sequence[QuoteSpan]) -> SyncPlan:
    """Pair stored rows with found quotations (see the module docstring)."""
    row_keys = [comparable(r.text) for r in rows]
    span_keys = [comparable(s.text) for s in spans]
    candidates: list[tuple[int, float, int, int, int]] = []  # (tier, -score, distance, ri, si)
    fuzzy: dict[tuple[int, int], float] = {}
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
    # Heavily rewritten quotation: accept when each is the other's only partner.
    for (ri, si), score in fuzzy.items():
        if score < FUZZY_MIN:
            row_partners = [k for k in fuzzy if k[0] == ri]
            span_partners = [k for k in fuzzy if k[1] == si]
            exact_elsewhere = row_keys[ri] in span_keys or span_keys[si] in row_keys
            if len(row_partners) == 1 and len(span_partners) == 1 and not exact_elsewhere:
                distance = abs(rows[ri].start - spans[si].start) if rows[ri].start is not None else 10**9
                candidates.append((2, -score, distance, ri, si))
    candidates.sort()
    used_rows: set[int] = set()
    used_spans: set[int] = set()
    matches = []
    for _tier, neg_score, _dist, ri, si in candidates:
        if ri in used_rows or si in used_spans:
            continue
        used_rows.add(ri)
        used_spans.add(si)
        matches.append(Match(rows[ri].id, si, -neg_score))
    new = [si for si in range(len(spans)) if si not in used_spans]
    gone = [rows[ri].id for ri in range(len(rows)) if ri not in used_rows]
    return SyncPlan(matches=matches, new=new, gone=gone)


def has_review_work(row: QuoteTag) -> bool:
    return (row.status != "unverified" or row.original is not None or bool(row.note)
            or row.origin is not None or bool(row.origin_ref) or bool(row.reviewed_by)
            or row.reviewed_at is not None)


def is_orphaned(row: QuoteTag) -> bool:
    return row.start is None


def find_quotes(lib, article) -> list[QuoteSpan]:
    """The quotations the engine finds in an article's body."""
    from desk.checks.engine import check_text

    report = check_text(article.body, sources=lib.sources.refs(), tagged=attached_tags(lib, article.id),
                        language=article.language, spelling=False, suggestions=False)
    return list(report.quotes)


def attached_tags(lib, article_id: int) -> list[TaggedQuote]:
    """The article's tags minus orphans, which no longer stand for any text and must not
    raise misquotes against a similar quotation."""
    return [TaggedQuote(id=q.id, text=q.text, original=q.original, status=q.status,
                        source_id=q.source_id)
            for q in lib.quotes.list(article_id=article_id) if q.start is not None]


def sync_quotes(lib, article_id: int, spans: Sequence[QuoteSpan] | None = None) -> list[QuoteTag]:
    """Bring the article's quotation rows in line with its text; returns the attached rows
    in text order. ``spans`` (the engine's quotations) may be passed when already at hand."""
    article = lib.articles.get(article_id, include_deleted=True)
    if spans is None:
        spans = find_quotes(lib, article)
    spans = [s for s in spans if s.text.strip()]
    rows = lib.quotes.list(article_id=article_id)
    plan = plan_sync(rows, spans)
    by_id = {r.id: r for r in rows}
    with lib.transaction():
        for m in plan.matches:
            _update_matched(lib, by_id[m.row_id], spans[m.span_index])
        for si in plan.new:
            span = spans[si]
            lib.quotes.add(article_id, span.text, speaker=span.speaker, source_id=span.source_id,
                           start=span.start, end=span.end)
        for rid in plan.gone:
            row = by_id[rid]
            if not has_review_work(row):
                lib.quotes.delete(rid)
            elif row.start is not None:
                lib.quotes.update(rid, start=None, end=None)
    return attached(lib, article_id)


def attached(lib, article_id: int) -> list[QuoteTag]:
    """The rows whose quotation is in the current text, in text order."""
    rows = [q for q in lib.quotes.list(article_id=article_id) if q.start is not None]
    return sorted(rows, key=lambda q: (q.start, q.id))


def orphaned(lib, article_id: int) -> list[QuoteTag]:
    return [q for q in lib.quotes.list(article_id=article_id) if q.start is None]


def _update_matched(lib, row: QuoteTag, span: QuoteSpan) -> None:
    changes: dict = {}
    if (row.start, row.end) != (span.start, span.end):
        changes.update(start=span.start, end=span.end)
    if row.text != span.text:
        changes["text"] = span.text
        words_changed = comparable(row.text) != comparable(span.text)
        if words_changed and row.status == "verified":
            changes["status"] = "unverified"
            if row.original is None:
                changes["original"] = row.text
    if span.speaker and span.speaker != row.speaker:
        changes["speaker"] = span.speaker
    if row.source_id is None and span.source_id is not None:
        changes["source_id"] = span.source_id
    if changes:
        lib.quotes.update(row.id, **changes)


__all__ = ["FUZZY_MIN", "Match", "SyncPlan", "attached", "attached_tags", "comparable", "find_quotes",
           "has_review_work", "is_orphaned", "orphaned", "plan_sync", "sync_quotes"]
