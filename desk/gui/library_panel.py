"""The article library: search as you type, filters, and new / duplicate / trash / restore
(desk.gui.library_actions; each row drawn by desk.gui.article_delegate).

The search runs in a worker (desk.gui.library_search) after a short pause in typing; the
list keeps showing what it showed until the new rows are answered, then selects, counts and
moves the focus as asked. The GUI thread never waits for a search."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.gui import gui_gc
from desk.gui.article_delegate import ArticleDelegate
from desk.gui.article_model import ArticleListModel, status_label
from desk.gui.library_actions import LibraryActions
from desk.gui.library_search import LibrarySearch
from desk.gui.shortcuts import local_shortcut
from desk.model import ARTICLE_STATUSES, DeskError

SEARCH_DEBOUNCE_MS = 150


class LibraryPanel(LibraryActions, QWidget):
    article_selected = Signal(int)  # the editor should show this article
    article_created = Signal(int)
    article_trashed = Signal(int)
    article_restored = Signal(int)
    error = Signal(str)
    open_requested = Signal()  # Enter on an article: the editor should take the focus

    def __init__(self, library, parent=None, *, runner):
        super().__init__(parent)
        self.library = library
        self.runner = runner
        self.new_language: str | None = None  # new articles' language (the Preferences')
        self._searcher = LibrarySearch(library)
        self.destroyed.connect(self._searcher.close)
        self.model = ArticleListModel(library, self, search=self._searcher)
        self.model.shown.connect(self._list_shown)
        self.model.total_changed.connect(self._update_count)
        self.model.failed.connect(self.error)
        self._build()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._apply_search)

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search articles…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search articles")
        self.search.textChanged.connect(lambda _t: (gui_gc.typing(), self._search_timer.start()))
        self.search.returnPressed.connect(self._search_to_list)
        self.search.installEventFilter(self)

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Filter by status")
        self.status_filter.addItem("Any status", None)
        for s in ARTICLE_STATUSES:
            self.status_filter.addItem(status_label(s), s)
        self.section_filter = QComboBox()
        self.section_filter.setAccessibleName("Filter by section")
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName("Filter by tag")
        for combo in (self.status_filter, self.section_filter, self.tag_filter):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)
            combo.activated.connect(self._apply_filters)
        self.trash_toggle = QToolButton()
        self.trash_toggle.setText("Trash")
        self.trash_toggle.setCheckable(True)
        self.trash_toggle.setAccessibleName("Show the trash")
        self.trash_toggle.setToolTip("Show articles in the trash")
        self.trash_toggle.toggled.connect(self._trash_toggled)
        # One width for both labels ("Trash" / "Articles"): a size change inside the dock
        # makes the main window re-fit the docks, and the library dock came out wider. The
        # labels are short so the normal view's row stays as narrow as before.
        widest = 0
        for label in ("Articles", "Trash"):
            self.trash_toggle.setText(label)
            widest = max(widest, self.trash_toggle.sizeHint().width())
        self.trash_toggle.setFixedWidth(widest)

        self.view = QListView()
        self.view.setAccessibleName("Articles")
        self.view.setModel(self.model)
        self.view.setModelColumn(0)
        self.view.setItemDelegate(ArticleDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.activated.connect(lambda _i: self.open_requested.emit())

        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of articles")
        self.new_button = QPushButton("&New")
        self.new_button.setAccessibleName("New article")
        self.new_button.clicked.connect(self.new_article)
        self.duplicate_button = QPushButton("D&uplicate")
        self.duplicate_button.setAccessibleName("Duplicate article")
        self.duplicate_button.clicked.connect(self.duplicate_current)
        self.trash_button = QPushButton("&Delete…")
        self.trash_button.setAccessibleName("Move article to trash")
        self.trash_button.setToolTip("Move the article to the trash (you can restore it)")
        self.trash_button.clicked.connect(self.trash_current)
        self.restore_button = QPushButton("&Restore")
        self.restore_button.setAccessibleName("Restore article from trash")
        self.restore_button.clicked.connect(self.restore_current)
        self.restore_button.setEnabled(False)
        self.restore_button.setToolTip("Select an article in the trash, then restore it")
        local_shortcut(QKeySequence.Delete, self.view, self.trash_current,
                       description="Move the selected article to the trash")

        filters = QHBoxLayout()
        filters.setSpacing(4)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.section_filter, 1)
        filters.addWidget(self.tag_filter, 1)
        # The article buttons and the trash's Restore are two pages of one stack, so switching
        # views changes no size hint (hiding/showing buttons re-fitted and widened the dock).
        self.action_stack = QStackedWidget()
        for page_buttons in ((self.new_button, self.duplicate_button, self.trash_button),
                             (self.restore_button,)):
            page = QWidget()
            row = QHBoxLayout(page)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            for b in page_buttons:
                row.addWidget(b)
            row.addStretch(1)
            self.action_stack.addWidget(page)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.action_stack, 1)
        buttons.addWidget(self.trash_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(buttons)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
        """Down in the search field moves into the list: search, arrow, Enter, type."""
        if obj is self.search and event.type() == QEvent.KeyPress and event.key() == Qt.Key_Down:
            self._search_to_list()
            return True
        return super().eventFilter(obj, event)

    def _search_to_list(self) -> None:
        self._apply_search()
        self.model.when_shown(self._focus_list)

    def _focus_list(self) -> None:
        if self.model.rowCount():
            self.view.setFocus(Qt.ShortcutFocusReason)
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.model.index(0, 0))

    # -- listing ---------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        """Re-read filters' choices and the list; keep (or move) the selection."""
        keep = select if select is not None else self.current_id()
        self._fill_filters()
        self.model.refresh()
        if keep is not None:
            self.model.when_shown(lambda: self.select(keep, emit=False))

    def _fill_filters(self) -> None:
        self._fill_combo(self.section_filter, "Any section", self.library.articles.sections())
        self._fill_combo(self.tag_filter, "Any tag", self.library.articles.all_tags())

    def _fill_combo(self, combo: QComboBox, any_label: str, values: list[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(any_label, None)
        for v in values:
            combo.addItem(v, v)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        combo.blockSignals(False)

    def _apply_search(self) -> None:
        self._search_timer.stop()
        if self.search.text() != self.model.filter.search:
            keep = self.current_id()
            self.model.update_filter(search=self.search.text())
            self._keep_selected(keep)
            self._update_count()

    def _apply_filters(self, *_):
        keep = self.current_id()
        self.model.update_filter(status=self.status_filter.currentData(),
                                 section=self.section_filter.currentData(),
                                 tag=self.tag_filter.currentData())
        self._keep_selected(keep)

    def _keep_selected(self, article_id: int | None) -> None:
        """A new list that still holds the selected article keeps it selected (Delete…,
        Duplicate act on the selection), without opening it again."""
        if article_id is not None:
            self.model.when_shown(lambda: self.current_id() is None
                                  and self.select(article_id, emit=False))

    def _list_shown(self) -> None:
        self._update_count()
        self._update_restore()

    def _trash_toggled(self, on: bool) -> None:
        self.trash_toggle.setText("Articles" if on else "Trash")
        self.trash_toggle.setToolTip("Back to the articles" if on else "Show articles in the trash")
        self.action_stack.setCurrentIndex(1 if on else 0)
        self.model.update_filter(trashed=on)
        self._update_restore()

    def _update_restore(self) -> None:
        """Restore is enabled only with a trashed article selected."""
        self.restore_button.setEnabled(bool(self.model.filter.trashed)
                                       and self.view.currentIndex().isValid())

    def _update_count(self) -> None:
        if self.model.pending:
            self.count_label.setText("Searching…")
            return
        n = self.model.total
        more = "" if self.model.counted else "+"
        where = " in the trash" if self.model.filter.trashed else ""
        self.count_label.setText(f"{n:,}{more} article{'s' if n != 1 or more else ''}{where}")

    # -- selection -------------------------------------------------------------------
    def current_id(self) -> int | None:
        idx = self.view.currentIndex()
        return self.model.article_id(idx.row()) if idx.isValid() else None

    def select(self, article_id: int, emit: bool = True) -> bool:
        row = self.model.row_of(article_id)
        if row < 0:
            return False
        sm = self.view.selectionModel()
        if not emit:
            sm.blockSignals(True)
        try:
            self.view.setCurrentIndex(self.model.index(row, 0))
        finally:
            sm.blockSignals(False)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_restore()
        if current.isValid() and not self.model.filter.trashed:
            self.article_selected.emit(self.model.article_id(current.row()))

    def clear_filters(self) -> None:
        """Show everything (so a new article is in the list, not hidden by a filter)."""
        from desk.gui.article_model import ArticleFilter

        self._search_timer.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        for combo in (self.status_filter, self.section_filter, self.tag_filter):
            combo.setCurrentIndex(0)
        self.model.filter = ArticleFilter(trashed=self.model.filter.trashed)

    def _leave_trash(self) -> None:
        if self.trash_toggle.isChecked():
            self.trash_toggle.blockSignals(True)
            self.trash_toggle.setChecked(False)
            self.trash_toggle.blockSignals(False)
            self.trash_toggle.setText("Trash")
            self.trash_toggle.setToolTip("Show articles in the trash")
            self.action_stack.setCurrentIndex(0)
            self.model.update_filter(trashed=False)
            self._update_restore()

    def library_changed(self, changes, origin=None) -> None:
        """The runner's "library changed": a listed article's row is re-read in place; an
        article that now belongs in this view and is not listed (new, imported, restored), or
        is listed and no longer belongs (trashed, purged), re-reads the list, as do articles
        another editor wrote without naming them; their tags refill the filters."""
        if "articles" in changes.unnamed:
            self.reload()
            return
        if "tags" in changes.unnamed:
            self._fill_filters()
        rows = []
        for aid in sorted(changes.articles):
            try:
                article = self.library.articles.get(aid, include_deleted=True)
            except DeskError:  # gone for good
                article = None
            belongs = article is not None and \
                (article.deleted_at is not None) == bool(self.model.filter.trashed)
            if belongs != (self.model.row_of(aid) >= 0):
                self.reload()
                return
            if belongs:
                rows.append(article)
        for article in rows:
            self.article_saved(article)

    def article_saved(self, article) -> None:
        """Refresh the row of a saved article in place."""
        from desk.storage.articles import ArticleSummary

        self.model.update_row(ArticleSummary(
            id=article.id, headline=article.headline, status=article.status,
            section=article.section, words=article.words, updated_at=article.updated_at,
            deleted_at=article.deleted_at))
