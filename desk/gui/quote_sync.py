"""Quotation rows follow a saved text without holding the GUI thread.

After a save the window asks ``QuoteSyncer.request(article_id, text, spans)``. A worker
reads the article's rows on a connection of its own (the window's is never touched off its
thread), finds the quotations (when the live check's ones are not of this text) and pairs
them with the rows; its small diff (desk.review.reattach.diff_sync) is written back by the
worker too, on its connection, in one transaction — only the rows that change (checking the
rows there read all of a 100,000-word article's 3,000 rows: 20-40 ms on the GUI thread). The write is refused by
``Quotes.apply`` when the stored rows (their fingerprint) or the text
are no longer those the diff was computed from: a stale result never overwrites newer
state; a newer save's request replaces an older one still waiting, and a diff whose rows
were changed meanwhile (a quotation tagged) is computed again. A process that dies mid-way
leaves the rows as they were."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

from desk.checking import CheckInputs, check_inputs, check_with
from desk.model import DeskError, QuoteSpan
from desk.operations.changes import Changes
from desk.storage.edits import busy_timeout, is_busy

if TYPE_CHECKING:
    from desk.storage.quotes import QuoteDiff, QuoteTag

log = logging.getLogger(__name__)

WRITE_WAIT_MS = 150  # longest wait for another process's write lock (the worker's write)
RETRY_MS = 500  # after a busy library or rows changed under the diff
MAX_RETRIES = 5


@dataclasses.dataclass(frozen=True)
class SyncRequest:
    """One article's saved text (and the live check's quotations of it, when at hand)."""

    generation: int
    article_id: int
    text: str
    spans: tuple[QuoteSpan, ...] | None  # the live check's quotations of exactly this text


def plan(request: SyncRequest, rows: Sequence[QuoteTag], inputs: CheckInputs | None) -> QuoteDiff:
    """The worker's pairing (pure): the quotations of the text, paired with the rows."""
    spans = request.spans
    if spans is None:
        assert inputs is not None
        spans = tuple(check_with(request.text, inputs, spelling=False).all_quotes)
    from desk.review.reattach import diff_sync  # rapidfuzz: imported after the paint

    return diff_sync(request.article_id, rows, spans)


def work(request: SyncRequest, reader) -> tuple[QuoteDiff, str]:
    """The worker's reading and pairing on its own connection ``reader``: (diff, the
    fingerprint of the rows it was computed from)."""
    from desk.storage.quotes import tagged_of

    rows, fingerprint = reader.quotes.snapshot(request.article_id)
    inputs = None if request.spans is not None else check_inputs(
        reader, request.article_id, tagged=tagged_of(rows))
    return plan(request, rows, inputs), fingerprint


def write(request: SyncRequest, diff: QuoteDiff, fingerprint: str, writer) -> set[int] | None:
    """The worker's write of ``diff`` on ``writer`` (Quotes.apply: None, nothing written,
    when the rows or the text are no longer those it was computed from)."""
    with busy_timeout(writer, WRITE_WAIT_MS):
        return writer.quotes.apply(diff, fingerprint=fingerprint, body=request.text)


class _Bridge(QObject):
    done = Signal(int)  # the job's number (never None through a queued signal)


@dataclasses.dataclass
class _Outcome:
    touched: set[int] | None = None  # the rows written; None: refused (rows or text moved)
    busy: bool = False  # another process held the write lock
    error: str = ""  # why writing failed
    others_wrote: bool = True  # another connection committed while the job ran


class _SyncJob(QRunnable):
    def __init__(self, number: int, request: SyncRequest, reader, bridge: _Bridge, *,
                 writes: bool = True):
        super().__init__()
        self.writes = writes  # a file library: the worker writes the diff too
        self.before = 0  # the reader's data version as the job started (read on the GUI thread)
        self.setAutoDelete(False)  # kept referenced until its result is handled
        self.number, self.request, self.reader, self.bridge = number, request, reader, bridge
        self.diff: QuoteDiff | None = None
        self.fingerprint = ""
        self.error = ""
        self.outcome: _Outcome | None = None

    def run(self):
        try:
            self.diff, self.fingerprint = work(self.request, self.reader)
        except Exception as exc:  # a sync bug must not break saving; said in the status bar
            self.error = f"{type(exc).__name__}: {exc}"
        else:
            if self.writes:
                self.outcome = self._write(self.diff, self.fingerprint, self.before)
        self.bridge.done.emit(self.number)

    def _write(self, diff: QuoteDiff, fingerprint: str, before: int) -> _Outcome:
        outcome = _Outcome()
        try:
            outcome.touched = write(self.request, diff, fingerprint, self.reader)
        except (DeskError, OSError) as exc:
            outcome.busy = is_busy(exc)
            outcome.error = "" if outcome.busy else str(exc)
        try:
            outcome.others_wrote = self.reader.data_version() != before
        except (DeskError, OSError):
            pass
        return outcome


class QuoteSyncer(QObject):
    synced = Signal(object)  # Changes: the quotation rows written (only when some were)
    failed = Signal(str)  # why a sync could not be done (a status-bar notice)
    writing = Signal()  # a job that writes starts (desk.gui.external_changes polls first)
    written = Signal(bool)  # a job's write is in: True when another connection wrote meanwhile

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bridge = _Bridge()
        self._bridge.done.connect(self._done)
        self._generation = 0
        self._job: _SyncJob | None = None  # running
        self._pending: dict[int, tuple[str, tuple | None, int]] = {}  # article -> request args
        self._latest: dict[int, int] = {}  # article -> generation of its newest request
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._start_next)
        self._closed = False
        self._job_retries = 0
        self._jobs = 0  # jobs started: a result is known by its job's number
        # article -> (text, quotations) its rows were last brought in line with: the same
        # again is skipped (reopening an article whose rows can never equal what is on
        # screen, a quotation at the place of another, would sync at every open)
        self._synced: dict[int, tuple[str, tuple]] = {}
        self._reader = None  # the worker's connection, made on the first request

    def request(self, article_id: int, text: str, spans: Sequence[QuoteSpan] | None = None,
                *, retries: int = 0) -> None:
        """Bring the rows of ``article_id`` in line with ``text`` (its saved body) soon.
        ``spans``: the quotations the live check found in exactly this text, if at hand."""
        if self._closed or getattr(self.library, "read_only", False):
            return
        if spans is not None and self._synced.get(article_id) == (text, tuple(spans)):
            return
        self._generation += 1
        self._latest[article_id] = self._generation
        self._pending[article_id] = (text, tuple(spans) if spans is not None else None, retries)
        self._start_next()

    def is_idle(self) -> bool:
        return self._job is None and not self._pending

    def wait(self, timeout_ms: int = 30000) -> None:
        """Finish every requested sync now (closing the window; tests)."""
        while not self._closed and not self.is_idle():
            self._retry.stop()
            if self._job is None:
                self._start_next()
                if self._job is None:
                    return  # could not read the rows: nothing to wait for
            self._pool.waitForDone(timeout_ms)
            QCoreApplication.sendPostedEvents(self._bridge)
            job = self._job
            if job is not None:  # its queued signal had not arrived (it is ignored later)
                self._done(job.number)

    def shutdown(self) -> None:
        self._closed = True
        self._retry.stop()
        self._pool.waitForDone(5000)
        self._job = None
        self._pending.clear()
        if self._reader is not None and self._pool.activeThreadCount() == 0:
            self._reader.close()
            self._reader = None

    # -- internals ---------------------------------------------------------------------
    def _start_next(self) -> None:
        if self._job is not None or not self._pending or self._closed or self._retry.isActive():
            return
        article_id = next(iter(self._pending))
        text, spans, retries = self._pending.pop(article_id)
        if self._reader is not None and getattr(self._reader, "connection_lost", False):
            self._reader.close()  # a team library's server cut it: open another
            self._reader = None
        try:
            if self._reader is None:
                self._reader = self.library.another_connection()
        except (DeskError, OSError) as exc:
            log.info("quotation sync of article %d not started: %s", article_id, exc)
            return
        request = SyncRequest(self._latest[article_id], article_id, text, spans)
        self._jobs += 1
        # A team library's rows are written on the window's connection, whose own writes
        # its notifications leave out (desk.gui.team_changes).
        self._job = _SyncJob(self._jobs, request, self._reader, self._bridge,
                             writes=not getattr(self.library, "is_postgresql", False))
        self._job_retries = retries
        if self._job.writes:
            try:  # on this thread, the reader idle: then the window polls (desk.gui.save_worker)
                self._job.before = self._reader.data_version()
            except (DeskError, OSError):
                pass  # its write will say others wrote: announced, never swallowed
            self.writing.emit()
        self._pool.start(self._job)

    def _done(self, number: int) -> None:
        job = self._job
        if job is None or job.number != number:
            return  # already handled (wait())
        self._job = None
        request, generation = job.request, job.request.generation
        if job.outcome is not None:
            self.written.emit(job.outcome.others_wrote)
        if job.error:
            self.failed.emit(f"quotation sync failed: {job.error}")
        elif self._latest.get(request.article_id) != generation:
            pass  # a newer save of this article asked for its own sync; this one is stale
            # (its write was refused: the newer text was stored before that sync was asked)
        elif job.outcome is not None:
            self._written(request, job.outcome, self._job_retries)
        elif job.diff is not None:
            self._apply(request, job.diff, job.fingerprint, self._job_retries)
        self._start_next()

    def _apply(self, request: SyncRequest, diff: QuoteDiff, fingerprint: str,
               retries: int) -> None:
        """A team library's write, on the GUI thread's connection."""
        outcome = _Outcome()
        try:
            with busy_timeout(self.library, WRITE_WAIT_MS):
                outcome.touched = self.library.quotes.apply(diff, fingerprint=fingerprint,
                                                            body=request.text)
        except (DeskError, OSError) as exc:
            outcome.busy = is_busy(exc)
            outcome.error = "" if outcome.busy else str(exc)
        self._written(request, outcome, retries)

    def _written(self, request: SyncRequest, outcome: _Outcome, retries: int) -> None:
        if outcome.error:
            self.failed.emit(f"quotation sync failed: {outcome.error}")
            return
        touched = outcome.touched
        if outcome.busy or touched is None:
            # another process writing; rows tagged meanwhile, or another text stored
            self._again(request, retries)
            return
        if request.spans is not None:
            self._synced[request.article_id] = (request.text, request.spans)
        if touched:
            self.synced.emit(Changes.of(quotes=touched))

    def _again(self, request: SyncRequest, retries: int) -> None:
        if retries >= MAX_RETRIES:
            log.info("quotation sync of article %d given up after %d tries", request.article_id,
                     retries)
            return
        if request.article_id not in self._pending:  # else a newer save's request waits
            self._latest[request.article_id] = request.generation
            self._pending[request.article_id] = (request.text, request.spans, retries + 1)
        self._retry.start()
