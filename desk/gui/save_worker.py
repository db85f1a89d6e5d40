"""The autosave's article write, on a worker thread with a connection of its own.

Writing a 100,000-word article (its word count, its search index, the lock check, the
comparison with the stored version) held the GUI thread 60-200 ms on every autosave. The
autosaver (desk.gui.autosave) now takes a snapshot of the fields on the GUI thread and hands
it here; ``desk.storage.edits.save_edit`` runs unchanged on the worker's connection, the
editing lock checked in the same transaction. One job at a time, and the autosaver hands
over the next only after the previous one's outcome arrived (so its base is that save's
result): an earlier save can never finish after a later one. ``wait()`` delivers the
outcome of the job in flight at once (an explicit save, closing the window).

A file library only: a team library's saves stay on the GUI thread, where desk.gui.offline
watches the connection (its own writes are told apart from the team's by the connection's
server process).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from desk.storage.edits import SaveResult, busy_timeout, save_edit

log = logging.getLogger(__name__)


@dataclass
class SaveJob:
    """One autosave: what the GUI thread took, then what the worker found."""

    article_id: int
    base: dict | None  # the stored text the editor's text starts from
    values: dict  # TEXT_FIELDS as on screen when the save started
    edits: int  # the autosaver's edit counter then: a later key press leaves it dirty
    loads: int  # the autosaver's load counter then: another article loaded since is not it
    save_args: dict = field(default_factory=dict)  # the editing lock's session and editor
    editor: str = ""  # who saves (stamped on the article)
    wait_ms: int = 150
    result: SaveResult | None = None
    error: BaseException | None = None
    before: int = 0  # the worker connection's data version as the job started
    others_wrote: bool = True  # another connection committed while this job ran


class _Bridge(QObject):
    done = Signal(int)  # the job's number


class _Run(QRunnable):
    def __init__(self, call: Callable[[], None]):
        super().__init__()
        self._call = call

    def run(self) -> None:
        self._call()


class SaveWorker(QObject):
    """Runs SaveJobs one at a time; ``finished(job)`` on the GUI thread for each."""

    def __init__(self, library, finished: Callable[[SaveJob], None], parent=None):
        super().__init__(parent)
        self.library = library
        self._finished = finished
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bridge = _Bridge()
        self._bridge.done.connect(self._done)
        self._writer = None  # the worker's connection, made by its first job
        self._job: SaveJob | None = None
        self._number = 0
        self._closed = False

    @property
    def busy(self) -> bool:
        return self._job is not None

    @property
    def closed(self) -> bool:
        return self._closed

    def submit(self, job: SaveJob, polled: Callable[[], None] = lambda: None) -> None:
        """Start ``job``. ``polled`` runs just after the worker's connection read its data
        version and before the job starts (the window polls for others' commits there: one
        made before is announced, one made after moves that version, nothing in between)."""
        if self._job is not None or self._closed:  # the autosaver never does this
            raise RuntimeError("the save worker is busy or shut down")
        self._number += 1
        number, self._job = self._number, job
        try:
            if self._writer is None:  # made here: the worker is idle, nothing else uses it
                self._writer = self.library.another_connection()
            job.before = self._writer.data_version()
        except Exception as exc:  # noqa: BLE001 (an outcome like any other failed save)
            job.error = exc.with_traceback(None)
            self._done(number)
            return
        polled()
        self._pool.start(_Run(lambda: self._run(number, job)))

    def wait(self, timeout_ms: int = 30000) -> None:
        """The job in flight finished and its outcome handed over, now."""
        if self._job is None:
            return
        self._pool.waitForDone(timeout_ms)
        QCoreApplication.sendPostedEvents(self._bridge)
        if self._job is not None and self._pool.activeThreadCount() == 0:
            self._done(self._number)  # its queued signal is ignored when it arrives

    def shutdown(self) -> None:
        """Finish the job in flight (its outcome handed over) and close the connection."""
        self.wait()
        self._closed = True
        if self._writer is not None and self._pool.activeThreadCount() == 0:
            self._writer.close()
            self._writer = None

    # -- the worker thread -------------------------------------------------------------
    def _run(self, number: int, job: SaveJob) -> None:
        try:
            writer = self._writer
            writer.editor = job.editor
            with busy_timeout(writer, job.wait_ms):
                job.result = save_edit(writer, job.article_id, job.base, job.values,
                                       **job.save_args)
            job.others_wrote = writer.data_version() != job.before
        except Exception as exc:  # noqa: BLE001 (handed to the GUI thread, never raised here)
            job.error = exc.with_traceback(None)  # no frames kept alive (no cycle)
        self._bridge.done.emit(number)

    # -- back on the GUI thread ----------------------------------------------------------
    def _done(self, number: int) -> None:
        job = self._job
        if job is None or number != self._number:
            return  # handed over already by wait()
        self._job = None
        self._finished(job)
