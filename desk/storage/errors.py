"""desk's own errors for what SQLite (and the disk under it) reports, each a one-line DeskError.

``storage_errors(path)`` is the one place that turns ``sqlite3.Error`` (and a full disk's
``OSError``) into these. The facade runs opening a library, every write transaction and every
manager call inside it, so nothing above desk/storage needs to know sqlite3.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator

from desk.model import DeskError


class StorageError(DeskError):
    """Something went wrong in the library file itself."""


class LibraryLocked(StorageError):
    """Another process held the library's write lock for longer than the busy timeout."""


class LibraryReadOnly(StorageError):
    """The library (or its folder) cannot be written: opened read-only."""


class LibraryFull(StorageError):
    """The disk holding the library is full."""


class LibraryCorrupt(StorageError):
    """The library file is damaged or not a database."""


class ConnectionLost(StorageError):
    """The database server closed this library's connection (restarted, stopped, or the
    network went): every later call fails the same way until the library is reopened."""


class PasswordRefused(StorageError):
    """The database server wants a password desk was not given, or refused the one given:
    the window asks for it (desk.gui.team_open) rather than giving up."""


class LibraryTooNew(StorageError):
    """The library was written by a newer desk (its schema is beyond the migrations known)."""


class QueryInterrupted(StorageError):
    """A read was cancelled by ``Library.interrupt()`` (a newer search made it stale)."""


# SQLite's primary result codes (the low byte of an extended code).
_BUSY, _LOCKED, _READONLY, _CORRUPT, _FULL, _CONSTRAINT, _NOTADB = 5, 6, 8, 11, 13, 19, 26
_IOERR = 10
_ROOM = 64 * 1024  # less free than this beside the library, and an I/O error is a full disk
_INTERRUPT = 9


def _kind(exc: sqlite3.Error) -> str:
    """What went wrong: by SQLite's result code where Python gives it (3.11+), else by text."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        if primary in (_BUSY, _LOCKED):
            return "locked"
        if primary == _READONLY:
            return "read-only"
        if primary == _FULL:
            return "full"
        if primary in (_CORRUPT, _NOTADB):
            return "corrupt"
        if primary == _CONSTRAINT:
            return "refused"
        if primary == _INTERRUPT:
            return "interrupted"
        return "io" if primary == _IOERR else "other"
    low = str(exc).lower()
    if low == "interrupted":
        return "interrupted"
    if "locked" in low or "busy" in low:
        return "locked"
    if "readonly" in low or "read-only" in low:
        return "read-only"
    if "disk is full" in low:
        return "full"
    if isinstance(exc, sqlite3.IntegrityError):
        return "refused"
    if "malformed" in low or "not a database" in low:
        return "corrupt"
    return "io" if "disk i/o error" in low else "other"


def _no_room_beside(path: str | os.PathLike[str]) -> bool:
    """Whether the library's folder has no room left: SQLite says only "disk I/O error"
    when a full disk stops it creating its -shm file, as opening a WAL library does."""
    try:
        return shutil.disk_usage(os.path.dirname(os.path.abspath(path))).free < _ROOM
    except OSError:
        return False


def translate(exc: sqlite3.Error, path: str | os.PathLike[str], *,
              opening: bool = False) -> StorageError:
    """SQLite's error as desk's, with one line an editor can act on."""
    text = " ".join(str(exc).split())
    kind = _kind(exc)
    head = f"cannot open the library {path}: it" if opening else f"the library {path}"
    if kind == "locked":
        return LibraryLocked(f"{head} is busy: another desk or program is writing to it; "
                             "try again in a moment")
    if kind == "read-only":
        return LibraryReadOnly(f"{head} is read-only here (its file or folder cannot be "
                               "written); nothing was changed")
    if kind == "full" or (kind == "io" and _no_room_beside(path)):
        return LibraryFull(f"{head} is on a full disk; nothing was changed — free some space "
                           "and try again")
    if kind == "corrupt":
        return LibraryCorrupt(f"{head} is damaged ({text}); open a backup copy instead")
    if kind == "refused":
        return StorageError(f"{head} refused the change: {text}")
    if kind == "interrupted":
        return QueryInterrupted(f"the library {path}: the read was cancelled")
    if opening:
        return StorageError(f"cannot open the library {path}: {text}")
    return StorageError(f"the library {path}: {text}")


def disk_full(exc: OSError, path: str | os.PathLike[str]) -> LibraryFull:
    where = exc.filename or path
    return LibraryFull(f"the disk holding {where} is full; nothing was changed — free some "
                       "space and try again")


def desk_error(exc: BaseException, path: str | os.PathLike[str], *,
               opening: bool = False) -> StorageError | None:
    """desk's error for one from SQLite or a full disk; None for any other exception."""
    if isinstance(exc, sqlite3.Error):
        return translate(exc, path, opening=opening)
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return disk_full(exc, path)
    return None


@contextlib.contextmanager
def storage_errors(path: str | os.PathLike[str], *, opening: bool = False) -> Iterator[None]:
    """Run the block with SQLite's errors (and a full disk) raised as desk's own."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        mapped = desk_error(exc, path, opening=opening)
        if mapped is None:
            raise
        raise mapped from exc


def sqlite_version() -> str:
    """The SQLite library's version (for About), so the window needs no sqlite3 import."""
    return sqlite3.sqlite_version
