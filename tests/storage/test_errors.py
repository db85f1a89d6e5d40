"""Whatever SQLite reports reaches the rest of desk as desk's own one-line error, on real files:
a locked library, a damaged one, one from a newer desk, a read-only one and a full disk."""

import errno
import os
import sqlite3
from urllib.parse import quote

import pytest

from desk.model import DeskError
from desk.storage import Library, sqlite_version
from desk.storage.errors import (
    LibraryCorrupt,
    LibraryFull,
    LibraryLocked,
    LibraryReadOnly,
    LibraryTooNew,
    StorageError,
    storage_errors,
    translate,
)

pytestmark = pytest.mark.sqlite_only  # the library's SQLite file itself

def one_line(exc: BaseException) -> str:
    text = str(exc)
    assert text and "\n" not in text
    return text


@pytest.fixture
def filled(db_path):
    """A closed library with enough articles to span many pages."""
    with Library.open(db_path, seed=False) as lib:
        with lib.transaction():
            for n in range(120):
                lib.articles.create(headline=f"Article {n}", body="Words in a body. " * 40)
    return db_path


@pytest.fixture
def writer(filled):
    """Another program holding the library's write lock."""
    conn = sqlite3.connect(filled, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    yield conn
    conn.execute("ROLLBACK")
    conn.close()


def test_every_storage_error_is_a_desk_error():
    for kind in (LibraryLocked, LibraryCorrupt, LibraryTooNew, LibraryReadOnly, LibraryFull):
        assert issubclass(kind, StorageError) and issubclass(kind, DeskError)


# -- locked -------------------------------------------------------------------------------
def test_a_write_transaction_while_another_program_writes_is_locked(filled, writer):
    with Library.open(filled, busy_timeout_ms=30) as lib:
        with pytest.raises(LibraryLocked) as info:
            with lib.transaction():
                lib.articles.create(headline="Mine")
        assert "is busy" in one_line(info.value)
        assert not lib.conn.in_transaction
    assert writer.execute(
        "SELECT count(*) FROM articles WHERE headline = 'Mine'").fetchone()[0] == 0


def test_a_manager_write_outside_a_transaction_is_locked_too(filled, writer):
    with Library.open(filled, busy_timeout_ms=30) as lib:
        with pytest.raises(LibraryLocked, match="another desk or program is writing"):
            lib.dictionary.add("zeitgeber")


def test_reads_go_on_while_another_program_writes(filled, writer):
    with Library.open(filled, busy_timeout_ms=30) as lib:
        assert lib.articles.count() == 120


# -- damaged ------------------------------------------------------------------------------
def test_garbage_bytes_are_not_a_library(tmp_path):
    path = tmp_path / "garbage.db"
    path.write_bytes(bytes(range(256)) * 32)
    with pytest.raises(LibraryCorrupt) as info:
        Library.open(path)
    assert "not a desk library" in one_line(info.value)


def test_a_damaged_library_behind_a_good_header(filled):
    data = filled.read_bytes()
    filled.write_bytes(data[:100] + b"\xa5" * 8000 + data[8100:])
    with pytest.raises(LibraryCorrupt) as info:
        with Library.open(filled) as lib:
            lib.articles.list()
    assert "is damaged" in one_line(info.value) and "backup" in str(info.value)


def test_a_truncated_library_is_damaged(filled):
    data = filled.read_bytes()
    filled.write_bytes(data[: len(data) // 2])
    with pytest.raises(LibraryCorrupt) as info:
        with Library.open(filled) as lib:
            lib.articles.list()
            lib.articles.count(search="words")
    assert "damaged" in one_line(info.value)


def test_damage_found_by_a_read_after_opening_is_a_desk_error(filled):
    """The first pages (schema) are intact, the articles' pages are not."""
    with Library.open(filled) as lib:
        pages = lib.conn.execute("PRAGMA page_count").fetchone()[0]
        size = lib.conn.execute("PRAGMA page_size").fetchone()[0]
        root = lib.conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
    assert pages > 20
    with open(filled, "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\x5a" * size)
    with Library.open(filled) as lib, pytest.raises(LibraryCorrupt) as info:
        lib.articles.list()
    assert str(filled) in one_line(info.value)


# -- newer schema ---------------------------------------------------------------------------
def test_a_library_from_a_newer_desk_is_refused_untouched(filled):
    conn = sqlite3.connect(filled)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    before = filled.read_bytes()
    with pytest.raises(LibraryTooNew) as info:
        Library.open(filled)
    assert "newer desk (schema 999" in one_line(info.value)
    assert filled.read_bytes() == before


def test_a_newer_migration_in_the_table_is_refused(filled):
    conn = sqlite3.connect(filled)
    conn.execute("INSERT INTO schema_migrations (version, name, applied_at) "
                 "VALUES (50, '0050_future.sql', '2031-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryTooNew, match="schema 50"):
        Library.open(filled)


# -- read-only ------------------------------------------------------------------------------
def test_sqlite_refusing_a_write_is_read_only(filled):
    """A connection SQLite opened read-only (as for a file root may not write either): the
    write fails inside SQLite, and the facade says read-only."""
    conn = sqlite3.connect("file:" + quote(str(filled.resolve())) + "?mode=ro", uri=True,
                           isolation_level=None)
    lib = Library(conn, filled)
    try:
        with pytest.raises(LibraryReadOnly) as info:
            with lib.transaction():
                lib.articles.create(headline="Mine")
        assert "read-only" in one_line(info.value)
        assert lib.articles.count() == 120  # reading still works
    finally:
        lib.close()


def test_a_library_file_without_write_permission_opens_read_only(filled, monkeypatch):
    os.chmod(filled, 0o444)
    try:
        if os.geteuid() == 0:  # root writes anywhere: the permission test answers no for it
            monkeypatch.setattr("desk.storage._writable", lambda path: False)
        with Library.open(filled) as lib:
            assert lib.read_only
            with pytest.raises(LibraryReadOnly) as info:
                lib.dictionary.add("zeitgeber")
            one_line(info.value)
    finally:
        os.chmod(filled, 0o644)


def test_a_new_library_in_a_folder_without_write_permission(tmp_path, monkeypatch):
    folder = tmp_path / "locked-folder"
    folder.mkdir()
    if os.geteuid() == 0:
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real(p, mode))
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(LibraryReadOnly) as info:
            Library.open(folder / "library.db")
        assert "permission denied" in one_line(info.value)
    finally:
        os.chmod(folder, 0o755)


# -- disk full ------------------------------------------------------------------------------
def fill_up(lib: Library) -> None:
    """No page beyond the ones the file has now: the next write that needs one is SQLITE_FULL."""
    pages = lib.conn.execute("PRAGMA page_count").fetchone()[0]
    lib.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_rolls_the_whole_transaction_back(filled):
    with Library.open(filled) as lib:
        fill_up(lib)
        with pytest.raises(LibraryFull) as info:
            with lib.transaction():
                for n in range(20):
                    lib.articles.create(headline=f"Big {n}", body="x" * 20_000)
        assert "full disk" in one_line(info.value)
        assert lib.articles.count() == 120 and not lib.conn.in_transaction


def test_a_full_disk_for_a_file_is_library_full():
    with pytest.raises(LibraryFull) as info:
        with storage_errors("lib.db"):
            raise OSError(errno.ENOSPC, "No space left on device", "/media/usb/lib.db-wal")
    assert "/media/usb/lib.db-wal is full" in one_line(info.value)


def test_other_file_errors_pass_through_unchanged():
    with pytest.raises(PermissionError):
        with storage_errors("lib.db"):
            raise PermissionError(errno.EACCES, "Permission denied", "x")


# -- the mapping itself -----------------------------------------------------------------------
@pytest.mark.parametrize(("message", "kind"), [
    ("database is locked", LibraryLocked),
    ("attempt to write a readonly database", LibraryReadOnly),
    ("database or disk is full", LibraryFull),
    ("database disk image is malformed", LibraryCorrupt),
    ("file is not a database", LibraryCorrupt),
])
def test_messages_without_a_result_code_are_read_by_their_text(message, kind):
    """Python before 3.11 gives no result code; SQLite's fixed texts say what happened."""
    error = translate(sqlite3.OperationalError(message), "lib.db")
    assert type(error) is kind
    one_line(error)


def test_an_unknown_sqlite_error_is_a_plain_storage_error():
    error = translate(sqlite3.OperationalError("no such table: nowhere"), "lib.db")
    assert type(error) is StorageError
    assert one_line(error) == "the library lib.db: no such table: nowhere"


def test_a_constraint_is_a_refused_change(library):
    with pytest.raises(StorageError, match="refused the change"):
        library.exports.record(999_999, "pdf", "/tmp/x.pdf")


def test_sqlite_version_is_offered_by_storage():
    assert sqlite_version() == sqlite3.sqlite_version


def test_a_new_library_on_a_full_disk_leaves_no_file_behind(tmp_path, monkeypatch):
    """'nothing was changed' holds for a new library too: no empty stub is left."""
    from desk.storage import migrations

    def full(conn, path):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(migrations, "migrate", full)
    path = tmp_path / "new.db"
    with pytest.raises(LibraryFull):
        Library.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_full_disk_keeps_an_existing_library_file(filled, monkeypatch):
    from desk.storage import migrations

    def full(conn, path):
        raise sqlite3.OperationalError("database or disk is full")

    size = filled.stat().st_size
    monkeypatch.setattr(migrations, "migrate", full)
    with pytest.raises(LibraryFull):
        Library.open(filled)
    assert filled.stat().st_size == size


def test_a_new_library_on_a_read_only_disk_says_read_only(tmp_path, monkeypatch):
    import types

    import desk.storage as storage

    real = os.statvfs
    monkeypatch.setattr(storage.os, "access", lambda path, mode: False)
    monkeypatch.setattr(storage.os, "statvfs", lambda folder: types.SimpleNamespace(
        f_flag=real(folder).f_flag | os.ST_RDONLY))
    with pytest.raises(LibraryReadOnly) as info:
        Library.open(tmp_path / "new.db")
    assert one_line(info.value) == f"cannot create a library in {tmp_path}: the disk is read-only"


def test_an_io_error_beside_a_full_disk_is_a_full_disk(monkeypatch):
    """Opening a WAL library on a full disk fails creating its -shm: SQLite says only
    "disk I/O error", which told the editor nothing."""
    import types

    from desk.storage import errors

    monkeypatch.setattr(errors.shutil, "disk_usage",
                        lambda folder: types.SimpleNamespace(total=10**6, used=10**6, free=0))
    error = translate(sqlite3.OperationalError("disk I/O error"), "lib.db", opening=True)
    assert type(error) is LibraryFull
    assert "full disk" in one_line(error)


def test_an_io_error_with_room_left_stays_an_io_error(monkeypatch):
    import types

    from desk.storage import errors

    monkeypatch.setattr(errors.shutil, "disk_usage",
                        lambda folder: types.SimpleNamespace(total=10**9, used=0, free=10**9))
    error = translate(sqlite3.OperationalError("disk I/O error"), "lib.db", opening=True)
    assert type(error) is StorageError
    assert one_line(error) == "cannot open the library lib.db: disk I/O error"
