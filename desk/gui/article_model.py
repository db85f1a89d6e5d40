"""A lazy table of articles: rows are fetched a page at a time as the view scrolls, each page
by keyset, so a library of 100,000 articles lists as fast as one of ten; searched lists are
read by a worker (desk.gui.library_search), never on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from desk.gui.library_search import LibrarySearch, SearchAnswer, SearchRequest
from desk.storage.articles import ranks_search

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
    """Pages come by keyset (after the last row's (updated_at, id)), so a page deep in the
    list costs what the first one costs. With a ``search`` worker (desk.gui.library_search),
    a list with a search text is read off the GUI thread: the rows shown stay until the new
    first page is answered (``pending`` until then), the count follows it."""

    shown = Signal()  # a new list is shown (refresh's first page)
    total_changed = Signal()  # the count of a searched list is known
    failed = Signal(str)  # a searched list could not be read (one line)

    def __init__(self, library, parent=None, *, search: LibrarySearch | None = None):
        super().__init__(parent)
        self.library = library
        self.filter = ArticleFilter()
        self._rows: list = []
        self._total = 0
        self._counted = True
        self._counted_query: dict | None = None  # the list whose length ``_total`` is
        self._more = False  # rows after the last one loaded
        self._last_key: tuple | None = None  # where the loaded rows end (newest-change order)
        self._search = search
        self._generation = 0  # the searched list asked for; answers of others are stale
        self._pending = False  # its first page is not shown yet
        self._fetching = False  # a later page is on its way
        self._then: list[Callable[[], None]] = []
        if search is not None:
            search.answers.answered.connect(self._answered)

    # -- what is listed ----------------------------------------------------------------
    def set_filter(self, new: ArticleFilter) -> None:
        self.filter = new
        self.refresh()

    def update_filter(self, **changes) -> None:
        self.set_filter(replace(self.filter, **changes))

    def refresh(self) -> None:
        """Start over from the first page (after a create, trash, import or filter change);
        a searched list is asked of the worker and shown when answered. A list without a
        search shows its first page now (by its index, well under a millisecond at 100,000
        articles) and, with a worker, is counted there: a count walks the whole list."""
        q = self.filter.query()
        self._fetching = False
        if self._search is not None:
            self._generation = self._search.new_generation()
            if q["search"]:
                self._pending = True
                self._search.ask(SearchRequest(self._generation, q, PAGE_SIZE, count=True))
                return
            self._search.cancel_before(self._generation)
        self._pending = False
        rows = self.library.articles.list(**q, limit=PAGE_SIZE)
        if self._search is None or len(rows) < PAGE_SIZE:
            total = len(rows) if len(rows) < PAGE_SIZE else self.library.articles.count(**q)
            self._total, self._counted, self._counted_query = total, True, q
        else:
            self._first_page_of(q)
            self._search.ask(SearchRequest(self._generation, q, PAGE_SIZE, count=True,
                                           page=False))
        self._show(rows)

    def _show(self, rows: list) -> None:
        """Show a new first page. The rows shown already (the list read again after a change
        made elsewhere, nothing in it changed) are left as they are: no reset, no repaint,
        the selection and the scroll position kept."""
        if rows != self._rows:
            self.beginResetModel()
            self._rows = rows
            self._loaded(len(rows))
            self.endResetModel()
        else:
            self._loaded(len(rows))
        self._shown()

    def _first_page_of(self, q: dict) -> None:
        """A new first page is shown, its count to follow: the list read again (a change
        made elsewhere) keeps its count until then, another list has none yet."""
        self._counted = q == self._counted_query

    def when_shown(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the list asked for last is shown (now, if it is)."""
        if self._pending:
            self._then.append(then)
        else:
            then()

    @property
    def pending(self) -> bool:
        """A searched list is asked for and not shown yet (the rows are the list before)."""
        return self._pending

    @property
    def total(self) -> int:
        """The list's length; the rows loaded until a searched list is counted."""
        return self._total if self._counted else len(self._rows)

    @property
    def counted(self) -> bool:
        return self._counted

    def canFetchMore(self, parent=QModelIndex()):  # noqa: N802 (Qt override)
        return not parent.isValid() and self._more and not self._fetching and not self._pending

    def fetchMore(self, parent=QModelIndex()):  # noqa: N802 (Qt override)
        if parent.isValid() or not self.canFetchMore():
            return
        q = self.filter.query()
        ranked = ranks_search(q["search"])
        offset = len(self._rows) if ranked else 0
        after = None if ranked else self._last_key
        if self._search is not None and q["search"]:
            self._fetching = True
            self._search.ask(SearchRequest(self._generation, q, PAGE_SIZE, offset=offset,
                                           after=after))
            return
        self._append(self.library.articles.list(**q, limit=PAGE_SIZE, offset=offset,
                                                after=after))

    def _append(self, page: list) -> None:
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self._loaded(len(page))
        if not self._more and self._counted:
            self._total = len(self._rows)

    def _loaded(self, page_rows: int) -> None:
        self._last_key = self._rows[-1].list_key if self._rows else None
        self._more = page_rows == PAGE_SIZE and (not self._counted
                                                 or len(self._rows) < self._total)

    def _answered(self, answer: SearchAnswer) -> None:
        """An answer of the worker: shown if it is of the list asked for last."""
        request = answer.request
        if request.generation != self._generation:
            return  # stale: a newer list was asked for since
        if answer.kind == "count":
            self._total, self._counted = answer.total, True
            self._counted_query = request.query
            self._more = len(self._rows) < self._total
            self.total_changed.emit()
            return
        if answer.kind == "failed" and not request.page:
            self.failed.emit(answer.message)  # the rows stay and page on, uncounted
            return
        self._fetching = False
        if answer.kind == "page" and self._pending:
            self._pending = False
            self._first_page_of(request.query)
            self._show(answer.rows)
        elif answer.kind == "page":
            self._append(answer.rows)
        elif answer.kind == "failed":
            self._more = False
            if self._pending:
                self._pending, self._counted, self._total = False, True, len(self._rows)
                self._shown()
            self.failed.emit(answer.message)
        # "cancelled": only a stale request is interrupted, and stale answers stop above

    def _shown(self) -> None:
        then, self._then = self._then, []
        for fn in then:
            fn()
        self.shown.emit()

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
