"""Where desk finds its resources, its schema, the default library and its own state (log).

A frozen desk (the one-folder bundle of packaging/bundle/) carries resources/, db/ and a
prebuilt spelling index in its own folder, which it only reads: everything it writes goes
to the user's folders, as from Python.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

APP_NAME = "desk"

#: The bundle's folder holding the prebuilt spelling index (see packaging/bundle/desk.spec).
BUNDLED_INDEX_FOLDER = "spelling-index"


def bundle_dir() -> Path | None:
    """The data folder of a frozen desk (PyInstaller's ``sys._MEIPASS``); None from Python."""
    base = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and base:
        return Path(base)
    return None


def _package_dir(package: str) -> Path:
    """The folder of a data package (desk._resources, desk._db): where its import found
    it. importlib.resources only when that says nothing: its import (tempfile, shutil) cost
    ~10 ms of every window's start."""
    import importlib

    locations = list(getattr(importlib.import_module(package), "__path__", None) or ())
    if locations:
        return Path(locations[0])
    from importlib import resources

    return Path(str(resources.files(package)))


def resource_path(rel: str = "") -> Path:
    """A file under the top-level ``resources/`` folder (packaged as ``desk._resources``)."""
    frozen = bundle_dir()
    if frozen is not None:
        return frozen / "resources" / rel
    return _package_dir("desk._resources") / rel


def migrations_dir() -> Path:
    """The numbered SQL migrations of the top-level ``db/`` folder (packaged as ``desk._db``)."""
    frozen = bundle_dir()
    if frozen is not None:
        return frozen / "db"
    return _package_dir("desk._db")


def default_library_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "library.db"


def is_database_url(target: object) -> bool:
    """A PostgreSQL library's URL (``postgresql://user@host/dbname``), not a file."""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


_USER_PASSWORD = re.compile(r"([A-Za-z]:/{0,2}[^:/@\s]*):[^@/\s]*@")  # scheme:[//]user:pw@
_QUERY_PASSWORD = re.compile(r"([?&]password=)[^&\s]*", re.IGNORECASE)
# "word:" or "word:/" at the start: a URL's scheme (two letters at least: C:/ is a drive)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:(?:/|(?=[^\\]*@))")


def masked(text: str) -> str:
    """``text`` with the password of any URL in it as ``***`` (``user:pw@`` and
    ``?password=``): what a message or the log may show of a command line or a URL."""
    return _QUERY_PASSWORD.sub(r"\1***", _USER_PASSWORD.sub(r"\1:***@", text))


def lookalike_url(target: object) -> bool:
    """A URL that is not a team library's (``postgresql://``): a mistyped scheme
    (``postgresql:/``, ``Postgresql://``, ``pg://``, ``postgresql:user@host``), which must
    be refused, not taken for a file name (a local library would be made in its place)."""
    text = str(target)
    return not is_database_url(text) and _SCHEME.match(text) is not None


def url_without_password(url: str) -> str:
    """A team library's URL as settings and the window keep it: never with its password
    (libpq finds that in ~/.pgpass or $PGPASSWORD, or the window asks for it)."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
    except ValueError:  # malformed (opening it says so): the user part's password cut anyway
        return re.sub(r"^([a-z]+://[^:@/]*):[^@/]*@", r"\1@", url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        netloc = f"{userinfo.split(':', 1)[0]}@{host}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "password"]
    return urlunsplit(parts._replace(netloc=netloc, query=urlencode(query, safe="/")))


def team_label(url: str) -> str:
    """``team: dbname on host`` (the window's title and status bar)."""
    from urllib.parse import parse_qs, urlsplit

    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port that is no number raises here)
    except ValueError:
        return "team: (a malformed postgresql:// URL)"
    query = parse_qs(parts.query)
    host = parts.hostname or (query.get("host") or ["localhost"])[0]
    dbname = parts.path.lstrip("/") or (query.get("dbname") or [parts.username or ""])[0]
    return f"team: {dbname} on {host}"


def library_path(explicit: str | os.PathLike | None = None) -> Path | str:
    """--db wins, then $DESK_DB, then the platform's user data folder. A PostgreSQL URL is
    returned as it is (a str: Path would fold its "//")."""
    for given in (explicit, os.environ.get("DESK_DB")):
        if given:
            if is_database_url(given) or lookalike_url(given):  # the latter refused on open
                return given
            return Path(given).expanduser()
    return default_library_path()


def config_dir() -> Path:
    """The platform's user configuration folder: what the window and the command line
    share (the editor's name, desk.editor_name)."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def prebuilt_index_dir() -> Path | None:
    """The read-only folder of a prebuilt spelling index: the bundle's own, when frozen
    and the bundle has one; None otherwise (the index is then built into cache_dir())."""
    frozen = bundle_dir()
    if frozen is not None and (frozen / BUNDLED_INDEX_FOLDER).is_dir():
        return frozen / BUNDLED_INDEX_FOLDER
    return None


def state_dir() -> Path:
    """The platform's user state folder: the crash journal, pending backups, the log."""
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, appauthor=False)


def log_path() -> Path:
    """desk's log file (rotated: desk.log, desk.log.1, ...), for a bug report."""
    return state_dir() / "desk.log"
