"""The review queue: quotations still to review, across all articles, as plain records.

``review_queue`` lists them; ``QueueCursor`` is the keyboard model the window's queue
widget drives (next, previous, verify, dispute, open), with no Qt in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from desk.model import QUOTE_STATUSES, DeskError

OPEN_STATUSES = ("unverified", "disputed")


@dataclass(frozen=True)
class QueueItem:
    quote_id: int
    article_id: int
    headline: str
    text: str
    speaker: str | None
    source_id: int | None
    source_name: str | None
    status: str
    start: int
    end: int
    note: str
    original: str | None

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def sync_all(lib, article_id: int | None = None) -> None:
    """Bring quotation rows up to date (one article, or every article not in the trash)."""
    from desk.review.reattach import sync_quotes

    ids = [article_id] if article_id is not None else [a.id for a in lib.articles.list()]
    for aid in ids:
        sync_quotes(lib, aid)


def _statuses(status: str | Sequence[str] | None) -> tuple[str, ...]:
    if status is None:
        return OPEN_STATUSES
    wanted = (status,) if isinstance(status, str) else tuple(status)
    for s in wanted:
        if s not in QUOTE_STATUSES:
            raise DeskError(f"unknown quotation status {s!r}; choose one of {', '.join(QUOTE_STATUSES)}")
    return wanted


def review_queue(lib, *, article_id: int | None = None, source_id: int | None = None,
                 status: str | Sequence[str] | None = None, sync: bool = False) -> list[QueueItem]:
    """Quotations in the text of articles not in the trash, most recently changed article
    first, then in text order. Default statuses: unverified and disputed."""
    if sync:
        sync_all(lib, article_id)
    wanted = _statuses(status)
    names = {s.id: s.name for s in lib.sources.refs()}
    articles: dict[int, tuple[str, str]] = {}
    items = []
    for q in lib.quotes.list(article_id=article_id, source_id=source_id):
        if q.start is None or q.status not in wanted:
            continue
        if q.article_id not in articles:
            a = lib.articles.get(q.article_id)
            articles[q.article_id] = (a.headline, a.updated_at)
        items.append(QueueItem(
            quote_id=q.id, article_id=q.article_id, headline=articles[q.article_id][0], text=q.text,
            speaker=q.speaker, source_id=q.source_id, source_name=names.get(q.source_id),
            status=q.status, start=q.start, end=q.end, note=q.note, original=q.original))
    items.sort(key=lambda i: (articles[i.article_id][1], -i.start), reverse=True)
    return items


@dataclass(frozen=True)
class OpenTarget:
    """Where the window should take the editor: the article and the quotation's span."""

    article_id: int
    start: int
    end: int


class QueueCursor:
    """A position in the review queue that survives refreshes.

    Acting on the current item (verify, dispute) refreshes the queue; the item then
    leaves it and the cursor lands on the one that followed, so an editor can work
    through the queue with one key."""

    def __init__(self, lib, *, article_id: int | None = None, source_id: int | None = None,
                 status: str | Sequence[str] | None = None, sync: bool = False):
        self.lib = lib
        self.filters = {"article_id": article_id, "source_id": source_id, "status": status}
        self.items: list[QueueItem] = []
        self.index = 0
        self.refresh(sync=sync)

    @property
    def current(self) -> QueueItem | None:
        return self.items[self.index] if self.items else None

    def refresh(self, *, sync: bool = False) -> None:
        keep = self.current.quote_id if self.current else None
        self.items = review_queue(self.lib, sync=sync, **self.filters)
        ids = [i.quote_id for i in self.items]
        if keep in ids:
            self.index = ids.index(keep)
        self.index = max(0, min(self.index, len(self.items) - 1))

    def set_filters(self, **filters) -> None:
        unknown = set(filters) - set(self.filters)
        if unknown:
            raise TypeError(f"unknown queue filters: {sorted(unknown)}")
        self.filters.update(filters)
        self.index = 0
        self.items = review_queue(self.lib, **self.filters)

    def next(self) -> QueueItem | None:
        if self.items:
            self.index = min(self.index + 1, len(self.items) - 1)
        return self.current

    def previous(self) -> QueueItem | None:
        if self.items:
            self.index = max(self.index - 1, 0)
        return self.current

    def select(self, quote_id: int) -> QueueItem | None:
        for n, item in enumerate(self.items):
            if item.quote_id == quote_id:
                self.index = n
        return self.current

    def _act(self, status: str, note: str | None, reviewer: str | None,
             force: bool = False) -> QueueItem | None:
        from desk.operations import quotes as ops

        item = self.current
        if item is None:
            return None
        if status == "verified":  # checked against its evidence first (EvidenceDiffers)
            ops.verify(self.lib, quote_id=item.quote_id, force=force, note=note, reviewer=reviewer)
        else:
            ops.set_status(self.lib, quote_id=item.quote_id, status=status, note=note,
                           reviewer=reviewer)
        return self.acted_on(item.quote_id)

    def acted_on(self, quote_id: int) -> QueueItem | None:
        """Re-read the queue after quotation ``quote_id`` was verified or disputed (here or by
        the window's runner): the cursor stays at its place, so it lands on the item that
        followed, and moves on when the quotation is still listed (disputed stays)."""
        position = self.index
        self.items = review_queue(self.lib, **self.filters)
        self.index = max(0, min(position, len(self.items) - 1))
        if self.current is not None and self.current.quote_id == quote_id:
            self.next()
        return self.current

    def verify(self, *, note: str | None = None, reviewer: str | None = None,
               force: bool = False) -> QueueItem | None:
        """Mark the current quotation verified; returns the new current item. Raises
        desk.review.evidence.EvidenceDiffers when its original or material says different
        words, unless ``force``."""
        return self._act("verified", note, reviewer, force)

    def dispute(self, *, note: str | None = None, reviewer: str | None = None) -> QueueItem | None:
        return self._act("disputed", note, reviewer)

    def open(self) -> OpenTarget | None:
        item = self.current
        return OpenTarget(item.article_id, item.start, item.end) if item else None
