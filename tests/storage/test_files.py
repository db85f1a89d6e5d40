"""The library's files: guarded against being written over; backups that leave no litter."""

import os
import signal
import sqlite3
import time
import types

import pytest

from desk.cli import main
from desk.model import DeskError
from desk.storage import files

pytestmark = pytest.mark.sqlite_only  # the library's SQLite file itself

@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_library_and_side_files_are_library_files(db_path, suffix):
    assert files.is_library_file(db_path, str(db_path) + suffix)


def test_other_files_are_not(db_path, tmp_path):
    assert not files.is_library_file(db_path, tmp_path / "library.db.md")
    assert not files.is_library_file(db_path, tmp_path / "other" / "library.db")


def test_backup_over_the_wal_is_refused(seeded):
    with pytest.raises(DeskError, match="open library"):
        seeded.backup(str(seeded.path) + "-wal", overwrite=True)


def test_failed_backup_removes_its_temporary_file(db_path, tmp_path):
    class Failing:
        def backup(self, dest):
            raise KeyboardInterrupt

    out = tmp_path / "out"
    out.mkdir()
    db_path.write_bytes(b"")
    with pytest.raises(KeyboardInterrupt):
        files.backup(Failing(), db_path, out / "copy.db")
    assert list(out.iterdir()) == []


def test_sqlite_failure_during_backup_is_one_line_and_leaves_nothing(db_path, tmp_path):
    class Failing:
        def backup(self, dest):
            raise sqlite3.OperationalError("disk I/O error")

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DeskError, match="backup to .* failed: disk I/O error"):
        files.backup(Failing(), db_path, out / "copy.db")
    assert list(out.iterdir()) == []


def test_stale_temporaries_are_swept_and_running_ones_kept(seeded, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".desk-backup-abc123.db"
    stale.write_bytes(b"x" * 100)
    old = time.time() - 3600
    os.utime(stale, (old, old))
    running = out / ".desk-backup-def456.db"  # another desk's backup under way
    running.write_bytes(b"x")
    unrelated = out / ".desk-backup-notes.txt"
    unrelated.write_bytes(b"x")
    os.utime(unrelated, (old, old))
    seeded.backup(out / "copy.db")
    assert sorted(p.name for p in out.iterdir()) == sorted([running.name, unrelated.name, "copy.db"])


def test_backup_refuses_without_enough_free_space(seeded, tmp_path, monkeypatch):
    monkeypatch.setattr(files.shutil, "disk_usage",
                        lambda folder: types.SimpleNamespace(total=10**9, used=10**9, free=1000))
    with pytest.raises(DeskError, match="not enough free space") as info:
        seeded.backup(tmp_path / "copy.db")
    assert "\n" not in str(info.value)
    assert not (tmp_path / "copy.db").exists()
    assert not list(tmp_path.glob(".desk-backup-*"))


def test_sigterm_during_a_cli_backup_removes_the_temporary_file(seeded, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    seeded.close()

    def connect(path):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the signal arrives first
        raise AssertionError("SIGTERM did not stop the backup")

    monkeypatch.setattr(files, "sqlite3", types.SimpleNamespace(connect=connect, Error=sqlite3.Error))
    before = signal.getsignal(signal.SIGTERM)
    code = main(["--db", str(seeded.path), "backup", str(out / "copy.db")])
    assert code == 130
    assert list(out.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) is before


KILLED_BACKUP = """
import os, signal, sys
from desk.storage import Library, files
lib = Library.open(sys.argv[1])


class KilledMidCopy:
    def backup(self, dest, *args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)  # no finally, no cleanup: as with kill -9


files.backup(KilledMidCopy(), lib.path, sys.argv[2])
"""


def test_a_backup_killed_mid_copy_is_swept_when_a_library_next_opens(seeded, db_path, tmp_path):
    import subprocess
    import sys

    from desk.storage import Library

    out_dir = tmp_path / "elsewhere"
    out_dir.mkdir()
    child = subprocess.run([sys.executable, "-c", KILLED_BACKUP, str(db_path), str(out_dir / "copy.db")],
                           capture_output=True, text=True, timeout=60)
    assert child.returncode == -signal.SIGKILL
    left = [p for p in out_dir.iterdir() if p.name.startswith(files.BACKUP_PREFIX)]
    assert len(left) == 1  # the litter a killed backup leaves
    Library.open(db_path).close()  # the next desk to start, whatever it does
    assert not [p for p in out_dir.iterdir() if p.name.startswith(files.BACKUP_PREFIX)]
    assert not list(files._pending_dir().glob("*.path"))


def test_backup_to_a_read_only_disk_says_read_only_not_full(seeded, tmp_path, monkeypatch):
    """A read-only mount reports no free space: the backup blamed the space."""
    real = os.statvfs

    def read_only(folder):
        st = real(folder)
        return types.SimpleNamespace(f_flag=st.f_flag | os.ST_RDONLY, f_bavail=0)

    monkeypatch.setattr(files.os, "statvfs", read_only)
    monkeypatch.setattr(files.shutil, "disk_usage",
                        lambda folder: types.SimpleNamespace(total=10**6, used=10**6, free=0))
    with pytest.raises(DeskError) as info:
        seeded.backup(tmp_path / "copy.db")
    assert str(info.value) == f"cannot write in {tmp_path}: the disk is read-only"
    assert list(tmp_path.glob("copy.db*")) == []
