"""The library list's searches, off the GUI thread.

One worker thread with its own read-only connection (``Library.reader()``) runs the list's
queries one after another. Each list asked for has a generation; asking for a newer one
cancels the stale query where it runs (SQLite's interrupt, ``Library.interrupt()``) and
skips stale requests still queued, and every answer carries its generation, so the model
drops whatever is not the list it shows now. The first page is answered as soon as it is
known, the count after it (none when the page is the whole list); a list whose first page
the GUI thread read itself (newest change first, by its index) asks only for the count. The
GUI thread only posts requests and shows answers.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from desk.model import DeskError


@dataclass(frozen=True)
class SearchRequest:
    generation: int
    query: dict = field(hash=False)  # Articles.list's filters
    limit: int = 200
    offset: int = 0
    after: tuple | None = None  # the list key of the last row shown (newest-change order)
    count: bool = False  # also count the whole list, once the page is answered
    page: bool = True  # False: only the count (a list whose first page is shown already)


@dataclass(frozen=True)
class SearchAnswer:
    request: SearchRequest
    kind: str  # "page", "count", "cancelled" or "failed"
    rows: list = field(default_factory=list)
    total: int = 0
    message: str = ""


class _Answers(QObject):
    """Carries answers from the worker to the GUI thread (a queued connection)."""
    answered = Signal(object)  # a SearchAnswer


class LibrarySearch:
    """The worker of one list. ``ask`` from the GUI thread; answers arrive on
    ``answers.answered``; ``close`` when the list goes away."""

    def __init__(self, library, *, open_reader: Callable[[], Any] | None = None):
        self.answers = _Answers()
        self._open_reader = open_reader or library.reader
        self._reader = None
        self._requests: queue.SimpleQueue[SearchRequest | None] = queue.SimpleQueue()
        self._newest = 0  # the newest generation asked for
        self._running = 0  # the generation of the request being run (0: none)
        self._generations = 0
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()  # the reader's interrupt against its opening/closing

    def new_generation(self) -> int:
        self._generations += 1
        return self._generations

    def ask(self, request: SearchRequest) -> None:
        """Queue a request; one of a newer generation cancels the stale one running."""
        self.cancel_before(request.generation)
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="desk-library-search",
                                            daemon=True)
            self._thread.start()
        self._requests.put(request)

    def cancel_before(self, generation: int) -> None:
        """Every request older than ``generation`` is stale: the one running is interrupted,
        queued ones are skipped."""
        if generation > self._newest:
            self._newest = generation
            with self._lock:
                if self._reader is not None and 0 < self._running < generation:
                    self._reader.interrupt()

    def close(self) -> None:
        """Cancel what runs, stop the worker and close its connection."""
        self._newest = self._generations = self._generations + 1
        with self._lock:
            if self._reader is not None:
                self._reader.interrupt()
        if self._thread is not None:
            self._requests.put(None)
            self._thread.join(10)
            self._thread = None

    # -- the worker thread --------------------------------------------------------------
    def _work(self) -> None:
        try:
            while (request := self._requests.get()) is not None:
                self._running = request.generation  # before the check: ask() may interrupt
                try:
                    if request.generation >= self._newest:  # else stale: nobody waits for it
                        self._answer(request)
                finally:
                    self._running = 0
        finally:
            with self._lock:
                if self._reader is not None:
                    self._reader.close()
                    self._reader = None

    def _answer(self, request: SearchRequest, retried: bool = False) -> None:
        from desk.storage import QueryInterrupted

        emit = self.answers.answered.emit
        try:
            if self._reader is None:
                reader = self._open_reader()
                with self._lock:
                    self._reader = reader
            articles = self._reader.articles
            rows = None
            if request.page:
                rows = articles.list(**request.query, limit=request.limit,
                                     offset=request.offset, after=request.after)
                emit(SearchAnswer(request, "page", rows=rows))
            if request.count and request.generation >= self._newest:
                whole = rows is not None and len(rows) < request.limit and not request.offset \
                    and request.after is None  # the first page is the whole list
                total = len(rows) if whole else articles.count(**request.query)
                emit(SearchAnswer(request, "count", total=total))
        except QueryInterrupted:
            emit(SearchAnswer(request, "cancelled"))
        except DeskError as exc:
            if self._drop_lost_reader() and not retried:  # a team library's server came back
                self._answer(request, retried=True)
                return
            emit(SearchAnswer(request, "failed", message=str(exc)))

    def _drop_lost_reader(self) -> bool:
        """Close a reader whose server cut it (the next request opens another); True if so."""
        with self._lock:
            reader = self._reader
            if reader is None or not getattr(reader, "connection_lost", False):
                return False
            self._reader = None
        reader.close()
        return True
