"""A library that cannot be written opens read-only: reads work, writes say so in one line."""

import os
import sqlite3

import pytest

import desk.storage
from desk.model import DeskError
from desk.storage import Library, migrations
from desk.storage.errors import LibraryReadOnly

pytestmark = pytest.mark.sqlite_only  # the library's SQLite file itself

@pytest.fixture
def filled(db_path):
    with Library.open(db_path, seed=False) as lib:
        return lib.articles.create(headline="Kept", body="Body.\n").id


@pytest.fixture
def unwritable(monkeypatch):
    """As a non-root user in a read-only folder (root can write anywhere, so simulated)."""
    monkeypatch.setattr(desk.storage, "_writable", lambda path: False)


def test_read_only_library_lists_and_shows(filled, db_path, unwritable):
    with Library.open(db_path) as lib:
        assert lib.read_only
        assert [a.headline for a in lib.articles.list()] == ["Kept"]
        assert lib.articles.get(filled).body == "Body.\n"


def test_writes_to_a_read_only_library_are_one_line_errors(filled, db_path, unwritable):
    before = db_path.read_bytes()
    with Library.open(db_path) as lib:
        with pytest.raises(LibraryReadOnly, match="read-only") as info:
            lib.articles.update(filled, headline="Changed")
        assert "\n" not in str(info.value)
    assert db_path.read_bytes() == before


def test_read_only_library_needing_an_upgrade_is_refused(tmp_path, monkeypatch):
    old_dir = tmp_path / "v4"
    old_dir.mkdir()
    for _n, name, file in migrations.available()[:4]:
        (old_dir / name).write_text(file.read_text())
    path = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(migrations, "migrations_dir", lambda: old_dir)
        Library.open(path, seed=False).close()
    monkeypatch.setattr(desk.storage, "_writable", lambda path: False)
    with pytest.raises(LibraryReadOnly, match="needs upgrading"):
        Library.open(path)


_PROBE = (
    "import sys\n"
    "from desk.storage import Library\n"
    "with Library.open(sys.argv[1]) as lib:\n"
    "    print(lib.read_only, lib.articles.count())\n"
)


def _as_nobody() -> list[str] | None:
    """The command prefix that runs this interpreter as user nobody, when root can."""
    import shutil
    import subprocess
    import sys

    if os.geteuid() != 0 or not shutil.which("setpriv"):
        return None
    cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run([*cmd, sys.executable, "-c", "import desk.storage"], capture_output=True, timeout=60)
    return cmd if probe.returncode == 0 else None


def test_library_in_a_really_read_only_folder(filled, db_path, monkeypatch):
    """Opened by a user who may not write the folder. As root (who writes anywhere) it runs
    as nobody when nobody can run this interpreter, else with the write test answering no."""
    import subprocess
    import sys

    folder = db_path.parent
    os.chmod(folder, 0o555)
    try:
        nobody = _as_nobody()
        if nobody is not None:
            for p in [folder, *folder.parents]:
                if os.stat(p).st_mode & 0o005 == 0o005:
                    continue
                os.chmod(p, os.stat(p).st_mode | 0o005)  # nobody may walk to the library
            os.chmod(db_path, 0o644)
            out = subprocess.run([*nobody, sys.executable, "-c", _PROBE, str(db_path)],
                                 capture_output=True, text=True, timeout=60)
            assert out.returncode == 0, out.stderr
            assert out.stdout.split() == ["True", "1"]
        else:
            if os.geteuid() == 0:
                monkeypatch.setattr(desk.storage, "_writable", lambda path: False)
            with Library.open(db_path) as lib:
                assert lib.read_only and lib.articles.count() == 1
    finally:
        os.chmod(folder, 0o755)


def test_newer_schema_recorded_only_in_schema_migrations_is_refused(db_path):
    Library.open(db_path, seed=False).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO schema_migrations (version, name, applied_at) "
                 "VALUES (99, '0099_future.sql', '2030-01-01')")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DeskError, match="newer desk .schema 99"):
        Library.open(db_path)
    assert db_path.read_bytes() == before


# -- Library.open_read_only: a read that creates, migrates and seeds nothing --------------
def _folder(path):
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir())}


def test_open_read_only_reads_and_leaves_the_folder_as_it_was(filled, db_path):
    before = _folder(db_path)
    with Library.open_read_only(db_path) as lib:
        assert lib.read_only and lib.articles.get(filled).headline == "Kept"
        with pytest.raises(LibraryReadOnly):
            lib.articles.update(filled, headline="Changed")
    assert _folder(db_path) == before


def test_open_read_only_sees_what_an_open_desk_has_written(filled, db_path):
    with Library.open(db_path) as writer:  # the window, say: its -wal holds the change
        writer.articles.update(filled, headline="Changed")
        with Library.open_read_only(db_path) as lib:
            assert lib.articles.get(filled).headline == "Changed"


def test_open_read_only_creates_no_library(tmp_path):
    missing = tmp_path / "sub" / "none.db"
    with pytest.raises(DeskError, match="no library at"):
        Library.open_read_only(missing)
    assert not missing.parent.exists()


def test_open_read_only_refuses_a_library_needing_an_upgrade(tmp_path, monkeypatch):
    old_dir = tmp_path / "v4"
    old_dir.mkdir()
    for _n, name, file in migrations.available()[:4]:
        (old_dir / name).write_text(file.read_text())
    path = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(migrations, "migrations_dir", lambda: old_dir)
        Library.open(path, seed=False).close()
    before = path.read_bytes()
    with pytest.raises(LibraryReadOnly, match="needs upgrading"):
        Library.open_read_only(path)
    assert path.read_bytes() == before
