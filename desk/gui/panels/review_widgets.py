"""The Review panel's small widgets: the queue's list, whose single-letter keys act on the
queue, a filter filled when it is opened, and the filters' refill."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QTreeWidget


def excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class QueueTree(QTreeWidget):
    """Single-letter keys act on the queue instead of the list's type-ahead search."""

    keys: dict = {}
    resized = Signal()

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.resized.emit()

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        fn = self.keys.get(event.key()) if not event.modifiers() & ~Qt.KeypadModifier else None
        if fn is not None:
            fn()
            event.accept()
            return
        super().keyPressEvent(event)


def refill(combo: QComboBox, everything: str, pairs) -> None:
    """Refill a filter, keeping its choice when it is still there, without signals."""
    keep = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for label, value in pairs:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(keep)))
    combo.blockSignals(False)


class LazyCombo(QComboBox):
    """Filled when its list is opened (``before_popup``), not when the panel is built."""

    before_popup = Signal()

    def showPopup(self):  # noqa: N802 - Qt override
        self.before_popup.emit()
        super().showPopup()
