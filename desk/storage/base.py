"""What every manager shares: the library it belongs to, the clock, and desk's own errors
for whatever SQLite reports during one of its calls."""

from __future__ import annotations

import re
import sqlite3
import threading
import types
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from functools import wraps
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from sqlite_utils.db import Table

from desk.storage.errors import StorageError, desk_error

if TYPE_CHECKING:
    from sqlite_utils import Database

    from desk.storage import Library

_clock_lock = threading.Lock()
_last: datetime | None = None

P = ParamSpec("P")
R = TypeVar("R")
M = TypeVar("M", bound="Manager")

Row = dict[str, Any]
Params = Sequence[object] | dict[str, object]


def now() -> str:
    """UTC timestamps that sort as text and never repeat within a process, so "last
    changed" order is exact even for changes made in the same microsecond."""
    global _last
    with _clock_lock:
        stamp = datetime.now(timezone.utc)
        if _last is not None and stamp <= _last:
            stamp = _last + timedelta(microseconds=1)
        _last = stamp
    return stamp.isoformat(timespec="microseconds")


def translated(method: Callable[Concatenate[M, P], R]) -> Callable[Concatenate[M, P], R]:
    """A manager method whose SQLite errors leave it as desk's (desk.storage.errors,
    ``desk_error``, as ``storage_errors`` maps them): a plain try, which costs nothing on
    the way through, where a context manager would cost a generator per call (every read
    of the window runs here)."""
    @wraps(method)
    def call(self: M, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except (sqlite3.Error, OSError) as exc:
            mapped = desk_error(exc, self.lib.path)
            if mapped is None:
                raise
            raise mapped from exc
    return call


class Manager:
    """One topic of the library (articles, sources, ...). Every public method a subclass
    defines runs under ``translated``, so a read outside a transaction that meets a
    locked, damaged or unreadable file raises desk's error too, not sqlite3's."""

    def __init__(self, library: Library):
        self.lib = library

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, value in list(vars(cls).items()):
            if not name.startswith("_") and isinstance(value, types.FunctionType):
                setattr(cls, name, translated(value))

    @property
    def db(self) -> Database:
        return self.lib.db

    @property
    def conn(self) -> sqlite3.Connection:
        return self.lib.conn

    def _table(self, name: str) -> Table:
        return self.db.table(name)

    def _insert(self, table: str, row: Row) -> int:
        """Insert one row into a table keyed by ``id INTEGER PRIMARY KEY``; its new id."""
        new_id = self._table(table).insert(row).last_rowid
        if new_id is None:  # sqlite_utils leaves it unset only when nothing was inserted
            raise StorageError(f"the library {self.lib.path} did not store the {table} row")
        return new_id

    def _scalar(self, sql: str, params: Params = ()) -> Any:
        """The first column of the first row (count(*), max(...))."""
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def _count(self, sql: str, params: Params = ()) -> int:
        return int(self._scalar(sql, params) or 0)

    def _rows(self, sql: str, params: Params = ()) -> list[Row]:
        return list(self.db.query(sql, params))

    def _one(self, sql: str, params: Params = ()) -> Row | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None


def fts_query(text: str) -> str | None:
    """Turn what an editor types into a safe FTS5 query: every word must match, the
    last one as a prefix (search as you type). Returns None for an empty query."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    if not words:
        return None
    parts = [f'"{w}"' for w in words[:-1]]
    parts.append(f'"{words[-1]}"*')
    return " ".join(parts)
