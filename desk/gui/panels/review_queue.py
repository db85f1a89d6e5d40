"""Review queue: unverified and disputed quotations across all articles, keyboard-driven.

The queue logic (filters, the cursor that survives acting on an item) is desk.review's
QueueCursor; this panel shows it and maps keys onto it. Verify and dispute run
desk.operations.quotes through the window's runner (``runner=``).

Nothing here reads the whole library: the queue is read a page at a time (more as the
list is scrolled), the article filter is filled when it is opened, and the stored check
results of articles changed since their last check are computed again in the background
(desk.gui.review_refresh), with a progress bar while that runs and the library's totals
when it is done.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.gui.panels.review_widgets import LazyCombo, QueueTree, excerpt, refill
from desk.gui.review_refresh import QueueCounter, StaleRefresher
from desk.model import DeskError
from desk.operations import quotes as ops
from desk.review.queue import QueueCursor, wanted_statuses

STATUS_FILTERS = (("Unverified and disputed", None), ("Unverified", "unverified"),
                  ("Disputed", "disputed"), ("Verified", "verified"),
                  ("Not a quotation", "not-a-quote"))
SPEAKER_MAX, ARTICLE_MAX = 160, 200  # px: beyond this, names and headlines are elided
SIDE_SHARE = 0.22  # neither Speaker nor Article takes more than this share of a narrow list
KEYS_HELP = "J / ↓ next · K / ↑ previous · V verify · D dispute · Enter open · R review…"
PAGE = 200  # rows read at a time; the next page when the list is scrolled near its end
COUNTED_AT_MOST = 10  # articles another editor changed that are looked up one by one


class ReviewQueuePanel(QWidget):
    open_quote = Signal(int, int, int)  # article id, start, end (str offsets)

    def __init__(self, library, parent=None, *, runner, separate_process: bool = False):
        """``separate_process``: stale results are checked in the check process (the window)."""
        super().__init__(parent)
        self.library, self.runner = library, runner
        self.setAccessibleName("Review queue")
        self.cursor = QueueCursor(library, page_size=PAGE)
        self._articles_filled = False

        self.article_filter = LazyCombo()
        self.article_filter.before_popup.connect(self.fill_article_filter)
        self.article_filter.setAccessibleName("Filter by article")
        self.source_filter = QComboBox()
        self.source_filter.setAccessibleName("Filter by source")
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Filter by status")
        for label, _ in STATUS_FILTERS:
            self.status_filter.addItem(label)
        for combo in (self.article_filter, self.source_filter, self.status_filter):
            if combo is not self.status_filter:
                combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
                combo.setMinimumContentsLength(10)
            combo.activated.connect(lambda _i: self._filters_changed())
        # Status above the other two: in one row the filters alone were ~450 px, the widest
        # panel, and the right dock took that from the text on a 1024 px screen.
        filters = QGridLayout()
        filters.addWidget(self.status_filter, 0, 0, 1, 2)
        filters.addWidget(self.article_filter, 1, 0)
        filters.addWidget(self.source_filter, 1, 1)

        self.tree = QueueTree()
        self.tree.setAccessibleName("Quotations to review")
        self.tree.setHeaderLabels(["Status", "Quotation", "Speaker", "Article"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.ElideRight)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.Stretch)  # the quotation takes the room
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.Fixed)
        self.tree.resized.connect(self._fit_columns)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda _i, _c: self.open_current())
        self.tree.verticalScrollBar().valueChanged.connect(self._scrolled)

        self.verify_button = QPushButton("&Verify")
        self.dispute_button = QPushButton("&Dispute")
        self.open_button = QPushButton("&Open")
        self.review_button = QPushButton("&Review…")
        actions = QHBoxLayout()
        for b, fn, tip in ((self.verify_button, self.verify, "Mark the quotation verified (V)"),
                           (self.dispute_button, self.dispute, "Mark the quotation disputed (D)"),
                           (self.open_button, self.open_current, "Open it in the editor (Enter)"),
                           (self.review_button, self.review, "Tags, material and original (R)")):
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            b.clicked.connect(fn)
            actions.addWidget(b)
        actions.addStretch(1)
        self.keys = QLabel(KEYS_HELP)
        self.keys.setAccessibleName("Review queue shortcuts")
        self.keys.setWordWrap(True)
        self.count = QLabel()
        self.summary = QLabel()
        self.summary.setAccessibleName("Library quotation totals")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Checking changed articles")
        self.progress.setFormat("Checking changed articles: %v of %m")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.refresher = StaleRefresher(library, self, separate_process=separate_process)
        self.refresher.progress.connect(self._refresh_progress)
        self.refresher.finished.connect(self._refresh_finished)
        self.counter = QueueCounter(library, self)
        self.counter.counted.connect(self._show_count)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.progress)
        layout.addWidget(self.tree, 1)
        layout.addLayout(actions)
        layout.addWidget(self.summary)
        layout.addWidget(self.keys)
        self.tree.keys = {Qt.Key_J: self.next, Qt.Key_K: self.previous, Qt.Key_V: self.verify,
                          Qt.Key_D: self.dispute, Qt.Key_R: self.review}
        self.refresh()
        QTimer.singleShot(0, self.refresher.start)  # after the window is shown

    # -- filling -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the queue and the filter choices (after saves, syncs, source changes)."""
        self._fill_filters()
        self.cursor.filters.update(article_id=self.article_filter.currentData(),
                                   source_id=self.source_filter.currentData())
        self.cursor.refresh()
        self._fill()

    def library_changed(self, changes, origin=None) -> None:
        """The runner's "library changed": re-read the queue when quotation rows, sources or
        articles (headlines, trash) changed elsewhere; its own actions re-read it already.
        Another editor's commit (a team library) re-reads it only when it changes what the
        queue shows (``_shows_any``); the stale results it made are that editor's desk's to
        refresh."""
        if changes.elsewhere:
            if self._shows_any(changes):
                self.refresh()
            elif changes.sources:  # a new source: the filter offers it
                self._fill_source_filter()
            return
        if origin is not self and (changes.quotes or changes.sources or changes.articles):
            self.refresh()
        if changes.sources or changes.dictionary or changes.external or changes.unnamed:
            self.refresher.start()  # every result may be stale: check them again, off this thread
        elif changes.quotes or changes.articles:  # a save, its sync, a tag: those articles'
            self.refresher.start(articles=changes.articles, quotes=changes.quotes)

    def _shows_any(self, changes) -> bool:
        """Another editor's quotation rows, the sources of rows shown, an article shown (its
        headline, the trash) or one with rows to review that is not shown (restored, or it
        moved to the top): the queue is read again; anything else leaves it."""
        if changes.touches("quotes") or "sources" in changes.unnamed \
                or "articles" in changes.unnamed:
            return True
        shown = self.cursor.items
        if changes.sources and any(i.source_id in changes.sources for i in shown):
            return True
        if not changes.articles:
            return False
        listed = {i.article_id for i in shown}
        if listed & changes.articles:
            return True
        filters = self.cursor.filters
        others = changes.articles if filters["article_id"] is None \
            else changes.articles & {filters["article_id"]}
        if len(others) > COUNTED_AT_MOST:
            return True  # one read of the queue costs less than this many counts
        try:
            return any(self.library.queue.count(
                wanted_statuses(filters["status"]), article_id=aid,
                source_id=filters["source_id"]) for aid in sorted(others))
        except DeskError:
            return True

    def _refresh_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setVisible(done < total)

    def _refresh_finished(self, quotations: int, unverified: int, articles: int) -> None:
        self.progress.hide()
        self.summary.setText(
            f"Library: {quotations:,} quotation{'s' if quotations != 1 else ''} in {articles:,} "
            f"article{'s' if articles != 1 else ''}, {unverified:,} unverified" if quotations else "")

    def _fill_filters(self) -> None:
        """The sources (a short list); the articles are read when their filter is opened,
        until then it holds "All articles" and the article chosen."""
        keep = self.article_filter.currentData()
        self._articles_filled = False
        refill(self.article_filter, "All articles",
                [] if keep is None else [(self._article_label(keep), keep)])
        self._fill_source_filter()

    def _fill_source_filter(self) -> None:
        refill(self.source_filter, "All sources",
               [(s.name, s.id) for s in sorted(self.library.sources.refs(), key=lambda r: r.name.lower())])

    def _article_label(self, article_id: int) -> str:
        try:
            return excerpt(self.library.articles.get(article_id).headline or "(untitled)", 40)
        except DeskError:
            return f"#{article_id}"

    def fill_article_filter(self) -> None:
        """The articles with quotations, read when the filter is opened (one query)."""
        if self._articles_filled:
            return
        self._articles_filled = True
        refill(self.article_filter, "All articles",
                     [(excerpt(headline or "(untitled)", 40), aid)
                      for aid, headline in self.library.queue.articles()])

    def _filters_changed(self) -> None:
        self.cursor.set_filters(article_id=self.article_filter.currentData(),
                                source_id=self.source_filter.currentData(),
                                status=STATUS_FILTERS[self.status_filter.currentIndex()][1])
        self._fill()

    def _rows(self, items) -> list[QTreeWidgetItem]:
        rows = []
        for item in items:
            speaker = item.source_name or item.speaker or "—"
            headline = " ".join((item.headline or "(untitled)").split())
            row = QTreeWidgetItem([item.status, excerpt(item.text), speaker, headline])
            row.setToolTip(1, item.text + (f"\n\nNote: {item.note}" if item.note else ""))
            row.setToolTip(2, speaker)
            row.setToolTip(3, headline)
            row.setData(0, Qt.UserRole, item.quote_id)
            rows.append(row)
        return rows

    def _fill(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        self.tree.addTopLevelItems(self._rows(self.cursor.items))
        if self.cursor.items:
            self.tree.setCurrentItem(self.tree.topLevelItem(self.cursor.index))
        self.tree.blockSignals(False)
        self._fit_columns()
        self._count()

    def _scrolled(self, value: int) -> None:
        bar = self.tree.verticalScrollBar()
        if self.cursor.more and value >= bar.maximum() - bar.pageStep():
            self._append_more()

    def _append_more(self) -> None:
        """The next page of the queue under the rows shown."""
        shown = len(self.cursor.items)
        if self.cursor.load_more():
            self.tree.addTopLevelItems(self._rows(self.cursor.items[shown:]))
            self._count()

    def _count(self) -> None:
        """Exact when every row is read; otherwise "N+" until the worker has counted."""
        n = len(self.cursor.items)
        if self.cursor.more:
            self.count.setText(f"{n}+ quotations to review")
            self.counter.request(wanted_statuses(self.cursor.filters["status"]),
                                 self.cursor.filters["article_id"], self.cursor.filters["source_id"])
        else:
            self.counter.cancel()
            self._show_count(n)
        for b in (self.verify_button, self.dispute_button, self.open_button, self.review_button):
            b.setEnabled(bool(n))

    def _show_count(self, n: int) -> None:
        self.count.setText(f"{n} quotation{'s' if n != 1 else ''} to review" if n else
                           "Nothing to review here")

    def _fit_columns(self) -> None:
        """Status fits its words; Speaker and Article fit theirs up to a cap (a share of the
        list, and a fixed maximum) and elide beyond it; the Quotation stretches over the rest."""
        header = self.tree.header()
        width = self.tree.viewport().width()

        def wanted(col: int) -> int:
            return max(self.tree.sizeHintForColumn(col), header.sectionSizeFromContents(col).width())

        header.resizeSection(0, wanted(0))
        side = max(60, int(width * SIDE_SHARE))
        header.resizeSection(2, min(wanted(2), side, SPEAKER_MAX))
        header.resizeSection(3, min(wanted(3), side, ARTICLE_MAX))

    def _current_changed(self, item, _previous) -> None:
        if item is not None:
            self.cursor.select(item.data(0, Qt.UserRole))

    def _sync_row(self) -> None:
        if len(self.cursor.items) > self.tree.topLevelItemCount():  # next() read a page
            shown = self.tree.topLevelItemCount()
            self.tree.addTopLevelItems(self._rows(self.cursor.items[shown:]))
            self._count()
        if self.cursor.items:
            self.tree.setCurrentItem(self.tree.topLevelItem(self.cursor.index))

    # -- actions (also the keys) ---------------------------------------------------------------
    def next(self) -> None:
        self.cursor.next()
        self._sync_row()

    def previous(self) -> None:
        self.cursor.previous()
        self._sync_row()

    def verify(self) -> None:
        def run(quote_id: int) -> bool:
            from desk.gui import verify_confirm

            try:
                self.runner.run(ops.verify, parent=self, quiet=True, quote_id=quote_id)
            except ops.EvidenceDiffers as exc:
                if not verify_confirm.confirm_verify_anyway(self, exc):
                    return False
                return self.runner.run(ops.verify, parent=self, quote_id=quote_id,
                                       force=True) is not None
            return True
        self._act(run)

    def dispute(self) -> None:
        self._act(lambda quote_id: self.runner.run(ops.dispute, parent=self,
                                                   quote_id=quote_id) is not None)

    def _act(self, fn) -> None:
        """``fn(quote_id)`` runs the operation on the current item; True when it changed it."""
        item = self.cursor.current
        if item is None:
            return
        try:
            done = fn(item.quote_id)
        except DeskError as exc:
            QMessageBox.warning(self, "Review", str(exc))
            done = False
        if done:
            self.cursor.acted_on(item.quote_id)
        self._fill()
        self.tree.setFocus(Qt.OtherFocusReason)

    def open_current(self) -> None:
        target = self.cursor.open()
        if target is not None:
            self.open_quote.emit(target.article_id, target.start, target.end)

    def review(self) -> None:
        item = self.cursor.current
        if item is None:
            return
        from desk.gui.review_dialog import ReviewDialog

        dialog = ReviewDialog(self.library, item.quote_id, self, runner=self.runner)
        if dialog.exec() == QDialog.Accepted or dialog.changed:
            self.cursor.refresh()
            self._fill()
        self.tree.setFocus(Qt.OtherFocusReason)
