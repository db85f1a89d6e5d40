"""A one-paragraph text field that wraps instead of scrolling sideways: long headlines and
deks stay readable in full. Enter moves on to the next field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy


class FieldEdit(QPlainTextEdit):
    edited = Signal()  # changed by the user (not by setText)

    def __init__(self, max_lines: int = 3, parent=None):
        super().__init__(parent)
        self.max_lines = max_lines
        self._setting = False
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.document().setDocumentMargin(2)
        self.textChanged.connect(self._changed)
        self._fit()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 (QLineEdit-like)
        self._setting = True
        try:
            self.setPlainText(" ".join((text or "").split("\n")))
        finally:
            self._setting = False
        self._fit()

    def keyPressEvent(self, event):  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source):  # noqa: N802 (Qt override)
        if source.hasText():
            self.textCursor().insertText(" ".join(source.text().split()))

    def setFont(self, font):  # noqa: N802 (Qt override)
        super().setFont(font)
        self._fit()

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def _changed(self) -> None:
        self._fit()
        if not self._setting:
            self.edited.emit()

    def _fit(self) -> None:
        """As tall as its wrapped text, between one line and max_lines."""
        lines = 0
        block = self.document().begin()
        while block.isValid():
            layout = block.layout()
            lines += max(1, layout.lineCount() if layout is not None else 1)
            block = block.next()
        lines = max(1, min(self.max_lines, lines))
        height = (self.fontMetrics().lineSpacing() * lines
                  + 2 * int(self.document().documentMargin()) + 6)
        if self.height() != height:
            self.setFixedHeight(height)
