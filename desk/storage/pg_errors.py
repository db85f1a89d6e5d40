"""PostgreSQL's errors in desk's words: a connection that failed, a statement the server
refused (by SQLSTATE, the kinds of desk.storage.errors), a connection it closed. Used by
desk.storage.postgres; the URL in every message has no password (``redacted``)."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import psycopg
from psycopg import errors as pg_errors

from desk.paths import masked
from desk.storage.errors import (
    ConnectionLost,
    LibraryFull,
    LibraryLocked,
    LibraryReadOnly,
    PasswordRefused,
    QueryInterrupted,
    StorageError,
)


def redacted(url: str) -> str:
    """The URL without its password, for messages and the log."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port that is no number raises here)
    except ValueError:
        return "(a malformed postgresql:// URL)"  # it may hold a password: not repeated
    return masked(url)  # user:pw@ and ?password= (desk.paths)


def connect_error(exc: psycopg.Error, url: str) -> StorageError:
    """Why a connection failed, in one line an editor (or an admin) can act on."""
    where = redacted(url)
    head = f"cannot open the library {where}"
    text = " ".join(str(exc).split())
    low = text.lower()
    parts = urlsplit(url)
    user = parts.username or os.environ.get("PGUSER") or "(your login name)"
    dbname = parts.path.lstrip("/") or user
    if "no password supplied" in low:
        return PasswordRefused(f"{head}: the server asks for the password of the PostgreSQL "
                               f"user {user}")
    if "password authentication failed" in low:
        return PasswordRefused(f"{head}: the server refused the password of the PostgreSQL "
                               f"user {user}")
    if "database" in low and "does not exist" in low:
        return StorageError(f"{head}: the server has no database {dbname!r}; create it first "
                            f"(createdb {dbname})")
    if "role" in low and "does not exist" in low:
        return StorageError(f"{head}: the server has no PostgreSQL user {user!r}")
    if ("connection refused" in low or "no such file or directory" in low
            or "could not connect" in low or "timeout expired" in low
            or "could not translate host name" in low):
        return StorageError(f"{head}: no PostgreSQL server answers there (is it running, and "
                            "is the host and port right?)")
    return StorageError(f"{head}: {text}")


def translate(exc: psycopg.Error, where: str, *, opening: bool = False) -> StorageError:
    """PostgreSQL's error as desk's, by SQLSTATE (the same kinds as desk.storage.errors)."""
    text = " ".join(str(exc).split()).split(" LINE ")[0]
    head = f"cannot open the library {where}: it" if opening else f"the library {where}"
    state = exc.sqlstate or ""
    if isinstance(exc, pg_errors.QueryCanceled) and state == "57014":
        return QueryInterrupted(f"the library {where}: the read was cancelled")
    if state in ("55P03", "40001", "40P01"):
        return LibraryLocked(f"{head} is busy: another desk or program is writing to it; "
                             "try again in a moment")
    if state == "42501":
        return LibraryReadOnly(f"{head}: this PostgreSQL user may not write there ({text}); "
                               "nothing was changed. The database's owner grants it (GRANT "
                               "... ON ALL TABLES IN SCHEMA public; see the README)")
    if state == "25006":
        return LibraryReadOnly(f"{head} is read-only here ({text}); nothing was changed")
    if state == "53100":
        return LibraryFull(f"{head} is on a full disk on the server; nothing was changed")
    if state.startswith("23"):
        return StorageError(f"{head} refused the change: {text}")
    if state.startswith("08") or isinstance(exc, psycopg.OperationalError):
        return StorageError(f"{head}: the connection to the PostgreSQL server failed ({text})")
    return StorageError(f"{head}: {text}")


def lost(exc: psycopg.Error, where: str) -> ConnectionLost:
    """The server closed this connection: one line saying so, and what to do."""
    text = " ".join(str(exc).split()).split(" LINE ")[0]
    return ConnectionLost(f"the library {where}: the connection to the PostgreSQL server was "
                          f"lost ({text}); reopen the library once the server is back")
