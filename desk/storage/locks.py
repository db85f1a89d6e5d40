"""Editing locks (``lib.locks``): which window has an article open for editing, so a second
editor sees it read-only instead of typing over it (issue 14).

A lock is one row of ``edit_locks`` per article (db/0010_team.sql): the editor's name, the
window's session (a random id per window), when it was taken and the window's last
heartbeat. A window whose heartbeat is older than STALE_AFTER_S has gone (crashed, asleep,
off the network): its lock may be taken over, and only then. Every change runs in a write
transaction (which queues writers on both engines) and checks what it changes in the same
statement (INSERT ... ON CONFLICT DO NOTHING then read; UPDATE ... WHERE session = the old
one AND heartbeat_at < the cutoff), so two desks racing for one lock get one winner.

Times come from ``engine.clock()``: the server's clock on PostgreSQL, where several machines
share the library and their own clocks may disagree; this machine's UTC for an SQLite file.
They are stored as ISO text in UTC, which sorts as time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from desk.model import DeskError
from desk.storage.base import Manager, Row

STALE_AFTER_S = 120  # no heartbeat for this long: the window is gone, its lock may be taken over

_COLUMNS = "l.article_id, l.editor, l.session, l.taken_at, l.heartbeat_at"


@dataclass(frozen=True)
class EditLock:
    article_id: int
    editor: str
    session: str
    taken_at: str  # ISO, UTC
    heartbeat_at: str  # ISO, UTC
    stale: bool  # no heartbeat for STALE_AFTER_S, by the library's clock
    idle_s: float  # seconds since the last heartbeat, by the library's clock
    headline: str = ""  # filled by ``list``

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class LockState:
    """What a session learnt about an article's lock."""

    held: bool  # this session holds it now
    lock: EditLock | None  # as stored: ours when held, else another's (None: nobody's)


@dataclass(frozen=True)
class Heartbeat:
    refreshed: list[int]  # the articles whose lock this session still holds
    # Of the articles the session thought it held, those it does not: who holds each now
    # (None: nobody, the lock was removed; ``acquire`` takes it again).
    lost: dict[int, EditLock | None] = field(default_factory=dict)


class LockHeld(DeskError):
    """Another session holds the article's lock (and, for a takeover, it is not stale)."""

    def __init__(self, message: str, lock: EditLock | None):
        super().__init__(message)
        self.lock = lock


class EditLocks(Manager):
    # -- reading -----------------------------------------------------------------------
    def get(self, article_id: int) -> EditLock | None:
        now = self._now()
        return self._lock(article_id, now)

    def list(self) -> list[EditLock]:
        """Every lock, the article's headline with it, oldest first."""
        now = self._now()
        rows = self._rows(f"SELECT {_COLUMNS}, a.headline FROM edit_locks l "
                          "JOIN articles a ON a.id = l.article_id ORDER BY l.taken_at, l.article_id")
        return [_record(r, now) for r in rows]

    # -- taking and keeping ----------------------------------------------------------------
    def acquire(self, article_id: int, editor: str, session: str) -> LockState:
        """Take the article's lock for ``session`` if nobody holds it (or refresh it if the
        session does); otherwise say who holds it. A stale lock is not taken: ``takeover``."""
        with self.lib.transaction():
            if self._one("SELECT id FROM articles WHERE id = ?", (article_id,)) is None:
                raise DeskError(f"no article with id {article_id}")
            now = self._now()
            stamp = _stamp(now)
            self.conn.execute(
                "INSERT INTO edit_locks (article_id, editor, session, taken_at, heartbeat_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id) DO NOTHING",
                (article_id, editor, session, stamp, stamp))
            lock = self._lock(article_id, now)
            if lock is None or lock.session != session:
                return LockState(False, lock)
            if lock.heartbeat_at != stamp or lock.editor != editor:
                self.conn.execute("UPDATE edit_locks SET heartbeat_at = ?, editor = ? "
                                  "WHERE article_id = ? AND session = ?",
                                  (stamp, editor, article_id, session))
                lock = self._lock(article_id, now)
        return LockState(True, lock)

    def heartbeat(self, session: str, holding: Iterable[int] = ()) -> Heartbeat:
        """Refresh every lock of ``session``; of ``holding`` (the articles it thinks it
        holds), report those it lost and who has each now."""
        wanted = sorted(set(holding))
        with self.lib.transaction():
            now = self._now()
            self.conn.execute("UPDATE edit_locks SET heartbeat_at = ? WHERE session = ?",
                              (_stamp(now), session))
            refreshed = [int(r["article_id"]) for r in self._rows(
                "SELECT article_id FROM edit_locks WHERE session = ? ORDER BY article_id",
                (session,))]
            lost = {aid: self._lock(aid, now) for aid in wanted if aid not in refreshed}
        return Heartbeat(refreshed, lost)

    def takeover(self, article_id: int, editor: str, session: str, *,
                 gone: str | None = None) -> LockState:
        """Take a stale lock over (or a free one). A fresh lock of another session stays
        theirs (LockState.held is False): the UPDATE names the old session and the cutoff,
        so a heartbeat or another takeover that came first wins. ``gone``: a session the
        caller knows has ended (its process on this machine is not running), whose lock is
        taken however fresh."""
        with self.lib.transaction():
            now = self._now()
            current = self._lock(article_id, now)
            if current is None or current.session == session:
                return self.acquire(article_id, editor, session)
            ended = gone is not None and current.session == gone
            if not current.stale and not ended:
                return LockState(False, current)
            stamp = _stamp(now)
            sql = ("UPDATE edit_locks SET editor = ?, session = ?, taken_at = ?, "
                   "heartbeat_at = ? WHERE article_id = ? AND session = ?")
            params: list[object] = [editor, session, stamp, stamp, article_id, current.session]
            if not ended:
                sql += " AND heartbeat_at < ?"
                params.append(_stamp(now - timedelta(seconds=STALE_AFTER_S)))
            taken = self.conn.execute(sql, params).rowcount
            lock = self._lock(article_id, now)
        return LockState(taken == 1 and lock is not None and lock.session == session, lock)

    def hold_for_write(self, article_id: int, editor: str, session: str) -> None:
        """Inside a save's transaction: make sure ``session`` holds the lock (taking it when
        nobody does), else raise LockHeld naming who does, before anything is written.
        Holding it already (every save but the first) costs one SELECT."""
        row = self._one("SELECT session FROM edit_locks WHERE article_id = ?", (article_id,))
        if row is not None and row["session"] == session:
            return
        state = self.acquire(article_id, editor, session)
        if not state.held:
            holder = state.lock.editor if state.lock is not None else "another window"
            raise LockHeld(f"article {article_id} is being edited by {holder or 'another window'}"
                           "; this window no longer holds its editing lock", state.lock)

    def other_holder(self, article_id: int, session: str | None) -> EditLock | None:
        """The article's lock when a session other than ``session`` holds it (stale or not);
        None when nobody does or ``session`` itself does."""
        lock = self._lock(article_id, self._now())
        return None if lock is None or lock.session == session else lock

    def refuse_if_held(self, article_id: int, session: str | None, doing: str) -> None:
        """Inside the transaction of a change that is part of the article being edited (its
        status, the trash, a restored revision): raise LockHeld naming the holder when
        another session holds the article's lock, before anything is written. Unlike
        ``hold_for_write`` nobody's lock is taken: the window that asked stays read-only."""
        lock = self.other_holder(article_id, session)
        if lock is None:
            return
        who = lock.editor or "another editor"
        hint = ("their desk has been silent: take the article over first" if lock.stale
                else "ask them, or try again once they have closed it")
        raise LockHeld(f"{who} is editing this article (article {article_id}) in another "
                       f"window: {doing} is refused so it does not change under them ({hint})",
                       lock)

    # -- letting go --------------------------------------------------------------------
    def release(self, article_id: int, session: str) -> bool:
        """Give up the session's lock of the article; False when it held none."""
        with self.lib.transaction():
            n = self.conn.execute("DELETE FROM edit_locks WHERE article_id = ? AND session = ?",
                                  (article_id, session)).rowcount
        return int(n) > 0

    def release_all(self, session: str) -> int:
        """Give up every lock of the session (its window closes); how many there were."""
        with self.lib.transaction():
            n = self.conn.execute("DELETE FROM edit_locks WHERE session = ?", (session,)).rowcount
        return int(n)

    def remove(self, article_id: int, *, force: bool = False) -> EditLock | None:
        """Remove whoever's lock the article has (``desk unlock``): a stale one, or any with
        ``force``. The lock removed (None: there was none); LockHeld for a fresh one."""
        with self.lib.transaction():
            now = self._now()
            current = self._lock(article_id, now)
            if current is None:
                return None
            if not force and not current.stale:
                raise LockHeld(
                    f"article {article_id} is being edited by {current.editor or 'an unnamed editor'}"
                    f" (last heartbeat {round(current.idle_s)} s ago); a lock is stale only "
                    f"after {STALE_AFTER_S} s without one, so it stays (--force removes it "
                    "anyway)", current)
            sql = "DELETE FROM edit_locks WHERE article_id = ? AND session = ?"
            params: list[object] = [article_id, current.session]
            if not force:
                sql += " AND heartbeat_at < ?"
                params.append(_stamp(now - timedelta(seconds=STALE_AFTER_S)))
            n = self.conn.execute(sql, params).rowcount
        if n == 0:  # its window came back (or another took it) in between
            raise LockHeld(f"article {article_id}: its editing lock changed meanwhile; "
                           "nothing was removed", self.get(article_id))
        return current

    # -- helpers ----------------------------------------------------------------------------
    def _now(self) -> datetime:
        with self.lib.errors():
            return self.lib.engine.clock()

    def _lock(self, article_id: int, now: datetime) -> EditLock | None:
        row = self._one(f"SELECT {_COLUMNS} FROM edit_locks l WHERE l.article_id = ?",
                        (article_id,))
        return None if row is None else _record(row, now)


def _stamp(when: datetime) -> str:
    return when.isoformat(timespec="microseconds")


def _record(row: Row, now: datetime) -> EditLock:
    beat = datetime.fromisoformat(row["heartbeat_at"])
    idle = max(0.0, (now - beat).total_seconds())
    return EditLock(article_id=int(row["article_id"]), editor=row["editor"],
                    session=row["session"], taken_at=row["taken_at"],
                    heartbeat_at=row["heartbeat_at"],
                    stale=row["heartbeat_at"] < _stamp(now - timedelta(seconds=STALE_AFTER_S)),
                    idle_s=idle, headline=row.get("headline") or "")
