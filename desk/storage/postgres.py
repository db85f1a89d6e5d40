"""A library on PostgreSQL through psycopg 3: the engine behind ``postgresql://`` URLs.

This module is imported only when such a URL is opened, so desk on SQLite (and
``desk check``) never loads psycopg. ``PgConnection`` (desk.storage.pg_connection) gives
psycopg the calls the managers make on sqlite3 (``execute`` with ``?`` placeholders,
``executemany``, ``in_transaction``); statements are bound on the client (psycopg's
ClientCursor), so a parameter needs no type (``? IS NULL``, ``'a' || ?``) as in SQLite. The
connection runs in autocommit and ``PgEngine.begin`` opens a transaction that first takes
the library's advisory writer lock, so two desks' writes queue as SQLite's BEGIN IMMEDIATE
makes them queue (an editor's save holds it shared, beside other articles' saves), and wait
at most the busy timeout (``lock_timeout``) before saying the library is busy.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

import psycopg
from psycopg.rows import dict_row

from desk.storage.engine import Engine, Params, Row
from desk.storage.errors import StorageError, disk_full
from desk.storage.pg_connection import (  # re-exported: desk.storage.postgres.X as before
    CHANGES_CHANNEL as CHANGES_CHANNEL,
)
from desk.storage.pg_connection import (
    MAX_IDS_NOTIFIED as MAX_IDS_NOTIFIED,
)
from desk.storage.pg_connection import (
    WRITER_LOCK as WRITER_LOCK,
)
from desk.storage.pg_connection import (
    PgConnection as PgConnection,
)
from desk.storage.pg_connection import (
    named_row as named_row,
)
from desk.storage.pg_connection import (
    placeholders as placeholders,
)
from desk.storage.pg_connection import (
    written_table as written_table,
)
from desk.storage.pg_errors import connect_error, lost, redacted, translate
from desk.storage.search import TsSearch

CONNECT_TIMEOUT_S = 10


def connect(url: str, *, busy_timeout_ms: int, read_only: bool = False) -> PgConnection:
    """A connection to the library at ``url``; a server down, a wrong password, a missing
    database or user leaves as one line (``connect_error``)."""
    try:
        urlsplit(url).port  # noqa: B018 (a malformed URL raises here, not in a traceback)
    except ValueError as exc:
        raise StorageError(f"cannot open the library {redacted(url)}: {exc}") from None
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
    return PgConnection(raw, lock_timeout_ms=int(busy_timeout_ms))


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
        cur: psycopg.Cursor[Row] = self.pg.raw.cursor(row_factory=dict_row)
        self.pg.run(cur, sql, params)
        return cur.fetchall()

    def rows_each(self, queries: Sequence[tuple[str, Params]]) -> list[list[Row]]:
        cur: psycopg.ClientCursor[Row] = psycopg.ClientCursor(self.pg.raw, row_factory=dict_row)
        bound = [cur.mogrify(placeholders(sql), params) if params else sql for sql, params in queries]
        self.pg.run(cur, "; ".join(bound))
        found = [cur.fetchall()]
        while len(found) < len(queries) and cur.nextset():
            found.append(cur.fetchall())
        return found

    def write_rows(self, sql: str, params: Params, *, table: str, row_id: int | None) -> list[Row]:
        cur: psycopg.Cursor[Row] = self.pg.raw.cursor(row_factory=dict_row)
        self.pg.run(cur, sql, params)
        self.pg.note(table, row_id)
        return cur.fetchall()

    def write_batch(self, statements: Sequence[tuple[str, Params]], *, table: str) -> None:
        if not statements:
            return
        cur: psycopg.ClientCursor[Any] = psycopg.ClientCursor(self.pg.raw)
        bound = [cur.mogrify(placeholders(sql), params) if params else sql
                 for sql, params in statements]
        self.pg.run(cur, "; ".join(bound))  # bound here: no placeholder is read again
        self.pg.note(table, None)

    def insert(self, table: str, row: Row) -> int:
        if not row:
            sql = f'INSERT INTO "{table}" DEFAULT VALUES RETURNING id'
        else:
            names = ", ".join(f'"{k}"' for k in row)
            sql = (f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(row))}) '
                   "RETURNING id")
        cur = self.pg.run(self.pg.raw.cursor(), sql, list(row.values()))
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

    def begin(self, *, per_article: bool = False) -> None:
        """BEGIN and the writer lock in one round trip (``per_article``: sent with the
        transaction's first statement, so it holds the lock from that statement on). Every
        write transaction holds the lock exclusively, except ``per_article`` ones (an
        editor's save, desk.storage.edits.save_edit), which hold it shared: they queue
        behind (and hold up) every other writer as before, but not each other, and each
        takes its article's row lock first (``for_update``), so saves of one article still
        queue while saves of different articles run side by side."""
        self.pg.begin(shared=per_article)

    def commit(self) -> None:
        self.pg.announce(then="COMMIT")  # delivered to the listeners only if COMMIT succeeds

    def rollback(self) -> None:
        self.pg.forget()
        if self.pg.began:  # nothing was sent
            self.pg.prefix = []
            return
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
        if not self.conn.in_transaction:
            # no round trip: the next transaction sets it for itself (SET LOCAL with its
            # BEGIN), a statement outside one for itself alone (PgConnection.run)
            old_local = self.pg.local_timeout_ms
            self.pg.local_timeout_ms = int(ms)
            try:
                yield
            finally:
                self.pg.local_timeout_ms = old_local
            return
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
