"""File > Open Library… and File > Recent Libraries: the window moves to another library.

Switching saves the open article first, opens the other file (a file that is not a desk
library is refused with a dialog, in the storage errors' words) and then replaces the
window by one built for the new Library (desk.gui.window_parts.build_window): every part
holds its library, so a new window is the one reliable way to leave nothing behind on the
old file. The old window closes as at quit (its settings saved, its checker stopped) and
its library is closed when the old window is gone. The last RECENT_LIBRARIES libraries are
remembered in the settings; a missing one is listed disabled.

File > Open Team Library… (desk.gui.team_dialog) opens a library on a PostgreSQL server the
same way; it is remembered by its URL without the password and listed as "team: dbname on
host". A server that refuses (down, a wrong password, no such database, a newer schema) is
said in a dialog, in the storage error's line, and the window stays on its library."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from desk.gui import dialogs
from desk.model import DeskError
from desk.paths import is_database_url, team_label, url_without_password

LIBRARY_FILTER = "desk libraries (*.db *.sqlite *.sqlite3);;All files (*)"


def display_path(path) -> str:
    """The path as an editor reads it: ~/news/lib.db (a team library: team: dbname on host)."""
    if is_database_url(str(path)):
        return team_label(str(path))
    p = Path(path).expanduser().absolute()
    try:
        return "~/" + p.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(p)


def library_target(library) -> str | Path:
    """What names ``library`` in the settings: its file, or its URL without the password."""
    if library.is_postgresql:
        return url_without_password(library.where)
    return Path(library.path)


def same_file(a, b) -> bool:
    if is_database_url(str(a)) or is_database_url(str(b)):
        return (is_database_url(str(a)) and is_database_url(str(b))
                and url_without_password(str(a)) == url_without_password(str(b)))
    try:
        return Path(a).expanduser().resolve() == Path(b).expanduser().resolve()
    except OSError:
        return False


def choose_library(win) -> str | None:
    """The library file to open (desk's own file dialog, which opens no file to sniff it)."""
    from desk.gui.file_dialog import open_file_names

    here = library_target(win.library)
    start = str(Path(here).parent) if isinstance(here, Path) else str(Path.home())
    paths = open_file_names(win, "Open library", start, LIBRARY_FILTER,
                            library_path=win.library.path)
    return paths[0] if paths else None


def open_library_dialog(win) -> None:
    path = choose_library(win)
    if path:
        open_library(win, path)


def open_team_library_dialog(win) -> None:
    from desk.gui.team_dialog import ask_team_library

    last = next((p for p in win.settings.recent_libraries() if is_database_url(p)), "")
    url = ask_team_library(win, last)
    if url:
        open_library(win, url)


def open_library(win, path):
    """Replace ``win`` by a window on the library at ``path`` (a file, or a team library's
    URL); the new window, ``win`` when that library is already open, or None (with a dialog
    saying why) when it was not."""
    if is_database_url(str(path)):
        return _open_team_library(win, str(path))
    path = Path(path).expanduser()
    if same_file(path, library_target(win.library)):
        win.statusBar().showMessage(f"{display_path(path)} is the library already open.", 5000)
        return win
    refusal = _refusal(path)
    if refusal:
        if not path.exists():
            win.settings.remove_recent_library(path)
            refusal += " It was removed from the recent libraries."
        win.show_error(refusal, "Open Library")
        return None
    if not win.autosaver.save():
        win.show_error("The open article could not be saved "
                       f"({win.autosaver.last_error}), so desk stays on this library.",
                       "Open Library")
        return None
    from desk.storage import Library

    try:
        library = Library.open(path)
    except DeskError as exc:
        win.show_error(f"desk cannot open {display_path(path)}.\n\n{exc}", "Open Library")
        return None
    return _replace(win, library)


def _open_team_library(win, url: str):
    from desk.gui.team_open import open_team_library

    return open_team_library(win, url, same=same_file, replace=_replace)


def _refusal(path: Path) -> str:
    """Why ``path`` cannot be a library to open ("" when it may be tried)."""
    if not path.exists():
        return f"There is no library at {display_path(path)}: the file is missing."
    if path.is_dir():
        return f"{display_path(path)} is a folder, not a desk library."
    try:
        if path.stat().st_size == 0:
            return f"{display_path(path)} is an empty file, not a desk library."
    except OSError as exc:
        return f"desk cannot read {display_path(path)}: {exc.strerror}."
    return ""


def _replace(win, library):
    from desk.gui.window_parts import build_window

    app = QApplication.instance()
    quit_when_closed = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # between the two windows there is none
    try:
        old_library = win.library
        if not win.close():  # it may refuse: the open article could not be saved
            library.close()
            return None
        settings = win.settings
        settings.add_recent_library(library_target(old_library))
        settings.add_recent_library(library_target(library))
        settings.sync()
        new = build_window(library, settings)
        new.setGeometry(win.geometry())
        quit_on_signal = getattr(win, "quit_on_signal", None)
        if quit_on_signal is not None:  # SIGTERM now saves and closes the new window
            quit_on_signal.setParent(new)
            new.quit_on_signal = quit_on_signal
        new.show()
        new.destroyed.connect(lambda *_: library.close())
        app.aboutToQuit.connect(library.close)
        win.destroyed.connect(lambda *_: old_library.close())
        win.deleteLater()
        new.statusBar().showMessage(
            f"Opened the library {display_path(library_target(library))}", 6000)
        QTimer.singleShot(0, new.offer_recovery)
        return new
    finally:
        app.setQuitOnLastWindowClosed(quit_when_closed)


def fill_recent_menu(win, menu) -> None:
    """(Re)build File > Recent Libraries: newest first, the open one checked, a missing
    file disabled."""
    menu.clear()
    recent = win.settings.recent_libraries()
    for path in recent:
        here = same_file(path, library_target(win.library))
        missing = not is_database_url(path) and not Path(path).is_file()
        act = QAction(display_path(path) + (" (missing)" if missing else ""), menu)
        act.setCheckable(here)
        act.setChecked(here)
        act.setEnabled(not missing and not here)
        act.setToolTip(path if not missing else f"{path} is missing")
        act.setData(path)
        act.triggered.connect(lambda _=False, p=path: open_library(win, p))
        menu.addAction(act)
    if not recent:
        empty = menu.addAction("No recent libraries")
        empty.setEnabled(False)
        return
    menu.addSeparator()
    forget = menu.addAction("Remove Missing")
    forget.setEnabled(any(_missing(p) for p in recent))
    forget.triggered.connect(lambda: _remove_missing(win))


def _remove_missing(win) -> None:
    gone = [p for p in win.settings.recent_libraries() if _missing(p)]
    for p in gone:
        win.settings.remove_recent_library(p)
    if gone:
        dialogs.show_info(win, "Removed from the recent libraries (the files are missing):\n"
                          + "\n".join(display_path(p) for p in gone), "Recent Libraries")


def _missing(path: str) -> bool:
    """A file that is gone (a team library's server is only known by trying it)."""
    return not is_database_url(path) and not Path(path).is_file()
