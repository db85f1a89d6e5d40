"""The library: one SQLite file (WAL, FTS5), or a PostgreSQL database (a team library,
desk.storage.postgres), behind a facade with managers that run the same SQL on both
(desk.storage.engine holds what differs).

SQL lives only in this package, and so does sqlite3: whatever SQLite reports while opening,
in a transaction or in a manager's call leaves the package as one of desk's own errors
(desk.storage.errors: locked, damaged, too new, read-only, disk full). Everything returns
plain records from desk.model.

The article and material FTS5 indexes are declared as sqlite-utils' ``enable_fts`` declares
them (``<table>_fts`` with content="<table>", triggers ``<table>_ai/_ad/_au``; db/0006), so
``sqlite-utils search`` and Datasette's ``?_search=`` use them as they are; desk's own
search (articles.py, materials.py, sources.py) adds prefixes and bm25 order to the same.

Who did what (schema 10): a library carries the name of the editor using it (``editor``,
given to ``open`` or set later; "" records nothing), and every change it writes is stamped
with it: the article's last change, each revision, status change and export, and the
editor's personal dictionary words. The faces say who is editing (desk.editor_name: the
command line at open, the window from its Preferences); storage never guesses.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sqlite3
import time
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from desk.paths import is_database_url, lookalike_url, masked
from desk.storage import files, migrations
from desk.storage.articles import Articles
from desk.storage.engine import Engine, SqliteEngine
from desk.storage.errors import (
    LibraryCorrupt,
    LibraryFull,
    LibraryReadOnly,
    QueryInterrupted,
    StorageError,
    sqlite_version,
    storage_errors,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

    from desk.storage.check_results import CheckResults
    from desk.storage.dictionary import Dictionary
    from desk.storage.exports import ExportLog
    from desk.storage.imports import ImportBatches
    from desk.storage.locks import EditLocks
    from desk.storage.materials import Materials
    from desk.storage.pg_listen import Change, ChangeListener
    from desk.storage.queue import QueueRows
    from desk.storage.quotes import Quotes
    from desk.storage.revisions import Revisions
    from desk.storage.sources import Sources
    from desk.storage.status_log import StatusLog

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"


class Library:
    """An open library. Use ``Library.open(path)`` (a file, or a ``postgresql://`` URL);
    close it when done."""

    def __init__(self, conn: sqlite3.Connection | None, path: Path, *, read_only: bool = False,
                 engine: Engine | None = None, where: str | None = None, editor: str = ""):
        self.path = path
        self.editor = editor
        self.read_only = read_only
        if engine is None:
            assert conn is not None, "an SQLite library needs its connection"
            engine = SqliteEngine(conn)
        self.engine = engine
        self.conn = engine.conn
        self._pg_marks = 0  # change_mark on PostgreSQL
        # Where the library is, for messages: its file, or its URL without the password.
        self.where = where if where is not None else str(path)
        self.articles = Articles(self)
        # the other managers are made (and their modules imported) when first used: the
        # window's start lists articles and needs none of them before its first paint

    @functools.cached_property
    def revisions(self) -> Revisions:
        from desk.storage.revisions import Revisions

        return Revisions(self)

    @functools.cached_property
    def sources(self) -> Sources:
        from desk.storage.sources import Sources

        return Sources(self)

    @functools.cached_property
    def quotes(self) -> Quotes:
        from desk.storage.quotes import Quotes

        return Quotes(self)

    @functools.cached_property
    def dictionary(self) -> Dictionary:
        from desk.storage.dictionary import Dictionary

        return Dictionary(self)

    @functools.cached_property
    def exports(self) -> ExportLog:
        from desk.storage.exports import ExportLog

        return ExportLog(self)

    @functools.cached_property
    def materials(self) -> Materials:
        from desk.storage.materials import Materials

        return Materials(self)

    @functools.cached_property
    def status_log(self) -> StatusLog:
        from desk.storage.status_log import StatusLog

        return StatusLog(self)

    @functools.cached_property
    def imports(self) -> ImportBatches:
        from desk.storage.imports import ImportBatches

        return ImportBatches(self)

    @functools.cached_property
    def check_results(self) -> CheckResults:
        from desk.storage.check_results import CheckResults

        return CheckResults(self)

    @functools.cached_property
    def queue(self) -> QueueRows:
        from desk.storage.queue import QueueRows

        return QueueRows(self)

    @functools.cached_property
    def locks(self) -> EditLocks:
        """Editing locks (desk.storage.locks)."""
        from desk.storage.locks import EditLocks

        return EditLocks(self)

    @property
    def db(self) -> Database:
        """sqlite-utils' view of an SQLite library (not of a PostgreSQL one)."""
        if not isinstance(self.engine, SqliteEngine):
            raise StorageError(f"the library {self.where} is not an SQLite file")
        return self.engine.db

    @property
    def is_postgresql(self) -> bool:
        return self.engine.name == "postgresql"

    @contextlib.contextmanager
    def errors(self, *, opening: bool = False) -> Iterator[None]:
        """Run the block with the engine's errors (and a full disk) raised as desk's own."""
        try:
            yield
        except Exception as exc:
            mapped = self.engine.desk_error(exc, self.where, opening=opening)
            if mapped is None:
                raise
            raise mapped from exc

    # -- opening -------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, seed: bool = True,
             busy_timeout_ms: int = BUSY_TIMEOUT_MS, editor: str = "") -> Library:
        """Open (creating and migrating as needed), as ``editor`` (the name its changes are
        stamped with; see the module docstring). A library whose file or folder cannot be
        written opens read-only: reading works, every write transaction raises
        LibraryReadOnly with one line. SQLite's errors leave it as desk's own
        (desk.storage.errors): locked, damaged, written by a newer desk, read-only, disk full."""
        if is_database_url(path):
            opened: Library = _pg_library().open_postgresql(cls, str(path), seed=seed,
                                                            busy_timeout_ms=busy_timeout_ms)
            opened.editor = editor
            return opened
        refuse_lookalike(path)
        path = Path(path)
        started = time.perf_counter()
        files.sweep_pending_backups()  # temporaries of backups killed mid-copy
        created = not path.exists()
        is_new = created or path.stat().st_size == 0
        if not is_new:
            _check_is_sqlite(path)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(
                    f"cannot create the library folder {path.parent}: {exc.strerror}") from exc
            if not os.access(path.parent, os.W_OK):
                why = "the disk is read-only" if _on_read_only_disk(path.parent) \
                    else "permission denied"
                raise LibraryReadOnly(f"cannot create a library in {path.parent}: {why}")
        read_only = not is_new and not _writable(path)
        try:
            with storage_errors(path, opening=True):
                conn = _connect(path, read_only, busy_timeout_ms)
            try:
                with storage_errors(path, opening=True):
                    library = cls._opened(conn, path, read_only=read_only, seed=seed)
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
                raise
        except LibraryFull:
            if created:  # "nothing was changed": not even the stub of a new library
                _remove_new_library(path)
            raise
        library.editor = editor
        log.info("opened the library %s (schema %d%s) in %.3f s", path, library.schema_version,
                 ", read-only" if read_only else "", time.perf_counter() - started)
        return library

    @classmethod
    def _opened(cls, conn: sqlite3.Connection, path: Path, *, read_only: bool,
                seed: bool) -> Library:
        migrations.check_compatible(conn, path)  # before anything writes to the file
        if read_only:
            pending = migrations.latest_version() - migrations.user_version(conn)
            if pending:
                raise LibraryReadOnly(
                    f"the library {path} needs upgrading to schema {migrations.latest_version()} "
                    "but its file or folder is read-only; open it once where it can be written")
            return cls(conn, path, read_only=True)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        applied = migrations.migrate(conn, path)
        if applied:
            log.info("migrated the library %s to schema %d (applied %s)", path, applied[-1],
                     ", ".join(map(str, applied)))
        library = cls(conn, path)
        if seed and applied and applied[0] == 1:
            from desk.storage.welcome import seed_welcome

            seed_welcome(library)
        return library

    @classmethod
    def open_read_only(cls, path: str | os.PathLike[str], *,
                       busy_timeout_ms: int = BUSY_TIMEOUT_MS, editor: str = "") -> Library:
        """Open an existing library for reading only (SQLite ``mode=ro``): nothing is created,
        migrated, seeded or swept, and every write transaction raises LibraryReadOnly."""
        if is_database_url(path):
            opened: Library = _pg_library().open_postgresql(
                cls, str(path), seed=False, busy_timeout_ms=busy_timeout_ms, read_only=True)
            opened.editor = editor  # whose personal words a check accepts
            return opened
        refuse_lookalike(path)
        path = Path(path)
        if not path.exists():
            raise StorageError(f"no library at {path}")
        _check_is_sqlite(path)
        # No -wal file: no desk has the library open and all it wrote is in the file, so
        # it is read as immutable; SQLite would otherwise leave a -wal and -shm behind.
        idle = not Path(f"{path}-wal").exists()
        with storage_errors(path, opening=True):
            conn = _connect(path, True, busy_timeout_ms, immutable=idle)
        try:
            with storage_errors(path, opening=True):
                migrations.check_compatible(conn, path)
                if migrations.user_version(conn) < migrations.latest_version():
                    raise LibraryReadOnly(
                        f"the library {path} needs upgrading to schema "
                        f"{migrations.latest_version()}; open it once with desk (not only to "
                        "read) to upgrade it")
                library = cls(conn, path, read_only=True, editor=editor)
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.close()
            raise
        log.info("opened the library %s (schema %d, read-only)", path, library.schema_version)
        return library

    def another_connection(self) -> Library:
        """The same library on a connection of its own, for a worker thread (its transactions
        are its own). Unlike ``open`` it never opens the file itself: closing any other file
        descriptor on the database drops every POSIX lock this process holds on it (SQLite's
        "how to corrupt" 2.2), which let another process write under an open transaction."""
        if self.is_postgresql:
            other: Library = _pg_library().reconnect(self, read_only=self.read_only)
            other.editor = self.editor
            return other
        with storage_errors(self.path, opening=True):
            conn = _connect(self.path, self.read_only, BUSY_TIMEOUT_MS)
            if not self.read_only:
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA synchronous = NORMAL")
        return Library(conn, self.path, read_only=self.read_only, editor=self.editor)

    def close(self) -> None:
        self.engine.close()

    def reader(self) -> Library:
        """A second, read-only connection to this library, for one worker thread (the list's
        search): under WAL its reads neither wait for this connection's writes nor block
        them, and it sees each write once committed."""
        if self.is_postgresql:
            reader: Library = _pg_library().reconnect(self, read_only=True)
            reader.editor = self.editor
            return reader
        with storage_errors(self.path, opening=True):
            conn = _connect(self.path, True, BUSY_TIMEOUT_MS)
        return Library(conn, self.path, read_only=True, editor=self.editor)

    # -- a team library's connection -------------------------------------------------
    @property
    def connection_lost(self) -> bool:
        """The PostgreSQL server cut this library's connection (stopped, restarted, the
        network went): every call fails with ConnectionLost until ``reconnected``."""
        return self.engine.connection_lost()

    @property
    def backend_pid(self) -> int | None:
        """The server process behind this connection (PostgreSQL; None for a file): the
        sender a change notification names (desk.storage.pg_listen)."""
        return self.engine.backend_pid()

    def new_connection(self) -> object:
        """A fresh connection to this library's server, from any thread (a background retry
        while it is unreachable): StorageError in one line while it still is. Hand it to
        ``reconnected`` on the thread that uses the library."""
        return _pg_library().new_connection(self)

    def reconnected(self, conn: object) -> None:
        """Go on with ``conn`` (from ``new_connection``) in place of the lost connection."""
        _pg_library().use_connection(self, conn)

    def listen(self, on_changes: Callable[[list[Change]], None], *,
               on_state: Callable[[bool], None] | None = None) -> ChangeListener:
        """A started listener: ``on_changes(changes)`` hears, on the listener's thread, what
        other connections commit to this team library (desk.storage.pg_listen)."""
        listener: ChangeListener = _pg_listen().ChangeListener(
            _pg_library().url_of(self), on_changes, on_state=on_state)
        listener.start()
        return listener

    def interrupt(self) -> None:
        """Cancel the statement this library's connection is running, from any thread: it
        raises QueryInterrupted there (a search worker's stale query). Nothing running:
        nothing happens."""
        self.engine.interrupt()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self, *, per_article: bool = False) -> Iterator[Library]:
        """A write transaction (BEGIN IMMEDIATE, so two processes queue instead of failing);
        nested calls become savepoints. SQLite's errors leave it as desk's own
        (desk.storage.errors): locked, read-only, disk full, damaged. ``per_article``: it
        writes one article's own rows only, that article's row read first ``FOR UPDATE``
        (Engine.begin: on PostgreSQL such saves of different articles do not queue)."""
        if self.conn.in_transaction:
            with self.errors(), self.engine.savepoint():
                yield self
            return
        if self.read_only:
            raise LibraryReadOnly(f"the library {self.path} is read-only here (its file or folder "
                                  "cannot be written); nothing was changed")
        try:
            with self.errors():
                self.engine.begin(per_article=per_article)
                try:
                    yield self
                except BaseException:
                    if self.conn.in_transaction:
                        self.engine.rollback()
                    raise
                else:
                    self.engine.commit()
        except StorageError as exc:
            if self.conn.in_transaction:
                with contextlib.suppress(Exception):
                    self.engine.rollback()
            log.info("a write transaction failed: %s", exc)
            raise

    @property
    def schema_version(self) -> int:
        with self.errors():
            return self.engine.schema_version()

    @property
    def sqlite(self) -> sqlite3.Connection:
        """The sqlite3 connection of an SQLite library (PRAGMAs, the backup API)."""
        if not isinstance(self.engine, SqliteEngine):
            raise StorageError(f"the library {self.where} is not an SQLite file")
        return self.engine.sqlite

    def data_version(self) -> int:
        """A number that changes whenever another connection (another desk, the command
        line) has committed to the library since the last call; this connection's own
        commits leave it alone (SQLite's PRAGMA data_version). The window polls it.
        PostgreSQL has no such number: always 0 there (its changes are heard, pg_listen)."""
        if self.is_postgresql:
            return 0
        with storage_errors(self.path):
            return int(self.sqlite.execute("PRAGMA data_version").fetchone()[0])

    def change_mark(self) -> tuple[int, int]:
        """Moves with every change to the library, this connection's or another's (rows
        this connection changed, and data_version): readers cache what they read by it."""
        if self.is_postgresql:  # no change counter there yet: every mark is new
            self._pg_marks += 1
            return (self._pg_marks, 0)
        with storage_errors(self.path):
            return (self.sqlite.total_changes, self.data_version())

    # -- files -----------------------------------------------------------------
    def backup(self, target: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """A consistent copy through SQLite's backup API (see desk.storage.files); a team
        library's is an SQLite library of one snapshot of it (desk.storage.moving)."""
        if self.is_postgresql:
            from desk.storage.moving import backup_to_file

            return backup_to_file(self, target, overwrite=overwrite)
        return files.backup(self.sqlite, self.path, target, overwrite=overwrite)

    def refuse_target(self, target: str | os.PathLike[str], what: str = "the output") -> None:
        """Raise DeskError when ``target`` is this library or one of its side files."""
        if self.is_postgresql:
            return  # the library is on the server: no file of it can be written over
        files.refuse_library_target(self.path, target, what)


def _pg_library() -> types.ModuleType:
    """desk.storage.pg_library, imported (with psycopg) only for a PostgreSQL library."""
    try:
        import desk.storage.pg_library as pg_library
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("psycopg"):
            raise
        raise StorageError("a library on PostgreSQL needs psycopg 3: pip install "
                           "'desk[postgresql]' (or 'psycopg[binary]')") from None
    return pg_library


def _pg_listen() -> types.ModuleType:
    _pg_library()  # psycopg is there (else the one-line error saying how to install it)
    import desk.storage.pg_listen as pg_listen

    return pg_listen


def _on_read_only_disk(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # cannot tell, or no statvfs here
        return False


def _remove_new_library(path: Path) -> None:
    """Take away what a failed first open of a new library left: its file and SQLite's."""
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _writable(path: Path) -> bool:
    """SQLite needs to write the file and, for its -wal/-shm files, the folder."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _connect(path: Path, read_only: bool, busy_timeout_ms: int, *,
             immutable: bool = False) -> sqlite3.Connection:
    def connect(target: str | Path, *, uri: bool = False) -> sqlite3.Connection:
        conn = sqlite3.connect(target, isolation_level=None, timeout=busy_timeout_ms / 1000,
                               check_same_thread=False, uri=uri)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        return conn

    if not read_only:
        return connect(path)
    base = "file:" + quote(str(path.resolve()))
    if immutable:
        return connect(base + "?mode=ro&immutable=1", uri=True)
    conn = connect(base + "?mode=ro", uri=True)
    try:  # a WAL library in a read-only folder has no -shm to share: read it as immutable
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    return connect(base + "?mode=ro&immutable=1", uri=True)


def refuse_lookalike(target: str | os.PathLike[str]) -> None:
    """A mistyped team library URL is refused: taken for a file name, it would make a new
    local library (in a folder named after the server, password and all)."""
    if lookalike_url(target):
        raise StorageError(f"{masked(str(target))} is not a library: a team library's URL "
                           "starts with postgresql:// (e.g. postgresql://user@host/dbname); "
                           "a library file is a path")


def _check_is_sqlite(path: Path) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except IsADirectoryError:
        raise StorageError(f"{path} is a folder, not a desk library") from None
    except OSError as exc:
        raise StorageError(f"cannot read the library {path}: {exc.strerror}") from exc
    if head != SQLITE_MAGIC:
        raise LibraryCorrupt(f"{path} is not a desk library (not an SQLite database)")


__all__ = ["Library", "QueryInterrupted", "is_database_url", "sqlite_version"]
