"""Numbered migrations of a PostgreSQL library (db/postgresql/NNNN_*.sql), applied in one
transaction and recorded in schema_migrations, as desk.storage.migrations does for SQLite.

A PostgreSQL library starts at the first file there (db/postgresql/0009_schema.sql: schema
9, all of db/0001-0009 in PostgreSQL's dialect); the numbers then run on without a gap to
the same newest version as db/, so "schema N" means one thing on both engines. There is no
PRAGMA user_version: the version is the newest row of schema_migrations. Two desks opening
one empty database at once queue on an advisory lock; the second finds it migrated.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from desk.paths import migrations_dir
from desk.storage import migrations
from desk.storage.errors import LibraryTooNew, StorageError

if TYPE_CHECKING:
    from desk.storage.postgres import PgConnection

MIGRATE_LOCK = 0x6465736C  # the advisory lock migrating takes (the writers' one, plus one)


def folder() -> Path:
    return migrations_dir() / "postgresql"


def available() -> list[tuple[int, str, Path]]:
    found = sorted((int(p.name[:4]), p.name, p) for p in folder().iterdir()
                   if migrations._NAME_RE.match(p.name))
    numbers = [n for n, _, _ in found]
    newest = migrations.latest_version()
    if not numbers or numbers != list(range(numbers[0], numbers[0] + len(numbers))) \
            or numbers[-1] != newest:
        raise RuntimeError(f"migrations in {folder()} must run without a gap to schema {newest} "
                           f"(that of the SQLite ones): {numbers}")
    return found


def latest_version() -> int:
    return migrations.latest_version()


def _has_table(conn: PgConnection, name: str) -> bool:
    return bool(conn.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0])


def version(conn: PgConnection) -> int:
    """The newest migration recorded (0: not a library yet)."""
    if not _has_table(conn, "schema_migrations"):
        return 0
    found = conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]
    return int(found)


def check_compatible(conn: PgConnection, where: str) -> int:
    """Refuse a library written by a newer desk, or a database holding something else."""
    found = version(conn)
    newest = latest_version()
    if found > newest:
        raise LibraryTooNew(
            f"{where} was written by a newer desk (schema {found}; this desk knows up to "
            f"{newest}); upgrade desk to open it. The library was left untouched.")
    if found == 0:
        tables = conn.execute("SELECT count(*) FROM information_schema.tables "
                              "WHERE table_schema = current_schema()").fetchone()[0]
        if tables:
            raise StorageError(f"{where} is a PostgreSQL database but not a desk library "
                               "(it has tables of its own); give desk an empty database")
    return found


def migrate(conn: PgConnection, where: str) -> list[int]:
    """Apply every pending migration inside one transaction. Returns the versions applied."""
    check_compatible(conn, where)
    conn.execute("BEGIN")
    try:
        conn.execute(f"SELECT pg_advisory_xact_lock({MIGRATE_LOCK})")
        found = check_compatible(conn, where)  # another desk may have migrated meanwhile
        pending = [(n, name, p) for n, name, p in available() if n > found]
        if not pending:
            conn.execute("ROLLBACK")
            return []
        if found == 0:
            conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                          "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
        for number, name, file in pending:
            conn.execute(file.read_text(encoding="utf-8"))
            conn.execute("INSERT INTO schema_migrations (version, name, applied_at) "
                         "VALUES (?, ?, ?)", (number, name, now))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return [n for n, _, _ in pending]
