"""File > Open Library… and File > Recent Libraries: the window moves to another library.

Switching saves the open article first, opens the other file (a file that is not a desk
library is refused with a dialog, in the storage errors' words) and then replaces the
window by one built for the new Library (desk.gui.window_parts.build_window): every part
holds its library, so a new window is the one reliable way to leave nothing behind on the
old file. The old window closes as at quit (its settings saved, its checker stopped) and
its library is closed when the old window is gone. The last RECENT_LIBRARIES libraries are
remembered in the settings; a missing one is listed disabled."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from desk.gui import dialogs
from desk.model import DeskError

LIBRARY_FILTER = "desk libraries (*.db *.sqlite *.sqlite3);;All files (*)"


def display_path(path) -> str:
    """The path as an editor reads it: ~/news/lib.db."""
    p = Path(path).expanduser().absolute()
    try:
        return "~/" + p.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(p)


def same_file(a, b) -> bool:
    try:
        return Path(a).expanduser().resolve() == Path(b).expanduser().resolve()
    except OSError:
        return False


def choose_library(win) -> str | None:
    """The library file to open (desk's own file dialog, which opens no file to sniff it)."""
    from desk.gui.file_dialog import open_file_names

    start = str(Path(win.library.path).parent)
    paths = open_file_names(win, "Open library", start, LIBRARY_FILTER,
                            library_path=win.library.path)
    return paths[0] if paths else None


def open_library_dialog(win) -> None:
    path = choose_library(win)
    if path:
        open_library(win, path)


def open_library(win, path):
    """Replace ``win`` by a window on the library at ``path``; the new window, ``win`` when
    that library is already open, or None (with a dialog saying why) when it was not."""
    path = Path(path).expanduser()
    if same_file(path, win.library.path):
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
        settings.add_recent_library(old_library.path)
        settings.add_recent_library(library.path)
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
        new.statusBar().showMessage(f"Opened the library {display_path(library.path)}", 6000)
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
        here = same_file(path, win.library.path)
        missing = not Path(path).is_file()
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
    forget.setEnabled(any(not Path(p).is_file() for p in recent))
    forget.triggered.connect(lambda: _remove_missing(win))


def _remove_missing(win) -> None:
    gone = [p for p in win.settings.recent_libraries() if not Path(p).is_file()]
    for p in gone:
        win.settings.remove_recent_library(p)
    if gone:
        dialogs.show_info(win, "Removed from the recent libraries (the files are missing):\n"
                          + "\n".join(display_path(p) for p in gone), "Recent Libraries")
