"""What a team library announces on desk_changes, and the listener that hears it
(desk.storage.postgres PgConnection.announce, desk.storage.pg_listen)."""

from __future__ import annotations

import threading

import psycopg
import pytest

from desk.storage import Library
from desk.storage.errors import ConnectionLost, StorageError
from desk.storage.pg_listen import Change, ChangeListener
from desk.storage.postgres import CHANGES_CHANNEL, MAX_IDS_NOTIFIED, named_row, written_table

WAIT_S = 10


@pytest.fixture
def team(pg_url):
    """The library (as one editor has it) and a bare LISTEN connection next to it."""
    lib = Library.open(pg_url, seed=False)
    ear = psycopg.connect(pg_url, autocommit=True)
    ear.execute(f"LISTEN {CHANGES_CHANNEL}")
    yield lib, ear
    ear.close()
    lib.close()


def heard(ear, until: str) -> list[str]:
    """The payloads up to and including ``until`` (a marker sent last)."""
    got: list[str] = []
    for note in ear.notifies(timeout=WAIT_S):
        got.append(note.payload)
        if note.payload == until:
            break
    return got


def mark(lib) -> str:
    """A write whose notification ends what a test waits for."""
    return f"tags:{lib.engine.insert('tags', {'name': 'end-of-test'})}"


def test_a_committed_write_names_its_table_and_row(team):
    lib, ear = team
    article = lib.articles.create(headline="Council budget")
    source = lib.sources.add("Ines Halloran")
    got = heard(ear, f"sources:{source.id}")
    assert f"articles:{article.id}" in got
    assert got[-1] == f"sources:{source.id}"


def test_each_notification_names_the_writing_connection(team):
    lib, ear = team
    lib.articles.create(headline="Council budget")
    note = next(ear.notifies(timeout=WAIT_S))
    assert note.pid == lib.backend_pid


def test_a_rolled_back_transaction_announces_nothing(team):
    lib, ear = team
    with pytest.raises(RuntimeError), lib.transaction():
        lib.articles.create(headline="Never stored")
        raise RuntimeError("changed my mind")
    end = mark(lib)
    assert heard(ear, end) == [end]


def test_a_statement_naming_no_row_announces_its_table(team):
    lib, ear = team
    sid = lib.sources.add("Ines Halloran").id
    lib.sources.add_alias(sid, "Halloran")  # INSERT INTO source_aliases: no id to name
    end = mark(lib)
    assert "source_aliases:" in heard(ear, end)


def test_a_statement_ending_where_id_names_the_row(team):
    lib, ear = team
    aid = lib.articles.create(headline="Trashed").id
    lib.articles.trash(aid)  # UPDATE articles SET deleted_at = ? WHERE id = ?
    end = mark(lib)
    got = heard(ear, end)
    assert f"articles:{aid}" in got and "articles:" not in got


def test_executemany_names_the_rows_of_where_id(team):
    lib, ear = team
    ids = [lib.engine.insert("tags", {"name": f"tag {n}"}) for n in range(3)]
    heard(ear, f"tags:{ids[-1]}")
    with lib.transaction():
        lib.conn.executemany("UPDATE tags SET name = ? WHERE id = ?",
                             [(f"renamed {i}", i) for i in ids])
    end = mark(lib)
    got = heard(ear, end)
    assert sorted(got[:-1]) == sorted(f"tags:{i}" for i in ids)


def test_many_rows_of_a_table_are_one_notification(team):
    lib, ear = team
    with lib.transaction():
        for n in range(MAX_IDS_NOTIFIED + 5):
            lib.engine.insert("tags", {"name": f"tag {n}"})
    got = heard(ear, "tags:")
    assert got == ["tags:"]


def test_written_table_reads_the_statements_desk_writes_with():
    assert written_table('INSERT INTO "articles" (headline) VALUES (?)') == "articles"
    assert written_table("\n  UPDATE quotes SET status = ? WHERE id = ?") == "quotes"
    assert written_table("DELETE FROM source_aliases WHERE source_id = ?") == "source_aliases"
    assert written_table("SELECT * FROM articles") is None
    assert written_table("WITH v AS (SELECT 1) SELECT * FROM v") is None


def test_named_row_is_the_last_parameter_of_where_id_only():
    assert named_row("UPDATE articles SET deleted_at = ? WHERE id = ?", ("now", 12)) == 12
    assert named_row('DELETE FROM quotes WHERE "id" = ?', [7]) == 7
    assert named_row("DELETE FROM quotes WHERE id = ? AND article_id = ?", (7, 3)) is None
    assert named_row("DELETE FROM article_tags WHERE article_id = ?", (3,)) is None
    assert named_row("UPDATE articles SET deleted_at = NULL WHERE id = ?", ()) is None
    assert named_row("UPDATE quotes SET status = ? WHERE id = ?", ("x", True)) is None


def test_change_parse():
    assert Change.parse("articles:12", 7) == Change("articles", 12, 7)
    assert Change.parse("articles:", 7) == Change("articles", None, 7)


# -- the listener ----------------------------------------------------------------------------


def test_the_listener_hears_another_connection_and_stops(pg_url):
    with Library.open(pg_url, seed=False) as lib, Library.open(pg_url, seed=False) as other:
        got: list[Change] = []
        arrived = threading.Event()

        def on_changes(changes):
            got.extend(changes)
            if any(c.table == "sources" for c in changes):
                arrived.set()

        listener = lib.listen(on_changes)
        try:
            assert listener.listening.wait(WAIT_S)
            source = other.sources.add("Ines Halloran")
            assert arrived.wait(WAIT_S)
            assert Change("sources", source.id, other.backend_pid) in got
        finally:
            listener.stop()
        assert not listener.listening.is_set()


def test_a_file_library_has_no_listener(tmp_path):
    with Library.open(tmp_path / "lib.db", seed=False) as lib:
        with pytest.raises(StorageError):
            lib.listen(lambda changes: None)
        assert lib.backend_pid is None and not lib.connection_lost


@pytest.fixture
def own_server():
    """A cluster of this test's own: restarting the shared one would cut every other test."""
    from tests.pg_cluster import start_cluster

    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


def test_after_a_restart_the_listener_comes_back_and_the_library_reconnects(own_server):
    with psycopg.connect(own_server.url(), autocommit=True) as admin:
        admin.execute('CREATE DATABASE "team"')
    url = own_server.url("team")
    states: list[bool] = []
    back = threading.Event()

    def on_state(online):
        states.append(online)
        if online:
            back.set()

    with Library.open(url, seed=False) as lib:
        article = lib.articles.create(headline="Before the restart")
        listener = ChangeListener(url, lambda changes: None, on_state=on_state)
        listener.start()
        try:
            assert listener.listening.wait(WAIT_S)
            own_server.restart()
            assert back.wait(WAIT_S * 3)
            assert states == [False, True]
            with pytest.raises(ConnectionLost):
                lib.articles.get(article.id)
            assert lib.connection_lost
            lib.reconnected(lib.new_connection())
            assert not lib.connection_lost
            assert lib.articles.get(article.id).headline == "Before the restart"
            lib.articles.create(headline="After the restart")
            assert lib.articles.count() == 2
        finally:
            listener.stop()
