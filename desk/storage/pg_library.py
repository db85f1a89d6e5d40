"""Opening a library on PostgreSQL (``Library.open("postgresql://user@host/dbname")``):
connect, refuse a newer schema or a database that is not a library, migrate an empty or
older one, seed a new one with the welcome article, as ``Library.open`` does for a file."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from desk.storage import pg_migrations
from desk.storage.errors import LibraryReadOnly, StorageError
from desk.storage.pg_errors import redacted
from desk.storage.postgres import PgConnection, PgEngine, connect

if TYPE_CHECKING:
    from desk.storage import Library

log = logging.getLogger(__name__)


def _library(cls: type[Library], conn: PgConnection, url: str, *, read_only: bool,
             busy_timeout_ms: int) -> Library:
    where = redacted(url)
    return cls(None, Path(where), read_only=read_only,
               engine=PgEngine(conn, url, busy_timeout_ms), where=where)


def open_postgresql(cls: type[Library], url: str, *, seed: bool, busy_timeout_ms: int,
                    read_only: bool = False) -> Library:
    started = time.perf_counter()
    where = redacted(url)
    conn = connect(url, busy_timeout_ms=busy_timeout_ms, read_only=read_only)
    library = _library(cls, conn, url, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
    try:
        with library.errors(opening=True):
            found = pg_migrations.check_compatible(conn, where)
            if read_only:
                if found == 0:
                    raise StorageError(f"{where} is an empty database, not a desk library")
                if found < pg_migrations.latest_version():
                    raise LibraryReadOnly(
                        f"the library {where} needs upgrading to schema "
                        f"{pg_migrations.latest_version()}; open it once with desk (not only to "
                        "read) to upgrade it")
            else:
                applied = pg_migrations.migrate(conn, where)
                if applied:
                    log.info("migrated the library %s to schema %d (applied %s)", where,
                             applied[-1], ", ".join(map(str, applied)))
                if seed and applied and found == 0:
                    from desk.storage.welcome import seed_welcome

                    seed_welcome(library)
    except BaseException:
        library.close()
        raise
    log.info("opened the library %s (PostgreSQL, schema %d%s) in %.3f s", where,
             library.schema_version, ", read-only" if read_only else "",
             time.perf_counter() - started)
    return library


def reconnect(library: Library, *, read_only: bool) -> Library:
    """The same library on a connection of its own (a worker thread, a reader)."""
    engine = _engine(library)
    conn = connect(engine.url, busy_timeout_ms=engine.busy_timeout_ms, read_only=read_only)
    return _library(type(library), conn, engine.url, read_only=read_only,
                    busy_timeout_ms=engine.busy_timeout_ms)


def new_connection(library: Library) -> PgConnection:
    """A fresh connection for ``library`` (from any thread): what ``use_connection`` puts in
    place of one the server cut. StorageError in one line while the server is unreachable."""
    engine = _engine(library)
    return connect(engine.url, busy_timeout_ms=engine.busy_timeout_ms,
                   read_only=library.read_only)


def use_connection(library: Library, conn: PgConnection) -> None:
    """``library`` goes on with ``conn`` (on the thread that uses the library)."""
    _engine(library).use(conn)
    library.conn = conn


def url_of(library: Library) -> str:
    """The URL ``library`` was opened with (its password too, if it had one: not for show)."""
    return _engine(library).url


def _engine(library: Library) -> PgEngine:
    engine = library.engine
    if not isinstance(engine, PgEngine):
        raise StorageError(f"the library {library.where} is not on PostgreSQL")
    return engine
