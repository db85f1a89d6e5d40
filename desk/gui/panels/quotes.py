"""Quotes panel: each quotation of the open article with its speaker, source and review status.

Selecting a quotation highlights it in the text (through jump_requested) and keeps the
keyboard focus in the list, so an editor can walk the quotations with the arrow keys.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desk.gui.check_marks import quote_state, quote_tint
from desk.review.reattach import comparable

START_ROLE = Qt.UserRole
END_ROLE = Qt.UserRole + 1
_STATE_LABELS = {"registered": "registered source", "unregistered": "not in sources",
                 "unattributed": "no speaker", "unclosed": "not closed"}


def _excerpt(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class QuotesPanel(QWidget):
    jump_requested = Signal(int, int)

    def __init__(self, library, parent=None, *, runner=None):
        """``runner``: the window's OperationRunner; the panel only reads the library."""
        super().__init__(parent)
        self.library, self.runner = library, runner
        self.setAccessibleName("Quotes")
        self.summary = QLabel("No article checked yet")
        self.summary.setAccessibleName("Quotation summary")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Quotation list")
        self.tree.setHeaderLabels(["Quotation", "Speaker", "Source", "Review"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setToolTip("Select a quotation to highlight it in the text")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)  # the quotation takes the room
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda item, _c: self._emit_jump(item))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.quotes: list = []

    def show_report(self, report, article_id: int | None) -> None:
        self.quotes = list(report.quotes) if report else []
        names = {s.id: s.name for s in self.library.sources.refs()}
        rows = self.library.quotes.list(article_id=article_id) if article_id is not None else []
        status_by_text = {comparable(r.text): r.status for r in rows if r.text and r.start is not None}
        current = self.tree.currentItem()
        keep = current.data(0, START_ROLE) if current else None
        self.tree.blockSignals(True)
        self.tree.clear()
        palette = self.palette()
        items = []
        for q in self.quotes:
            state = quote_state(q)
            status = status_by_text.get(comparable(q.text), "not yet saved")
            source = names.get(q.source_id, "") if q.source_id is not None else ""
            item = QTreeWidgetItem([_excerpt(q.text), q.speaker or "—",
                                    source or _STATE_LABELS[state], status])
            item.setToolTip(0, q.text)
            item.setBackground(0, quote_tint(palette, state))
            item.setData(0, START_ROLE, q.start)
            item.setData(0, END_ROLE, q.end)
            items.append(item)
        self.tree.addTopLevelItems(items)
        for item in items:
            if item.data(0, START_ROLE) == keep:
                self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        n = len(self.quotes)
        unattributed = sum(1 for q in self.quotes if q.speaker is None)
        self.summary.setText(f"{n} quotation{'s' if n != 1 else ''}"
                             + (f", {unattributed} without a speaker" if unattributed else ""))

    def _current_changed(self, item, _previous) -> None:
        if item is None:
            return
        had_focus = self.tree.hasFocus()
        self._emit_jump(item)
        if had_focus:
            self.tree.setFocus(Qt.OtherFocusReason)  # keep walking the list with the arrows

    def _emit_jump(self, item) -> None:
        self.jump_requested.emit(item.data(0, START_ROLE), item.data(0, END_ROLE))

    def select_quote(self, row: int) -> None:
        self.tree.setCurrentItem(self.tree.topLevelItem(row))
