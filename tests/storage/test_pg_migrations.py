"""A library on PostgreSQL: its migrations (db/postgresql), and what opening one refuses."""

import sqlite3
import threading

import psycopg
import pytest

from desk.model import DeskError
from desk.storage import Library, migrations, pg_migrations
from desk.storage.errors import LibraryReadOnly, LibraryTooNew, StorageError


def pg_columns(url):
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT table_name, column_name FROM information_schema.columns "
                            "WHERE table_schema = 'public' AND table_name NOT LIKE '%fts%'"
                            ).fetchall()
    found = {}
    for table, column in rows:
        found.setdefault(table, set()).add(column)
    return found


def sqlite_columns(path):
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'")]
        return {t: {r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')} for t in tables}
    finally:
        conn.close()


def test_the_migrations_run_to_the_same_schema_as_sqlite():
    numbers = [n for n, _, _ in pg_migrations.available()]
    assert numbers[-1] == migrations.latest_version()
    assert numbers == list(range(numbers[0], numbers[-1] + 1))


def test_an_empty_database_becomes_a_library_with_the_tables_and_columns_of_sqlite(pg_url, db_path):
    with Library.open(pg_url, seed=False) as lib:
        assert lib.schema_version == migrations.latest_version()
        assert lib.is_postgresql and lib.articles.count() == 0
    Library.open(db_path, seed=False).close()
    assert pg_columns(pg_url) == sqlite_columns(db_path)


def test_a_new_library_gets_the_welcome_article_once(pg_url):
    with Library.open(pg_url) as lib:
        assert lib.articles.count() == 1 and lib.sources.list()
    with Library.open(pg_url) as lib:
        assert lib.articles.count() == 1


def test_opening_twice_changes_nothing(pg_url):
    Library.open(pg_url).close()
    with psycopg.connect(pg_url) as conn:
        before = conn.execute("SELECT version, name, applied_at FROM schema_migrations").fetchall()
    Library.open(pg_url).close()
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT version, name, applied_at FROM schema_migrations").fetchall() == before


def test_two_desks_opening_one_empty_database_at_once_migrate_it_once(pg_url):
    failures, opened = [], []

    def open_it():
        try:
            with Library.open(pg_url) as lib:
                opened.append(lib.schema_version)
        except Exception as exc:  # reported below
            failures.append(exc)
    threads = [threading.Thread(target=open_it) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert failures == [] and opened == [migrations.latest_version()] * 3
    with Library.open(pg_url) as lib:
        assert lib.articles.count() == 1  # seeded by the one that migrated


def test_a_library_from_a_newer_desk_is_refused_and_untouched(pg_url):
    Library.open(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 'later')")
    with pytest.raises(LibraryTooNew, match="newer desk"):
        Library.open(pg_url)
    with pytest.raises(LibraryTooNew):
        Library.open_read_only(pg_url)
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == 999


def test_a_database_with_tables_of_its_own_is_refused(pg_url):
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE payroll (x int)")
    with pytest.raises(DeskError, match="not a desk library"):
        Library.open(pg_url)
    assert set(pg_columns(pg_url)) == {"payroll"}


def test_read_only_opening_neither_creates_nor_writes(pg_url):
    with pytest.raises(StorageError, match="is an empty database, not a desk library"):
        Library.open_read_only(pg_url)
    assert pg_columns(pg_url) == {}
    Library.open(pg_url, seed=False).close()
    with Library.open_read_only(pg_url) as ro:
        assert ro.read_only and ro.articles.count() == 0
        with pytest.raises(LibraryReadOnly):
            ro.articles.create(headline="no")


def test_the_password_never_reaches_a_message(pg_server, pg_url):
    name = pg_url.split("/")[3].split("?")[0]
    with Library.open(pg_server.tcp_url(name), seed=False) as lib:
        assert "desk-test-secret" not in lib.where and ":***@" in lib.where
        with pytest.raises(DeskError) as err:
            lib.quotes.add(lib.articles.create(headline="x").id, "t", status="nonsense")
        assert "desk-test-secret" not in str(err.value)


def test_upgrade_from_every_older_schema(pg_server, pg_admin, tmp_path, monkeypatch):
    """A team library made at schema k (from the first PostgreSQL one) opens at the latest
    schema with its rows kept and the columns added since filled with their defaults."""
    sqlite_all = migrations.available()
    pg_all = pg_migrations.available()
    for k in range(pg_all[0][0], migrations.latest_version()):
        old_dir = tmp_path / f"v{k}"
        (old_dir / "postgresql").mkdir(parents=True)
        for number, name, path in sqlite_all[:k]:
            (old_dir / name).write_text(path.read_text())
        for number, name, path in pg_all:
            if number <= k:
                (old_dir / "postgresql" / name).write_text(path.read_text())
        name = f"desk_old_{k}_{tmp_path.name[-8:]}"
        pg_admin.execute(f'CREATE DATABASE "{name}"')
        url = pg_server.url(name)
        try:
            with monkeypatch.context() as m:
                m.setattr(migrations, "migrations_dir", lambda d=old_dir: d)
                m.setattr(pg_migrations, "migrations_dir", lambda d=old_dir: d)
                with Library.open(url, seed=False) as lib:
                    assert lib.schema_version == k
            with psycopg.connect(url, autocommit=True) as conn:  # rows as a desk of schema k wrote them
                aid = conn.execute(
                    "INSERT INTO articles (headline, body, created_at, updated_at) VALUES "
                    "('kept', 'old body', '2026-01-01', '2026-01-01') RETURNING id").fetchone()[0]
                conn.execute("INSERT INTO revisions (article_id, created_at, body) "
                             "VALUES (%s, '2026-01-01', 'old body')", (aid,))
                conn.execute("INSERT INTO dictionary_words (word, created_at) "
                             "VALUES ('Kadhimi', '2026-01-01')")
            with Library.open(url, editor="Ana Ruiz") as lib:
                assert lib.schema_version == migrations.latest_version()
                assert lib.articles.get(aid).body == "old body"
                (rev,) = lib.revisions.list(aid)
                assert rev.body == "old body" and rev.editor == ""
                assert "Kadhimi" in lib.dictionary.words()
                lib.articles.update(aid, body="new body")  # today's code works on it
                assert lib.articles.get(aid).updated_by == "Ana Ruiz"
        finally:
            pg_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
