"""The strip at the top of the editor that says another editor has the article open:
"Being edited by Ana Ruiz since 14:02", read-only here, with "Take over" (enabled once the
other window has been silent for the stale limit) or, once the lock is free, "Edit now".
It only shows what desk.gui.edit_lock tells it and asks for what the editor clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from desk.operations.editing import STALE_AFTER_S, clock_time
from desk.storage.locks import EditLock

STYLE = ("QFrame#edit-lock-banner { background: palette(alternate-base); "
         "border-left: 4px solid #c98a12; border-bottom: 1px solid palette(mid); }")


def holder_name(lock: EditLock, own_name: str = "") -> str:
    name = lock.editor or "another editor"
    if own_name and lock.editor == own_name:
        return f"{name} (you, in another window)"
    return name


def _idle(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes} min" if minutes >= 1 else f"{int(seconds)} s"


class LockBanner(QFrame):
    take_over_requested = Signal()
    edit_now_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("edit-lock-banner")
        self.setAccessibleName("Editing lock")
        self.setStyleSheet(STYLE)
        self.message = QLabel()
        self.message.setObjectName("edit-lock-message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.take_over = QPushButton("Ta&ke over")
        self.take_over.setObjectName("edit-lock-take-over")
        self.take_over.clicked.connect(self.take_over_requested)
        self.edit_now = QPushButton("Edit n&ow")
        self.edit_now.setObjectName("edit-lock-edit-now")
        self.edit_now.clicked.connect(self.edit_now_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 12, 8)
        row.setSpacing(10)
        row.addWidget(self.message, 1)
        row.addWidget(self.take_over)
        row.addWidget(self.edit_now)
        self.setVisible(False)

    def text(self) -> str:
        return self.message.text()

    def show_held(self, lock: EditLock, own_name: str = "", kept_revision: int | None = None
                  ) -> None:
        """Another window holds the lock: read-only here; Take over once it is stale."""
        who = holder_name(lock, own_name)
        text = f"Being edited by {who} since {clock_time(lock.taken_at)}"
        if lock.stale:
            text += (f". No sign of their desk for {_idle(lock.idle_s)}: you may take the "
                     "article over.")
            tip = "Take the article over: their desk has stopped answering."
        else:
            text += ". Read-only here."
            tip = (f"Possible once their desk has been silent for {STALE_AFTER_S // 60} "
                   "minutes (it closed, crashed or lost the network).")
        if kept_revision is not None:
            text += f" Your unsaved text is kept in History (revision {kept_revision})."
        self._show(text, take_over=True, stale=lock.stale, tip=tip)

    def show_lost(self, lock: EditLock | None, kept_revision: int | None,
                  own_name: str = "") -> None:
        """This window's lock was taken over: read-only now; where the unsaved text went."""
        who = holder_name(lock, own_name) if lock is not None else "Another editor"
        when = f" at {clock_time(lock.taken_at)}" if lock is not None else ""
        text = f"{who} took over editing{when}. Read-only here."
        if kept_revision is not None:
            text += f" Your unsaved text is kept in History (revision {kept_revision})."
        stale = lock.stale if lock is not None else False
        self._show(text, take_over=lock is not None, stale=stale,
                   tip="Possible once their desk has been silent for "
                       f"{STALE_AFTER_S // 60} minutes.")

    def show_free(self, previous: EditLock | None, own_name: str = "") -> None:
        """The lock was let go: offer to edit."""
        who = holder_name(previous, own_name) if previous is not None else "The other editor"
        self._show(f"{who} is no longer editing this article.", edit_now=True)

    def clear(self) -> None:
        self.setVisible(False)
        self.message.clear()

    def _show(self, text: str, *, take_over: bool = False, stale: bool = False,
              edit_now: bool = False, tip: str = "") -> None:
        self.message.setText(text)
        self.take_over.setVisible(take_over)
        self.take_over.setEnabled(stale)
        self.take_over.setToolTip(tip)
        self.edit_now.setVisible(edit_now)
        self.setVisible(True)
