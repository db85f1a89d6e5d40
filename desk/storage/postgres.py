"""A library on PostgreSQL through psycopg 3: the engine behind ``postgresql://`` URLs.

This module is imported only when such a URL is opened, so desk on SQLite (and
``desk check``) never loads psycopg. ``PgConnection`` gives psycopg the calls the managers
make on sqlite3 (``execute`` with ``?`` placeholders, ``executemany``, ``in_transaction``);
statements are bound on the client (psycopg's ClientCursor), so a parameter needs no type
(``? IS NULL``, ``'a' || ?``) as in SQLite. The connection runs in autocommit and
``PgEngine.begin`` opens a transaction that first takes the library's advisory writer lock,
so two desks' writes queue as SQLite's BEGIN IMMEDIATE makes them queue, and wait at most
the busy timeout (``lock_timeout``) before saying the library is busy.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus
from psycopg.rows import dict_row

from desk.storage.engine import Engine, Params, Row
from desk.storage.errors import StorageError, disk_full
from desk.storage.pg_errors import connect_error, lost, translate
from desk.storage.search import TsSearch

WRITER_LOCK = 0x6465736B  # "desk": the advisory lock every write transaction takes
CONNECT_TIMEOUT_S = 10
CHANGES_CHANNEL = "desk_changes"  # what a commit announces (desk.storage.pg_listen hears it)
MAX_IDS_NOTIFIED = 50  # more rows of one table in one transaction: "<table>:" (any row)
_WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z_][A-Za-z0-9_]*)',
                    re.IGNORECASE)
# an UPDATE or DELETE ending "WHERE id = ?" writes (at most) the row its last parameter names
_ONE_ROW = re.compile(r'\bWHERE\s+"?id"?\s*=\s*\?\s*$', re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def placeholders(sql: str) -> str:
    """sqlite3's ``?`` as psycopg's ``%s`` (and a literal ``%`` as ``%%``), outside quotes."""
    out: list[str] = []
    quote = ""
    for ch in sql:
        if quote:
            if ch == quote:
                quote = ""
            out.append("%%" if ch == "%" else ch)
        elif ch in "'\"":
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    return "".join(out)


@functools.lru_cache(maxsize=1024)
def written_table(sql: str) -> str | None:
    """The table an INSERT, UPDATE or DELETE writes to; None for any other statement."""
    found = _WRITE.match(sql)
    return found.group(1).lower() if found else None


@functools.lru_cache(maxsize=1024)
def writes_one_row(sql: str) -> bool:
    """An UPDATE or DELETE of the one row ``WHERE id = ?`` (its last parameter) names."""
    return _ONE_ROW.search(sql) is not None


def named_row(sql: str, parameters: Any) -> int | None:
    """The id of the one row the statement writes, when its last parameter names it."""
    if not writes_one_row(sql) or not isinstance(parameters, (list, tuple)) or not parameters:
        return None
    last = parameters[-1]
    return last if isinstance(last, int) and not isinstance(last, bool) else None


class PgConnection:
    """psycopg's connection with sqlite3's calls (see the module docstring).

    It also notes which rows its statements write (``table -> ids``, None for rows it cannot
    name: the caller's ``row_id``, else the last parameter of a statement ending
    ``WHERE id = ?``) and announces them on CHANGES_CHANNEL as ``<table>:<id>`` (``<table>:`` for any
    row): ``PgEngine.commit`` just before COMMIT, so other desks hear of a change exactly
    when it is committed, and a write outside a transaction right after it."""

    def __init__(self, raw: psycopg.Connection[Any]):
        self.raw = raw
        self.changed: dict[str, set[int] | None] = {}

    def execute(self, sql: str, parameters: Any = (), /, *, row_id: int | None = None) -> Any:
        """``row_id``: the row the statement writes, when the caller knows it."""
        if not parameters:
            cur = self.raw.execute(sql)
        else:
            cur = self.raw.execute(placeholders(sql), parameters)
        table = written_table(sql)
        if table is not None:
            self.note(table, row_id if row_id is not None else named_row(sql, parameters))
        return cur  # psycopg.Cursor, as sqlite3's

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any:
        rows = list(parameters)
        cur = self.raw.cursor()
        cur.executemany(placeholders(sql), rows)
        table = written_table(sql)
        if table is not None:
            named = [named_row(sql, r) for r in rows]
            self.note_rows(table, named if named and None not in named else [None])
        return cur

    def note(self, table: str, row_id: int | None) -> None:
        """Row ``row_id`` of ``table`` was written (None: some rows of it)."""
        self.note_rows(table, [row_id])

    def note_rows(self, table: str, row_ids: Iterable[int | None]) -> None:
        """These rows of ``table`` were written (None: some rows of it); announced at once
        outside a transaction."""
        for row_id in row_ids:
            if table in self.changed:
                ids = self.changed[table]
                if ids is not None:
                    if row_id is None or len(ids) >= MAX_IDS_NOTIFIED:
                        self.changed[table] = None
                    else:
                        ids.add(row_id)
            else:
                self.changed[table] = None if row_id is None else {row_id}
        if not self.in_transaction:
            self.announce()

    def announce(self, *, then: str = "") -> None:
        """Send the noted changes (inside the open transaction, if any) and forget them;
        ``then``: a statement to send in the same round trip (COMMIT)."""
        if not self.changed:
            if then:
                self.raw.execute(then)
            return
        payloads = [f"{table}:{row}" for table, ids in self.changed.items()
                    for row in (sorted(ids) if ids is not None else [""])]
        self.changed = {}
        # bound on the client (ClientCursor): one message, both statements, one round trip
        self.raw.execute("SELECT pg_notify(%s, p) FROM unnest(%s::text[]) AS p" +
                         (f"; {then}" if then else ""), (CHANGES_CHANNEL, payloads))

    def forget(self) -> None:
        """A rollback: nothing noted was written."""
        self.changed = {}

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != TransactionStatus.IDLE


def connect(url: str, *, busy_timeout_ms: int, read_only: bool = False) -> PgConnection:
    """A connection to the library at ``url``; a server down, a wrong password, a missing
    database or user leaves as one line (``connect_error``)."""
    try:
        raw = psycopg.connect(url, autocommit=True, cursor_factory=psycopg.ClientCursor,
                              connect_timeout=_connect_timeout(url), application_name="desk")
    except psycopg.Error as exc:
        raise connect_error(exc, url) from exc
    try:
        raw.execute(f"SET lock_timeout = {int(busy_timeout_ms)}")
        if read_only:
            raw.execute("SET default_transaction_read_only = on")
    except psycopg.Error as exc:
        raw.close()
        raise connect_error(exc, url) from exc
    return PgConnection(raw)


def _connect_timeout(url: str) -> int:
    from psycopg.conninfo import conninfo_to_dict

    given = conninfo_to_dict(url).get("connect_timeout")
    return int(given) if given is not None else CONNECT_TIMEOUT_S


class PgEngine(Engine):
    name = "postgresql"

    def __init__(self, conn: PgConnection, url: str, busy_timeout_ms: int):
        self.conn = self.pg = conn
        self.url = url
        self.busy_timeout_ms = busy_timeout_ms  # for another connection to the same library
        self.search = TsSearch()
        self._savepoints = itertools.count(1)

    def rows(self, sql: str, params: Params = ()) -> list[Row]:
        cur = self.pg.raw.cursor(row_factory=dict_row)
        if params:
            cur.execute(placeholders(sql), params)
        else:
            cur.execute(sql)
        return cur.fetchall()

    def insert(self, table: str, row: Row) -> int:
        if not row:
            sql = f'INSERT INTO "{table}" DEFAULT VALUES RETURNING id'
        else:
            names = ", ".join(f'"{k}"' for k in row)
            sql = (f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(row))}) '
                   "RETURNING id")
        cur = self.pg.raw.execute(placeholders(sql), list(row.values()))
        found = cur.fetchone()
        if found is None:
            raise StorageError(f"the {table} row was not stored")
        self.pg.note(table, int(found[0]))
        return int(found[0])

    def update(self, table: str, key: int, values: Row) -> None:
        if not values:
            return
        names = ", ".join(f'"{k}" = ?' for k in values)
        self.pg.execute(f'UPDATE "{table}" SET {names} WHERE id = ?', [*values.values(), key],
                        row_id=key)

    def insert_all(self, table: str, rows: Iterable[Row], batch_size: int = 500) -> None:
        by_columns: dict[tuple[str, ...], list[list[object]]] = {}
        for row in rows:
            by_columns.setdefault(tuple(row), []).append(list(row.values()))
        for names, values in by_columns.items():
            columns = ", ".join(f'"{k}"' for k in names)
            self.conn.executemany(
                f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" * len(names))})', values)

    def in_list(self, column: str) -> str:
        return f"{column} IN (SELECT json_array_elements_text(?::json))"

    def clock(self) -> datetime:
        """The server's clock (not this machine's): clock_timestamp() moves within a
        transaction, where now() stays at its start (before the writer lock was waited for)."""
        found: datetime = self.conn.execute("SELECT clock_timestamp()").fetchone()[0]
        return found.astimezone(timezone.utc)

    def begin(self) -> None:
        self.pg.forget()
        self.conn.execute("BEGIN")
        self.conn.execute(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")

    def commit(self) -> None:
        self.pg.announce(then="COMMIT")  # delivered to the listeners only if COMMIT succeeds

    def rollback(self) -> None:
        self.pg.forget()
        self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def savepoint(self) -> Iterator[object]:
        name = f"desk_{next(self._savepoints)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield self
        except BaseException:
            with contextlib.suppress(psycopg.Error):
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            self.conn.execute(f"RELEASE SAVEPOINT {name}")

    @contextlib.contextmanager
    def lock_timeout(self, ms: int) -> Iterator[None]:
        old = self.conn.execute("SHOW lock_timeout").fetchone()[0]
        self.conn.execute(f"SET lock_timeout = {int(ms)}")
        try:
            yield
        finally:
            self.conn.execute("SELECT set_config('lock_timeout', ?, false)", (old,))

    def interrupt(self) -> None:
        with contextlib.suppress(psycopg.Error):
            self.pg.raw.cancel_safe()

    def schema_version(self) -> int:
        from desk.storage import pg_migrations

        return pg_migrations.version(self.pg)

    def after_copy(self, tables: Iterable[str]) -> None:
        """Move each identity sequence past the ids copied in, so new rows get new ids."""
        for table in tables:
            found = self.conn.execute(
                "SELECT pg_get_serial_sequence(table_name, 'id') FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = ? AND column_name = 'id'",
                (table,)).fetchone()
            sequence = found[0] if found else None
            if sequence is not None:
                self.conn.execute(f"SELECT setval(?, coalesce(max(id), 0) + 1, false) "
                                  f'FROM "{table}"', (sequence,))

    @contextlib.contextmanager
    def read_snapshot(self) -> Iterator[None]:
        self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            if self.conn.in_transaction and not self.pg.raw.closed:
                self.conn.execute("COMMIT")

    def stream(self, sql: str, size: int) -> tuple[list[str], Iterator[list[tuple[Any, ...]]]]:
        """Through a server-side cursor (so inside a transaction: ``read_snapshot``)."""
        cursor = self.pg.raw.cursor(name=f"desk_stream_{next(self._savepoints)}")
        try:
            cursor.execute(sql)
        except BaseException:
            with contextlib.suppress(psycopg.Error):
                cursor.close()
            raise
        names = [d.name for d in cursor.description or ()]

        def batches() -> Iterator[list[tuple[Any, ...]]]:
            try:
                while rows := cursor.fetchmany(size):
                    yield [tuple(r) for r in rows]
            finally:
                with contextlib.suppress(psycopg.Error):
                    cursor.close()

        return names, batches()

    def close(self) -> None:
        with contextlib.suppress(psycopg.Error):
            self.pg.raw.close()

    def connection_lost(self) -> bool:
        return bool(self.pg.raw.closed)

    def backend_pid(self) -> int | None:
        return None if self.pg.raw.closed else int(self.pg.raw.info.backend_pid)

    def use(self, conn: PgConnection) -> None:
        """Go on with ``conn`` in place of this engine's connection (closed here)."""
        old, self.conn = self.pg, conn
        self.pg = conn
        with contextlib.suppress(psycopg.Error):
            old.raw.close()

    def desk_error(self, exc: BaseException, where: str | os.PathLike[str], *,
                   opening: bool = False) -> StorageError | None:
        if isinstance(exc, psycopg.Error):
            if self.pg.raw.closed:  # the server cut it (or it was closed): nothing will work
                return lost(exc, str(where))
            return translate(exc, str(where), opening=opening)
        if isinstance(exc, OSError) and exc.errno == 28:  # ENOSPC
            return disk_full(exc, where)
        return None
