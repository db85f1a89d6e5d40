"""The library the window starts on: --db, $DESK_DB or the user's own (desk.paths).

A team library (a ``postgresql://`` URL) whose server wants a password desk was not given —
$DESK_DB keeps none, and one typed is kept for the session only — gets File > Open Team
Library's dialog, with the server's reason, until it opens or the editor cancels
(desk.gui.team_open.open_asking_password). Cancelled, or refused for another reason (the
server down, no such database, a library of a newer desk: a dialog in the storage error's
line), the window starts on the local library instead and says so: nobody is left at a
traceback or at no window at all. A library file that cannot be opened is a dialog, and no
window, as before: there is nothing to fall back to that the editor did not name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desk.model import DeskError
from desk.paths import default_library_path, is_database_url, team_label


@dataclass
class Started:
    library: object | None  # desk.storage.Library; None: no window
    note: str = ""  # what the window's status bar says first (a fall-back)


def open_start_library(target: Path | str) -> Started:
    if not is_database_url(target):
        return Started(_open_file(Path(target)))
    from desk.gui.team_open import open_asking_password

    label = team_label(str(target))
    app = QApplication.instance()
    quit_when_closed = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # the password dialog is no window to quit after
    QApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        library = open_asking_password(None, str(target))
    except DeskError as exc:
        QApplication.restoreOverrideCursor()
        local = _open_file(default_library_path())
        if local is not None:
            QMessageBox.warning(None, "desk", f"desk cannot open the team library ({label}).\n\n"
                                f"{exc}\n\nIt opens your local library "
                                f"({_shown(default_library_path())}) instead.")
        return Started(local, f"Not connected to {label}: this is your local library."
                       if local is not None else "")
    finally:
        app.setQuitOnLastWindowClosed(quit_when_closed)
    QApplication.restoreOverrideCursor()
    if library is not None:
        return Started(library)
    local = _open_file(default_library_path())
    return Started(local, f"{label} was not opened (no password given): this is your local "
                   f"library, {_shown(default_library_path())}.")


def _open_file(path: Path):
    from desk.storage import Library

    try:
        return Library.open(path)
    except DeskError as exc:
        QMessageBox.critical(None, "desk", f"desk cannot open its library.\n\n{exc}")
        return None


def _shown(path: Path) -> str:
    from desk.gui.library_switch import display_path

    return display_path(path)
