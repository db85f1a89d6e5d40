"""The review queue: quotations still to review, across all articles, as plain records.

``review_queue`` lists them (one query, desk.storage.queue; ``limit``/``after`` read a page);
``QueueCursor`` is the keyboard model the window's queue widget drives (next, previous,
verify, dispute, open), with no Qt in it. With a ``page_size`` it holds only the rows
read so far and reads the next page when asked (``load_more``) or when ``next`` reaches the
last one, so a library of 10,000 articles shows its first rows at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from desk.model import QUOTE_STATUSES, DeskError
from desk.storage.queue import After
from desk.storage.queue import key as queue_key

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


def wanted_statuses(status: str | Sequence[str] | None) -> tuple[str, ...]:
    if status is None:
        return OPEN_STATUSES
    wanted = (status,) if isinstance(status, str) else tuple(status)
    for s in wanted:
        if s not in QUOTE_STATUSES:
            raise DeskError(f"unknown quotation status {s!r}; choose one of {', '.join(QUOTE_STATUSES)}")
    return wanted


def review_queue(lib, *, article_id: int | None = None, source_id: int | None = None,
                 status: str | Sequence[str] | None = None, sync: bool = False,
                 limit: int | None = None, after: After | None = None) -> list[QueueItem]:
    """Quotations in the text of articles not in the trash, most recently changed article
    first, then in text order. Default statuses: unverified and disputed. ``limit``: at most
    this many; ``after``: the position (``queue_key``) of the last one already read."""
    return _page(lib, article_id, source_id, status, sync, limit, after)[0]


def _page(lib, article_id, source_id, status, sync, limit, after):
    if sync:
        sync_all(lib, article_id)
    rows = lib.queue.page(wanted_statuses(status), article_id=article_id, source_id=source_id,
                          after=after, limit=limit)
    items = [QueueItem(quote_id=r["quote_id"], article_id=r["article_id"], headline=r["headline"],
                       text=r["text"], speaker=r["speaker"], source_id=r["source_id"],
                       source_name=r["source_name"], status=r["status"], start=r["start"],
                       end=r["end"], note=r["note"], original=r["original"]) for r in rows]
    return items, [queue_key(r) for r in rows]


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
                 status: str | Sequence[str] | None = None, sync: bool = False,
                 page_size: int | None = None):
        self.lib = lib
        self.filters = {"article_id": article_id, "source_id": source_id, "status": status}
        self.page_size = page_size  # None: every row at once
        self.items: list[QueueItem] = []
        self.more = False  # rows beyond those read (with a page size)
        self._after: After | None = None
        self.index = 0
        self.refresh(sync=sync)

    @property
    def current(self) -> QueueItem | None:
        return self.items[self.index] if self.items else None

    def _read(self, *, sync: bool = False) -> None:
        """Read from the start again, at least as many rows as were read before."""
        limit = None if self.page_size is None else max(self.page_size, len(self.items))
        items, keys = _page(self.lib, self.filters["article_id"], self.filters["source_id"],
                            self.filters["status"], sync, None if limit is None else limit + 1, None)
        self.more = limit is not None and len(items) > limit
        if self.more:
            items, keys = items[:limit], keys[:limit]
        self.items = items
        self._after = keys[-1] if keys else None

    def load_more(self) -> int:
        """Read the next page (with a page size); returns how many rows came."""
        if not self.more or self.page_size is None:
            return 0
        items, keys = _page(self.lib, self.filters["article_id"], self.filters["source_id"],
                            self.filters["status"], False, self.page_size + 1, self._after)
        self.more = len(items) > self.page_size
        items, keys = items[:self.page_size], keys[:self.page_size]
        if keys:
            self._after = keys[-1]
        self.items.extend(items)
        return len(items)

    def total(self) -> int:
        """How many rows the queue has with its filters (read or not)."""
        if not self.more:
            return len(self.items)
        return self.lib.queue.count(wanted_statuses(self.filters["status"]),
                                    article_id=self.filters["article_id"],
                                    source_id=self.filters["source_id"])

    def refresh(self, *, sync: bool = False) -> None:
        keep = self.current.quote_id if self.current else None
        self._read(sync=sync)
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
        self.items = []
        self._read()

    def next(self) -> QueueItem | None:
        if self.items and self.index == len(self.items) - 1:
            self.load_more()
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
        self._read()
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
