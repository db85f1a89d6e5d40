"""desk's own errors for what SQLite reports, each a one-line DeskError.

The facade turns ``sqlite3.Error`` into these where it happens (opening a library, a write
transaction), so nothing above desk/storage needs to know sqlite3.
"""

from __future__ import annotations

import sqlite3

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


def translate(exc: sqlite3.Error, path) -> StorageError:
    text = str(exc)
    low = text.lower()
    if "locked" in low or "busy" in low:
        return LibraryLocked(f"the library {path} is busy (another desk is writing to it); "
                             "try again in a moment")
    if "readonly" in low or "read-only" in low:
        return LibraryReadOnly(f"the library {path} is read-only here; nothing was changed")
    if "disk is full" in low or "database or disk is full" in low:
        return LibraryFull(f"the disk holding the library {path} is full; nothing was changed")
    if isinstance(exc, sqlite3.IntegrityError):
        return StorageError(f"the library {path} refused the change: {text}")
    if "malformed" in low or "not a database" in low:
        return LibraryCorrupt(f"the library {path} is damaged: {text}")
    return StorageError(f"library {path}: {text}")
