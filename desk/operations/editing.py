"""Opening an article for editing and letting it go: the editing locks (desk.storage.locks)
as the window and ``desk locks`` / ``desk unlock`` use them.

A window opens an article with ``open_for_editing`` (it edits when the result is held,
else it shows the article read-only, naming who has it), keeps its locks alive with
``keep_alive`` every HEARTBEAT_S, asks for a stale lock with ``take_over`` and lets go with
``release`` / ``release_all``. None of them changes what the library's panels show, so each
result's ``changes`` is NOTHING."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from desk.model import DeskError
from desk.operations.changes import NOTHING, Changes
from desk.operations.logged import logged
from desk.storage.locks import STALE_AFTER_S, EditLock, LockState

if TYPE_CHECKING:
    from desk.storage import Library

__all__ = ["HEARTBEAT_S", "STALE_AFTER_S", "KeptAlive", "LockResult", "Unlocked", "clock_time",
           "keep_alive", "list_locks", "open_for_editing", "release", "release_all", "take_over",
           "unlock"]

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
    lost: dict[int, EditLock]  # taken by another session since: who holds each now
    changes: Changes = NOTHING


@dataclass(frozen=True)
class Unlocked:
    lock: EditLock | None  # the lock removed (None: the article had none)
    changes: Changes = field(default=NOTHING)


@logged
def open_for_editing(library: Library, *, article_id: int, editor: str,
                     session: str) -> LockResult:
    """Take the article's lock for the window (``session``) unless another window holds it."""
    return LockResult(library.locks.acquire(article_id, editor, session))


@logged
def take_over(library: Library, *, article_id: int, editor: str, session: str) -> LockResult:
    """Take a stale lock over; a lock whose window still beats stays its (not held)."""
    return LockResult(library.locks.takeover(article_id, editor, session))


def keep_alive(library: Library, *, session: str, editor: str,
               holding: Iterable[int] = ()) -> KeptAlive:
    """The window's heartbeat. A lock of ``holding`` that somebody removed (``desk unlock``)
    while nobody else took it is taken again: the window still has the article open."""
    beat = library.locks.heartbeat(session, holding)
    held = list(beat.refreshed)
    lost: dict[int, EditLock] = {}
    for article_id, holder in beat.lost.items():
        if holder is None:
            try:
                again = library.locks.acquire(article_id, editor, session)
            except DeskError:  # the article itself is gone
                continue
            if again.held:
                held.append(article_id)
                continue
            holder = again.lock
        if holder is not None:
            lost[article_id] = holder
    return KeptAlive(sorted(held), lost)


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
    return Unlocked(library.locks.remove(article_id, force=force))


def clock_time(stamp: str, today: datetime | None = None) -> str:
    """A stored UTC time as the reader's local clock shows it: "14:02", or "6 Dec 14:02"
    on another day."""
    when = datetime.fromisoformat(stamp).astimezone()
    today = today.astimezone() if today is not None else datetime.now().astimezone()
    if when.date() == today.date():
        return when.strftime("%H:%M")
    return f"{when.day} {when.strftime('%b %H:%M')}"
