"""Opening a team library from the window (File > Open Team Library…, Recent Libraries).

Connecting, and migrating or seeding a new library, runs in a thread of its own: a server
that does not answer costs the connect timeout (10 s), and the window keeps painting
meanwhile (user input waits; the status bar says "Connecting to …"). A server that wants a
password desk was not given (a Recent Libraries entry or $DESK_DB keeps none; one typed is
kept for the session only), or refuses the one given, gets the password dialog again with
the server's reason (``open_asking_password``); Cancel there leaves the window where it was.
What else the storage refuses — the server down, no such database, a newer schema — is a
dialog in its one line, and the window stays on the library it had."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from desk.model import DeskError
from desk.paths import team_label, url_without_password


class _Finished(QObject):
    done = Signal()


def open_in_background(url: str):
    """``Library.open(url)`` in a thread, the GUI thread's events going on (no user input)."""
    from desk.storage import Library

    outcome: dict[str, object] = {}
    finished = _Finished()
    loop = QEventLoop()
    finished.done.connect(loop.quit, Qt.QueuedConnection)

    def work() -> None:
        try:
            outcome["library"] = Library.open(url)
        except BaseException as exc:  # handed to the GUI thread, raised there
            outcome["error"] = exc
        finally:
            finished.done.emit()

    threading.Thread(target=work, name="desk-team-open", daemon=True).start()
    loop.exec(QEventLoop.ExcludeUserInputEvents)
    error = outcome.get("error")
    if isinstance(error, BaseException):
        raise error
    return outcome["library"]


def open_asking_password(parent, url: str):
    """The library at ``url`` (this session's password added when it has none), asking for
    the password (desk.gui.team_dialog.ask_password) for as long as the server refuses it;
    None when the editor cancels that dialog. Any other refusal is raised (a DeskError)."""
    from desk.gui.team_dialog import SESSION_PASSWORDS, ask_password, session_url
    from desk.storage.errors import PasswordRefused

    if url_without_password(url) == url:  # no password given: this session's, if any
        url = session_url(url)
    while True:
        try:
            return open_in_background(url)
        except PasswordRefused as exc:
            SESSION_PASSWORDS.pop(url_without_password(url), None)  # not tried again unasked
            QApplication.restoreOverrideCursor()
            asked = ask_password(parent, url, str(exc))
            if asked is None:
                return None
            QApplication.setOverrideCursor(Qt.WaitCursor)
            url = asked


def open_team_library(win, url: str, *, same, replace):
    """The new window on the team library at ``url``; ``win`` when it is the one open; None
    (after a dialog saying why) when it could not be opened."""
    from desk.gui.library_switch import library_target

    label = team_label(url)
    if same(url, library_target(win.library)):
        win.statusBar().showMessage(f"{label} is the library already open.", 5000)
        return win
    if not win.autosaver.save():
        win.show_error("The open article could not be saved "
                       f"({win.autosaver.last_error}), so desk stays on this library.",
                       "Open Team Library")
        return None
    win.statusBar().showMessage(f"Connecting to {label}…")
    QApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        library = open_asking_password(win, url)
    except DeskError as exc:
        QApplication.restoreOverrideCursor()
        win.statusBar().clearMessage()
        win.show_error(f"desk cannot open the team library ({label}).\n\n{exc}",
                       "Open Team Library")
        return None
    QApplication.restoreOverrideCursor()
    if library is None:
        win.statusBar().showMessage(f"{label} was not opened (no password given): desk stays "
                                    "on this library.", 10000)
        return None
    return replace(win, library)
