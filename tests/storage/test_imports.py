"""Import batches remember each file's content hash (migration 0007), so a re-import of the
same bytes is noticed; files imported under an older schema have none and are not."""

import sqlite3

from desk.storage import Library, migrations


def test_imported_from_finds_live_articles_of_finished_batches(library):
    done = library.imports.start(["/in/a.md", "/in/b.md"], ["aa", "bb"])
    a = library.articles.create(headline="A", body="x")
    b = library.articles.create(headline="B", body="y")
    library.imports.mark_done(done, 0, a.id)
    library.imports.mark_done(done, 1, b.id)
    library.imports.finish(done)
    running = library.imports.start(["/in/c.md"], ["cc"])  # this process: not finished yet
    c = library.articles.create(headline="C", body="z")
    library.imports.mark_done(running, 0, c.id)
    library.articles.trash(b.id)
    found = library.imports.imported_from(["aa", "bb", "cc", "zz"])
    assert list(found) == ["aa"]
    assert (found["aa"].path, found["aa"].article_id, found["aa"].headline) == ("/in/a.md", a.id, "A")


def test_a_file_name_that_is_not_utf8_comes_back_as_it_was(library):
    name = "/in/caf\udce9.md"
    bid = library.imports.start([name], ["hh"])
    article = library.articles.create(headline="Café", body="x")
    library.imports.mark_done(bid, 0, article.id)
    library.imports.finish(bid)
    assert library.imports.imported_from(["hh"])["hh"].path == name


def test_upgrade_from_schema_5_keeps_batches_without_a_hash(tmp_path, monkeypatch):
    old_dir = tmp_path / "v5"
    old_dir.mkdir()
    for number, name, path in migrations.available()[:5]:
        (old_dir / name).write_text(path.read_text())
    path = tmp_path / "lib.db"
    with monkeypatch.context() as m:
        m.setattr(migrations, "migrations_dir", lambda: old_dir)
        Library.open(path, seed=False).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO articles (headline, body, created_at, updated_at) "
                     "VALUES ('old', 'b', '2026-01-01', '2026-01-01')")
        conn.execute("INSERT INTO import_batches (id, status, started_at) "
                     "VALUES (1, 'done', '2026-01-01')")
        conn.execute("INSERT INTO import_batch_files (batch_id, position, path, article_id) "
                     "VALUES (1, 0, X'2f612e6d64', 1)")
    conn.close()
    with Library.open(path) as lib:
        assert lib.schema_version == migrations.latest_version()
        assert lib.imports.get(1).paths == ["/a.md"] and lib.imports.get(1).article_ids == [1]
        row = lib.conn.execute("SELECT content_hash FROM import_batch_files").fetchone()
        assert row[0] is None
        assert lib.imports.imported_from(["anything"]) == {}
