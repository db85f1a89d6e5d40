"""A team library's window hears what the other editors commit, as it happens.

desk.storage.pg_listen's listener (its own connection, its own thread) hands over each
batch of notifications (``<table>:<id>``); ``TeamChanges`` moves them to the GUI thread (a
queued signal), drops what this window's own connection wrote and what no view shows (check
results, editing-lock heartbeats, revisions, the status log), and after DEBOUNCE_MS of quiet (MAX_DELAY_MS at most)
turns the burst into one Changes (``heard_changes``: which articles, sources, quotations,
materials, the dictionary, the tags; ``elsewhere`` set) and hands it to
desk.gui.external_changes ``heard``: the runner announces it, so each panel refreshes only
what it concerns (desk.gui.change_wiring; a source added re-reads the Sources panel, an
article's status its row of the list), and the open article is re-read or its changed
version noted when it is among them. A table it does not know, or more than MAX_HEARD
notifications in one burst, reads everything again (``changed_elsewhere``, as another
program's writes to an SQLite library do). The listener also says when the server went away
and came back: desk.gui.offline turns that into the Offline banner and the saves waiting for
it, and the first refresh after it reads everything (what was sent meanwhile is lost).

``attach(window)`` wires both to a window on a PostgreSQL library (nothing for a file)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal

from desk.model import DeskError
from desk.operations.changes import Changes

log = logging.getLogger(__name__)

DEBOUNCE_MS = 100  # quiet this long after the last batch: one refresh for a burst
MAX_DELAY_MS = 2000  # ... but never longer than this after the first (a long import)
MAX_HEARD = 500  # more notifications in one burst (an import): read everything again
QUIET_TABLES = frozenset({"check_results", "edit_locks", "schema_migrations"})
# What each table's rows are to the views: a Changes field (or a kind of ``unnamed``).
KINDS = {"articles": "articles", "sources": "sources", "source_aliases": "sources",
         "quotes": "quotes", "materials": "materials", "dictionary_words": "dictionary",
         "article_tags": "tags", "tags": "tags"}
# Written with what the views show, or shown by nothing that is open: nothing to re-read.
# (An article's status is on its row, announced with it; History reads revisions when opened.)
UNSHOWN_TABLES = frozenset({"status_log", "revisions", "import_batches", "import_batch_files",
                            "export_log", "articles_fts", "materials_fts"})


def heard_changes(changes: Iterable) -> Changes:
    """The Changes another editor's notifications (desk.storage.pg_listen.Change) say:
    ``Changes.outside()`` (read everything) for a table this does not know."""
    named: dict[str, set[int]] = {"articles": set(), "sources": set(), "quotes": set(),
                                  "materials": set()}
    unnamed: set[str] = set()
    dictionary = False
    for change in changes:
        if change.table in QUIET_TABLES or change.table in UNSHOWN_TABLES:
            continue
        kind = KINDS.get(change.table)
        if kind is None:
            return Changes.outside()
        if kind == "dictionary":
            dictionary = True
        elif kind == "tags" or change.row_id is None or change.table == "source_aliases":
            unnamed.add(kind)
        else:
            named[kind].add(change.row_id)
    return Changes(frozenset(named["articles"]), frozenset(named["sources"]),
                   frozenset(named["quotes"]), dictionary, frozenset(named["materials"]),
                   elsewhere=True, unnamed=frozenset(unnamed))


class TeamChanges(QObject):
    heard = Signal(object)  # list[desk.storage.pg_listen.Change], queued from the listener
    reachable = Signal(bool)  # the listener lost (False) or regained (True) the server
    refreshed = Signal(object)  # the changes one refresh covered (tests, the log)

    def __init__(self, library, external, parent=None, *, start: bool = True):
        super().__init__(parent)
        self.library, self.external = library, external
        self.paused = False  # offline: nothing to read until the connection is back
        self._pending: list = []
        self._everything = False  # the next refresh reads everything (after an outage)
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
        news = [c for c in changes if c.pid != own and c.table not in QUIET_TABLES
                and c.table not in UNSHOWN_TABLES]
        if not news:
            return
        self._pending.extend(news)
        self._debounce.start()  # (re)started: the burst goes on
        if not self._deadline.isActive():
            self._deadline.start()

    def _reachable(self, online: bool) -> None:
        """Listening again after an outage: what was sent meanwhile is gone, read it all."""
        if online and not self.paused:
            self._everything = True
            self._debounce.start()
            if not self._deadline.isActive():
                self._deadline.start()

    def _refresh(self) -> None:
        self._debounce.stop()
        self._deadline.stop()
        if self.paused:
            return  # the refresh after reconnecting reads everything anyway
        covered, self._pending = self._pending, []
        everything, self._everything = self._everything, False
        changes = Changes.outside() if everything or len(covered) > MAX_HEARD \
            else heard_changes(covered)
        try:
            if changes.external:
                self.external.changed_elsewhere()
            elif changes:
                self.external.heard(changes)
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
