"""File → Export…: choose a format (the registry's: articles and the CSV, XLSX and HTML
quote sheets) and a file; if error problems block a publishing format, say which and ask
"Export anyway?" (the export log records that it was forced). Quote sheets are never
blocked: they are how the problems get checked (desk.export.gate)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from desk.gui import dialogs, file_dialog
from desk.model import DeskError

_last_folder: Path | None = None  # when no settings object is at hand


class ExportDialog(QDialog):
    def __init__(self, library, article_id: int, parent=None, settings=None):
        super().__init__(parent)
        from desk import export

        self.export = export
        self.library = library
        self.settings = settings  # WindowSettings: the last format and folder
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
        self.page_size.setToolTip("Used by PDF and Word documents")
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
        last_format, last_folder = settings.last_export() if settings is not None else ("", "")
        if self.format.findData(last_format) >= 0:
            self.format.setCurrentIndex(self.format.findData(last_format))
        folder = Path(last_folder) if last_folder and Path(last_folder).is_dir() else (
            _last_folder or Path.home())
        self.path.setText(str(folder / export.default_name(self.article, self.format_name())))
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def format_name(self) -> str:
        return self.format.currentData()

    def target(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _format_changed(self, *_):
        """Keep the chosen folder and file name; only the extension follows the format.
        The page size is offered only to formats that use it."""
        fmt = self.export.get_format(self.format_name())
        self.page_size.setEnabled(fmt.paged)
        current = self.path.text().strip()
        if not current:
            folder = _last_folder or Path.home()
            self.path.setText(str(folder / self.export.default_name(self.article, fmt)))
            return
        path = Path(current)
        known = sorted({self.export.get_format(n).extension for n in self.export.formats()},
                       key=len, reverse=True)  # "quotes.csv" before "csv"
        stem = path.name
        for ext in known:
            if stem.lower().endswith(f".{ext.lower()}") and len(stem) > len(ext) + 1:
                stem = stem[: -len(ext) - 1]
                break
        renamed = path.with_name(f"{stem}.{fmt.extension}")
        if str(renamed) != current:
            self.path.setText(str(renamed))

    def _browse(self) -> None:
        fmt = self.export.get_format(self.format_name())
        path = file_dialog.save_file_name(
            self, "Export to", self.path.text(),
            f"{fmt.label} (*.{fmt.extension});;All files (*)", library_path=self.library.path)
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


def run_export(parent, library, article_id: int, settings=None) -> Path | None:
    """The dialog, then the export; remembers format and folder in ``settings`` (by default
    the parent window's WindowSettings, if it has one)."""
    if settings is None:
        settings = getattr(parent, "settings", None)
    try:
        dlg = ExportDialog(library, article_id, parent, settings=settings)
    except DeskError as exc:
        dialogs.show_error(parent, str(exc), "Export failed")
        return None
    if dlg.exec() != QDialog.Accepted:
        return None
    written = export_with_prompts(parent, library, article_id, dlg.format_name(), dlg.target(),
                                  page_size=dlg.page_size.currentData(),
                                  replace_confirmed=dlg._confirmed_replace)
    if written is not None and settings is not None and hasattr(settings, "set_last_export"):
        settings.set_last_export(dlg.format_name(), written.parent)
    return written


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
    except (DeskError, OSError) as exc:
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
    except (DeskError, OSError) as exc:
        QGuiApplication.restoreOverrideCursor()
        dialogs.show_error(parent, str(exc), "Export failed")
        return None
    QGuiApplication.restoreOverrideCursor()
    _last_folder = written.parent
    if hasattr(parent, "statusBar"):
        note = " (not recorded in the export log)" if prepared.log_warning else ""
        parent.statusBar().showMessage(f"Exported to {written}{note}", 6000)
    return written
