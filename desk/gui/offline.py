"""A team library's server went away mid-session: say so, keep the text, save when back.

The window goes offline when a save fails on a lost connection (``Library.connection_lost``)
or the change listener loses the server (desk.gui.team_changes). Then a banner over the
editor says OFFLINE_TEXT; the text stays in the editor and the crash journal (the autosaver
keeps retrying and failing quietly, desk.gui.autosave); nothing raises a dialog for it. A
thread of its own tries to connect again with back-off (RETRY_S), never the GUI thread —
a connection attempt to a server that does not answer may take the connect timeout. Once
one succeeds, the GUI thread puts it in place of the lost connection, saves what waits,
reads every view again (notifications sent meanwhile are gone) and hides the banner.

What the editor starts meanwhile (New, a status change, the trash, ...) fails with one
dialog in the banner's words, OFFLINE_ACTION_TEXT, not the storage error (which says to
reopen the library, as the CLI must; the window reconnects by itself): the window's
runner turns a lost connection into TeamOffline and tells the keeper, which goes offline
if the listener had not noticed yet. Nothing was changed; the editor's text stays there.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from desk.gui.autosave import FAILED
from desk.model import DeskError
from desk.storage.errors import ConnectionLost

log = logging.getLogger(__name__)

OFFLINE_TEXT = ("Offline: the team library is unreachable; your changes are kept and will be "
                "saved when it is back")
OFFLINE_ACTION_TEXT = ("The team library is offline; try again when it is back. Nothing was "
                       "changed, and the text in the editor is kept.")
BACK_TEXT = "Back online: the team library is reachable again"
RETRY_S = (0.5, 1.0, 2.0, 4.0, 8.0)  # between connection attempts, then every 8 s


class TeamOffline(ConnectionLost):
    """What the window says when an action fails on a lost connection to the team library."""

    def __init__(self) -> None:
        super().__init__(OFFLINE_ACTION_TEXT)


def lost_connection(library, exc: BaseException) -> bool:
    """The error is the team library's connection going (a server restarted, the network)."""
    if isinstance(exc, ConnectionLost):
        return True
    try:
        return bool(library.connection_lost)
    except Exception:  # a library already closed, or a stand-in without the attribute
        return False


def offline_text(library, exc: BaseException) -> str:
    """The message for a failed action: the banner's words when the connection went."""
    return OFFLINE_ACTION_TEXT if lost_connection(library, exc) else str(exc)


class OfflineKeeper(QObject):
    went_offline = Signal()
    came_back = Signal(bool)  # whether what waited was saved
    _connected = Signal(object)  # a fresh connection, from the retry thread

    def __init__(self, win, team=None):
        super().__init__(win)
        self.win = win
        self.library, self.autosaver = win.library, win.autosaver
        self.team = team
        self.offline = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.banner = QLabel(OFFLINE_TEXT)
        self.banner.setObjectName("offline-banner")
        self.banner.setAccessibleName("Offline")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#offline-banner { background: #8a3b12; color: white; "
                                  "padding: 6px 10px; font-weight: bold; }")
        self.banner.hide()
        win.centralWidget().layout().insertWidget(0, self.banner)
        self._connected.connect(self._back)
        self.autosaver.state_changed.connect(self._save_state)
        # after the window's own slot: the banner's words, not the storage error's advice
        self.autosaver.failed.connect(self._save_failed)
        if team is not None:
            team.reachable.connect(self._reachable)
        win.external_changes.stopping.connect(self.stop)
        win.runner.connection_lost.connect(self.go_offline)  # an action found it gone

    # -- going offline -------------------------------------------------------------------
    def _save_state(self, state: str) -> None:
        if state == FAILED and self.library.connection_lost:
            self.go_offline()

    def _save_failed(self, _text: str) -> None:
        if self.offline:
            self.win.statusBar().showMessage(OFFLINE_TEXT, 15000)

    def _reachable(self, online: bool) -> None:
        if not online:
            self.go_offline()

    def go_offline(self) -> None:
        if self.offline:
            return
        self.offline = True
        log.info("the team library %s is unreachable; retrying in the background",
                 self.library.where)
        if self.team is not None:
            self.team.paused = True
        self.banner.show()
        self.win.statusBar().showMessage(OFFLINE_TEXT, 15000)
        self.went_offline.emit()
        self._stop.clear()
        self._thread = threading.Thread(target=self._retry, name="desk-team-reconnect",
                                        daemon=True)
        self._thread.start()

    # -- the retry thread ----------------------------------------------------------------
    def _retry(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                conn = self.library.new_connection()
            except DeskError as exc:
                log.debug("the team library is still unreachable: %s", exc)
                self._stop.wait(RETRY_S[min(failures, len(RETRY_S) - 1)])
                failures += 1
                continue
            if self._stop.is_set():
                return
            self._connected.emit(conn)
            return

    # -- back ----------------------------------------------------------------------------
    def _back(self, conn) -> None:
        if not self.offline or self._stop.is_set():
            return
        self._thread = None
        self.library.reconnected(conn)
        self.offline = False
        if self.team is not None:
            self.team.paused = False
        saved = self.autosaver.save()
        if self.library.connection_lost:  # gone again already: keep trying
            self.go_offline()
            return
        self.banner.hide()
        self.win.statusBar().showMessage(BACK_TEXT + ("; your changes were saved."
                                                      if saved else "."), 8000)
        try:
            self.win.external_changes.changed_elsewhere()
        except DeskError as exc:
            log.info("reading the team library again failed: %s", exc)
        self.came_back.emit(saved)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
            self._thread = None
