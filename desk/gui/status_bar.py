"""Words, characters, reading time, problem counts and whether the article is saved; the
library's path; and, while spelling is being prepared, that the counts do not include it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from desk.gui.edit_dispatch import QuietTimer, for_body
from desk.text import LineWordCounter, reading_minutes

COUNT_DELAY_MS = 250  # counting 10,000 words on every key press would slow typing

STATE_TEXT = {"saved": "Saved", "saving": "Saving…", "edited": "Edited",
              "failed": "Not saved yet — retrying"}


def counted(n: int, noun: str) -> str:
    """A count with its noun: "1 word", "2 words", "1,024 characters"."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


class DeskStatusBar(QStatusBar):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Status bar")
        self.counts = QLabel()
        self.counts.setAccessibleName("Word count")
        self.problems = QLabel()
        self.problems.setAccessibleName("Problem count")
        self.library = QLabel()
        self.library.setAccessibleName("Library file")
        self.save_state = QLabel()
        self.save_state.setAccessibleName("Save state")
        self.save_state.setMinimumWidth(self.fontMetrics().horizontalAdvance("Saving…") + 16)
        self.notice = ""
        self._report = None
        for w in (self.library, self.counts, self.problems, self.save_state):
            w.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(w)
        self._body = None
        self._counter = LineWordCounter()  # counts only the lines that changed
        self._timer: QTimer | None = None  # a QuietTimer on the watched body's edits
        self.show_problems(None)
        self.show_save_state("saved")

    def watch(self, body) -> None:
        self._body = body
        edits = for_body(body)
        self._timer = QuietTimer(self, COUNT_DELAY_MS, edits, self.recount)
        edits.on_edit(self._timer.arm)
        self.recount()

    def recount(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        text = self._body.toPlainText() if self._body is not None else ""
        self.show_counts(text)

    def show_counts(self, text: str) -> None:
        words = self._counter.count(text)
        minutes = reading_minutes(words)
        read = f"{minutes} min read" if minutes else "—"
        self.counts.setText(f"{counted(words, 'word')} · {counted(len(text), 'character')} · {read}")

    def show_library(self, path) -> None:
        """The library file this window works on (home shortened to ~)."""
        from desk.gui.library_switch import display_path

        self.library.setText(display_path(path))
        self.library.setToolTip(f"Library: {path}")

    def show_notice(self, text: str) -> None:
        """What the counts do not include yet ("Preparing spelling — first start")."""
        self.notice = text
        self.show_problems(self._report)

    def show_problems(self, report) -> None:
        self._report = report
        if report is None:
            self.problems.setText("Not checked yet")
            return
        n = {"error": 0, "warning": 0, "info": 0}
        for p in getattr(report, "problems", ()):
            n[p.severity] = n.get(p.severity, 0) + 1
        if not any(n.values()):
            self.problems.setText(self.notice or "No problems")
            return
        parts = []
        for sev, word in (("error", "error"), ("warning", "warning"), ("info", "note")):
            if n.get(sev):
                parts.append(f"{n[sev]} {word}{'s' if n[sev] != 1 else ''}")
        self.problems.setText(", ".join(parts) + (f" · {self.notice}" if self.notice else ""))

    def show_save_state(self, state: str, why: str = "") -> None:
        self.save_state.setText(STATE_TEXT.get(state, state))
        self.save_state.setToolTip(f"Not saved yet: {why}. desk retries on its own; the text "
                                   "is also kept in the recovery journal." if why else "")
