"""Keeping quotation tags attached to their quotations while the article changes.

A quotation "exists" in the library as a row of ``quotes``. ``sync_quotes`` runs the
checks engine on the article body and matches the quotations it finds to the stored rows
by content: exact (folded) text first, then fuzzy similarity (rapidfuzz ratio of at least
``FUZZY_MIN``), ties broken by nearest position. Then:

- a matched row gets the quotation's current start/end/text (and speaker, when the engine
  names one); its source is filled from the engine only when the editor set none; a row
  whose speaker or source an editor assigned (``assigned``) keeps them;
- a matched VERIFIED row whose words changed goes back to ``unverified`` and keeps the
  verified wording in ``original`` (unless an original was already recorded), so the
  engine's ``misquote`` problem shows the difference;
- a quotation without a row gets a new row (unverified, source from the engine);
- a row whose quotation is gone is *orphaned* (start/end NULL) when it carries review work
  (any status but unverified, an original, a note, an origin, a reviewer), so the work
  comes back if the quotation does (undo, paste back); rows with no review work are
  deleted, so typing and deleting does not pile up rows.

Spans should include the quotations marked "not a quotation" (``CheckReport.all_quotes``),
or their rows would look gone. Rows are synced when an article is saved: the window after
autosave, ``desk import`` after each imported article. Reads never sync: the status gate
uses ``planned_rows``, which computes what a sync would leave without writing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Sequence

from rapidfuzz import fuzz, process

from desk.model import QuoteSpan, TaggedQuote
from desk.review.material import words
from desk.storage.quotes import QuoteDiff, QuoteTag

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
    """Pair stored rows with found quotations (see the module docstring).

    Same words are paired first, without any scoring; only the rows and quotations left
    over are fuzzy-scored, so an edit that merely moves quotations costs no fuzzy work."""
    row_keys = [comparable(r.text) for r in rows]
    span_keys = [comparable(s.text) for s in spans]

    def distance(ri: int, si: int) -> int:
        start = rows[ri].start
        return abs(start - spans[si].start) if start is not None else 10**9

    used_rows: set[int] = set()
    used_spans: set[int] = set()
    matches: list[Match] = []

    def take(candidates) -> None:
        for _tier, neg_score, _dist, ri, si in sorted(candidates):
            if ri not in used_rows and si not in used_spans:
                used_rows.add(ri)
                used_spans.add(si)
                matches.append(Match(rows[ri].id, si, -neg_score))

    # Tier 0, same words: pairs only form within one key, nearest position first.
    spans_by_key: dict[str, list[int]] = {}
    for si, sk in enumerate(span_keys):
        spans_by_key.setdefault(sk, []).append(si)
    rows_by_key: dict[str, list[int]] = {}
    for ri, rk in enumerate(row_keys):
        if rk in spans_by_key:
            rows_by_key.setdefault(rk, []).append(ri)
    far = 10**9
    for key, ris in rows_by_key.items():
        sis = spans_by_key[key]
        if len(ris) == 1 and len(sis) == 1:
            pairs = [(0, ris[0], sis[0])]
        else:  # the same quotation several times: nearest position first
            starts = [(si, spans[si].start) for si in sis]
            placed = [(ri, rows[ri].start) for ri in ris if rows[ri].start is not None]
            pairs = [(abs(rs - ss), ri, si) for ri, rs in placed for si, ss in starts]
            pairs.sort()
            pairs += [(far, ri, si) for ri in ris if rows[ri].start is None for si in sis]
        todo = min(len(ris), len(sis))
        for _dist, ri, si in pairs:
            if ri not in used_rows and si not in used_spans:
                used_rows.add(ri)
                used_spans.add(si)
                matches.append(Match(rows[ri].id, si, 100.0))
                todo -= 1
                if not todo:
                    break

    left_rows = [ri for ri in range(len(rows)) if ri not in used_rows]
    left_spans = [si for si in range(len(spans)) if si not in used_spans]
    if left_rows and left_spans:
        take(_fuzzy_candidates(row_keys, span_keys, left_rows, left_spans, distance))
    new = [si for si in range(len(spans)) if si not in used_spans]
    gone = [rows[ri].id for ri in range(len(rows)) if ri not in used_rows]
    return SyncPlan(matches=matches, new=new, gone=gone)


def _partners(query: str, keys: Sequence[str]) -> dict[int, float]:
    """Indexes of ``keys`` at least FUZZY_MUTUAL_MIN similar to ``query`` but not equal."""
    if not query:
        return {}
    return {i: score for _key, score, i in process.extract_iter(
        query, keys, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_MUTUAL_MIN)
        if keys[i] and keys[i] != query}


def _fuzzy_candidates(row_keys, span_keys, left_rows, left_spans, distance):
    """Tiers 1 and 2 among the leftovers. A pair's "only partner" test still counts every
    quotation and row, paired or not, as scoring them all against each other did."""
    row_partners = {ri: _partners(row_keys[ri], span_keys) for ri in left_rows}
    span_partner_count = {si: len(_partners(span_keys[si], row_keys)) for si in left_spans}
    row_key_set, span_key_set = set(row_keys), set(span_keys)
    candidates = []
    for ri in left_rows:
        partners = row_partners[ri]
        for si in left_spans:
            score = partners.get(si)
            if score is None:
                continue
            if score >= FUZZY_MIN:
                candidates.append((1, -score, distance(ri, si), ri, si))
            elif (len(partners) == 1 and span_partner_count[si] == 1
                  and row_keys[ri] not in span_key_set and span_keys[si] not in row_key_set):
                # Heavily rewritten quotation: accept when each is the other's only partner.
                candidates.append((2, -score, distance(ri, si), ri, si))
    return candidates


def has_review_work(row: QuoteTag) -> bool:
    return (row.status != "unverified" or row.original is not None or bool(row.note)
            or row.origin is not None or bool(row.origin_ref) or bool(row.reviewed_by)
            or row.reviewed_at is not None)


def is_orphaned(row: QuoteTag) -> bool:
    return row.start is None


def find_quotes(lib, article) -> list[QuoteSpan]:
    """The quotations the engine finds in an article's body, checked the one way
    (desk.checking), "not a quotation" ones included."""
    from desk.checking import check_article

    return check_article(lib, article, spelling=False, suggestions=False).all_quotes


def attached_tags(lib, article_id: int) -> list[TaggedQuote]:
    """The article's tags minus orphans, which no longer stand for any text and must not
    raise misquotes against a similar quotation (see Quotes.tagged)."""
    return lib.quotes.tagged(article_id)


def sync_quotes(lib, article_id: int, spans: Sequence[QuoteSpan] | None = None) -> list[QuoteTag]:
    """Bring the article's quotation rows in line with its text; returns the attached rows
    in text order. ``spans`` (the engine's quotations) may be passed when already at hand.

    The rows are read and planned inside the write transaction (BEGIN IMMEDIATE), so
    processes syncing one article at once take turns and each sees the rows the previous
    one stored, instead of all inserting the same quotations; the engine runs before it.
    Only the rows that change are written (``diff_sync``)."""
    article = lib.articles.get(article_id, include_deleted=True)
    if getattr(lib, "read_only", False):  # bookkeeping only: a read-only library keeps its rows
        return attached(lib, article_id)
    if spans is None:
        spans = find_quotes(lib, article)
    with lib.transaction():
        lib.quotes.apply(diff_sync(article_id, lib.quotes.list(article_id=article_id), spans))
    return attached(lib, article_id)


def diff_sync(article_id: int, rows: Sequence[QuoteTag], spans: Sequence[QuoteSpan]) -> QuoteDiff:
    """What sync_quotes writes, as data (pure: the window computes it in a worker from the
    rows and text it read, then ``Quotes.apply`` writes it if both are still current).
    Only rows that change are named: an edit that moves nothing writes nothing."""
    spans = _one_per_place([s for s in spans if s.text.strip()])
    plan = plan_sync(rows, spans)
    by_id = {r.id: r for r in rows}
    deleted: list[int] = []
    moves: list[tuple[int, int | None, int | None]] = []
    for rid in plan.gone:  # first, so their places are free for the others
        row = by_id[rid]
        if not has_review_work(row):
            deleted.append(rid)
        elif row.start is not None:
            moves.append((rid, None, None))
    updated = []
    for m in plan.matches:
        row, span = by_id[m.row_id], spans[m.span_index]
        changes = _matched_changes(row, span)
        if changes:
            updated.append((row.id, changes))
        if (row.start, row.end) != (span.start, span.end):  # positions change together, after
            moves.append((row.id, span.start, span.end))    # the content (see Quotes.move)
    added = tuple({"text": spans[si].text, "speaker": spans[si].speaker,
                   "source_id": spans[si].source_id, "start": spans[si].start, "end": spans[si].end}
                  for si in plan.new)
    return QuoteDiff(article_id, deleted=tuple(deleted), updated=tuple(updated), moved=tuple(moves),
                     added=added)


def _one_per_place(spans: Sequence[QuoteSpan]) -> list[QuoteSpan]:
    """The first span at each (start, end): a place in the text holds one quotation row."""
    seen: set[tuple[int, int]] = set()
    out = []
    for s in spans:
        if (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            out.append(s)
    return out


def attached(lib, article_id: int) -> list[QuoteTag]:
    """The rows whose quotation is in the current text, in text order."""
    rows = [q for q in lib.quotes.list(article_id=article_id) if q.start is not None]
    return sorted(rows, key=lambda q: (q.start, q.id))


def orphaned(lib, article_id: int) -> list[QuoteTag]:
    return [q for q in lib.quotes.list(article_id=article_id) if q.start is None]


def _matched_changes(row: QuoteTag, span: QuoteSpan) -> dict:
    """What the sync changes on a matched row, besides its place (see the module docstring)."""
    changes: dict = {}
    if row.text != span.text:
        changes["text"] = span.text
        words_changed = comparable(row.text) != comparable(span.text)
        if words_changed and row.status == "verified":
            changes["status"] = "unverified"
            if row.original is None:
                changes["original"] = row.text
    if not row.assigned:  # an editor's attribution is never replaced by the engine's guess
        if span.speaker and span.speaker != row.speaker:
            changes["speaker"] = span.speaker
        if row.source_id is None and span.source_id is not None:
            changes["source_id"] = span.source_id
    return changes


def planned_rows(lib, article_id: int, spans: Sequence[QuoteSpan]) -> list[QuoteTag]:
    """The rows sync_quotes would leave attached, in text order, computed without writing
    (the status gate's read). A quotation that has no row yet comes back as a new
    unverified row with id None."""
    spans = _one_per_place([s for s in spans if s.text.strip()])
    rows = lib.quotes.list(article_id=article_id)
    plan = plan_sync(rows, spans)
    by_id = {r.id: r for r in rows}
    out = []
    for m in plan.matches:
        row, span = by_id[m.row_id], spans[m.span_index]
        out.append(dataclasses.replace(row, **_matched_changes(row, span),
                                       start=span.start, end=span.end))
    for si in plan.new:
        span = spans[si]
        out.append(QuoteTag(
            id=None, article_id=article_id, source_id=span.source_id, text=span.text,  # type: ignore[arg-type]
            speaker=span.speaker, start=span.start, end=span.end, status="unverified",
            origin=None, origin_ref="", original=None, note="", reviewed_by="",
            reviewed_at=None, created_at="", updated_at=""))
    return sorted(out, key=lambda q: (q.start, q.id is None, q.id or 0))


__all__ = ["FUZZY_MIN", "Match", "SyncPlan", "attached", "attached_tags", "comparable", "diff_sync", "find_quotes",
           "has_review_work", "is_orphaned", "orphaned", "plan_sync", "planned_rows", "sync_quotes"]
