"""Sources panel: the registry of people and organisations, and where each is quoted.

Adding, editing, merging and deleting run desk.operations.sources through the window's
runner (``runner=``). Source material (transcripts, statements) is attached to the selected
source by "Attach material…" or by dropping files on the panel (on a row: that source), with
desk.gui.material_attach."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.gui import material_attach
from desk.gui.shortcuts import local_shortcut
from desk.gui.source_dialog import MergeDialog, SourceDialog
from desk.model import DeskError

ID_ROLE = Qt.UserRole
COLUMNS = ("Name", "Title", "Organisation", "Aliases", "Contact", "Notes")
# widest each column grows to fit its text (px); beyond, text elides, full text in the tooltip.
# Notes, the last column, stretches over what is left. In a narrow dock the columns shrink
# (to COLUMN_MIN) in SHRINK_ORDER: Aliases last and to no less than ALIASES_MIN, Name never,
# since they are what an editor looks a source up by; below that the list scrolls sideways.
COLUMN_MAX = (180, 160, 180, 220, 140, 200)
COLUMN_MIN = 48
SHRINK_ORDER = (5, 4, 1, 2, 3)
ALIASES_MIN = 96


class SourcesPanel(QWidget):
    sources_changed = Signal()
    open_article = Signal(int)

    def __init__(self, library, parent=None, *, runner):
        super().__init__(parent)
        self.library, self.runner = library, runner
        self.setAccessibleName("Sources")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search sources…")
        self.search.setAccessibleName("Search sources")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        self.add_button = QPushButton("&Add…")
        self.edit_button = QPushButton("&Edit…")
        self.merge_button = QPushButton("&Merge…")
        self.delete_button = QPushButton("Delete")
        for b, tip in ((self.add_button, "Add a source"), (self.edit_button, "Edit the selected source"),
                       (self.merge_button, "Merge the two selected sources into one"),
                       (self.delete_button, "Delete the selected source")):
            b.setAccessibleName(tip)
            b.setToolTip(tip)
        self.add_button.clicked.connect(self.add_source)
        self.edit_button.clicked.connect(self.edit_source)
        self.merge_button.clicked.connect(self.merge_sources)
        self.delete_button.clicked.connect(self.delete_source)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.merge_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.table = QTreeWidget()
        self.table.setAccessibleName("Source list")
        self.table.setHeaderLabels(list(COLUMNS))
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setTextElideMode(Qt.ElideRight)
        self.table.header().setStretchLastSection(True)
        self.table.header().setMinimumSectionSize(COLUMN_MIN)
        self.table.header().setDefaultSectionSize(COLUMN_MIN)
        self.table.viewport().installEventFilter(self)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemActivated.connect(lambda _i, _c: self.edit_source())

        self.quoted_label = QLabel("Quoted in")
        self.quoted_in = QListWidget()
        self.quoted_in.setAccessibleName("Articles quoting the selected source")
        self.quoted_in.setWordWrap(True)  # a long headline wraps rather than hiding its count
        self.quoted_in.itemActivated.connect(lambda item: self.open_article.emit(item.data(ID_ROLE)))
        self.material_label = QLabel("Material")
        self.attach_button = QPushButton("A&ttach material…")
        self.attach_button.setToolTip("Attach a transcript, statement or notes (.txt, .md, "
                                      ".docx) to the selected source; or drop files on a row")
        self.attach_button.setAccessibleName("Attach source material to the selected source")
        self.attach_button.clicked.connect(self.choose_material)
        self.materials = QListWidget()
        self.materials.setAccessibleName("Material attached to the selected source")
        material_row = QHBoxLayout()
        material_row.addWidget(self.material_label, 1)
        material_row.addWidget(self.attach_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.quoted_label)
        lower_layout.addWidget(self.quoted_in, 2)
        lower_layout.addLayout(material_row)
        lower_layout.addWidget(self.materials, 1)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        local_shortcut(QKeySequence.Delete, self.table, self.delete_source,
                       description="Delete the selected source")
        self._drops = material_attach.FileDropFilter(self)
        self._drops.dropped.connect(self._files_dropped)
        self._drops.watch(self.table.viewport())
        self.refresh()

    # -- reading -----------------------------------------------------------------------
    def refresh(self) -> None:
        self._search_timer.stop()
        keep = set(self.selected_ids())
        try:
            sources = self.library.sources.list(search=self.search.text().strip() or None)
        except DeskError:
            sources = []
        self.table.blockSignals(True)
        self.table.clear()
        for s in sources:
            item = QTreeWidgetItem([s.name, s.title, s.organisation, ", ".join(s.aliases),
                                    s.contact, " ".join(s.notes.split())])
            item.setData(0, ID_ROLE, s.id)
            for col in (0, 1, 2, 4):
                item.setToolTip(col, item.text(col))
            item.setToolTip(3, "\n".join(s.aliases))
            item.setToolTip(5, s.notes)
            self.table.addTopLevelItem(item)
            item.setSelected(s.id in keep)
        self.table.blockSignals(False)
        self._fit_columns()
        self._selection_changed()

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if watched is self.table.viewport() and event.type() == QEvent.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Each column fits its text up to a cap; when they don't all fit the list, the less
        telling ones (Notes, Contact, Title, Organisation) shrink first and their text elides."""
        header = self.table.header()
        widths = []
        for col, most in enumerate(COLUMN_MAX):
            fit = max(self.table.sizeHintForColumn(col), header.sectionSizeFromContents(col).width())
            widths.append(min(fit, most))
        excess = sum(widths) - self.table.viewport().width()
        for col in SHRINK_ORDER:
            if excess <= 0:
                break
            least = ALIASES_MIN if col == 3 else COLUMN_MIN
            take = min(excess, max(0, widths[col] - least))
            widths[col] -= take
            excess -= take
        for col, width in enumerate(widths):
            self.table.setColumnWidth(col, width)

    def selected_ids(self) -> list[int]:
        return [i.data(0, ID_ROLE) for i in self.table.selectedItems()]

    def select_ids(self, ids) -> None:
        ids = set(ids)
        for n in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(n)
            item.setSelected(item.data(0, ID_ROLE) in ids)
            if item.data(0, ID_ROLE) in ids:
                self.table.setCurrentItem(item, 0, QItemSelectionModel.NoUpdate)

    def library_changed(self, changes, origin=None) -> None:
        """The runner's "library changed": re-read the list when sources changed elsewhere
        (its own edits re-read it already); where the selected source is quoted, when
        quotation rows or articles changed."""
        if changes.touches("sources") and origin is not self:
            self.refresh()
        elif changes.touches("quotes") or changes.touches("articles") \
                or changes.touches("materials"):
            if not changes.elsewhere or len(self.selected_ids()) == 1:  # else nothing shown
                self.refresh_quoted_in()

    def refresh_quoted_in(self) -> None:
        """Re-read where the selected source is quoted (after quotation rows changed)."""
        self._selection_changed()

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.edit_button.setEnabled(len(ids) == 1)
        self.delete_button.setEnabled(len(ids) == 1)
        self.merge_button.setEnabled(len(ids) == 2)
        self.attach_button.setEnabled(len(ids) == 1)
        self.quoted_in.clear()
        self._show_materials(ids[0] if len(ids) == 1 else None)
        if len(ids) != 1:
            self.quoted_label.setText("Quoted in (select one source)")
            return
        rows = self.library.sources.quoted_in(ids[0])
        self.quoted_label.setText(f"Quoted in {len(rows)} article{'s' if len(rows) != 1 else ''}"
                                  " (Enter opens)")
        for r in rows:
            n = r["quotes"]
            item = QListWidgetItem(f"{r['headline'] or '(untitled)'} — {n} quotation{'s' if n != 1 else ''}")
            item.setData(ID_ROLE, r["id"])
            item.setToolTip(item.text())
            self.quoted_in.addItem(item)

    def _show_materials(self, source_id: int | None) -> None:
        self.materials.clear()
        if source_id is None:
            self.material_label.setText("Material (select one source)")
            return
        try:
            found = self.library.materials.list(source_id=source_id)
        except DeskError:
            found = []
        self.material_label.setText(f"Material ({len(found)})" if found else
                                    "Material: none yet (attach or drop a transcript)")
        for m in found:
            item = QListWidgetItem(material_attach.describe([m]))
            item.setData(ID_ROLE, m.id)
            item.setToolTip(m.filename or m.title)
            self.materials.addItem(item)

    # -- changing ----------------------------------------------------------------------
    def choose_material(self) -> None:
        if len(self.selected_ids()) != 1:
            return
        paths = material_attach.choose_material_files(self, getattr(self.library, "path", None))
        if paths:
            self.attach_material(paths)

    def attach_material(self, paths, source_id: int | None = None) -> list:
        """Attach files to a source (the selected one by default); the stored materials."""
        if source_id is None:
            ids = self.selected_ids()
            if len(ids) != 1:
                QMessageBox.information(self, material_attach.TITLE, "Select one source to "
                                        "attach the material to, or drop the files on its row.")
                return []
            source_id = ids[0]
        attached = material_attach.attach_files(self, self.runner, paths, source_id=source_id)
        if attached:
            self.select_ids([source_id])
            self._selection_changed()
        return attached

    def _files_dropped(self, paths, widget, pos) -> None:
        item = self.table.itemAt(pos) if widget is self.table.viewport() else None
        self.attach_material(paths, item.data(0, ID_ROLE) if item is not None else None)

    def _changed(self, select: int | None = None) -> None:
        self.refresh()
        if select is not None:
            self.select_ids([select])
        self.sources_changed.emit()

    def add_source(self, name: str = "") -> None:
        dlg = SourceDialog(self.library, None, self, name=name if isinstance(name, str) else "",
                           runner=self.runner)
        if dlg.exec() == QDialog.Accepted and dlg.saved is not None:
            self._changed(dlg.saved.id)

    def edit_source(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        dlg = SourceDialog(self.library, ids[0], self, runner=self.runner)
        if dlg.exec() == QDialog.Accepted and dlg.saved is not None:
            self._changed(dlg.saved.id)

    def merge_sources(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 2:
            QMessageBox.information(self, "Merge sources", "Select exactly two sources to merge.")
            return
        dlg = MergeDialog(self.library, ids[0], ids[1], self, runner=self.runner)
        if dlg.exec() == QDialog.Accepted and dlg.merged is not None:
            self._changed(dlg.merged.id)

    def delete_source(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        src = self.library.sources.get(ids[0])
        used = sum(r["quotes"] for r in self.library.sources.quoted_in(src.id))
        warn = f"\n\n{used} tagged quotation(s) will lose their source." if used else ""
        if QMessageBox.question(self, "Delete source", f"Delete {src.name}?{warn}") \
                != QMessageBox.Yes:
            return
        from desk.operations.sources import delete_source

        if self.runner.run(delete_source, parent=self, source_id=src.id) is not None:
            self._changed()
