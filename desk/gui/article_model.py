"""A lazy table of articles: rows are fetched a page at a time as the view scrolls, so a
library of 100,000 articles lists as fast as one of ten."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

PAGE_SIZE = 200
COLUMNS = ("Headline", "Status", "Section", "Words", "Changed")
ID_ROLE = Qt.UserRole + 1
SUMMARY_ROLE = Qt.UserRole + 2


@dataclass(frozen=True)
class ArticleFilter:
    search: str = ""
    status: str | None = None
    section: str | None = None
    tag: str | None = None
    trashed: bool = False

    def query(self) -> dict:
        return {"search": self.search.strip() or None, "status": self.status,
                "section": self.section, "tag": self.tag, "trashed": self.trashed}


class ArticleListModel(QAbstractTableModel):
    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        self.filter = ArticleFilter()
        self._rows: list = []
        self._total = 0

    # -- what is listed ----------------------------------------------------------------
    def set_filter(self, new: ArticleFilter) -> None:
        self.filter = new
        self.refresh()

    def update_filter(self, **changes) -> None:
        self.set_filter(replace(self.filter, **changes))

    def refresh(self) -> None:
        """Start over from the first page (after a create, trash, import or filter change)."""
        self.beginResetModel()
        q = self.filter.query()
        self._total = self.library.articles.count(**q)
        self._rows = self.library.articles.list(**q, limit=PAGE_SIZE, offset=0)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent=QModelIndex()):  # noqa: N802 (Qt override)
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()):  # noqa: N802 (Qt override)
        if parent.isValid():
            return
        page = self.library.articles.list(**self.filter.query(), limit=PAGE_SIZE,
                                          offset=len(self._rows))
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- rows ------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        a = self._rows[index.row()]
        if role == ID_ROLE:
            return a.id
        if role == SUMMARY_ROLE:
            return a
        col = index.column()
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
            if col == 0:
                text = a.headline or "(untitled)"
                if role == Qt.AccessibleTextRole:
                    return f"{text}, {status_label(a.status)}, {a.words} words"
                return text
            if col == 1:
                return status_label(a.status)
            if col == 2:
                return a.section
            if col == 3:
                return a.words
            if col == 4:
                return friendly_time(a.updated_at)
        if role == Qt.ToolTipRole and col == 0:
            return a.headline or "(untitled)"
        return None

    def row_of(self, article_id: int) -> int:
        """The row of an article among those loaded, or -1."""
        for i, a in enumerate(self._rows):
            if a.id == article_id:
                return i
        return -1

    def article_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def update_row(self, summary) -> None:
        """A saved article changed in place: refresh its row without re-sorting the list
        (a list that jumps while someone types is worse than one briefly out of order)."""
        row = self.row_of(summary.id)
        if row >= 0:
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))


def status_label(status: str) -> str:
    return status.replace("-", " ").capitalize()


def friendly_time(stamp: str, now: datetime | None = None) -> str:
    """"14:02" today, "Tue 14:02" this week, "3 Mar" this year, else "3 Mar 2024"."""
    try:
        when = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return stamp or ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    when = when.astimezone()
    now = (now or datetime.now(timezone.utc)).astimezone()
    if when.date() == now.date():
        return when.strftime("%H:%M")
    days = (now.date() - when.date()).days
    if 0 < days < 7:
        return when.strftime("%a %H:%M")
    if when.year == now.year:
        return f"{when.day} {when.strftime('%b')}"
    return f"{when.day} {when.strftime('%b %Y')}"
