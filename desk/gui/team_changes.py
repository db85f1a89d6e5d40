"""A team library's window hears what the other editors commit, as it happens.

desk.storage.pg_listen's listener (its own connection, its own thread) hands over each
batch of notifications; ``TeamChanges`` moves them to the GUI thread (a queued signal),
drops what this window's own connection wrote and what no view shows (check results,
editing-lock heartbeats), and after DEBOUNCE_MS of quiet (MAX_DELAY_MS at most) feeds the refresh path another
program's writes to an SQLite library take (desk.gui.external_changes
``changed_elsewhere``): the library list, the Sources and Review panels read again, and the
open article is re-read or its changed version noted. The listener also says when the server
went away and came back: desk.gui.offline turns that into the Offline banner and the saves
waiting for it.

``attach(window)`` wires both to a window on a PostgreSQL library (nothing for a file)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desk.model import DeskError

log = logging.getLogger(__name__)

DEBOUNCE_MS = 300  # quiet this long after the last batch: one refresh for a burst
MAX_DELAY_MS = 2000  # ... but never longer than this after the first (a long import)
QUIET_TABLES = frozenset({"check_results", "edit_locks", "schema_migrations"})


class TeamChanges(QObject):
    heard = Signal(object)  # list[desk.storage.pg_listen.Change], queued from the listener
    reachable = Signal(bool)  # the listener lost (False) or regained (True) the server
    refreshed = Signal(object)  # the changes one refresh covered (tests, the log)

    def __init__(self, library, external, parent=None, *, start: bool = True):
        super().__init__(parent)
        self.library, self.external = library, external
        self.paused = False  # offline: nothing to read until the connection is back
        self._pending: list = []
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._refresh)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_DELAY_MS)
        self._deadline.timeout.connect(self._refresh)
        self.heard.connect(self._heard)
        self.reachable.connect(self._reachable)
        self.listener = None
        self.offline = None  # its desk.gui.offline.OfflineKeeper (``attach``)
        if start:
            self.listener = library.listen(self.heard.emit, on_state=self.reachable.emit)
        external.stopping.connect(self.stop)

    def _heard(self, changes) -> None:
        own = self.library.backend_pid
        news = [c for c in changes if c.pid != own and c.table not in QUIET_TABLES]
        if not news:
            return
        self._pending.extend(news)
        self._debounce.start()  # (re)started: the burst goes on
        if not self._deadline.isActive():
            self._deadline.start()

    def _reachable(self, online: bool) -> None:
        """Listening again after an outage: what was sent meanwhile is gone, read it all."""
        if online and not self.paused:
            self._debounce.start()
            if not self._deadline.isActive():
                self._deadline.start()

    def _refresh(self) -> None:
        self._debounce.stop()
        self._deadline.stop()
        if self.paused:
            return  # the refresh after reconnecting reads everything anyway
        covered, self._pending = self._pending, []
        try:
            self.external.changed_elsewhere()
        except DeskError as exc:  # the connection went meanwhile: desk.gui.offline says so
            log.info("a team library refresh failed: %s", exc)
            return
        self.refreshed.emit(covered)

    def stop(self) -> None:
        self._debounce.stop()
        self._deadline.stop()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None


def attach(win):
    """Live updates and the offline keeper for a window on a team library; None for a file."""
    if not win.library.is_postgresql:
        return None
    from desk.gui.offline import OfflineKeeper

    team = TeamChanges(win.library, win.external_changes, win)
    team.offline = OfflineKeeper(win, team)
    return team
