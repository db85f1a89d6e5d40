"""Small dialogs: errors, About, and the file choices behind Import, Export and Backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QMessageBox

IMPORT_FILTER = "Articles (*.md *.markdown *.txt *.text *.html *.htm *.docx);;All files (*)"


def show_error(parent, message: str, title: str = "desk") -> None:
    """A DeskError (or any user-facing failure) as a dialog with one clear message."""
    QMessageBox.warning(parent, title, message)


def show_info(parent, message: str, title: str = "desk") -> None:
    """Something the editor should know about what just happened (not a failure)."""
    QMessageBox.information(parent, title, message)


def versions() -> dict[str, str]:
    import platform  # not at import: some 8 million instructions before the first paint

    import PySide6
    from PySide6.QtCore import qVersion

    from desk import __version__
    from desk.storage import sqlite_version

    return {"desk": __version__, "Python": platform.python_version(), "Qt": qVersion(),
            "PySide6": PySide6.__version__, "SQLite": sqlite_version()}


def about_text() -> str:
    rows = "".join(f"<tr><td>{k}</td><td>&nbsp;&nbsp;{v}</td></tr>" for k, v in versions().items())
    return ("<h3>desk</h3><p>An editorial workstation: draft, check attribution and spelling, "
            f"review quotes, export.</p><table>{rows}</table>")


def show_about(parent) -> None:
    QMessageBox.about(parent, "About desk", about_text())


def ask_revision_label(parent) -> str | None:
    """Ctrl+S: an optional label for the revision; None if cancelled."""
    text, ok = QInputDialog.getText(parent, "Save revision",
                                    "Label for this revision (optional):", text="saved")
    return (text.strip() or "saved") if ok else None


def choose_import_files(parent, library_path=None) -> list[str]:
    """Files to import; never the library's own files (see file_dialog for why)."""
    from desk.gui import file_dialog

    return file_dialog.open_file_names(parent, "Import articles", str(Path.home()),
                                       IMPORT_FILTER, library_path=library_path)


def choose_backup_path(parent, suggestion: str, library_path=None) -> str | None:
    from desk.gui import file_dialog

    return file_dialog.save_file_name(parent, "Back up the library", suggestion,
                                      "desk library (*.db);;All files (*)",
                                      library_path=library_path)


def quit_unsaved(parent, reason: str, journalled: bool) -> bool:
    """Closing while the open article cannot be saved: quit anyway?"""
    kept = ("Its text is kept in the recovery journal and offered at the next start."
            if journalled else "desk could not keep it in the recovery journal either: "
            "quitting now loses the last changes.")
    answer = QMessageBox.warning(parent, "Not saved yet",
                                 f"desk could not save the open article ({reason}). {kept} "
                                 "Quit anyway?", QMessageBox.Discard | QMessageBox.Cancel,
                                 QMessageBox.Cancel)
    return answer == QMessageBox.Discard


def confirm(parent, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question,
                                  QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
    return answer == QMessageBox.Yes
