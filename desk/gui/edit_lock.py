"""The window's editing lock (issue 14): the article it shows is open for editing here only
while this window holds the article's lock (desk.storage.locks, through
desk.operations.editing); otherwise the editor is read-only under a banner
(desk.gui.lock_banner) naming who has it.

- Opening an article takes its lock; switching, closing (quitting, moving to another
  library: each closes the window) lets it go.
- Every HEARTBEAT_S a worker thread, on a connection of its own, keeps this window's lock
  alive; while the editor is read-only it looks at the other editor's lock every WATCH_MS,
  to offer "Take over" once that lock is stale and "Edit now" once it is free. The GUI
  thread never waits on those round trips.
- The autosaver (desk.gui.autosave) writes only with the lock, checked in the save's own
  transaction (desk.storage.edits.save_edit with the session). Text typed in a window that
  lost its lock, or never had it, is kept as a revision of the article (History), never
  written over the other editor's article, and the editor is told.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QPalette

from desk.gui.file_actions import SAVE_ERRORS
from desk.gui.lock_banner import LockBanner, holder_name
from desk.model import DeskError
from desk.operations import editing
from desk.storage.edits import keep_unsaved
from desk.storage.errors import ConnectionLost
from desk.storage.locks import EditLock, LockHeld

log = logging.getLogger(__name__)

WATCH_MS = 5000  # a read-only editor looks at the other editor's lock this often
STOP_WAIT_MS = 3000  # closing waits at most this long for a heartbeat under way


def set_read_only(editor, on: bool) -> None:
    """The editor's fields and body take no typing (they still show the article). The
    fields above the body look it too: their white (Base) turns the window's grey, as a
    disabled box's does; the body stays white, the page being read."""
    for field in (editor.headline, editor.dek, editor.byline, editor.tags):
        field.setReadOnly(on)
        if on:
            palette = field.palette()
            palette.setColor(QPalette.Base, palette.color(QPalette.Window))
            field.setPalette(palette)
        else:
            field.setPalette(QPalette())  # the window's own again (its theme included)
    editor.body.setReadOnly(on)
    for box in (editor.section, editor.status, editor.language_box):
        box.setEnabled(not on)


class _Job(QRunnable):
    def __init__(self, run: Callable[[], None]):
        super().__init__()
        self._run = run

    def run(self) -> None:
        self._run()


class EditLockKeeper(QObject):
    notice = Signal(str)  # a status-bar message (lock taken over, text kept, lock refused)
    reloaded = Signal(object)  # the article, re-read when editing starts or stops here
    text_kept = Signal(int)  # the article whose unsaved text went to a revision (not at risk)
    read_only_changed = Signal(bool)  # the editor turned read-only (True) or editable
    checked = Signal()  # a heartbeat's or a watch's answer was handled (tests wait on it)
    _answer = Signal(object, object)  # from the worker: (what was asked, the answer)

    def __init__(self, library, editor, autosaver, *, editor_name: Callable[[], str],
                 session: str | None = None, parent=None,
                 heartbeat_ms: int = editing.HEARTBEAT_S * 1000, watch_ms: int = WATCH_MS):
        super().__init__(parent)
        self.library, self.editor, self.autosaver = library, editor, autosaver
        self.editor_name = editor_name
        self.session = session or editing.new_session()
        self.banner = LockBanner()
        self.held: int | None = None  # the article whose lock this window holds
        self.holder: EditLock | None = None  # who holds the article shown read-only
        self.read_only = False
        self.kept: int | None = None  # the revision keeping text this window could not save
        self._worker_library = None  # the worker's own connection, opened in the worker
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one connection, one statement at a time
        self._stopped = False
        self._answer.connect(self._answered)
        self._beat_timer = QTimer(self, interval=heartbeat_ms)
        self._beat_timer.timeout.connect(self.beat)
        self._watch_timer = QTimer(self, interval=watch_ms)
        self._watch_timer.timeout.connect(self.watch)
        self.banner.take_over_requested.connect(self.take_over)
        self.banner.edit_now_requested.connect(self.edit_now)
        autosaver.lock_guard = self

    # -- what the window calls -------------------------------------------------------------
    def follow(self, article_id: int | None) -> None:
        """The editor shows ``article_id`` now (None: nothing): let the previous lock go,
        take this one, or show the article read-only."""
        if article_id is not None and article_id == self.held:
            return
        self._let_go()
        self.holder = None
        self.kept = None
        if article_id is None:
            self._editable()
            return
        try:
            result = editing.open_for_editing(self.library, article_id=article_id,
                                              editor=self.editor_name(), session=self.session)
        except DeskError as exc:
            # Busy, offline or a read-only library: editing goes on, and each save checks
            # the lock again in its own transaction (taking it if nobody has it).
            log.info("could not take the editing lock of article %d: %s", article_id, exc)
            self.held = article_id
            self._editable()
            self._beat_timer.start()
            return
        if result.held:
            self.held = article_id
            self._editable()
            self._beat_timer.start()
        else:
            self._read_only(result.lock)

    def stop(self) -> None:
        """The window closes: no more beats, every lock of this window let go."""
        self._stopped = True
        self._beat_timer.stop()
        self._watch_timer.stop()
        idle = self._pool.waitForDone(STOP_WAIT_MS)
        try:
            editing.release_all(self.library, session=self.session)
        except SAVE_ERRORS as exc:  # the lock goes stale in STALE_AFTER_S instead
            log.info("could not let the editing locks go: %s", exc)
        self.held = None
        if idle and self._worker_library is not None:  # (a beat still stuck keeps it)
            self._worker_library.close()
            self._worker_library = None

    def take_over(self) -> None:
        """The banner's Take over: only a stale lock is taken (the storage checks it)."""
        aid = self.editor.article_id
        if aid is None:
            return
        try:
            result = editing.take_over(self.library, article_id=aid, editor=self.editor_name(),
                                       session=self.session)
        except SAVE_ERRORS as exc:
            self.notice.emit(f"desk could not take the article over ({exc}).")
            return
        if result.held:
            previous = self.holder
            self._start_editing(aid)
            who = holder_name(previous, self.editor_name()) if previous else "the other editor"
            self.notice.emit(f"You took the article over from {who}; their window can no "
                             "longer save into it.")
        elif result.lock is not None:
            self._read_only(result.lock)
            self.notice.emit(f"{holder_name(result.lock)}'s desk is still editing the article "
                             "(it answered again): it stays read-only here.")

    def edit_now(self) -> None:
        """The banner's Edit now, once the other editor let the article go."""
        aid = self.editor.article_id
        if aid is None:
            return
        try:
            result = editing.open_for_editing(self.library, article_id=aid,
                                              editor=self.editor_name(), session=self.session)
        except SAVE_ERRORS as exc:
            self.notice.emit(f"desk could not open the article for editing ({exc}).")
            return
        if result.held:
            self._start_editing(aid)
        else:
            self._read_only(result.lock)

    def refusal(self, doing: str) -> str:
        """Why ``doing`` (restoring a revision, ...) is not possible here: another editor
        holds the lock of the article shown read-only; '' when this window may."""
        if not self.read_only:
            return ""
        who = holder_name(self.holder, self.editor_name()) if self.holder else "Another editor"
        return (f"{who} is editing this article: {doing} is not possible while it is "
                "read-only here.")

    # -- what the autosaver asks ---------------------------------------------------------
    def may_write(self, article_id: int) -> bool:
        return self.held == article_id

    def save_args(self) -> dict:
        """What save_edit needs to check the lock in the save's transaction."""
        return {"session": self.session, "editor": self.editor_name()}

    def not_held(self, article_id: int) -> LockHeld:
        return LockHeld(f"article {article_id} is open read-only in this window", self.holder)

    def keep_unsaved(self, article_id: int, values: dict, holder: EditLock | None) -> None:
        """Text this window may not write: kept as a revision (SAVE_ERRORS when it cannot
        be), the article shown as stored, read-only, and the editor told."""
        lost = self.held == article_id
        holder = holder or self.holder
        who = holder_name(holder, self.editor_name()) if holder is not None else ""
        rev = keep_unsaved(self.library, article_id, values, holder=who or "another editor",
                           editor=self.editor_name())
        if lost:
            self.held = None
            self._beat_timer.stop()
        self.kept = rev.id
        self.text_kept.emit(article_id)
        self._reload(article_id)
        self._read_only(holder, lost=lost)
        self.notice.emit(f"{who or 'Another editor'} has this article open for editing: your "
                         f"unsaved text was not saved over theirs; it is kept in History "
                         f"(revision {rev.id}).")

    # -- heartbeat and watching, in the worker ------------------------------------------
    def beat(self) -> None:
        """Keep this window's lock alive (in the worker thread)."""
        if self.held is None or self._stopped:
            return
        holding, session = [self.held], self.session
        self._in_worker(("beat", holding[0]), lambda lib: editing.keep_alive(
            lib, session=session, holding=holding))

    def watch(self) -> None:
        """Look at the lock of the article shown read-only (in the worker thread)."""
        aid = self.editor.article_id
        if not self.read_only or aid is None or self._stopped:
            return
        self._in_worker(("watch", aid), lambda lib: lib.locks.get(aid))

    def _in_worker(self, asked: tuple, call: Callable) -> None:
        def job() -> None:
            try:
                if self._worker_library is None:
                    self._worker_library = self.library.another_connection()
                answer = call(self._worker_library)
            except Exception as exc:  # noqa: BLE001 (handed to the GUI thread, never raised)
                answer = exc
                if isinstance(exc, ConnectionLost) and self._worker_library is not None:
                    self._worker_library.close()  # the next beat connects again
                    self._worker_library = None
            self._answer.emit(asked, answer)

        self._pool.start(_Job(job))

    def _answered(self, asked: tuple, answer: object) -> None:
        try:
            if self._stopped:
                return
            kind, aid = asked
            if isinstance(answer, BaseException):
                log.info("the editing lock's %s failed: %s", kind, answer)
                return
            if kind == "beat" and aid == self.held:
                self._beaten(aid, answer)
            elif kind == "watch" and self.read_only and aid == self.editor.article_id:
                self._watched(answer)
        finally:
            self.checked.emit()

    def _beaten(self, aid: int, kept: editing.KeptAlive) -> None:
        if aid in kept.held:
            return
        holder = kept.lost.get(aid)
        if holder is None:  # removed (desk unlock --force) and taken by nobody: take it back
            self.held = None
            self.follow(aid)
            return
        self._lost(aid, holder)

    def _lost(self, aid: int, holder: EditLock) -> None:
        """Another window took this window's lock over: keep what is unsaved, then read-only."""
        if self.autosaver.dirty:
            fields = self.editor.current_fields()
            try:
                self.keep_unsaved(aid, {k: fields[k] for k in fields if k != "status"}, holder)
                return
            except SAVE_ERRORS as exc:  # the text stays on screen (and in the crash journal)
                self.held = None
                self._read_only(holder, lost=True)
                self.notice.emit(f"{holder_name(holder)} took over editing this article; desk "
                                 f"could not keep your unsaved text yet ({exc}), it stays on "
                                 "screen.")
                return
        self.held = None
        self._beat_timer.stop()
        self._reload(aid)
        self._read_only(holder, lost=True)
        self.notice.emit(f"{holder_name(holder, self.editor_name())} took over editing this "
                         "article: it is read-only here now.")

    def _watched(self, lock: EditLock | None) -> None:
        if lock is None:
            self.banner.show_free(self.holder, self.editor_name())
            return
        if lock.session == self.session:  # taken for this window meanwhile
            self._start_editing(lock.article_id)
            return
        self._read_only(lock)

    # -- the editor's state -------------------------------------------------------------
    def _start_editing(self, aid: int) -> None:
        self.held = aid
        self.holder = None
        self.kept = None
        self._reload(aid)  # what the other editor saved last, as the text to start from
        self._editable()
        self._beat_timer.start()

    def _editable(self) -> None:
        self.read_only = False
        self._watch_timer.stop()
        set_read_only(self.editor, False)
        self.banner.clear()
        self.read_only_changed.emit(False)

    def _read_only(self, holder: EditLock | None, *, lost: bool = False) -> None:
        self.read_only = True
        if holder is not None:
            self.holder = holder
        set_read_only(self.editor, True)
        if lost or holder is None:
            self.banner.show_lost(holder, self.kept, self.editor_name())
        else:
            self.banner.show_held(holder, self.editor_name(), self.kept)
        if not self._stopped:
            self._watch_timer.start()
        self.read_only_changed.emit(True)

    def _reload(self, aid: int) -> None:
        try:
            article = self.library.articles.get(aid, include_deleted=True)
        except SAVE_ERRORS as exc:
            log.info("could not re-read article %d: %s", aid, exc)
            return
        if self.editor.article_id == aid:
            self.editor.load(article)
            self.reloaded.emit(article)

    def _let_go(self) -> None:
        old, self.held = self.held, None
        self._beat_timer.stop()
        if old is None:
            return
        try:
            editing.release(self.library, article_id=old, session=self.session)
        except SAVE_ERRORS as exc:  # it goes stale in STALE_AFTER_S instead
            log.info("could not let the editing lock of article %d go: %s", old, exc)


def attach(win) -> EditLockKeeper:
    """The window's keeper of its article's editing lock, its banner over the editor, and the
    runner's lock session (status changes, the trash and restores are checked against it)."""
    keeper = EditLockKeeper(win.library, win.editor, win.autosaver, parent=win,
                            editor_name=lambda: win.library.editor)  # what its saves stamp
    win.centralWidget().layout().insertWidget(0, keeper.banner)
    win.runner.lock_session = keeper.session
    return keeper


def wire(win) -> None:
    """What the keeper tells the window: notices, text kept in History, read-only, re-reads."""
    keeper, saver = win.edit_lock, win.autosaver
    keeper.notice.connect(lambda text: win.statusBar().showMessage(text, 30000))
    keeper.text_kept.connect(win.journal_keeper.writer.remove)  # in History now
    keeper.read_only_changed.connect(lambda on: win.status.show_save_state(
        "Read-only" if on else saver.state, saver.last_error))
    keeper.reloaded.connect(lambda article: (
        win._sync_status_menu(article.status),
        win.checker.set_article(article.id, article.language)))
