"""Wires the crash journal (desk/journal.py) to the window: the open article's unsaved
fields are written at most JOURNAL_MS after a change and removed once a save succeeded."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desk.journal import Journal
from desk.storage.edits import TEXT_FIELDS

JOURNAL_MS = 1000


class JournalKeeper(QObject):
    failed = Signal(str)  # once per run of failed writes (disk full, folder unwritable)
    written = Signal(int)  # the article whose entry was just written

    def __init__(self, journal: Journal, editor, autosaver, parent=None):
        super().__init__(parent)
        self.journal = journal
        self.editor = editor
        self.autosaver = autosaver
        self._failing = False
        self._timer = QTimer(self, singleShot=True, interval=JOURNAL_MS)
        self._timer.setTimerType(Qt.PreciseTimer)  # a coarse timer may fire 5 % late
        self._timer.timeout.connect(self.write_now)
        editor.text_changed.connect(self._changed)
        autosaver.saved.connect(self._saved)

    def _changed(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def write_now(self) -> bool:
        """Journal the editor's fields if they are not saved yet. True if nothing is at risk."""
        self._timer.stop()
        aid = self.editor.article_id
        if aid is None or not self.autosaver.dirty:
            return True
        fields = self.editor.current_fields()
        try:
            self.journal.write(aid, {k: fields[k] for k in TEXT_FIELDS}, self.autosaver.base)
        except OSError as exc:
            if not self._failing:
                self._failing = True
                self.failed.emit(f"desk cannot write its recovery journal: {exc.strerror or exc}")
            return False
        self._failing = False
        self.written.emit(aid)
        return True

    def _saved(self, article) -> None:
        if not self.autosaver.dirty:
            self._timer.stop()
            self.journal.remove(article.id)
