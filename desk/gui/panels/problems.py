"""Problems panel: every check result of the open article; activating one jumps to it.
A boilerplate row's context menu offers "Remove boilerplate" (done by desk.gui.editor_menu).

While the live checker has not spell-checked the text yet (the spelling index is being
prepared on a first start) the summary says so instead of "No problems found"."""

from __future__ import annotations

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
        self._shown: list = []  # the problem behind each row
        self._looks: list[tuple] = []  # what each row shows
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

    def _rows(self, wanted: str | None) -> list[tuple[object, tuple]]:
        """(problem, what its row shows) for the problems the filter lets through."""
        text, out = self._text, []
        line, at = 1, 0
        for p in self._problems:
            if wanted and p.severity != wanted:
                continue
            if text:  # problems are in text order: count the line breaks since the last one
                upto = max(at, p.start + 1)  # a break at the problem's start counts
                line += text.count("\n", at, upto)
                at = upto
            detail = p.message
            if text and p.kind == "misspelling":
                detail = f"“{text[p.start:p.end]}”" + (
                    f" — try {', '.join(p.suggestions[:3])}" if p.suggestions else "")
            tip = detail if detail == p.message else f"{detail}\n{p.message}"
            out.append((p, (p.severity, str(line) if text else "", kind_label(p.kind), detail, tip, p.kind)))
        return out

    def _fill(self) -> None:
        """Show the problems, touching only the rows that changed: after a key press most
        rows look the same (offsets move, lines and words do not), and rebuilding 1,000 rows
        held the window for tens of milliseconds."""
        rows = self._rows(_FILTERS[self.filter.currentIndex()][1])
        old = self._looks
        new = [look for _, look in rows]
        head = 0
        while head < min(len(old), len(new)) and old[head] == new[head]:
            head += 1
        tail = 0
        while (tail < min(len(old), len(new)) - head
               and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]):
            tail += 1
        self.tree.setUpdatesEnabled(False)
        for _ in range(len(old) - tail - head):
            self.tree.takeTopLevelItem(head)
        items = []
        for look in new[head:len(new) - tail]:
            severity, line, label, detail, tip, kind = look
            item = QTreeWidgetItem([severity, line, label, detail])
            item.setToolTip(3, tip)
            item.setToolTip(2, kind)
            item.setData(0, KIND_ROLE, kind)
            items.append(item)
        if items:
            self.tree.insertTopLevelItems(head, items)
        self.tree.setUpdatesEnabled(True)
        self._shown, self._looks = [p for p, _ in rows], new
        if items or len(old) != len(new):
            for col in range(3):
                self.tree.resizeColumnToContents(col)
            if self.tree.columnWidth(2) > PROBLEM_COLUMN_MAX:
                self.tree.setColumnWidth(2, PROBLEM_COLUMN_MAX)
        shown, total = len(rows), len(self._problems)
        if not total:
            self.summary.setText(self.notice or "No problems found")
            return
        self.summary.setText(f"{total} problem{'s' if total != 1 else ''}"
                             + (f", {shown} shown" if shown != total else "")
                             + (f" · {self.notice}" if self.notice else ""))

    def problem_of(self, item: QTreeWidgetItem):
        """The problem a row shows (rows keep no offsets: they move with every edit)."""
        row = self.tree.indexOfTopLevelItem(item)
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        p = self.problem_of(item)
        if p is not None:
            self.jump_requested.emit(p.start, p.end)

    def menu_for(self, item: QTreeWidgetItem) -> QMenu:
        """A row's context menu: jump to it, and remove it when it is boilerplate."""
        menu = QMenu(self.tree)
        menu.addAction("Go to problem").triggered.connect(lambda: self._activated(item))
        p = self.problem_of(item)
        if p is not None and p.kind == "boilerplate":
            menu.addAction("Remove boilerplate").triggered.connect(
                lambda: self.remove_boilerplate_requested.emit(p.start, p.end))
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
