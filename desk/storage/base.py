"""What every manager shares: the library it belongs to, the clock, and desk's own errors
for whatever SQLite reports during one of its calls."""

from __future__ import annotations

import threading
import types
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from functools import wraps
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from desk.storage.engine import Connection, Params, Row
from desk.storage.search import fts_query

if TYPE_CHECKING:
    from desk.storage import Library

_clock_lock = threading.Lock()
_last: datetime | None = None

P = ParamSpec("P")
R = TypeVar("R")
M = TypeVar("M", bound="Manager")



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
    """A manager method whose engine errors leave it as desk's (desk.storage.errors, or
    desk.storage.postgres for PostgreSQL): a plain try, which costs nothing on the way
    through, where a context manager would cost a generator per call (every read of the
    window runs here)."""
    @wraps(method)
    def call(self: M, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:
            mapped = self.lib.engine.desk_error(exc, self.lib.where)
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
    def conn(self) -> Connection:
        return self.lib.conn

    def _insert(self, table: str, row: Row) -> int:
        """Insert one row into a table keyed by ``id INTEGER PRIMARY KEY``; its new id."""
        return self.lib.engine.insert(table, row)

    def _update(self, table: str, key: int, values: Row) -> None:
        self.lib.engine.update(table, key, values)

    def _scalar(self, sql: str, params: Params = ()) -> Any:
        """The first column of the first row (count(*), max(...))."""
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def _count(self, sql: str, params: Params = ()) -> int:
        return int(self._scalar(sql, params) or 0)

    def _rows(self, sql: str, params: Params = ()) -> list[Row]:
        return self.lib.engine.rows(sql, params)

    def _one(self, sql: str, params: Params = ()) -> Row | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None


__all__ = ["Manager", "Params", "Row", "fts_query", "now", "translated"]
