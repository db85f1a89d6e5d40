"""The library's files on disk: never written over by desk itself, backed up safely.

SQLite keeps a library in up to four files (the database, and beside it ``-wal``, ``-shm``
and, outside WAL mode, ``-journal``). Nothing desk writes (an export, a backup) may land on
any of them: replacing one under an open connection loses the library. Backups are written
to a hidden temporary file beside the target and renamed into place; the temporary file is
removed on any failure (SIGTERM included: the CLI turns it into KeyboardInterrupt). A
killed process can't remove it, so every backup also leaves a note of its temporary file in
the user state folder while it runs; the next desk to open a library sweeps the temporary
files whose writer is gone (and a backup into a folder sweeps that folder too).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from desk.model import DeskError

SIDE_FILES = ("-wal", "-shm", "-journal")
BACKUP_PREFIX = ".desk-backup-"
BACKUP_SUFFIX = ".db"
# Free space wanted beyond the library's own size (the WAL may hold pages not yet in it).
SPACE_MARGIN = 1.1


def library_files(db_path: str | os.PathLike[str]) -> list[Path]:
    path = Path(db_path)
    return [path, *(path.with_name(path.name + side) for side in SIDE_FILES)]


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


def is_library_file(db_path: str | os.PathLike[str], target: str | os.PathLike[str]) -> bool:
    """Whether ``target`` is the library or one of its side files (through any link or
    relative path)."""
    target = Path(target)
    return any(_same_file(target, f) for f in library_files(db_path))


def refuse_library_target(db_path: str | os.PathLike[str], target: str | os.PathLike[str],
                          what: str = "the output") -> None:
    if is_library_file(db_path, target):
        raise DeskError(f"{what} {target} is the open library (or its -wal/-shm/-journal "
                        "file); choose another file")


def sweep_stale_backups(folder: Path, *, older_than: float | None = None) -> list[Path]:
    """Remove hidden backup temporaries left by killed desk processes: those last changed
    before this process started (a backup running in another desk right now is newer)."""
    cutoff = older_than if older_than is not None else _process_start()
    removed = []
    endings = tuple(BACKUP_SUFFIX + side for side in ("", *SIDE_FILES))  # a library's -wal too
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if entry.name.startswith(BACKUP_PREFIX) and entry.name.endswith(endings):
                with contextlib.suppress(OSError):
                    if entry.is_file() and entry.stat().st_mtime < cutoff:
                        entry.unlink()
                        removed.append(entry)
    return removed


def _pending_dir() -> Path:
    from platformdirs import user_state_path

    return user_state_path("desk", appauthor=False) / "pending-backups"


def _note_pending(tmp: str) -> Path | None:
    """Record a running backup's temporary file (best effort: a backup works without it)."""
    try:
        folder = _pending_dir()
        folder.mkdir(parents=True, exist_ok=True)
        note = folder / f"{os.getpid()}-{Path(tmp).name}.path"
        note.write_text(str(Path(tmp).resolve()), encoding="utf-8")
        return note
    except OSError:
        return None


def sweep_pending_backups() -> list[Path]:
    """Remove the temporary files of backups whose process is gone (killed mid-copy)."""
    removed: list[Path] = []
    try:
        notes = list(_pending_dir().glob("*.path"))
    except OSError:
        return removed
    for note in notes:
        pid = note.name.split("-", 1)[0]
        if pid.isdigit() and _alive(int(pid)):
            continue
        with contextlib.suppress(OSError, UnicodeDecodeError):
            tmp = Path(note.read_text(encoding="utf-8").strip())
            if tmp.name.startswith(BACKUP_PREFIX) and tmp.name.endswith(BACKUP_SUFFIX):
                for f in library_files(tmp):  # a library written there leaves -wal and -shm
                    if f.is_file():
                        f.unlink()
                        removed.append(f)
        with contextlib.suppress(OSError):
            note.unlink()
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _process_start() -> float:
    """When this process started (wall clock), from /proc where there is one."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return time.time() - uptime + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return _IMPORTED_AT


_IMPORTED_AT = time.time()


def library_size(db_path: Path) -> int:
    total = 0
    for f in library_files(db_path)[:2]:  # the database and its WAL
        with contextlib.suppress(OSError):
            total += f.stat().st_size
    return total


def check_writable(folder: Path) -> None:
    """Before the free space: a read-only disk reports no free space, which would blame it."""
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # cannot tell (or no statvfs): the copy will say
        read_only = False
    if read_only:
        raise DeskError(f"cannot write in {folder}: the disk is read-only")
    if not os.access(folder, os.W_OK):
        raise DeskError(f"cannot write in {folder}: permission denied")


def check_free_space(db_path: Path, folder: Path) -> None:
    need = int(library_size(db_path) * SPACE_MARGIN)
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # cannot tell; the copy itself will say if the disk fills
    if free < need:
        raise DeskError(f"not enough free space in {folder} for a backup: {_mb(free)} free, "
                        f"the library needs about {_mb(need)}")


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def backup(conn: sqlite3.Connection, db_path: Path, target: str | os.PathLike[str], *,
           overwrite: bool = False) -> Path:
    """A consistent copy through SQLite's backup API, written beside the target and renamed
    into place, so a failed or interrupted backup never leaves a half-written file."""
    target = Path(target)
    refuse_library_target(db_path, target, "the backup")
    if target.is_dir():
        raise DeskError(f"{target} is a folder; give a file name for the backup")
    if target.exists() and not overwrite:
        raise DeskError(f"{target} exists; choose another name or use --force")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise DeskError(f"{folder} is not a folder")
    sweep_stale_backups(folder)
    check_writable(folder)
    check_free_space(db_path, folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=BACKUP_PREFIX, suffix=BACKUP_SUFFIX, dir=folder)
    except OSError as exc:
        raise DeskError(f"cannot write in {folder}: {exc.strerror}") from exc
    os.close(fd)
    note = _note_pending(tmp)
    try:
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, sqlite3.Error):
            raise DeskError(f"the backup to {target} failed: {exc}") from exc
        if isinstance(exc, OSError):
            raise DeskError(f"the backup to {target} failed: {exc.strerror or exc}") from exc
        raise
    finally:
        if note is not None:
            with contextlib.suppress(OSError):
                note.unlink()
    return target


def has_side_files(db_path: str | os.PathLike[str]) -> bool:
    """A -wal, -shm or -journal beside the file: a desk has it open, or one was killed."""
    return any(f.exists() for f in library_files(db_path)[1:])


@contextlib.contextmanager
def written_then_renamed(target: Path) -> Iterator[Path]:
    """A hidden temporary file beside ``target`` for the block to write (a library,
    through SQLite); renamed over ``target`` when the block ends well, removed with its
    side files when it fails or is interrupted (swept as a backup's if the process dies)."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise DeskError(f"{folder} is not a folder")
    sweep_stale_backups(folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=BACKUP_PREFIX, suffix=BACKUP_SUFFIX, dir=folder)
    except OSError as exc:
        raise DeskError(f"cannot write in {folder}: {exc.strerror}") from exc
    os.close(fd)
    note = _note_pending(tmp)
    try:
        yield Path(tmp)
        try:
            os.chmod(tmp, _mode_for(target))
            os.replace(tmp, target)
        except OSError as exc:
            raise DeskError(f"cannot write {target}: {exc.strerror or exc}") from exc
    except BaseException:
        for f in library_files(tmp):
            with contextlib.suppress(OSError):
                os.unlink(f)
        raise
    finally:
        if note is not None:
            with contextlib.suppress(OSError):
                note.unlink()


def _mode_for(target: Path) -> int:
    """The file it replaces keeps its permissions; a new one gets the usual (the umask's),
    not the temporary file's owner-only ones."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask
