"""Copying a library into another, empty one (desk.storage.transfer): SQLite onto PostgreSQL
and back, every row of every table with its ids."""

import pytest

from desk.model import DeskError
from desk.storage import Library
from desk.storage.check_results import StoredResult
from desk.storage.transfer import TABLES, copy_library


def fill(lib):
    src = lib.sources.add("Ana Ruiz", role="mayor", aliases=["Mayor Ruiz"])
    other = lib.sources.add("Tomás Ferreira", kind="person")
    a = lib.articles.create(headline="Bridge to reopen", dek="By spring",
                            body="“We will rebuild,” said Ana Ruiz.", tags=["Bridge", "city"])
    b = lib.articles.create(headline="Floods in Easthaven", body="Rain, rain.", section="Metro")
    lib.revisions.create(a.id, label="first")
    lib.articles.update(a.id, body="“We will rebuild by spring,” said Ana Ruiz.")
    m = lib.materials.add("We will rebuild by spring, she said.", source_id=src.id, title="Notes")
    q = lib.quotes.add(a.id, "We will rebuild by spring", start=1, end=27, source_id=src.id,
                       assigned=1)
    lib.quotes.update(q.id, status="verified", verified_material_id=m.id,
                      verified_against="We will rebuild by spring")
    lib.quotes.add(b.id, "orphaned words", source_id=other.id)
    lib.dictionary.add("Easthaven")
    lib.dictionary.add("Ferreira", article_id=b.id)
    lib.status_log.record(a.id, "draft", "editing")
    lib.exports.record(a.id, "md", "/tmp/a.md")
    batch = lib.imports.start(["/tmp/a.md", "/tmp/\udcff.md"], ["h1", None])
    lib.imports.mark_done(batch, 0, b.id)
    lib.imports.finish(batch)
    lib.check_results.store([StoredResult(a.id, "v1", ((src.id, "Ana Ruiz", "verified", "name"),))])
    lib.articles.trash(b.id)
    return a, b


def dump(lib):
    """Every table's rows, by column name, in a stable order."""
    out = {}
    for table in TABLES:
        rows = lib.engine.rows(f'SELECT * FROM "{table}"')
        out[table] = sorted((tuple(sorted((k, bytes(v) if isinstance(v, memoryview) else v)
                                          for k, v in r.items())) for r in rows), key=repr)
    return out


def test_an_sqlite_library_moves_onto_postgresql_and_back(db_path, pg_url, tmp_path):
    with Library.open(db_path, seed=False) as lib:
        a, b = fill(lib)
        before = dump(lib)
        assert [t for t in TABLES if not before[t]] == []  # every table has rows to copy
        with Library.open(pg_url, seed=False) as server:
            copied = copy_library(lib, server)
            assert copied.rows["articles"] == 2 and copied.rows["quotes"] == 2
            assert dump(server) == before
            assert server.articles.get(a.id).tags == ["Bridge", "city"]
            assert [x.id for x in server.articles.list(search="rebuil")] == [a.id]
            assert [x.id for x in server.sources.list(search="mayor ruiz")] == [
                lib.sources.find("Ana Ruiz").id]
            assert server.imports.get(1).paths[1] == "/tmp/\udcff.md"
            new = server.articles.create(headline="After the move")  # ids go on past the copy
            assert new.id > max(a.id, b.id)
            server.articles.trash(new.id)
            server.articles.purge(new.id)
            back = tmp_path / "back.db"
            with Library.open(back, seed=False) as file_again:
                copy_library(server, file_again)
                assert dump(file_again) == before
                assert [x.id for x in file_again.articles.list(search="spring")] == [a.id]


def test_the_target_must_be_empty(db_path, pg_url):
    with Library.open(db_path, seed=False) as lib, Library.open(pg_url) as server:
        fill(lib)
        with pytest.raises(DeskError, match="is not empty"):
            copy_library(lib, server)  # it has the welcome article
        assert server.articles.count() == 1


def test_a_failed_copy_leaves_the_target_empty(db_path, pg_url):
    with Library.open(db_path, seed=False) as lib, Library.open(pg_url, seed=False) as server:
        fill(lib)
        lib.conn.execute("PRAGMA ignore_check_constraints = ON")
        lib.conn.execute("UPDATE quotes SET status = 'nonsense'")
        with pytest.raises(DeskError, match="refused the change"):
            copy_library(lib, server)
        assert all(not rows for rows in dump(server).values())
