"""Quote tags tell an editor's attribution from the checks' guess (the `assigned` flag)."""

import pytest

from desk.storage import migrations


def test_tagged_passes_speaker_and_source_only_when_an_editor_assigned_them(library):
    a = library.articles.create(headline="x")
    src = library.sources.add("Ana Ruiz")
    guessed = library.quotes.add(a.id, "We are ready", speaker="Ana Ruiz", source_id=src.id, start=0, end=14)
    chosen = library.quotes.add(a.id, "We are not", speaker="Tom Hardy", start=20, end=32, assigned=1)
    tags = {t.id: t for t in library.quotes.tagged(a.id)}
    assert (tags[guessed.id].speaker, tags[guessed.id].source_id) == (None, None)
    assert (tags[chosen.id].speaker, tags[chosen.id].source_id, tags[chosen.id].start) == ("Tom Hardy", None, 20)


def test_new_rows_are_not_assigned(library):
    a = library.articles.create(headline="x")
    assert library.quotes.add(a.id, "We are ready").assigned == 0


def test_move_sets_positions_of_many_rows(library):
    a = library.articles.create(headline="x")
    q1 = library.quotes.add(a.id, "One", start=0, end=5)
    q2 = library.quotes.add(a.id, "Two", start=10, end=15)
    library.quotes.move([(q1.id, 1, 6), (q2.id, None, None)])
    assert [(q.start, q.end) for q in library.quotes.list(article_id=a.id)] == [(None, None), (1, 6)]


@pytest.mark.sqlite_only
def test_assigned_column_comes_with_a_migration(library):
    cols = {r["name"] for r in library.db.query("PRAGMA table_info(quotes)")}
    assert "assigned" in cols and migrations.latest_version() >= 3


def test_upgrade_keeps_sources_set_through_review_as_assigned(tmp_path, monkeypatch):
    from desk.storage import Library

    old_dir = tmp_path / "v2"  # a desk that knows only schemas 1 and 2
    old_dir.mkdir()
    for _n, name, file in migrations.available()[:2]:
        (old_dir / name).write_text(file.read_text())
    path = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(migrations, "migrations_dir", lambda: old_dir)
        with Library.open(path, seed=False) as lib:
            src = lib.sources.add("Ana Ruiz")
            stamp = "2026-01-01T00:00:00"
            aid = lib.conn.execute("INSERT INTO articles (headline, created_at, updated_at)"
                                   " VALUES ('x', ?, ?)", (stamp, stamp)).lastrowid
            lib.conn.execute("INSERT INTO quotes (article_id, text, source_id, reviewed_at, created_at,"
                             " updated_at) VALUES (?, 'One', ?, ?, ?, ?)", (aid, src.id, stamp, stamp, stamp))
            lib.conn.execute("INSERT INTO quotes (article_id, text, source_id, created_at, updated_at)"
                             " VALUES (?, 'Two', ?, ?, ?)", (aid, src.id, stamp, stamp))
    with Library.open(path, seed=False) as lib:
        got = {q.text: q.assigned for q in lib.quotes.list(article_id=aid)}
    assert got == {"One": 1, "Two": 0}
