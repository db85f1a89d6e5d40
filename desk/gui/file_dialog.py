"""File dialogs that never open the library file.

Closing *any* descriptor of a file drops every POSIX lock the process holds on it, and
SQLite's locks on lib.db, lib.db-wal and lib.db-shm are POSIX locks. Qt's file dialog asks
its icon provider for each file's type ("Type" column, and icons under an icon theme), and
the default provider finds it with QMimeDatabase's content sniffing: it opens and closes
every file in the folder, the library's included (traced with strace: hiding the rows with
a proxy model or DontUseCustomDirectoryIcons does not stop it; a provider that names types
from the file name alone does). So every desk file dialog is Qt's own (a native dialog
sniffs in-process too, where we cannot stop it), names types by extension only, and hides
the library's files, which no import or backup should pick anyway.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileInfo, QMimeDatabase, QSortFilterProxyModel
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QMessageBox, QTreeView

SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")


def library_files(library_path) -> set[str]:
    """The names SQLite uses for the library: the file and its sidecars."""
    name = Path(library_path).name
    return {name, *(name + s for s in SIDECAR_SUFFIXES)}


def is_library_file(path, library_path) -> bool:
    """True for the library itself (by name or the same inode, stat only) or any SQLite
    sidecar. Never opens the file."""
    p = Path(path)
    if p.name.endswith(SIDECAR_SUFFIXES):
        return True
    if library_path is None:
        return False
    lib = Path(library_path)
    if p.name in library_files(lib) and p.parent.resolve() == lib.parent.resolve():
        return True
    try:
        a, b = os.stat(p), os.stat(lib)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file name alone: no file is ever opened."""

    def __init__(self):
        super().__init__()
        self._mime = QMimeDatabase()

    def icon(self, arg):  # noqa: D401 (Qt override)
        if isinstance(arg, QFileInfo):
            kind = QAbstractFileIconProvider.Folder if arg.isDir() else QAbstractFileIconProvider.File
            return super().icon(kind)
        return super().icon(arg)

    def type(self, info: QFileInfo) -> str:  # noqa: A003 (Qt override)
        if info.isDir():
            return "Folder"
        mime = self._mime.mimeTypeForFile(info.fileName(), QMimeDatabase.MatchExtension)
        return mime.comment()


class HideLibraryFiles(QSortFilterProxyModel):
    """Leaves the library and SQLite sidecar files out of the dialog's list."""

    def __init__(self, library_path, parent=None):
        super().__init__(parent)
        self.library_path = library_path
        self._names = library_files(library_path) if library_path is not None else set()
        self._folder = Path(library_path).parent.resolve() if library_path is not None else None
        try:
            st = os.stat(library_path) if library_path is not None else None
            self._inode = (st.st_dev, st.st_ino) if st is not None else None
        except OSError:
            self._inode = None

    def filterAcceptsRow(self, row, parent) -> bool:  # noqa: N802 (Qt override)
        model = self.sourceModel()
        index = model.index(row, 0, parent)
        if model.isDir(index):
            return True
        path = Path(model.filePath(index))
        if path.name.endswith(SIDECAR_SUFFIXES):
            return False
        if path.name in self._names and path.parent.resolve() == self._folder:
            return False
        if self._inode is not None:  # a hard link to the library under another name
            try:
                st = os.stat(path)
            except OSError:
                return True
            return (st.st_dev, st.st_ino) != self._inode
        return True


def make_dialog(parent, title: str, start: str, name_filter: str, *, library_path=None,
                save: bool = False) -> QFileDialog:
    """A QFileDialog that is safe to point at the library's folder."""
    dlg = QFileDialog(parent, title, start, name_filter)
    dlg.setOption(QFileDialog.DontUseNativeDialog, True)
    icons = NameOnlyIconProvider()
    dlg._desk_icons = icons  # the dialog does not own its icon provider: keep it alive
    dlg.setIconProvider(icons)
    dlg.setProxyModel(HideLibraryFiles(library_path, dlg))
    dlg.resize(860, 540)  # Qt's own default is too narrow for the Size and Type columns
    view = dlg.findChild(QTreeView, "treeView")
    if view is not None:
        for column, width in enumerate((340, 90, 150, 150)):
            view.header().resizeSection(column, width)
    if save:
        dlg.setAcceptMode(QFileDialog.AcceptSave)
        dlg.setFileMode(QFileDialog.AnyFile)
        start_path = Path(start)
        if start_path.suffix:
            dlg.setDirectory(str(start_path.parent))
            dlg.selectFile(start_path.name)
    else:
        dlg.setFileMode(QFileDialog.ExistingFiles)
    return dlg


def open_file_names(parent, title: str, start: str, name_filter: str, *,
                    library_path=None) -> list[str]:
    dlg = make_dialog(parent, title, start, name_filter, library_path=library_path)
    if dlg.exec() != QFileDialog.Accepted:
        return []
    return [p for p in dlg.selectedFiles() if not is_library_file(p, library_path)]


def save_file_name(parent, title: str, suggestion: str, name_filter: str, *,
                   library_path=None) -> str | None:
    """A file to write; None if cancelled or if the name typed is one of the library's
    own files (writing over lib.db-wal would wreck the open library)."""
    dlg = make_dialog(parent, title, suggestion, name_filter, library_path=library_path,
                      save=True)
    if dlg.exec() != QFileDialog.Accepted or not dlg.selectedFiles():
        return None
    path = dlg.selectedFiles()[0]
    if is_library_file(path, library_path):
        QMessageBox.warning(parent, title, f"{Path(path).name} is one of the library's own "
                            "files; choose another name.")
        return None
    return path
