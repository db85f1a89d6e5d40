"""Moving a whole library in and out of a server: ``desk migrate SRC DST`` (a file onto a
team library and back, file to file, server to server), ``desk copy TARGET`` (the open
library into TARGET) and ``desk backup`` of a team library (into a file).

This module opens the two ends and desk.storage.transfer copies between them. All or
nothing either way: a server target is written in one transaction (--replace empties it in
that same transaction); a file target is written as a new library in a hidden temporary
file beside it, renamed into place only once the copy is complete and verified. A database
that was not a library yet is made one (the schema is created) when it is opened, so a
copy into it that fails leaves it an empty library.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desk.model import DeskError
from desk.paths import is_database_url
from desk.storage import BUSY_TIMEOUT_MS, SQLITE_MAGIC, Library, files, refuse_lookalike
from desk.storage.errors import StorageError
from desk.storage.transfer import TABLES, Copied, Progress, copy_library


@dataclass(frozen=True)
class Moved:
    copied: Copied
    where: str  # the target, for messages (a URL without its password)


def open_source(spec: str | os.PathLike[str], *,
                busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Library:
    """The library to copy from: it must be one already (nothing is created). A file is
    opened as desk opens it (upgraded if older); a server's only to read."""
    if is_database_url(spec):
        return Library.open_read_only(spec, busy_timeout_ms=busy_timeout_ms)
    refuse_lookalike(spec)
    path = Path(spec).expanduser()
    if not path.exists():
        raise StorageError(f"no library at {path}")
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a desk library")
    if path.stat().st_size == 0:
        raise StorageError(f"{path} is an empty file, not a desk library")
    return Library.open(path, seed=False, busy_timeout_ms=busy_timeout_ms)


def migrate(source_spec: str | os.PathLike[str], target_spec: str | os.PathLike[str], *,
            replace: bool = False, progress: Progress | None = None,
            busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Moved:
    """Copy the library at ``source_spec`` into ``target_spec`` (a file or a URL)."""
    with open_source(source_spec, busy_timeout_ms=busy_timeout_ms) as source:
        return copy_into(source, target_spec, replace=replace, progress=progress,
                         busy_timeout_ms=busy_timeout_ms)


def copy_into(source: Library, target_spec: str | os.PathLike[str], *, replace: bool = False,
              progress: Progress | None = None,
              busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Moved:
    """Copy the open ``source`` into ``target_spec``: a server's database in one
    transaction, or a file written beside and renamed into place."""
    if is_database_url(target_spec):
        with Library.open(target_spec, seed=False, busy_timeout_ms=busy_timeout_ms) as target:
            return Moved(copy_library(source, target, replace=replace, progress=progress),
                         target.where)
    refuse_lookalike(target_spec)
    path = Path(target_spec).expanduser()
    if not source.is_postgresql and files.is_library_file(source.path, path):
        raise DeskError(f"{path} is the library being copied; choose another file")
    _check_file_target(path, replace=replace, busy_timeout_ms=busy_timeout_ms)
    copied = _into_new_file(source, path, progress)
    return Moved(copied, str(path))


def backup_to_file(source: Library, target: str | os.PathLike[str], *,
                   overwrite: bool = False) -> Path:
    """A team library as an SQLite library file: one snapshot of the server (REPEATABLE
    READ, read only), written beside ``target`` and renamed into place."""
    refuse_lookalike(target)
    path = Path(target).expanduser()
    if path.is_dir():
        raise DeskError(f"{path} is a folder; give a file name for the backup")
    if path.exists() and not overwrite:
        raise DeskError(f"{path} exists; choose another name or use --force")
    if files.has_side_files(path):
        raise _open_elsewhere(path)
    _into_new_file(source, path, None)
    return path


def _into_new_file(source: Library, path: Path, progress: Progress | None) -> Copied:
    with files.written_then_renamed(path) as tmp:
        target = Library.open(tmp, seed=False)
        target.where = str(path)  # what its messages name: the file it becomes
        try:
            copied = copy_library(source, target, progress=progress)
            with target.errors():  # one file to move or mail: no -wal beside it
                target.conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    return copied


def _check_file_target(path: Path, *, replace: bool, busy_timeout_ms: int) -> None:
    """A file target must be new, empty, an empty library, or (``replace``) a library."""
    if path.is_dir():
        raise DeskError(f"{path} is a folder; give a file name for the library")
    if not path.exists() or path.stat().st_size == 0:
        return
    if files.has_side_files(path):
        raise _open_elsewhere(path)
    if replace:
        try:
            with open(path, "rb") as fh:
                head = fh.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise StorageError(f"cannot read {path}: {exc.strerror}") from exc
        if head != SQLITE_MAGIC:
            raise DeskError(f"{path} is not a desk library; --replace replaces only a library")
        return
    with Library.open_read_only(path, busy_timeout_ms=busy_timeout_ms) as existing:
        with existing.errors():
            filled = [t for t in TABLES
                      if existing.conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]]
    if filled:
        raise DeskError(f"the library {path} is not empty (it has {', '.join(filled)}); "
                        "choose a new file, or replace it with --replace")


def _open_elsewhere(path: Path) -> DeskError:
    return DeskError(f"{path} is open in a desk, or one was not closed cleanly (it has a -wal, "
                     "-shm or -journal file beside it); close it, or open and close it once, "
                     "then try again")
