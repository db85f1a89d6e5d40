"""File → Export…: choose a format and a file; if error problems block the export, say
which and ask "Export anyway?" (the export log records that it was forced)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit,
    QMessageBox, QPushButton, QWidget,
)

from desk.gui import dialogs
from desk.model import DeskError

_last_folder: Path | None = None


class ExportDialog(QDialog):
    def __init__(self, library, article_id: int, parent=None):
        super().__init__(parent)
        from desk import export

        self.export = export
        self.library = library
        self.article = library.articles.get(article_id)
        self.setWindowTitle("Export article")
        self.setAccessibleName("Export article")
        self.format = QComboBox()
        self.format.setAccessibleName("Format")
        for name in export.formats():
            fmt = export.get_format(name)
            self.format.addItem(f"{fmt.label} (.{fmt.extension})", name)
        self.page_size = QComboBox()
        self.page_size.setAccessibleName("Page size")
        for size in export.PAGE_SIZES:
            self.page_size.addItem(size.upper() if size == "a4" else size.capitalize(), size)
        self.path = QLineEdit()
        self.path.setAccessibleName("Export to file")
        self.path.setMinimumWidth(420)
        self._confirmed_replace = False  # the file dialog already asked about this path
        self.path.textChanged.connect(self._path_changed)
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Choose file")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        path_box = QWidget()
        path_box.setLayout(row)
        form = QFormLayout(self)
        form.addRow("&Format:", self.format)
        form.addRow("&Page size:", self.page_size)
        form.addRow("&File:", path_box)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("&Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def format_name(self) -> str:
        return self.format.currentData()

    def target(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _format_changed(self, *_):
        fmt = self.export.get_format(self.format_name())
        folder = _last_folder or Path.home()
        current = self.path.text().strip()
        if current:
            folder = Path(current).expanduser().parent
        self.path.setText(str(folder / self.export.default_name(self.article, fmt)))

    def _browse(self) -> None:
        fmt = self.export.get_format(self.format_name())
        path, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text(),
                                              f"{fmt.label} (*.{fmt.extension});;All files (*)")
        if path:
            self.path.setText(path)
            self._confirmed_replace = True

    def _path_changed(self, *_):
        """Any other path (typed, or renamed by a format change) is asked about again."""
        self._confirmed_replace = False

    def accept(self):
        if not self.path.text().strip():
            dialogs.show_error(self, "Choose a file to export to.")
            return
        super().accept()


def run_export(parent, library, article_id: int) -> Path | None:
    try:
        dlg = ExportDialog(library, article_id, parent)
    except DeskError as exc:
        dialogs.show_error(parent, str(exc), "Export failed")
        return None
    if dlg.exec() != QDialog.Accepted:
        return None
    return export_with_prompts(parent, library, article_id, dlg.format_name(), dlg.target(),
                               page_size=dlg.page_size.currentData(),
                               replace_confirmed=dlg._confirmed_replace)


def export_with_prompts(parent, library, article_id: int, fmt: str, path: Path, *,
                        page_size: str = "a4", replace_confirmed: bool = False) -> Path | None:
    """Export, asking before replacing a file and before exporting past error problems."""
    global _last_folder
    from desk import export

    path = Path(path)
    force = False
    if path.exists() and not path.is_dir():
        if not replace_confirmed and not dialogs.confirm(
                parent, "Replace file", f"{path} exists. Replace it?"):
            return None
        force = True
    QGuiApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        prepared = export.prepare(library, article_id, fmt, path, page_size=page_size)
    except (DeskError, sqlite3.Error, OSError) as exc:
        QGuiApplication.restoreOverrideCursor()
        dialogs.show_error(parent, str(exc), "Export failed")
        return None
    QGuiApplication.restoreOverrideCursor()
    if prepared.blocking:
        message = prepared.blocked_message(hint="")
        answer = QMessageBox.warning(
            parent, "Export anyway?",
            f"{message.strip()}\n\nExport anyway? The export log will record that it was "
            "exported with these problems.",
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer != QMessageBox.Yes:
            return None
        force = True
    QGuiApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        written = export.write(library, prepared, force=force)
    except (DeskError, sqlite3.Error, OSError) as exc:
        QGuiApplication.restoreOverrideCursor()
        dialogs.show_error(parent, str(exc), "Export failed")
        return None
    QGuiApplication.restoreOverrideCursor()
    _last_folder = written.parent
    if hasattr(parent, "statusBar"):
        parent.statusBar().showMessage(f"Exported to {written}", 6000)
    return written
