"""Opening an article for editing and letting it go: the editing locks (desk.storage.locks)
as the window and ``desk locks`` / ``desk unlock`` use them.

A window opens an article with ``open_for_editing`` (it edits when the result is held,
else it shows the article read-only, naming who has it), keeps its locks alive with
``keep_alive`` every HEARTBEAT_S, asks for a stale lock with ``take_over`` and lets go with
``release`` / ``release_all``. None of them changes what the library's panels show, so each
result's ``changes`` is NOTHING."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from desk.operations.changes import NOTHING, Changes
from desk.operations.logged import logged
from desk.storage.locks import STALE_AFTER_S, EditLock, LockState

if TYPE_CHECKING:
    from desk.storage import Library

__all__ = ["HEARTBEAT_S", "STALE_AFTER_S", "KeptAlive", "LockResult", "Unlocked", "clock_time",
           "keep_alive", "list_locks", "new_session", "open_for_editing", "release",
           "release_all", "session_gone", "take_over", "unlock"]

HEARTBEAT_S = 30  # a window refreshes its locks this often: four beats missed make one stale


@dataclass(frozen=True)
class LockResult:
    state: LockState
    changes: Changes = NOTHING

    @property
    def held(self) -> bool:
        return self.state.held

    @property
    def lock(self) -> EditLock | None:
        return self.state.lock


@dataclass(frozen=True)
class KeptAlive:
    held: list[int]  # the articles whose lock the session holds after the beat
    # Of the articles asked about, those the session does not hold: who holds each now
    # (None: nobody, the lock was removed).
    lost: dict[int, EditLock | None]
    changes: Changes = NOTHING


@dataclass(frozen=True)
class Unlocked:
    lock: EditLock | None  # the lock removed (None: the article had none)
    ended: bool = False  # its desk, on this machine, had ended (so it went without --force)
    changes: Changes = field(default=NOTHING)


def _host() -> str:
    """This machine's name (socket.gethostname()'s answer: the kernel's node name, read
    without importing socket and uuid, some 8 ms at the window's start)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def new_session() -> str:
    """A window's lock session: this machine, this process, and a random part (two windows
    of one process differ), so a desk on the same machine can tell when it has ended."""
    return f"{_host()}/{os.getpid()}/{os.urandom(8).hex()}"


def session_gone(session: str) -> bool:
    """The session is a desk's on this machine whose process has ended (killed, crashed):
    its lock is abandoned, however recent its last heartbeat. False when it is not known."""
    parts = session.rsplit("/", 2)
    if len(parts) != 3 or parts[0] != _host() or not parts[1].isdigit():
        return False
    pid = int(parts[1])
    if pid == os.getpid():
        return False  # another window of this very desk
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OSError, OverflowError):  # running as another user, or unknown
        return False
    return False


@logged
def open_for_editing(library: Library, *, article_id: int, editor: str,
                     session: str) -> LockResult:
    """Take the article's lock for the window (``session``) unless another window holds it.
    A lock left by a desk on this machine that has ended (killed, crashed: the restarted
    desk recovering its text) is taken over at once instead of after STALE_AFTER_S."""
    state = library.locks.acquire(article_id, editor, session)
    if not state.held and state.lock is not None and session_gone(state.lock.session):
        state = library.locks.takeover(article_id, editor, session, gone=state.lock.session)
    return LockResult(state)


@logged
def take_over(library: Library, *, article_id: int, editor: str, session: str) -> LockResult:
    """Take a stale lock over; a lock whose window still beats stays its (not held)."""
    return LockResult(library.locks.takeover(article_id, editor, session))


def keep_alive(library: Library, *, session: str, holding: Iterable[int] = ()) -> KeptAlive:
    """The window's heartbeat (from its worker thread): every lock of ``session`` refreshed;
    of ``holding``, those it lost. A lock removed meanwhile (``desk unlock``) is not taken
    again here: the window does that if it still shows the article (a worker that took it
    back could race the window letting it go)."""
    beat = library.locks.heartbeat(session, holding)
    return KeptAlive(list(beat.refreshed), dict(beat.lost))


def release(library: Library, *, article_id: int, session: str) -> bool:
    return library.locks.release(article_id, session)


@logged
def release_all(library: Library, *, session: str) -> int:
    return library.locks.release_all(session)


def list_locks(library: Library) -> list[EditLock]:
    return library.locks.list()


@logged
def unlock(library: Library, *, article_id: int, force: bool = False) -> Unlocked:
    """``desk unlock``: remove a stale lock (any lock with ``force``). An unknown article is
    refused; a fresh lock without ``force`` is refused with LockHeld, saying whose it is."""
    library.articles.get(article_id, include_deleted=True)  # "no article with id N"
    current = library.locks.get(article_id)
    ended = current is not None and session_gone(current.session)  # its desk here has ended
    return Unlocked(library.locks.remove(article_id, force=force or ended), ended=ended)


def clock_time(stamp: str, today: datetime | None = None) -> str:
    """A stored UTC time as the reader's local clock shows it: "14:02", or "6 Dec 14:02"
    on another day."""
    when = datetime.fromisoformat(stamp).astimezone()
    today = today.astimezone() if today is not None else datetime.now().astimezone()
    if when.date() == today.date():
        return when.strftime("%H:%M")
    return f"{when.day} {when.strftime('%b %H:%M')}"
