"""Stale check results computed again in the background (desk.review.results.refresh), so
the library report and the Review panel read stored results and the GUI thread never
checks the library.

``StaleRefresher.start()`` runs one pass in a worker with its own connection to the library
(``Library.another_connection``); ``progress(done, total)`` follows it and ``finished(quotations, unverified, articles)``
gives the library's totals from the stored results. A start while a pass runs asks for
another pass after it (what changed meanwhile is stale again), never two at once.
``start(articles=..., quotes=...)`` (a save and its sync: the articles and rows the change
names) looks at those articles only: finding the stale ones among the whole library read
every quotation row of it, 230 ms at 10,000 articles after every save. A row no longer
there (whose article is unknown) makes it a whole pass, as a plain ``start()`` is.

With ``separate_process`` (the window) each article's check runs in the check process
(desk.gui.check_process), not in the worker: a check in a thread of the window's process
holds the GIL the GUI thread needs. The worker keeps the reads and writes on its own
connection and waits for the answer; when the process cannot start the service thread
checks instead (the old way). Quitting stops the pass within a poll of the wait.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from desk.gui import first_paint

log = logging.getLogger(__name__)


class _Bridge(QObject):
    progress = Signal(int, int)
    done = Signal(int, int, int, str)  # quotations, unverified, articles, error ("" when fine)
    written = Signal(bool)  # the pass is over: True when another connection wrote meanwhile


class _RefreshJob(QRunnable):
    """Not auto-deleted: the refresher keeps it referenced while the pool runs it (as
    desk.gui.live_checks does)."""

    def __init__(self, library, bridge: _Bridge, stop: threading.Event,
                 separate_process: bool = False, connection=None, before: int | None = None,
                 scope: Scope | None = None):
        super().__init__()
        self.setAutoDelete(False)
        self.library, self.bridge, self.stop = library, bridge, stop
        self.separate_process = separate_process
        self.scope = scope  # None: every stale article
        # its own connection, opened on the GUI thread with its data version read there
        self.connection, self.before = connection, before

    def run(self) -> None:
        from desk.review.results import refresh

        totals, error, others = (0, 0, 0), "", True
        try:
            # Its own connection (never Library.open in a process that has the file open).
            with self.connection or self.library.another_connection() as lib:
                before = self.before if self.before is not None else lib.data_version()
                ids = self.scope.stale(lib) if self.scope is not None else None
                refresh(lib, ids, progress=self.bridge.progress.emit, stop=self.stop.is_set,
                        quotes_of=self._quotes_in_process if self.separate_process else None)
                totals = lib.check_results.totals()
                others = lib.data_version() != before
        except _Stopped:
            error = "stopped"
        except Exception as exc:  # a failed refresh leaves results stale, never the window broken
            error = f"{type(exc).__name__}: {exc}"
            log.warning("refreshing stored check results failed: %s", error)
        self.bridge.written.emit(others)
        self.bridge.done.emit(*totals, error)

    def _quotes_in_process(self, lib, article):
        """find_quotes's answer (check_article without spelling or suggestions), from the
        check process: the inputs read here, on the worker's connection."""
        from desk.checking import check_inputs, check_with
        from desk.gui import check_process

        inputs = check_inputs(lib, article)
        result = check_process.service().check(
            article.body, inputs, spelling=False, suggestions=False, parts=check_process.QUOTES,
            stop=self.stop.is_set,
            local=lambda: _with_quotes(check_with(article.body, inputs, spelling=False)))
        if result is None:
            raise _Stopped
        return result[1]


def _with_quotes(report):
    return report, report.all_quotes


class Scope:
    """What a pass looks at: these articles, and those of these quotation rows."""

    def __init__(self, articles=(), quotes=()):
        self.articles, self.quotes = frozenset(articles), frozenset(quotes)

    def __or__(self, other: Scope) -> Scope:
        return Scope(self.articles | other.articles, self.quotes | other.quotes)

    def stale(self, lib) -> list[int] | None:
        """The stale ones among them (None: a row is gone, so every stale article)."""
        ids = set(self.articles)
        if self.quotes:
            owners = lib.quotes.articles_of(self.quotes)
            if len(owners) < len(self.quotes):
                return None
            ids.update(owners.values())
        return lib.check_results.stale_among(sorted(ids))


class _Stopped(Exception):
    """The pass was stopped while an article was being checked."""


class _CountBridge(QObject):
    done = Signal(int, int)  # request number, count (-1 when it failed)


class _CountJob(QRunnable):
    def __init__(self, library, bridge: _CountBridge, number: int, args: tuple):
        super().__init__()
        self.setAutoDelete(False)
        self.library, self.bridge, self.number, self.args = library, bridge, number, args

    def run(self) -> None:
        n = -1
        try:
            with self.library.another_connection() as lib:
                statuses, article_id, source_id = self.args
                n = lib.queue.count(statuses, article_id=article_id, source_id=source_id)
        except Exception as exc:  # the count stays "N+" in the panel
            log.warning("counting the review queue failed: %s", exc)
        self.bridge.done.emit(self.number, n)


class QueueCounter(QObject):
    """The review queue's length counted in a worker (a count over every open quotation
    is tens of ms at 40,000); only the answer to the latest request is announced."""

    counted = Signal(int)

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bridge = _CountBridge(self)
        self._bridge.done.connect(self._done)
        self._jobs: dict[int, _CountJob] = {}
        self._number = 0

    def request(self, statuses, article_id: int | None, source_id: int | None) -> None:
        self._number += 1
        job = _CountJob(self.library, self._bridge, self._number,
                        (tuple(statuses), article_id, source_id))
        self._jobs[self._number] = job
        self._pool.start(job)

    def cancel(self) -> None:
        """Whatever is being counted is no longer wanted."""
        self._number += 1

    def _done(self, number: int, n: int) -> None:
        self._jobs.pop(number, None)
        if number == self._number and n >= 0:
            self.counted.emit(n)


class StaleRefresher(QObject):
    progress = Signal(int, int)  # done, total (articles being checked again)
    finished = Signal(int, int, int)  # quotations, unverified, articles (stored totals)
    # A pass's writes (stored results, on the worker's connection) are in: True when another
    # connection committed meanwhile (desk.gui.external_changes announces only then)
    written = Signal(bool)
    writing = Signal()  # a pass starts (desk.gui.external_changes polls first)

    def __init__(self, library, parent=None, *, separate_process: bool = False):
        """``separate_process``: each article checked in the check process (the window)."""
        super().__init__(parent)
        self.library = library
        self.separate_process = separate_process
        self.passes = 0  # passes finished (tests wait on it)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._stop = threading.Event()
        self._bridge = _Bridge(self)
        self._bridge.progress.connect(self.progress)
        self._bridge.done.connect(self._done)
        self._bridge.written.connect(self.written)
        self._job: _RefreshJob | None = None
        self._again = False
        self._again_scope: Scope | None = None  # the pass asked for meanwhile (None: whole)
        self._after_paint = False  # a pass waits for the window's first paint
        self.destroyed.connect(self._stop.set)
        app = QCoreApplication.instance()
        if app is not None:  # quitting ends the pass after the article in hand
            app.aboutToQuit.connect(self.stop)

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self, *, articles=None, quotes=()) -> None:
        """A pass over every stale article; with ``articles`` (ids, maybe none) and
        ``quotes`` (row ids), over the stale ones among those and the rows' articles."""
        if getattr(self.library, "read_only", False):
            return  # nothing could be stored; the reports compute what they need
        scope = None if articles is None else Scope(articles, quotes)
        if first_paint.holding():  # start-up: the pass begins after the window's first paint
            if not self._after_paint:
                self._after_paint = True
                first_paint.later(self._start_after_paint)
            return
        if self._job is not None:
            if not self._again:
                self._again, self._again_scope = True, scope
            elif self._again_scope is not None:
                self._again_scope = None if scope is None else self._again_scope | scope
            return
        connection = before = None
        try:  # the data version read before the window polls (desk.gui.save_worker)
            connection = self.library.another_connection()
            before = connection.data_version()
        except Exception as exc:  # noqa: BLE001 (the worker tries again and says why)
            log.info("the stale-results refresh opens its connection in the worker: %s", exc)
            if connection is not None:
                connection.close()
            connection = None
        self._job = _RefreshJob(self.library, self._bridge, self._stop, self.separate_process,
                                connection, before, scope)
        self.writing.emit()
        self._pool.start(self._job)

    def _start_after_paint(self) -> None:
        self._after_paint = False
        if not self._stop.is_set():
            self.start()

    def stop(self, timeout_ms: int = 5000) -> bool:
        """End the pass (the window closing): after the article in hand, or at once when
        it is being checked in the check process. False if the worker had not ended
        within ``timeout_ms`` (it ends on its own; nothing waits for it)."""
        self._stop.set()
        return self._pool.waitForDone(timeout_ms)

    def _done(self, quotations: int, unverified: int, articles: int, error: str) -> None:
        self._job = None
        self.passes += 1
        if not error:
            self.finished.emit(quotations, unverified, articles)
        if self._again and not self._stop.is_set():
            scope, self._again, self._again_scope = self._again_scope, False, None
            if scope is None:
                self.start()
            else:
                self.start(articles=scope.articles, quotes=scope.quotes)


__all__ = ["QueueCounter", "Scope", "StaleRefresher"]
