"""Saving without a Save button: within 2 s of a pause in typing (and at least every 2 s
while someone types without pausing), on switching articles and on close. Ctrl+S adds a
named revision on top.

An autosave never raises a dialog and never holds the GUI thread for long: it waits at
most TYPING_WAIT_MS for another process's write lock, and when the library is locked
(a long import in a terminal) or failing (read-only, disk full) it says "Not saved yet —
retrying" in the status bar and tries again with back-off, while the crash journal keeps
the text. A save over a version this window never saw keeps that version as a revision.

On a file library the timers' save writes in a worker thread (desk.gui.save_worker): the
GUI thread only takes the fields (one toPlainText) and, when the outcome arrives, does what
a save on the GUI thread did after writing. The editor stays "dirty" until then (the
journal keeps the text, nothing reloads over it); a key pressed meanwhile keeps it dirty.
Every explicit save (switching articles, Ctrl+S, exporting, closing) first takes the
outcome of the save in flight, then writes on the GUI thread as before, so saves land in
the order they were taken."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desk.gui import gui_gc
from desk.gui.edit_dispatch import QuietTimer, for_body
from desk.gui.save_worker import SaveJob, SaveWorker
from desk.model import DeskError
from desk.storage.edits import TEXT_FIELDS, busy_timeout, is_busy, save_edit, text_of
from desk.storage.locks import LockHeld

log = logging.getLogger(__name__)

PAUSE_MS = 1000  # after the last key press
MAX_DELAY_MS = 2000  # never more than this after the first unsaved change
TYPING_WAIT_MS = 150  # longest wait for the lock on the GUI thread during typing
EXPLICIT_WAIT_MS = 3000  # switching articles, exporting, closing: the editor asked for it
RETRY_MS = (250, 500, 1000, 2000)  # back-off after a failed save, then every 2 s

SAVED, SAVING, EDITED, FAILED = "saved", "saving", "edited", "failed"
SAVE_ERRORS = (DeskError, OSError)  # storage errors arrive as DeskError (desk.storage.errors)


class Autosaver(QObject):
    state_changed = Signal(str)  # saved | saving | edited | failed
    saved = Signal(object)  # the desk.model.Article as stored
    failed = Signal(str)  # why saving fails (once per run of failures): a status-bar notice
    conflict = Signal(object)  # the revision that keeps another window's version
    revision_created = Signal(object)
    revision_failed = Signal(str)
    writing = Signal()  # a save in the worker starts (desk.gui.external_changes polls first)
    # ... its write is in (also the quotation sync's and the stale-results refresh's, wired in
    # desk.gui.change_wiring): True when another connection committed meanwhile
    written = Signal(bool)

    def __init__(self, library, editor, parent=None):
        super().__init__(parent)
        self.library = library
        self.editor = editor
        self._state = SAVED
        self._dirty = False
        self.base: dict | None = None  # the stored text this window last loaded or saved
        self.last_error = ""
        self.background = False  # saving from the timers: nobody waits for what follows it
        # The editing lock (desk.gui.edit_lock.EditLockKeeper): a save writes only an article
        # whose lock this window holds, checked in the save's transaction; otherwise the text
        # goes to a revision (lock_guard.keep_unsaved), never over the other editor's article.
        self.lock_guard = None
        self._failures = 0
        self._edits = 0  # edits (a key, a field) so far: what a save in flight took
        self._loads = 0  # articles loaded so far
        self._again = False  # the timers asked to save while the worker was writing
        self.worker: SaveWorker | None = None
        if not getattr(library, "is_postgresql", False) and not getattr(library, "read_only", False):
            self.worker = SaveWorker(library, self._written, self)
        # PAUSE_MS after the last key, armed by the first (desk.gui.edit_dispatch)
        self._keys = for_body(editor.body)  # the body's dispatcher: holds a burst's keys
        self._pause = QuietTimer(self, PAUSE_MS, self._keys, self.autosave)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_DELAY_MS)
        self._deadline.timeout.connect(self.autosave)
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self.autosave)
        editor.text_changed.connect(self.note_change)  # a field: the pause starts over
        editor.on_body_edit(self._body_edited)  # a key in the body: the pause is armed
        editor.article_loaded.connect(self._loaded)

    # What the edits made: keys the dispatcher holds back (desk.gui.edit_dispatch) are
    # heard first, so a save, a close or a test right after a key sees it.
    @property
    def dirty(self) -> bool:
        self._keys.flush()
        return self._dirty

    @dirty.setter
    def dirty(self, value: bool) -> None:
        self._dirty = value

    @property
    def state(self) -> str:
        self._keys.flush()
        return self._state

    @state.setter
    def state(self, value: str) -> None:
        self._state = value

    def set_interval(self, seconds: int) -> None:
        """The Preferences' autosave interval: the longest an unsaved change waits (the
        pause after typing stays PAUSE_MS, or the interval when that is shorter)."""
        ms = max(1, int(seconds)) * 1000
        self._deadline.setInterval(ms)
        self._pause.setInterval(min(PAUSE_MS, ms))

    def note_change(self) -> None:
        self._note(restart=True)

    def _body_edited(self) -> None:
        self._note(restart=False)

    def _note(self, *, restart: bool) -> None:
        self._dirty = True
        self._edits += 1
        gui_gc.typing()  # the collector puts its long walks off meanwhile
        if restart:
            self._pause.start()
        else:
            self._pause.arm()  # fires PAUSE_MS after the last key all the same
        if not self._deadline.isActive():
            self._deadline.start()
        if self._state not in (EDITED, FAILED):
            self._set_state(EDITED)

    def set_base(self, article) -> None:
        """The stored version the editor's text starts from (load, recovery)."""
        self.base = text_of(article) if article is not None else None

    def _loaded(self, _article_id: int) -> None:
        self._loads += 1
        self._stop_timers()
        self.dirty = False
        self._failures = 0
        self.set_base(getattr(self.editor, "loaded_article", None))
        self._set_state(SAVED)

    def _stop_timers(self) -> None:
        self._pause.stop()
        self._deadline.stop()
        self._retry.stop()

    def autosave(self) -> bool:
        """The timers' save: a short wait for the lock, a quiet retry if it is held; the
        quotation rows follow in a worker (desk.gui.quote_sync)."""
        if self.worker is not None and not self.worker.closed:
            return self._save_in_worker()
        self.background = True
        try:
            return self.save(wait_ms=TYPING_WAIT_MS)
        finally:
            self.background = False

    def save(self, wait_ms: int = EXPLICIT_WAIT_MS) -> bool:
        """Write the editor's fields if anything changed. True when nothing is left unsaved."""
        self._keys.flush()  # held keys first: they would arm the timers again
        self.finish_pending()
        self._stop_timers()
        aid = self.editor.article_id
        if not self.dirty or aid is None:
            return True
        fields = self.editor.current_fields()
        values = {k: fields[k] for k in TEXT_FIELDS}
        self._set_state(SAVING)
        guard = self.lock_guard
        try:
            with busy_timeout(self.library, wait_ms):
                if guard is not None and not guard.may_write(aid):
                    raise guard.not_held(aid)
                result = save_edit(self.library, aid, self.base, values,
                                   **(guard.save_args() if guard is not None else {}))
        except LockHeld as exc:
            return self._not_ours(aid, values, exc)
        except SAVE_ERRORS as exc:
            self._failed(exc, explicit=wait_ms > TYPING_WAIT_MS)
            return False
        self._failures = 0
        self.last_error = ""
        self.dirty = False
        self.base = text_of(result.article)
        self._set_state(SAVED)
        self.saved.emit(result.article)
        if result.kept_revision is not None:
            self.conflict.emit(result.kept_revision)
        return True

    flush = save

    # -- the worker's save (a file library's timers) -------------------------------------
    def finish_pending(self) -> None:
        """The outcome of the save in flight handled now (before an explicit save)."""
        if self.worker is not None and self.worker.busy:
            self._again = False  # the explicit save that follows writes what is left
            self.worker.wait()

    def shutdown(self) -> None:
        """Closing: the save in flight finished, the worker's connection closed."""
        self._stop_timers()
        if self.worker is not None:
            self._again = False
            self.worker.shutdown()

    def _save_in_worker(self) -> bool:
        """Hand the fields to the worker. True: nothing to save, or the save is on its way
        (its outcome arrives as from a save on this thread)."""
        assert self.worker is not None
        self._keys.flush()  # held keys first: they would arm the timers again
        self._stop_timers()
        if self.worker.busy:
            self._again = True  # saved when the one in flight is in
            return True
        aid = self.editor.article_id
        if not self.dirty or aid is None:
            return True
        fields = self.editor.current_fields()
        values = {k: fields[k] for k in TEXT_FIELDS}
        guard = self.lock_guard
        if guard is not None and not guard.may_write(aid):
            return self._not_ours(aid, values, guard.not_held(aid))
        self._set_state(SAVING)
        self.worker.submit(SaveJob(aid, self.base, values, self._edits, self._loads,
                                   guard.save_args() if guard is not None else {},
                                   editor=getattr(self.library, "editor", ""),
                                   wait_ms=TYPING_WAIT_MS), polled=self.writing.emit)
        return True

    def _written(self, job: SaveJob) -> None:
        """A worker's save is in (or failed): on the GUI thread, as ``save`` goes on."""
        self._keys.flush()  # a held key is an edit made after the job was taken
        self.written.emit(job.others_wrote)
        if job.loads != self._loads:
            self._elsewhere(job)
        elif isinstance(job.error, LockHeld):
            fields = self.editor.current_fields()  # what is on screen now, newer keys too
            self._not_ours(job.article_id, {k: fields[k] for k in TEXT_FIELDS}, job.error)
        elif job.error is not None:
            known = isinstance(job.error, SAVE_ERRORS) or is_busy(job.error)
            self._failed(job.error if known
                         else DeskError(f"{type(job.error).__name__}: {job.error}"))
        else:
            assert job.result is not None
            self._failures = 0
            self.last_error = ""
            self.base = text_of(job.result.article)
            if self._edits == job.edits:
                self.dirty = False
                self._set_state(SAVED)
            else:  # typed meanwhile: the timers run again (note_change)
                self._set_state(EDITED)
            self._announce(job)
        again, self._again = self._again, False
        if again and self.dirty and self.state != FAILED:  # a failure retries with back-off
            self._save_in_worker()

    def _elsewhere(self, job: SaveJob) -> None:
        """The outcome of a save of an article the editor no longer shows (another was
        loaded meanwhile without saving first: a reload of the stored version)."""
        if job.result is not None:
            self._announce(job)
        else:
            log.info("an autosave of article %d, no longer shown, failed: %s", job.article_id,
                     job.error)

    def _announce(self, job: SaveJob) -> None:
        assert job.result is not None
        self.background = True  # nobody waits for what follows it
        try:
            self.saved.emit(job.result.article)
            if job.result.kept_revision is not None:
                self.conflict.emit(job.result.kept_revision)
        finally:
            self.background = False

    def _not_ours(self, aid: int, values: dict, refused: LockHeld) -> bool:
        """Another window holds the article's lock: the text is kept as a revision (and the
        editor shows the article as stored), never written over the other editor's."""
        try:
            self.lock_guard.keep_unsaved(aid, values, refused.lock)
        except SAVE_ERRORS as exc:
            self._failed(exc, explicit=True)
            return False
        return True

    def _failed(self, exc: BaseException, explicit: bool = False) -> None:
        self.last_error = ("another program is writing to the library" if is_busy(exc)
                           else str(exc))
        delay = RETRY_MS[min(self._failures, len(RETRY_MS) - 1)]
        first = self._failures == 0
        self._failures += 1
        self._set_state(FAILED)
        self._retry.start(delay)  # the text stays in the editor (and the journal) meanwhile
        if (first and not is_busy(exc)) or explicit:  # a lock is news only when asked to save
            self.failed.emit(f"Not saved yet ({self.last_error}); desk keeps trying.")

    def named_revision(self, label: str = "saved"):
        """Save, then snapshot the article as a revision with a label (Ctrl+S)."""
        aid = self.editor.article_id
        if aid is None or not self.save():
            return None
        try:
            rev = self.library.revisions.create(aid, label=label.strip() or "saved")
        except SAVE_ERRORS as exc:
            self.revision_failed.emit(f"desk could not save a revision.\n\n{exc}")
            return None
        self.revision_created.emit(rev)
        return rev

    def _set_state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)
