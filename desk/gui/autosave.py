"""Saving without a Save button: within 2 s of a pause in typing (and at least every 2 s
while someone types without pausing), on switching articles and on close. Ctrl+S adds a
named revision on top."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

from desk.model import DeskError

PAUSE_MS = 1000  # after the last key press
MAX_DELAY_MS = 2000  # never more than this after the first unsaved change

SAVED, SAVING, EDITED, FAILED = "saved", "saving", "edited", "failed"


class Autosaver(QObject):
    state_changed = Signal(str)  # saved | saving | edited | failed
    saved = Signal(object)  # the desk.model.Article as stored
    failed = Signal(str)  # a message for an error dialog (once per run of failures)
    revision_created = Signal(object)

    def __init__(self, library, editor, parent=None):
        super().__init__(parent)
        self.library = library
        self.editor = editor
        self.state = SAVED
        self.dirty = False
        self._failing = False
        self._pause = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._pause.timeout.connect(self.save)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_DELAY_MS)
        self._deadline.timeout.connect(self.save)
        editor.text_changed.connect(self.note_change)
        editor.article_loaded.connect(self._loaded)

    def note_change(self) -> None:
        self.dirty = True
        self._pause.start()
        if not self._deadline.isActive():
            self._deadline.start()
        if self.state != EDITED:
            self._set_state(EDITED)

    def _loaded(self, _article_id: int) -> None:
        self._stop_timers()
        self.dirty = False
        self._set_state(SAVED)

    def _stop_timers(self) -> None:
        self._pause.stop()
        self._deadline.stop()

    def save(self) -> bool:
        """Write the editor's fields if anything changed. True when nothing is left unsaved."""
        self._stop_timers()
        aid = self.editor.article_id
        if not self.dirty or aid is None:
            return True
        fields = self.editor.current_fields()
        fields.pop("status", None)  # status changes go through the status gate, not autosave
        tags = fields.pop("tags")
        self._set_state(SAVING)
        try:
            article = self.library.articles.update(aid, tags=tags, **fields)
        except (DeskError, sqlite3.Error, OSError) as exc:
            self._set_state(FAILED)
            self._deadline.start()  # keep trying; the text stays in the editor meanwhile
            if not self._failing:
                self._failing = True
                self.failed.emit(f"desk could not save “{fields['headline'] or 'this article'}”."
                                 f"\n\n{exc}\n\nYour text is still in the window; desk keeps "
                                 "trying to save it.")
            return False
        self._failing = False
        self.dirty = False
        self._set_state(SAVED)
        self.saved.emit(article)
        return True

    flush = save

    def named_revision(self, label: str = "saved"):
        """Save, then snapshot the article as a revision with a label (Ctrl+S)."""
        aid = self.editor.article_id
        if aid is None or not self.save():
            return None
        try:
            rev = self.library.revisions.create(aid, label=label.strip() or "saved")
        except (DeskError, sqlite3.Error) as exc:
            self.failed.emit(f"desk could not save a revision.\n\n{exc}")
            return None
        self.revision_created.emit(rev)
        return rev

    def _set_state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)
