"""Wires the crash journal (desk/journal.py) to the window: the open article's unsaved
fields are written at most JOURNAL_MS after a change and removed once a save succeeded.

The timed writes run on a worker thread (desk/journal_writer.py): the GUI thread only
takes a snapshot of the fields. `write_now` (closing, signals) still writes on the GUI
thread, after any write in flight, and says whether the text is safe."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desk.journal import Journal
from desk.journal_writer import JournalWriter
from desk.storage.edits import TEXT_FIELDS

JOURNAL_MS = 1000


class JournalKeeper(QObject):
    failed = Signal(str)  # once per run of failed writes (disk full, folder unwritable)
    written = Signal(int)  # the article whose entry was just written (see last_written)
    _done = Signal(int, int, object)  # from the worker thread: article, seq, OSError | None

    def __init__(self, journal: Journal, editor, autosaver, parent=None):
        super().__init__(parent)
        self.journal = journal
        self.editor = editor
        self.autosaver = autosaver
        self.last_written: dict | None = None  # the fields of the newest reported write
        self._failing = False
        self._reported = 0  # seq of the newest write whose result was reported
        self._snapshots: dict[int, dict] = {}  # seq -> fields, until its result arrives
        self.writer = JournalWriter(journal, on_done=self._notify)
        self._done.connect(self._finished, Qt.QueuedConnection)
        self._timer = QTimer(self, singleShot=True, interval=JOURNAL_MS)
        self._timer.setTimerType(Qt.PreciseTimer)  # a coarse timer may fire 5 % late
        self._timer.timeout.connect(self.write_soon)
        editor.on_user_edit(self._changed)
        autosaver.saved.connect(self._saved)

    def _changed(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _snapshot(self) -> tuple[int, dict, dict | None] | None:
        aid = self.editor.article_id
        if aid is None or not self.autosaver.dirty:
            return None
        fields = self.editor.current_fields()
        base = dict(self.autosaver.base) if self.autosaver.base is not None else None
        return aid, {k: fields[k] for k in TEXT_FIELDS}, base

    def write_soon(self) -> None:
        """Hand the unsaved fields to the worker thread (the timer's path)."""
        self._timer.stop()
        snapshot = self._snapshot()
        if snapshot is not None:
            seq = self.writer.submit(*snapshot)
            self._snapshots[seq] = snapshot[1]

    def write_now(self) -> bool:
        """Journal the editor's fields if they are not saved yet, on this thread and after
        any write in flight. True if nothing is at risk."""
        self._timer.stop()
        snapshot = self._snapshot()
        if snapshot is None:
            return True
        try:
            seq = self.writer.write_now(*snapshot)
        except OSError as exc:
            self._report(self.writer.last_seq(), snapshot[0], snapshot[1], exc)
            return False
        self._report(seq, snapshot[0], snapshot[1], None)
        return True

    def _notify(self, aid: int, seq: int, error) -> None:  # on the worker thread
        with contextlib.suppress(RuntimeError):  # the window was deleted meanwhile
            self._done.emit(aid, seq, error)

    def _finished(self, aid: int, seq: int, error) -> None:
        self._report(seq, aid, self._snapshots.get(seq), error)

    def _report(self, seq: int, aid: int, fields: dict | None, error: OSError | None) -> None:
        for known in [s for s in self._snapshots if s <= seq]:
            del self._snapshots[known]  # reported, or coalesced away and never written
        if seq < self._reported:
            return  # a newer write's result is already known
        self._reported = seq
        if error is not None:
            if not self._failing:
                self._failing = True
                self.failed.emit(
                    f"desk cannot write its recovery journal: {error.strerror or error}")
            return
        self._failing = False
        self.last_written = fields
        self.written.emit(aid)

    def _saved(self, article) -> None:
        if not self.autosaver.dirty:
            self._timer.stop()
            self.writer.remove(article.id)
