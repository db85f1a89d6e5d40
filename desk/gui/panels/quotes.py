"""Quotes panel: each quotation of the open article with its speaker, source and review status.

Selecting a quotation highlights it in the text (through jump_requested) and keeps the
keyboard focus in the list, so an editor can walk the quotations with the arrow keys.

The Review column agrees with the status bar's "Saved": a quotation is "not yet saved" only
while the stored article does not have it at that place yet. A saved quotation without a
stored row yet (an article written by another program, before its first sync) is
"unverified", as the status gate counts it. When the rows change (a save syncs them, a review
tags one), ``library_changed`` redraws the last report with the stored statuses.

The quotation column takes the room and wraps to a few lines (the full text is in its
tooltip); the speaker and what desk knows of them share the next column, on two lines.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desk.gui.check_marks import quote_state, quote_tint
from desk.model import DeskError
from desk.review.reattach import comparable

START_ROLE = Qt.UserRole
END_ROLE = Qt.UserRole + 1
_STATE_LABELS = {"registered": "registered source", "unregistered": "not in sources",
                 "unattributed": "no speaker", "unclosed": "not closed"}
NOT_SAVED = "not yet saved"
EXCERPT_CHARS = 160  # at most about three wrapped lines in the dock; the tooltip has it all
SIDE_COLUMN_MAX = 130  # px: the speaker column wraps beyond it (its tooltip has it all)
COLUMNS = ("Quotation", "Speaker", "Review")


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def speaker_cell(quote, state: str, names: dict[int, str]) -> str:
    """The speaker, and on a second line their source: its name when the text names it
    otherwise ("Dalton" -> "Ruth Dalton"), else what desk knows ("not in sources")."""
    source = names.get(quote.source_id, "") if quote.source_id is not None else ""
    if source and source != quote.speaker:
        known = f"→ {source}"
    else:
        known = _STATE_LABELS[state]
    return f"{quote.speaker or '—'}\n{known}"


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
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)  # the quotation wraps instead of eliding to "We c…"
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.ElideRight)
        self.tree.setToolTip("Select a quotation to highlight it in the text")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)  # the quotation takes the room
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.Interactive)
        header.setMinimumSectionSize(48)
        # rows are as tall as their wrapped quotation at the column's current width
        self._relayout = QTimer(self, singleShot=True, interval=0)
        self._relayout.timeout.connect(self.tree.doItemsLayout)
        header.sectionResized.connect(lambda *_: self._relayout.start())
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda item, _c: self._emit_jump(item))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.quotes: list = []
        self._report = None
        self._article_id: int | None = None
        self._row_ids: set[int] = set()  # the stored rows the last report was drawn with

    def show_report(self, report, article_id: int | None) -> None:
        self._report, self._article_id = report, article_id
        self.quotes = list(report.quotes) if report else []
        names = {s.id: s.name for s in self.library.sources.refs()}
        rows, body = self._stored(article_id)
        self._row_ids = {r.id for r in rows}
        at = {(r.start, r.end): r.status for r in rows if r.start is not None}
        by_text = {comparable(r.text): r.status for r in rows if r.text and r.start is not None}
        current = self.tree.currentItem()
        keep = current.data(0, START_ROLE) if current else None
        self.tree.blockSignals(True)
        self.tree.clear()
        palette = self.palette()
        items = []
        for q in self.quotes:
            state = quote_state(q)
            status = at.get((q.start, q.end)) or by_text.get(comparable(q.text))
            if status is None:  # no row yet: saved words are unverified, as the gate counts them
                status = "unverified" if q.text and q.text in body[q.start:q.end] else NOT_SAVED
            item = QTreeWidgetItem([_excerpt(q.text), speaker_cell(q, state, names), status])
            item.setToolTip(0, q.text)
            for col in (1, 2):
                item.setToolTip(col, item.text(col))
            item.setBackground(0, quote_tint(palette, state))
            item.setData(0, START_ROLE, q.start)
            item.setData(0, END_ROLE, q.end)
            items.append(item)
        self.tree.addTopLevelItems(items)
        for item in items:
            if item.data(0, START_ROLE) == keep:
                self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self._fit_columns()
        n = len(self.quotes)
        unattributed = sum(1 for q in self.quotes if q.speaker is None)
        self.summary.setText(f"{n} quotation{'s' if n != 1 else ''}"
                             + (f", {unattributed} without a speaker" if unattributed else ""))

    def _stored(self, article_id: int | None) -> tuple[list, str]:
        """The article's quotation rows and its stored body ("" when it cannot be read)."""
        if article_id is None:
            return [], ""
        try:
            rows = self.library.quotes.list(article_id=article_id)
            body = self.library.articles.get(article_id, include_deleted=True).body
        except DeskError:
            return [], ""
        return rows, body

    def _fit_columns(self) -> None:
        """Speaker fits its text up to SIDE_COLUMN_MAX, Review fits; the quotation has the
        rest."""
        for col, most in ((1, SIDE_COLUMN_MAX), (2, 200)):
            fit = max(self.tree.sizeHintForColumn(col),
                      self.tree.header().sectionSizeFromContents(col).width())
            self.tree.setColumnWidth(col, min(fit, most))

    def library_changed(self, changes, origin=None) -> None:
        """The runner's "library changed": the open article's rows or sources changed (a
        save synced them, a quotation was tagged): redraw the last report with them."""
        if self._article_id is None or self._report is None:
            return
        if changes.elsewhere and not (changes.unnamed or changes.sources) \
                and self._article_id not in changes.articles \
                and not self._row_ids & changes.quotes:
            return  # another editor's articles and rows, none of them this one's
        if changes.touches("quotes") or changes.touches("sources") \
                or self._article_id in changes.articles or "articles" in changes.unnamed:
            self.show_report(self._report, self._article_id)

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
