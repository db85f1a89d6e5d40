"""Per-article check results for the quote review, computed once and stored
(desk.storage.check_results), so library-wide views read a query and only articles whose
inputs changed are checked again.

``compute`` is the one way a result is made (what the reports count: each quotation's
rows as a save would sync them, the engine's reading of its speaker); ``refresh`` computes
the stale ones (a save's sync, `desk review --library`, the window's background refresh).
The store is a cache: a read-only library still gets correct reports, computed each time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from desk.storage.check_results import Freshness, StoredResult

if TYPE_CHECKING:
    from desk.model import Article, QuoteSpan
    from desk.storage import Library

Progress = Callable[[int, int], None]  # (done, total)
# (lib, article) -> the engine's quotations of its body, as desk.review.reattach.find_quotes
# gives them (the window's refresh has them found in its check process)
QuotesOf = Callable[["Library", "Article"], Sequence["QuoteSpan"]]
BATCH = 50  # results stored per transaction: short write locks, little lost when stopped


def compute(lib: Library, article_id: int, version: str, *,
            quotes_of: QuotesOf | None = None) -> StoredResult:
    """The article's result as of now, stored under ``version`` (read before computing, so
    a change made meanwhile leaves the result stale, never wrongly fresh). ``quotes_of``:
    who finds the quotations (default desk.review.reattach.find_quotes, here)."""
    from desk.review.reattach import find_quotes, orphaned, planned_rows

    article = lib.articles.get(article_id, include_deleted=True)
    spans = (quotes_of or find_quotes)(lib, article)
    kinds = {s.start: s.speaker_kind for s in spans}
    rows = planned_rows(lib, article_id, spans)  # a report is a read: no row is written
    items = tuple((q.source_id, q.speaker, q.status, kinds.get(q.start))
                  for q in rows if q.status != "not-a-quote")
    return StoredResult(article_id, version, items, len(orphaned(lib, article_id)))


def refresh(lib: Library, article_ids: Iterable[int] | None = None, *,
            progress: Progress | None = None, stop: Callable[[], bool] | None = None,
            store: bool = True, quotes_of: QuotesOf | None = None) -> dict[int, StoredResult]:
    """Compute the results of these articles (default: every stale one) and store them,
    BATCH to a transaction. ``progress(done, total)`` after each article; ``stop()`` true
    ends early (what is computed so far is kept). ``quotes_of``: as for ``compute``.
    Returns the results by article."""
    ids = lib.check_results.read(with_items=False).stale if article_ids is None \
        else list(article_ids)
    versions = lib.check_results.versions(ids)
    store = store and not lib.read_only
    out: dict[int, StoredResult] = {}
    pending: list[StoredResult] = []
    total = len(versions)
    for done, aid in enumerate(versions, 1):
        if stop is not None and stop():
            break
        out[aid] = result = compute(lib, aid, versions[aid], quotes_of=quotes_of)
        pending.append(result)
        if store and len(pending) >= BATCH:
            lib.check_results.store(pending)
            pending = []
        if progress is not None:
            progress(done, total)
    if store and pending:
        lib.check_results.store(pending)
    return out


def library_results(lib: Library, *, progress: Progress | None = None) -> list[StoredResult]:
    """Every live article's result, most recently changed first: stored ones read, stale
    ones computed (and stored when the library can be written)."""
    state: Freshness = lib.check_results.read()
    computed = refresh(lib, state.stale, progress=progress) if state.stale else {}
    if progress is not None and not state.stale:
        progress(0, 0)
    return [state.fresh[aid] if aid in state.fresh else computed[aid]
            for aid in state.order if aid in state.fresh or aid in computed]


def store_for(lib: Library, article_ids: Sequence[int]) -> None:
    """After a save's sync: these articles' results as they now are."""
    if lib.read_only or not article_ids:
        return
    refresh(lib, article_ids)


__all__ = ["BATCH", "Progress", "QuotesOf", "compute", "library_results", "refresh", "store_for"]
