"""psycopg's connection with sqlite3's calls, for desk.storage.postgres (see its docstring):
``?`` placeholders, statements sent ahead of the next one in one message (BEGIN and the
writer lock), and the change notifications a commit announces."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus

WRITER_LOCK = 0x6465736B  # "desk": the advisory lock every write transaction takes
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

    def __init__(self, raw: psycopg.Connection[Any], *, lock_timeout_ms: int = 0):
        self.raw = raw
        self.changed: dict[str, set[int] | None] = {}
        # Statements sent in the same message as the next one, ahead of it (``begin``: BEGIN
        # and the writer lock travel with the transaction's first statement, one round trip).
        self.prefix: list[str] = []
        self.lock_timeout_ms = lock_timeout_ms  # the session's setting (``connect``)
        self.local_timeout_ms: int | None = None  # PgEngine.lock_timeout outside a transaction

    def begin(self, *, shared: bool = False) -> None:
        """Open a write transaction with the writer lock (``shared``: PgEngine.begin) in one
        round trip; a shared one is sent with its first statement (one more saved)."""
        self.forget()
        self.prefix = ["BEGIN"]
        if self.local_timeout_ms is not None and self.local_timeout_ms != self.lock_timeout_ms:
            self.prefix.append(f"SET LOCAL lock_timeout = {int(self.local_timeout_ms)}")
        self.prefix.append(f"SELECT pg_advisory_xact_lock{'_shared' if shared else ''}"
                           f"({WRITER_LOCK})")
        if not shared:  # the transaction holds the lock from the start, statement or none
            ahead, self.prefix = self.prefix, []
            self.raw.execute("; ".join(ahead))

    def run(self, cur: Any, sql: str, parameters: Any = ()) -> Any:
        """Execute on ``cur`` (``?`` placeholders) after what ``prefix`` holds, in one
        message; the cursor is left on this statement's result."""
        ahead, self.prefix = self.prefix, []
        if (not ahead and self.local_timeout_ms is not None
                and self.local_timeout_ms != self.lock_timeout_ms
                and self.raw.info.transaction_status == TransactionStatus.IDLE):
            # a statement of its own under PgEngine.lock_timeout: the setting for it alone
            ahead = [f"SET LOCAL lock_timeout = {int(self.local_timeout_ms)}"]
        if not ahead:
            if not parameters:
                return cur.execute(sql)
            return cur.execute(placeholders(sql), parameters)
        head = "; ".join(ahead) + "; "
        if not parameters:
            cur.execute(head + sql)
        else:
            cur.execute(head + placeholders(sql), parameters)
        for _ in ahead:
            cur.nextset()
        return cur

    def execute(self, sql: str, parameters: Any = (), /, *, row_id: int | None = None) -> Any:
        """``row_id``: the row the statement writes, when the caller knows it."""
        cur = self.run(self.raw.cursor(), sql, parameters)
        table = written_table(sql)
        if table is not None:
            self.note(table, row_id if row_id is not None else named_row(sql, parameters))
        return cur  # psycopg.Cursor, as sqlite3's

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any:
        if self.prefix:  # executemany sends many messages: what waits goes first, alone
            self.run(self.raw.cursor(), "SELECT 1")
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
        if self.prefix:  # a transaction that ran no statement: nothing was sent, nothing to end
            self.prefix = []
            self.changed = {}
            return
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
    def began(self) -> bool:
        """A transaction was opened that no statement has been sent for yet."""
        return bool(self.prefix) and self.prefix[0] == "BEGIN"

    @property
    def in_transaction(self) -> bool:
        return self.began or self.raw.info.transaction_status != TransactionStatus.IDLE
