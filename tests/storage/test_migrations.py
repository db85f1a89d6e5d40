import sqlite3

import pytest

from desk.model import DeskError
from desk.storage import Library, migrations

pytestmark = pytest.mark.sqlite_only  # SQLite's migrations (PostgreSQL's: test_pg_migrations.py)


def tables(path):
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def test_new_library_gets_every_migration_recorded(db_path):
    with Library.open(db_path, seed=False) as lib:
        assert lib.schema_version == migrations.latest_version()
        recorded = [r["version"] for r in lib.db.query("SELECT version FROM schema_migrations")]
    assert recorded == list(range(1, migrations.latest_version() + 1))
    assert {"articles", "sources", "quotes", "revisions", "dictionary_words", "export_log"} <= tables(db_path)


def test_opening_twice_changes_nothing(db_path):
    Library.open(db_path).close()
    before = sqlite3.connect(db_path).execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    with Library.open(db_path) as lib:
        assert lib.articles.count() == 1  # the welcome article is not seeded twice
        assert len(list(lib.db.query("SELECT * FROM schema_migrations"))) == migrations.latest_version()
    after = sqlite3.connect(db_path).execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert before == after


def test_wal_foreign_keys_and_busy_timeout(library):
    assert library.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert library.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_library_from_newer_desk_is_refused_and_untouched(db_path):
    Library.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DeskError, match="newer desk"):
        Library.open(db_path)
    assert db_path.read_bytes() == before


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DeskError, match="not a desk library"):
        Library.open(path)


def test_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes\n")
    with pytest.raises(DeskError, match="not a desk library"):
        Library.open(path)
    assert path.read_text() == "just some notes\n"


def test_failed_migration_leaves_library_unchanged(db_path, monkeypatch, tmp_path):
    """All pending migrations run in one transaction: a broken one rolls back every one."""
    bad_dir = tmp_path / "db"
    bad_dir.mkdir()
    for number, name, path in migrations.available():
        (bad_dir / name).write_text(path.read_text())
    n = migrations.latest_version() + 1
    (bad_dir / f"{n:04d}_broken.sql").write_text("CREATE TABLE fine (x);\nTHIS IS NOT SQL;\n")
    monkeypatch.setattr(migrations, "migrations_dir", lambda: bad_dir)
    with pytest.raises(DeskError):
        Library.open(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0] == 0


def test_upgrade_from_every_older_schema(tmp_path, monkeypatch):
    """A library made at schema k opens at the latest schema with its data kept."""
    all_migrations = migrations.available()
    for k in range(1, len(all_migrations)):
        old_dir = tmp_path / f"v{k}"
        old_dir.mkdir()
        for number, name, path in all_migrations[:k]:
            (old_dir / name).write_text(path.read_text())
        path = tmp_path / f"lib{k}.db"
        with monkeypatch.context() as m:
            m.setattr(migrations, "migrations_dir", lambda d=old_dir: d)
            with Library.open(path, seed=False) as lib:
                assert lib.schema_version == k
                # data as a desk of schema k wrote it (today's code may use newer columns)
                lib.conn.execute("INSERT INTO articles (headline, body, created_at, updated_at)"
                                 " VALUES ('kept', 'old body', '2026-01-01', '2026-01-01')")
        with Library.open(path) as lib:
            assert lib.schema_version == migrations.latest_version()
            (kept,) = lib.articles.list()
            assert lib.articles.get(kept.id).body == "old body"
            lib.articles.update(kept.id, tags=["b", "a"])  # today's code works on it
            assert lib.articles.get(kept.id).tags == ["b", "a"]


def test_two_connections_can_write_in_turn(db_path):
    a = Library.open(db_path, seed=False)
    b = Library.open(db_path, seed=False)
    try:
        with a.transaction():
            a.articles.create(headline="from a")
        b.articles.create(headline="from b")
        assert {x.headline for x in a.articles.list()} == {"from a", "from b"}
    finally:
        a.close()
        b.close()


def test_uncreatable_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(DeskError, match="cannot create the library folder"):
        Library.open(blocker / "sub" / "library.db")


def test_corrupted_library_is_a_clear_error(db_path):
    Library.open(db_path).close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[:100] + b"\xff" * 4000 + data[4100:])
    with pytest.raises(DeskError, match="cannot open the library"):
        Library.open(db_path)


def test_truncated_library_is_a_clear_error(db_path):
    Library.open(db_path).close()
    db_path.write_bytes(db_path.read_bytes()[:8192])
    with pytest.raises(DeskError, match="cannot open the library"):
        with Library.open(db_path) as lib:
            lib.articles.list()


def test_a_library_another_desk_migrated_first_opens(db_path, monkeypatch):
    """Two desks opening one new library at once: the one that waited for the other's
    migration finds its own script refused, and opens the migrated library as it is."""
    Library.open(db_path).close()
    monkeypatch.setattr(migrations, "check_compatible", lambda conn, path: 0)  # read too early
    with Library.open(db_path) as lib:
        assert lib.schema_version == migrations.latest_version()
        assert lib.articles.count() == 1  # seeded once, by the first desk
