"""Schema 5: one row per quotation place and per alias, duplicates from older libraries
removed without losing the review decision they carried."""

import sqlite3

import pytest

from desk.checks.engine import check_text
from desk.review.reattach import sync_quotes
from desk.storage import Library, migrations

BODY = ("\u201cWe will rebuild the bridge by spring,\u201d said Ana Ruiz.\n\n"
        "\u201cNobody will pay more,\u201d said Tom Hardy.\n")
STAMP = "2026-01-01T00:00:00"


def old_library(tmp_path, monkeypatch, version=4):
    old_dir = tmp_path / f"v{version}"
    old_dir.mkdir()
    for _n, name, file in migrations.available()[:version]:
        (old_dir / name).write_text(file.read_text())
    path = tmp_path / "old.db"
    with monkeypatch.context() as m:
        m.setattr(migrations, "migrations_dir", lambda: old_dir)
        Library.open(path, seed=False).close()
    return path


def insert_quote(conn, aid, span, **values):
    row = {"article_id": aid, "text": span.text, "start": span.start, "end": span.end,
           "created_at": STAMP, "updated_at": STAMP, **values}
    cols = ", ".join(f'"{k}"' for k in row)
    return conn.execute(f"INSERT INTO quotes ({cols}) VALUES ({', '.join('?' * len(row))})",
                        list(row.values())).lastrowid


@pytest.fixture
def duplicated(tmp_path, monkeypatch):
    """A schema-4 library where three racing syncs stored every quotation three times, and
    the editor verified the second copy of the first quotation and noted on the third."""
    path = old_library(tmp_path, monkeypatch)
    spans = check_text(BODY, spelling=False).all_quotes
    assert len(spans) == 2
    conn = sqlite3.connect(path)
    aid = conn.execute("INSERT INTO articles (headline, body, created_at, updated_at) "
                       "VALUES ('x', ?, ?, ?)", (BODY, STAMP, STAMP)).lastrowid
    ids = {}
    for n, span in enumerate(spans):
        ids[n] = [insert_quote(conn, aid, span) for _ in range(3)]
    conn.execute("UPDATE quotes SET status = 'verified', reviewed_by = 'ed', reviewed_at = ? "
                 "WHERE id = ?", (STAMP, ids[0][1]))
    conn.execute("UPDATE quotes SET note = 'call back' WHERE id = ?", (ids[0][2],))
    sid = conn.execute("INSERT INTO sources (name, created_at, updated_at) VALUES ('Ana Ruiz', ?, ?)",
                       (STAMP, STAMP)).lastrowid
    conn.executemany("INSERT INTO source_aliases (source_id, alias) VALUES (?, ?)",
                     [(sid, "Ruiz"), (sid, "ruiz"), (sid, "RUIZ"), (sid, "Ana")])
    conn.commit()
    conn.close()
    return path, aid, ids, sid


def test_upgrade_keeps_one_row_per_quotation(duplicated):
    path, aid, _ids, _sid = duplicated
    with Library.open(path, seed=False) as lib:
        rows = lib.quotes.list(article_id=aid)
    assert len(rows) == 2
    assert len({(r.start, r.end) for r in rows}) == 2


def test_upgrade_keeps_the_verified_copy_with_the_note_of_another(duplicated):
    path, aid, ids, _sid = duplicated
    with Library.open(path, seed=False) as lib:
        kept = lib.quotes.get(ids[0][1])
        assert (kept.status, kept.reviewed_by, kept.note) == ("verified", "ed", "call back")
        # and the next sync leaves it attached to its quotation, not orphaned
        synced = {r.id: r for r in sync_quotes(lib, aid)}
        assert synced[ids[0][1]].status == "verified"
        assert lib.quotes.list(article_id=aid) == list(synced.values())


def test_upgrade_folds_aliases_that_differ_only_in_case(duplicated):
    path, _aid, _ids, sid = duplicated
    with Library.open(path, seed=False) as lib:
        assert lib.sources.get(sid).aliases == ["Ruiz", "Ana"]
        lib.sources.add_alias(sid, "rUiZ")
        assert lib.sources.get(sid).aliases == ["Ruiz", "Ana"]


def test_second_row_at_one_place_returns_the_first(library):
    a = library.articles.create(headline="x", body=BODY)
    first = library.quotes.add(a.id, "One", start=0, end=5)
    again = library.quotes.add(a.id, "One", start=0, end=5)
    assert again.id == first.id
    assert len(library.quotes.list(article_id=a.id)) == 1


def test_orphans_are_not_constrained(library):
    a = library.articles.create(headline="x")
    library.quotes.add(a.id, "One", note="kept")
    library.quotes.add(a.id, "One", note="kept")
    assert len(library.quotes.list(article_id=a.id)) == 2


def test_a_sync_swapping_places_changing_and_removing_rows_writes_them_all(library):
    from desk.storage.quotes import QuoteDiff

    a = library.articles.create(headline="x", body="x" * 40)
    q1 = library.quotes.add(a.id, "One", start=0, end=5)
    q2 = library.quotes.add(a.id, "Two", start=10, end=15)
    q3 = library.quotes.add(a.id, "Three", start=20, end=25)
    # written in one batch on PostgreSQL: the text's % and ? are values, not placeholders
    diff = QuoteDiff(a.id, deleted=(q3.id,), updated=((q1.id, {"text": "50% 'off'?"}),),
                     moved=((q1.id, 10, 15), (q2.id, 0, 5)))
    rows, fingerprint = library.quotes.snapshot(a.id)
    assert library.quotes.apply(diff, fingerprint=fingerprint, body=a.body) == {
        q1.id, q2.id, q3.id}
    assert [(q.id, q.text, q.start) for q in library.quotes.list(article_id=a.id)] == [
        (q2.id, "Two", 0), (q1.id, "50% 'off'?", 10)]


def test_a_sync_of_one_article_leaves_another_articles_rows_alone(library):
    from desk.storage.quotes import QuoteDiff

    a = library.articles.create(headline="a", body="x" * 40)
    b = library.articles.create(headline="b", body="y" * 40)
    theirs = library.quotes.add(b.id, "Theirs", start=0, end=5)
    # a diff of article a naming b's row (never computed so; the sync holds a's row only)
    diff = QuoteDiff(a.id, updated=((theirs.id, {"text": "changed"}),),
                     moved=((theirs.id, 10, 15),), deleted=(theirs.id,))
    library.quotes.apply(diff)
    assert library.quotes.get(theirs.id) == theirs


def test_quotations_swapping_places_do_not_collide(library):
    a = library.articles.create(headline="x")
    q1 = library.quotes.add(a.id, "One", start=0, end=5)
    q2 = library.quotes.add(a.id, "Two", start=10, end=15)
    library.quotes.move([(q1.id, 10, 15), (q2.id, 0, 5)])
    assert {q.id: q.start for q in library.quotes.list(article_id=a.id)} == {q1.id: 10, q2.id: 0}
