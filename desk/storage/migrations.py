"""Numbered SQL migrations from db/, applied in one transaction and recorded."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from desk.paths import migrations_dir
from desk.storage.errors import LibraryTooNew, StorageError

_NAME_RE = re.compile(r"^(\d{4})_[\w-]+\.sql$")


def available(folder: Path | None = None) -> list[tuple[int, str, Path]]:
    folder = folder or migrations_dir()
    found = []
    for path in folder.iterdir():
        match = _NAME_RE.match(path.name)
        if match:
            found.append((int(match.group(1)), path.name, path))
    found.sort()
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations in {folder} are not numbered 1..N: {numbers}")
    return found


def latest_version() -> int:
    return len(available())


def user_version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def recorded_version(conn: sqlite3.Connection) -> int:
    """The newest migration recorded in schema_migrations (0 without the table): a newer desk
    may have recorded one there even when user_version says otherwise."""
    has_table = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                             "AND name = 'schema_migrations'").fetchone()[0]
    if not has_table:
        return 0
    version: int = conn.execute("SELECT ifnull(max(version), 0) FROM schema_migrations").fetchone()[0]
    return version


def check_compatible(conn: sqlite3.Connection, path: Path) -> int:
    """Refuse a library written by a newer desk, or a database that is not a library."""
    version = user_version(conn)
    newest = latest_version()
    seen = max(version, recorded_version(conn))
    if seen > newest:
        raise LibraryTooNew(
            f"{path} was written by a newer desk (schema {seen}; this desk knows up to "
            f"{newest}); upgrade desk to open it. The library was left untouched."
        )
    if version == 0:
        tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).fetchone()[0]
        if tables:
            raise StorageError(f"{path} is an SQLite database but not a desk library")
    return version


def migrate(conn: sqlite3.Connection, path: Path) -> list[int]:
    """Apply every pending migration inside one transaction. Returns the versions applied."""
    version = check_compatible(conn, path)
    pending = [(n, name, p) for n, name, p in available() if n > version]
    if not pending:
        return []
    now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    script = ["BEGIN IMMEDIATE;"]
    if version == 0:
        script.append(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL);"
        )
    for number, name, file in pending:
        script.append(file.read_text(encoding="utf-8"))
        script.append(
            f"INSERT INTO schema_migrations (version, name, applied_at) "
            f"VALUES ({number}, '{name}', '{now}');"
        )
    script.append(f"PRAGMA user_version = {pending[-1][0]};")
    script.append("COMMIT;")
    try:
        conn.executescript("\n".join(script))
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error) and user_version(conn) >= pending[-1][0]:
            return []  # another desk opened the same new library and migrated it first
        raise
    return [n for n, _, _ in pending]
