"""The library: one SQLite file (WAL, FTS5) behind a facade with managers.

SQL lives only in this package. Everything returns plain records from desk.model.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path

from sqlite_utils import Database

from desk.model import DeskError
from desk.storage import migrations
from desk.storage.articles import Articles
from desk.storage.dictionary import Dictionary
from desk.storage.exports import ExportLog
from desk.storage.materials import Materials
from desk.storage.quotes import Quotes
from desk.storage.revisions import Revisions
from desk.storage.sources import Sources
from desk.storage.status_log import StatusLog

BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"


class Library:
    """An open library. Use ``Library.open(path)``; close it when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.path = path
        self.conn = conn
        self.db = Database(conn)
        self.articles = Articles(self)
        self.revisions = Revisions(self)
        self.sources = Sources(self)
        self.quotes = Quotes(self)
        self.dictionary = Dictionary(self)
        self.exports = ExportLog(self)
        self.materials = Materials(self)
        self.status_log = StatusLog(self)

    # -- opening -------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike, *, seed: bool = True) -> "Library":
        path = Path(path)
        is_new = not path.exists() or path.stat().st_size == 0
        if not is_new:
            _check_is_sqlite(path)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DeskError(f"cannot create the library folder {path.parent}: {exc.strerror}")
            if not os.access(path.parent, os.W_OK):
                raise DeskError(f"cannot create a library in {path.parent}: permission denied")
        try:
            conn = sqlite3.connect(
                path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise DeskError(f"cannot open the library {path}: {exc}")
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            migrations.check_compatible(conn, path)  # before anything writes to the file
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            applied = migrations.migrate(conn, path)
            library = cls(conn, path)
            if seed and applied and applied[0] == 1:
                from desk.storage.welcome import seed_welcome

                seed_welcome(library)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise DeskError(f"cannot open the library {path}: {exc}")
        except BaseException:
            conn.close()
            raise
        return library

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self):
        """A write transaction (BEGIN IMMEDIATE, so two processes queue instead of failing);
        nested calls become savepoints."""
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return migrations.user_version(self.conn)

    # -- backup ----------------------------------------------------------------
    def backup(self, target: str | os.PathLike, *, overwrite: bool = False) -> Path:
        """A consistent copy through SQLite's backup API, written beside the target and
        renamed into place, so a failed backup never leaves a half-written file."""
        target = Path(target)
        if target.exists() and not overwrite:
            raise DeskError(f"{target} exists; choose another name or use --force")
        if target.resolve() == self.path.resolve():
            raise DeskError("the backup cannot replace the library itself")
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise DeskError(f"{folder} is not a folder")
        fd, tmp = tempfile.mkstemp(prefix=".desk-backup-", suffix=".db", dir=folder)
        os.close(fd)
        try:
            dest = sqlite3.connect(tmp)
            try:
                self.conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return target


def _check_is_sqlite(path: Path) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except IsADirectoryError:
        raise DeskError(f"{path} is a folder, not a desk library")
    except OSError as exc:
        raise DeskError(f"cannot read the library {path}: {exc.strerror}")
    if head != SQLITE_MAGIC:
        raise DeskError(f"{path} is not a desk library (not an SQLite database)")


__all__ = ["Library"]
