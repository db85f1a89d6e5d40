"""The one seam between the managers and the database engine behind a library.

Every manager runs the same SQL on both engines (``?`` placeholders, ``ON CONFLICT``,
``coalesce``, ``COLLATE NOCASE``); an ``Engine`` holds only what really differs: how a
connection runs that SQL (``conn``: sqlite3's own connection, or desk.storage.postgres'
wrapper with the same calls), rows as dicts, inserts that return the new id, write
transactions and savepoints, cancelling a read, the error mapping, and the few SQL fragments
that have no common spelling (full-text search in desk.storage.search, a join order hint,
a list parameter). ``SqliteEngine`` is desk's SQLite as it was (sqlite-utils for inserts,
updates and savepoints, BEGIN IMMEDIATE, WAL); desk.storage.postgres has the PostgreSQL one.

sqlite-utils is imported on the first write, not on opening: its import was about a tenth of
the window's start-up, and the first page of the library list only reads. A SELECT's rows
are read here with sqlite3 as sqlite-utils' ``query`` gives them (a dict per row, keyed by
the column names); anything else (a PRAGMA, duplicate column names) still goes through it.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Protocol

from desk.storage.errors import StorageError, desk_error
from desk.storage.search import FtsSearch, Search

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]
Params = Sequence[object] | dict[str, object]


class Cursor(Protocol):
    """What the managers read from a statement (sqlite3.Cursor and psycopg's both have it)."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The calls the managers make on ``library.conn``: sqlite3.Connection has them, and
    desk.storage.postgres.PgConnection gives psycopg the same (``?`` placeholders)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any: ...

    @property
    def in_transaction(self) -> bool: ...


class Engine:
    """What differs between the engines; see the module docstring."""

    name = ""
    search: Search
    conn: Connection
    # SQLite: CROSS JOIN fixes the loop order (desk.storage.queue); elsewhere a plain join.
    ordered_join = "JOIN"
    # After a SELECT of the row a transaction goes on to write: lock it until the end (on
    # SQLite the write transaction already excludes every other writer).
    for_update = " FOR UPDATE"

    def rows(self, sql: str, params: Params = ()) -> list[Row]:
        raise NotImplementedError

    def rows_each(self, queries: Sequence[tuple[str, Params]]) -> list[list[Row]]:
        """``rows`` of each of several reads (no writes), in one round trip where the engine
        can (PostgreSQL: one message)."""
        return [self.rows(sql, params) for sql, params in queries]

    def write_rows(self, sql: str, params: Params, *, table: str, row_id: int | None) -> list[Row]:
        """The rows an INSERT, UPDATE or DELETE ... RETURNING gives back, as dicts; it writes
        ``table`` (row ``row_id``, None: some rows), which a change notification names."""
        raise NotImplementedError

    def write_batch(self, statements: Sequence[tuple[str, Params]], *, table: str) -> None:
        """Run writes of ``table`` whose results nobody reads, in order, inside the open
        transaction: in one round trip where the engine can (PostgreSQL: one message), else
        each run of the same statement as one ``executemany`` (as desk always ran them)."""
        for sql, group in itertools.groupby(statements, key=lambda s: s[0]):
            params = [p for _sql, p in group]
            if len(params) == 1:
                self.conn.execute(sql, params[0])
            else:
                self.conn.executemany(sql, params)

    def insert(self, table: str, row: Row) -> int:
        """Insert one row into a table keyed by ``id``; the new id."""
        raise NotImplementedError

    def insert_all(self, table: str, rows: Iterable[Row], batch_size: int = 500) -> None:
        raise NotImplementedError

    def update(self, table: str, key: int, values: Row) -> None:
        """Set ``values`` on the row whose ``id`` is ``key``."""
        if not values:
            return
        names = ", ".join(f'"{k}" = ?' for k in values)
        self.conn.execute(f'UPDATE "{table}" SET {names} WHERE id = ?', [*values.values(), key])

    def in_list(self, column: str) -> str:
        """``column IN`` one parameter holding a JSON list of strings."""
        raise NotImplementedError

    def clock(self) -> datetime:
        """Now, in UTC, by the clock every user of the library shares: this machine's for
        an SQLite file, the server's for PostgreSQL (several machines, one server), so
        times that several desks compare (editing locks' heartbeats) never meet a skew."""
        return datetime.now(timezone.utc)

    def begin(self, *, per_article: bool = False) -> None:
        """Start a write transaction that waits for (never interleaves with) another writer.
        ``per_article``: one that writes only one article's own rows (its row, its
        revisions, tags, editing lock), read first with ``for_update``; an engine may let
        such transactions on different articles run at once (PostgreSQL does)."""
        raise NotImplementedError

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        self.conn.execute("ROLLBACK")

    def savepoint(self) -> contextlib.AbstractContextManager[object]:
        raise NotImplementedError

    def lock_timeout(self, ms: int) -> contextlib.AbstractContextManager[None]:
        """Wait at most ``ms`` for another writer inside the block."""
        raise NotImplementedError

    def interrupt(self) -> None:
        raise NotImplementedError

    def schema_version(self) -> int:
        raise NotImplementedError

    def after_copy(self, tables: Iterable[str]) -> None:
        """After rows were copied in with their ids (desk.storage.transfer)."""

    def read_snapshot(self) -> contextlib.AbstractContextManager[None]:
        """A read-only transaction: every read inside sees the library as it was at the
        first one, whatever other desks commit meanwhile (desk.storage.transfer)."""
        raise NotImplementedError

    def stream(self, sql: str, size: int) -> tuple[list[str], Iterator[list[tuple[Any, ...]]]]:
        """A query's column names and its rows in batches of ``size``, fetched as they are
        read (never the whole result at once); inside ``read_snapshot``."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def connection_lost(self) -> bool:
        """The server cut this connection (a file's connection is never lost)."""
        return False

    def backend_pid(self) -> int | None:
        """The server process of this connection (what a change notification names)."""
        return None

    def desk_error(self, exc: BaseException, where: str | os.PathLike[str], *,
                   opening: bool = False) -> StorageError | None:
        """desk's error for one the engine (or the disk) raised; None for any other."""
        raise NotImplementedError


class SqliteEngine(Engine):
    name = "sqlite"
    ordered_join = "CROSS JOIN"
    for_update = ""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = self.sqlite = conn
        conn.execute("PRAGMA recursive_triggers = on")  # as sqlite-utils' Database sets it
        self._db: Database | None = None
        self.search = FtsSearch()

    @property
    def db(self) -> Database:
        """sqlite-utils' view of the connection, made (and sqlite-utils imported) when first
        needed."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.sqlite)
        return self._db

    def rows(self, sql: str, params: Params = ()) -> list[Row]:
        if _is_select(sql):
            cursor = self.conn.execute(sql, params)
            keys = [d[0] for d in cursor.description]
            if len(set(keys)) == len(keys):
                return [dict(zip(keys, row)) for row in cursor]
            cursor.close()  # sqlite-utils renames duplicate columns: its way, run again
        return list(self.db.query(sql, params))

    def write_rows(self, sql: str, params: Params, *, table: str, row_id: int | None) -> list[Row]:
        cur = self.sqlite.execute(sql, params)
        names = [d[0] for d in cur.description or ()]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def insert(self, table: str, row: Row) -> int:
        new_id = self.db.table(table).insert(row).last_rowid
        if new_id is None:  # sqlite_utils leaves it unset only when nothing was inserted
            raise StorageError(f"the {table} row was not stored")
        return new_id

    def insert_all(self, table: str, rows: Iterable[Row], batch_size: int = 500) -> None:
        self.db.table(table).insert_all(rows, batch_size=batch_size)

    def update(self, table: str, key: int, values: Row) -> None:
        self.db.table(table).update(key, values)

    def in_list(self, column: str) -> str:
        return f"{column} IN (SELECT value FROM json_each(?))"

    def begin(self, *, per_article: bool = False) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def savepoint(self) -> contextlib.AbstractContextManager[object]:
        return self.db.atomic()

    @contextlib.contextmanager
    def lock_timeout(self, ms: int) -> Iterator[None]:
        old = self.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        self.conn.execute(f"PRAGMA busy_timeout = {int(ms)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {int(old)}")

    def interrupt(self) -> None:
        self.sqlite.interrupt()

    def schema_version(self) -> int:
        from desk.storage import migrations

        return migrations.user_version(self.sqlite)

    @contextlib.contextmanager
    def read_snapshot(self) -> Iterator[None]:
        # A deferred transaction: under WAL its first read fixes the snapshot, and it never
        # blocks (nor waits for) another desk's writes.
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def stream(self, sql: str, size: int) -> tuple[list[str], Iterator[list[tuple[Any, ...]]]]:
        cursor = self.sqlite.execute(sql)
        names = [d[0] for d in cursor.description]

        def batches() -> Iterator[list[tuple[Any, ...]]]:
            while rows := cursor.fetchmany(size):
                yield [tuple(r) for r in rows]

        return names, batches()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.sqlite.close()

    def desk_error(self, exc: BaseException, where: str | os.PathLike[str], *,
                   opening: bool = False) -> StorageError | None:
        return desk_error(exc, where, opening=opening)


def import_for_writes() -> None:
    """Import what an SQLite library's first write needs (sqlite-utils), ahead of it."""
    import sqlite_utils  # noqa: F401


_WRITE_WORD = re.compile(r"\b(?:INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def _is_select(sql: str) -> bool:
    """A statement that only reads rows: its first word SELECT, or WITH (a recursive query,
    as Articles.sections' skip scan, read before the first paint) with no word of a write
    anywhere in it (a WITH ... INSERT goes the other way, as does a literal holding one)."""
    head = sql.lstrip()
    if head[:6].upper() == "SELECT" and not head[6:7].isalnum():
        return True
    return head[:4].upper() == "WITH" and not head[4:5].isalnum() and not _WRITE_WORD.search(head)
