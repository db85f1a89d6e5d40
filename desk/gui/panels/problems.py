"""Problems panel: every check result of the open article; activating one jumps to it.
A boilerplate row's context menu offers "Remove boilerplate" (done by desk.gui.editor_menu).

While the live checker has not spell-checked the text yet (the spelling index is being
prepared on a first start) the summary says so instead of "No problems found"."""

from __future__ import annotations

import bisect

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
_FILTERS = (("All problems", None), ("Errors", "error"), ("Warnings", "warning"), ("Notes", "info"))
_KIND_LABELS = {"misspelling": "Spelling", "unknown-name": "Unknown name",
                "unclosed-quote": "Unclosed quotation", "unattributed-quote": "No speaker",
                "unknown-source": "Unregistered source", "anonymous-source": "Anonymous source",
                "misquote": "Misquote", "boilerplate": "Boilerplate",
                "mismatched-marks": "Quotation marks",
                "surname-before-full-name": "Name order"}
PROBLEM_COLUMN_MAX = 150  # px; the Details column stretches over the rest and elides
START_ROLE = Qt.UserRole
END_ROLE = Qt.UserRole + 1
KIND_ROLE = Qt.UserRole + 2


def title_for(problems) -> str:
    """Tab title with counts by severity, e.g. "Problems (2 errors, 3 warnings)"."""
    counts = {s: 0 for s in _SEVERITY_ORDER}
    for p in problems:
        counts[p.severity] = counts.get(p.severity, 0) + 1
    parts = []
    for sev, word in (("error", "error"), ("warning", "warning"), ("info", "note")):
        n = counts.get(sev, 0)
        if n:
            parts.append(f"{n} {word}{'s' if n != 1 else ''}")
    return f"Problems ({', '.join(parts)})" if parts else "Problems"


def kind_label(kind: str) -> str:
    return _KIND_LABELS.get(kind, kind.replace("-", " ").capitalize())


class ProblemsPanel(QWidget):
    jump_requested = Signal(int, int)  # str offsets start, end
    remove_boilerplate_requested = Signal(int, int)  # the problem's str offsets start, end
    title_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Problems")
        self._problems: list = []
        self._text = ""
        self.notice = ""  # what the shown report has not checked yet (LiveChecker.notice)
        self.filter = QComboBox()
        self.filter.setAccessibleName("Show problems of severity")
        for label, _ in _FILTERS:
            self.filter.addItem(label)
        self.filter.currentIndexChanged.connect(self._fill)
        self.summary = QLabel("No article checked yet")
        self.summary.setAccessibleName("Problem summary")
        top = QHBoxLayout()
        top.addWidget(self.filter)
        top.addWidget(self.summary, 1)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Problem list")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Severity", "Line", "Problem", "Details"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        # Details is the last column and takes whatever the dock leaves; long text elides and
        # the full text is in the row's tooltip (no sideways scrolling in a narrow dock).
        self.tree.header().setStretchLastSection(True)
        self.tree.setTextElideMode(Qt.ElideRight)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.tree.setToolTip("Double-click or press Enter to jump to the problem")
        self.tree.itemActivated.connect(self._activated)
        self.tree.setContextMenuPolicy(Qt.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)

    def show_report(self, report, text: str | None = None) -> None:
        """Show a report; ``text`` (the checked text) adds line numbers and excerpts."""
        self._problems = sorted(report.problems if report else [],
                                key=lambda p: (p.start, _SEVERITY_ORDER.get(p.severity, 3)))
        self._text = text or ""
        self._fill()
        title = title_for(self._problems)
        self.title_changed.emit(title)

    def show_notice(self, text: str) -> None:
        """Say what the shown problems do not cover yet ("" when they cover everything)."""
        self.notice = text
        self._fill()

    def _fill(self) -> None:
        wanted = _FILTERS[self.filter.currentIndex()][1]
        newlines = [i for i, c in enumerate(self._text) if c == "\n"] if self._text else []
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        items = []
        for p in self._problems:
            if wanted and p.severity != wanted:
                continue
            line = str(bisect.bisect_right(newlines, p.start) + 1) if self._text else ""
            detail = p.message
            if self._text and p.kind == "misspelling":
                detail = f"“{self._text[p.start:p.end]}”" + (
                    f" — try {', '.join(p.suggestions[:3])}" if p.suggestions else "")
            item = QTreeWidgetItem([p.severity, line, kind_label(p.kind), detail])
            item.setToolTip(3, detail if detail == p.message else f"{detail}\n{p.message}")
            item.setToolTip(2, p.kind)
            item.setData(0, START_ROLE, p.start)
            item.setData(0, END_ROLE, p.end)
            item.setData(0, KIND_ROLE, p.kind)
            items.append(item)
        self.tree.addTopLevelItems(items)
        self.tree.setUpdatesEnabled(True)
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        if self.tree.columnWidth(2) > PROBLEM_COLUMN_MAX:
            self.tree.setColumnWidth(2, PROBLEM_COLUMN_MAX)
        shown, total = len(items), len(self._problems)
        if not total:
            self.summary.setText(self.notice or "No problems found")
            return
        self.summary.setText(f"{total} problem{'s' if total != 1 else ''}"
                             + (f", {shown} shown" if shown != total else "")
                             + (f" · {self.notice}" if self.notice else ""))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.jump_requested.emit(item.data(0, START_ROLE), item.data(0, END_ROLE))

    def menu_for(self, item: QTreeWidgetItem) -> QMenu:
        """A row's context menu: jump to it, and remove it when it is boilerplate."""
        menu = QMenu(self.tree)
        menu.addAction("Go to problem").triggered.connect(lambda: self._activated(item))
        if item.data(0, KIND_ROLE) == "boilerplate":
            menu.addAction("Remove boilerplate").triggered.connect(
                lambda: self.remove_boilerplate_requested.emit(item.data(0, START_ROLE),
                                                               item.data(0, END_ROLE)))
        return menu

    def _context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        if item is not None:
            menu = self.menu_for(item)
            menu.exec(self.tree.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def select_row(self, row: int) -> None:
        """Keyboard helper for tests and the main window."""
        self.tree.setCurrentItem(self.tree.topLevelItem(row))
