"""Moving a whole library (desk.storage.moving, desk.storage.transfer): a file onto a
PostgreSQL server and back with every row of every table, all or nothing, verified; a team
library backed up into a file."""

import sqlite3

import psycopg
import pytest

from desk.model import DeskError
from desk.storage import Library, transfer
from desk.storage.moving import copy_into, migrate
from desk.storage.transfer import TABLES, TRANSIENT, copy_library
from tests.storage.test_transfer import dump, fill

NOT_ROWS = ("schema_migrations",)  # each library's own record of its schema


def fill_team(lib):
    """fill(), and what schema 10 adds: editor names, a personal word, an editing lock."""
    a, b = fill(lib)
    with lib.transaction():
        lib.conn.execute("UPDATE articles SET updated_by = 'Ana' WHERE id = ?", (a.id,))
        lib.conn.execute("UPDATE revisions SET editor = 'Ana'")
        lib.conn.execute("UPDATE quotes SET assigned_by = 'Tomás'")
        lib.conn.execute("INSERT INTO dictionary_words (word, editor, created_at) "
                         "VALUES ('weir', 'Ana', '2026-12-07T10:00:00')")
        lib.conn.execute("INSERT INTO edit_locks VALUES (?, 'Ana', 'window-1', 't0', 't1')",
                         (a.id,))
    return a, b


def user_tables(lib):
    """Every table of the library that holds rows of its own (not a search index's)."""
    if lib.is_postgresql:
        rows = lib.conn.execute("SELECT table_name FROM information_schema.tables "
                                "WHERE table_schema = current_schema()").fetchall()
    else:
        rows = lib.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {r[0] for r in rows if "_fts" not in r[0]}


def file_state(path):
    """What a library file holds, read without touching it (immutable, no -wal left)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
                for t in (*TABLES, *TRANSIENT)}
    finally:
        conn.close()


@pytest.mark.parametrize("where", ["sqlite", "postgresql"])
def test_every_table_is_copied_or_left_behind_on_purpose(where, db_path, pg_url):
    with Library.open(db_path if where == "sqlite" else pg_url, seed=False) as lib:
        assert user_tables(lib) == {*TABLES, *TRANSIENT, *NOT_ROWS}


def test_a_file_moves_onto_the_server_and_back_with_everything(db_path, pg_url, tmp_path):
    with Library.open(db_path, seed=False) as lib:
        a, _b = fill_team(lib)
        before = dump(lib)
    moved = migrate(db_path, pg_url)
    assert moved.copied.rows == {t: len(rows) for t, rows in before.items()}
    assert "postgresql://" in moved.where
    with Library.open(pg_url, seed=False) as server:
        assert dump(server) == before
        assert server.conn.execute("SELECT count(*) FROM edit_locks").fetchone()[0] == 0
        assert server.articles.get(a.id).updated_by == "Ana"
    back = tmp_path / "back.db"
    again = migrate(pg_url, back)
    assert again.copied.checksum == moved.copied.checksum
    with Library.open(back, seed=False) as file_again:
        assert dump(file_again) == before
        assert [x.id for x in file_again.articles.list(search="spring")] == [a.id]
        assert file_again.sqlite.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("back")) == [
        "back.db"]  # one file: no -wal, no temporary left beside it


def test_server_to_server_and_file_to_file(db_path, pg_url, pg_server, pg_admin, tmp_path):
    with Library.open(db_path, seed=False) as lib:
        fill_team(lib)
        before = dump(lib)
    migrate(db_path, tmp_path / "copy.db")
    migrate(tmp_path / "copy.db", pg_url)
    pg_admin.execute('CREATE DATABASE "desk_moving_other"')
    try:
        other = pg_server.url("desk_moving_other")
        migrate(pg_url, other)
        with Library.open(other, seed=False) as lib:
            assert dump(lib) == before
    finally:
        pg_admin.execute('DROP DATABASE "desk_moving_other" WITH (FORCE)')


@pytest.mark.parametrize("target", ["file", "server"])
def test_a_target_with_rows_is_refused_and_left_as_it_was(target, db_path, pg_url, tmp_path):
    with Library.open(db_path, seed=False) as lib:
        fill(lib)
    dest = tmp_path / "dest.db" if target == "file" else pg_url
    with Library.open(dest) as existing:  # the welcome article
        existing.articles.create(headline="Ours")
        before = dump(existing)
    with pytest.raises(DeskError, match="is not empty .*--replace"):
        migrate(db_path, dest)
    with Library.open(dest, seed=False) as existing:
        assert dump(existing) == before


def test_an_empty_library_is_a_fine_target(db_path, tmp_path):
    with Library.open(db_path, seed=False) as lib:
        fill(lib)
        before = dump(lib)
    Library.open(tmp_path / "empty.db", seed=False).close()
    migrate(db_path, tmp_path / "empty.db")
    with Library.open(tmp_path / "empty.db", seed=False) as lib:
        assert dump(lib) == before


@pytest.mark.parametrize("target", ["file", "server"])
def test_replace_puts_the_source_in_place_of_what_was_there(target, db_path, pg_url, tmp_path):
    with Library.open(db_path, seed=False) as lib:
        fill(lib)
        before = dump(lib)
    dest = tmp_path / "dest.db" if target == "file" else pg_url
    with Library.open(dest) as existing:
        for i in range(30):  # more ids than the source has: the sequences must follow
            existing.articles.create(headline=f"Old {i}")
        old = existing.articles.create(headline="Old, locked")
        with existing.transaction():
            existing.conn.execute("INSERT INTO edit_locks VALUES (?, 'Bo', 'w', 't', 't')",
                                  (old.id,))
    migrate(db_path, dest, replace=True)
    with Library.open(dest, seed=False) as lib:
        assert dump(lib) == before
        assert lib.conn.execute("SELECT count(*) FROM edit_locks").fetchone()[0] == 0
        assert [x.headline for x in lib.articles.list(search="old")] == []
        copied = max(r[0] for r in lib.conn.execute("SELECT id FROM articles"))
        assert lib.articles.create(headline="After the move").id == copied + 1


@pytest.mark.parametrize("target", ["file", "server"])
def test_a_failure_mid_copy_leaves_the_target_untouched(target, db_path, pg_url, tmp_path):
    with Library.open(db_path, seed=False) as lib:
        fill(lib)
    dest = tmp_path / "dest.db" if target == "file" else pg_url
    with Library.open(dest) as existing:
        existing.articles.create(headline="Ours")
        before = dump(existing)
    if target == "file":
        raw = dest.read_bytes()

    def fail(table, done, total):
        if table == "quotes":  # articles, revisions, sources... are in already
            raise OSError(5, "Input/output error")

    with pytest.raises(OSError):
        migrate(db_path, dest, replace=True, progress=fail)
    with Library.open(dest, seed=False) as existing:
        assert dump(existing) == before
    if target == "file":
        assert dest.read_bytes() == raw
        assert sorted(p.name for p in tmp_path.iterdir()) == ["dest.db", "library.db"]


DAMAGE = {  # what goes wrong in the target after a table's rows arrived, and what is said
    "a row lost": ("dictionary_words", "DELETE FROM dictionary_words WHERE article_id IS NULL",
                   "came out wrong: dictionary_words has 1 row"),
    "a text changed": ("articles", "UPDATE articles SET body = body || '!' WHERE id = 1",
                       "the articles' text differs"),
}


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("target", ["file", "server"])
def test_a_copy_that_comes_out_different_is_not_kept(target, damage, db_path, pg_url, tmp_path,
                                                     monkeypatch):
    with Library.open(db_path, seed=False) as lib:
        fill(lib)
    dest = tmp_path / "dest.db" if target == "file" else pg_url
    table, sql, message = DAMAGE[damage]
    real = transfer._copy_table

    def lossy(source, target_lib, name, total, progress):
        done = real(source, target_lib, name, total, progress)
        if name == table:
            target_lib.conn.execute(sql)
        return done

    monkeypatch.setattr(transfer, "_copy_table", lossy)
    with pytest.raises(DeskError, match=message):
        migrate(db_path, dest)
    if target == "file":
        assert not dest.exists()
    else:
        with Library.open(dest, seed=False) as lib:
            assert lib.articles.count() == 0


@pytest.mark.parametrize("source", ["sqlite", "postgresql"])
def test_the_source_is_read_as_one_snapshot(source, db_path, pg_url, tmp_path):
    where = db_path if source == "sqlite" else pg_url
    with Library.open(where, seed=False) as lib:
        a, _b = fill(lib)
        before = dump(lib)
    other = Library.open(where, seed=False)  # another desk, writing while the copy runs

    def meanwhile(table, done, total):
        if table == "articles":
            other.revisions.create(a.id, label="written during the copy")
            other.articles.update(a.id, body="Changed during the copy.")

    try:
        migrate(where, tmp_path / "copy.db", progress=meanwhile)
    finally:
        other.close()
    with Library.open(tmp_path / "copy.db", seed=False) as lib:
        assert dump(lib) == before


def test_one_line_errors_for_a_bad_source_or_target(db_path, pg_url, pg_server, tmp_path):
    with Library.open(db_path, seed=False) as lib:
        fill(lib)
    text = tmp_path / "notes.txt"
    text.write_text("not a library\n")
    (tmp_path / "empty").write_bytes(b"")
    cases = [
        (tmp_path / "missing.db", tmp_path / "x.db", "no library at"),
        (text, tmp_path / "x.db", "not a desk library"),
        (tmp_path / "empty", tmp_path / "x.db", "is an empty file, not a desk library"),
        (tmp_path, tmp_path / "x.db", "is a folder"),
        (pg_url, tmp_path / "x.db", "is an empty database, not a desk library"),
        (db_path, text, "not a desk library"),
        (db_path, db_path, "is the library being copied"),
        (db_path, tmp_path / "no-such-folder" / "x.db", "is not a folder"),
        (db_path, pg_server.url("no_such_db"), "has no database 'no_such_db'"),
    ]
    for source, target, needle in cases:
        with pytest.raises(DeskError, match=needle) as caught:
            migrate(source, target)
        assert "\n" not in str(caught.value)
    assert not (tmp_path / "x.db").exists()


def test_a_newer_library_is_refused_on_either_side(db_path, pg_url, tmp_path):
    with Library.open(db_path, seed=False) as lib:
        fill(lib)
    Library.open(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 'later')")
    with pytest.raises(DeskError, match="newer desk"):
        migrate(db_path, pg_url)
    with pytest.raises(DeskError, match="newer desk"):
        migrate(pg_url, tmp_path / "x.db")


def test_a_library_open_in_a_desk_is_not_replaced(db_path, tmp_path):
    with Library.open(db_path, seed=False) as lib:
        fill(lib)
    with Library.open(tmp_path / "busy.db") as busy:
        assert (tmp_path / "busy.db-wal").exists()
        with pytest.raises(DeskError, match="is open in a desk"):
            migrate(db_path, tmp_path / "busy.db", replace=True)
        assert busy.articles.count() == 1


def test_copy_into_from_an_open_library(library, tmp_path):
    a = library.articles.create(headline="Open here")
    moved = copy_into(library, tmp_path / "out.db")
    assert moved.copied.rows["articles"] == 1 and moved.where == str(tmp_path / "out.db")
    with Library.open(tmp_path / "out.db", seed=False) as lib:
        assert lib.articles.get(a.id).headline == "Open here"


def test_a_team_library_backs_up_into_a_library_file(pg_url, tmp_path):
    with Library.open(pg_url, seed=False) as server:
        fill_team(server)
        before = dump(server)
        out = server.backup(tmp_path / "team.db")
        assert out == tmp_path / "team.db"
        with pytest.raises(DeskError, match="exists; choose another name or use --force"):
            server.backup(tmp_path / "team.db")
        server.articles.create(headline="Later")
        server.backup(tmp_path / "team.db", overwrite=True)
        live = server.articles.count()
    with Library.open_read_only(tmp_path / "team.db") as copy:
        assert copy.articles.count() == live and copy.articles.list()[0].headline == "Later"
    with Library.open(tmp_path / "team.db", seed=False) as copy:
        copy.conn.execute("DELETE FROM articles WHERE headline = 'Later'")
        assert dump(copy) == before


def test_a_team_backup_is_one_snapshot(pg_url, tmp_path, monkeypatch):
    with Library.open(pg_url, seed=False) as server:
        a, _b = fill(server)
        before = dump(server)
        other = Library.open(pg_url, seed=False)
        real = transfer._copy_table

        def meanwhile(source, target, table, total, progress):
            if table == "revisions":  # after articles: the two must still agree
                other.revisions.create(a.id, label="during")
                other.articles.update(a.id, body="Changed during the backup.")
            return real(source, target, table, total, progress)

        monkeypatch.setattr(transfer, "_copy_table", meanwhile)
        try:
            server.backup(tmp_path / "team.db")
        finally:
            other.close()
    with Library.open(tmp_path / "team.db", seed=False) as copy:
        assert dump(copy) == before


def test_copy_library_replace_empties_an_open_target(library, tmp_path):
    with Library.open(tmp_path / "src.db", seed=False) as src:
        src.articles.create(headline="From the source")
        library.articles.create(headline="Already here")
        copied = copy_library(src, library, replace=True)
    assert copied.rows["articles"] == 1
    assert [a.headline for a in library.articles.list()] == ["From the source"]


KILLED_MIGRATE = """
import os, signal, sys
from desk.storage import moving, transfer
real = transfer._copy_table


def killed(*args):
    if args[2] == "quotes":
        os.kill(os.getpid(), signal.SIGKILL)  # no finally, no cleanup: as with kill -9
    return real(*args)


transfer._copy_table = killed
moving.migrate(sys.argv[1], sys.argv[2])
"""


def test_a_migrate_killed_mid_copy_is_swept_when_a_library_next_opens(db_path, tmp_path):
    import signal
    import subprocess
    import sys

    with Library.open(db_path, seed=False) as lib:
        fill(lib)
    out = tmp_path / "out"
    out.mkdir()
    child = subprocess.run([sys.executable, "-c", KILLED_MIGRATE, str(db_path),
                            str(out / "copy.db")], capture_output=True, text=True, timeout=60)
    assert child.returncode == -signal.SIGKILL, child.stderr
    left = sorted(p.name for p in out.iterdir())
    assert left and all(n.startswith(".desk-backup-") for n in left)
    assert any(n.endswith(".db-wal") for n in left)  # the temporary library's own litter
    Library.open(db_path).close()  # the next desk to start, whatever it does
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("target", ["postgresql:/ana:pw@db/news", "Postgresql://db/news",
                                    "pg:ana@db"])
def test_a_mistyped_team_url_is_refused_and_no_file_is_made(tmp_path, monkeypatch, target):
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "lib.db"
    Library.open(source).close()
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(DeskError, match="is not a library"):
        migrate(source, target)
    with pytest.raises(DeskError, match="is not a library"):
        Library.open(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
