"""What the PostgreSQL engine does differently from SQLite, tested on the real server:
writers queue on the library's lock, its wait is bounded, errors are desk's own."""

import pytest

from desk.storage import Library
from desk.storage.edits import busy_timeout, is_busy
from desk.storage.errors import LibraryLocked, StorageError
from desk.storage.postgres import placeholders
from desk.storage.search import TsSearch
from tests.pg_cluster import SUPERUSER


@pytest.fixture
def lib(pg_url):
    with Library.open(pg_url, seed=False) as lib:
        yield lib


def test_placeholders_leave_quoted_text_alone():
    assert placeholders("SELECT '?', \"a?\" FROM t WHERE x = ? AND y LIKE '%a'") == \
        "SELECT '?', \"a?\" FROM t WHERE x = %s AND y LIKE '%%a'"


def test_a_second_writer_waits_for_the_first_and_gives_up_as_busy(lib):
    article = lib.articles.create(headline="Weir")
    other = lib.another_connection()
    try:
        with other.transaction():
            other.articles.update(article.id, body="theirs")
            with busy_timeout(lib, 30), pytest.raises(LibraryLocked, match="is busy") as err:
                lib.articles.create(headline="mine")  # no row in common: the writer lock
            assert is_busy(err.value)
    finally:
        other.close()
    assert [a.headline for a in lib.articles.list()] == ["Weir"]
    assert lib.articles.get(article.id).body == "theirs"


def test_busy_timeout_sets_the_lock_timeout_and_restores_it(lib):
    before = lib.conn.execute("SHOW lock_timeout").fetchone()[0]
    with busy_timeout(lib, 50):
        assert lib.conn.execute("SHOW lock_timeout").fetchone()[0] == "50ms"
    assert lib.conn.execute("SHOW lock_timeout").fetchone()[0] == before


def test_a_failed_transaction_leaves_nothing_behind_and_the_connection_usable(lib):
    with pytest.raises(StorageError, match="refused the change"):
        with lib.transaction():
            lib.articles.create(headline="kept?")
            lib.conn.execute("INSERT INTO articles (headline, created_at, updated_at, status) "
                             "VALUES ('x', 'a', 'a', 'nonsense')")
    assert not lib.conn.in_transaction and lib.articles.count() == 0


def test_a_batch_of_writes_fails_whole_and_leaves_the_connection_usable(lib):
    a = lib.articles.create(headline="Weir", body="x" * 40)
    q = lib.quotes.add(a.id, "One", start=0, end=5)
    with pytest.raises(StorageError, match="refused the change"):
        with lib.transaction():
            lib.engine.write_batch([
                ("UPDATE quotes SET text = ? WHERE id = ?", ("changed 100%?", q.id)),
                ("UPDATE quotes SET status = ? WHERE id = ?", ("nonsense", q.id)),
            ], table="quotes")
    assert not lib.conn.in_transaction
    assert lib.quotes.get(q.id).text == "One"
    with lib.transaction():
        lib.engine.write_batch([("UPDATE quotes SET text = ? WHERE id = ?",
                                 ("changed 100%?", q.id))], table="quotes")
    assert lib.quotes.get(q.id).text == "changed 100%?"


def test_a_nested_transaction_rolls_back_alone(lib):
    with lib.transaction():
        lib.articles.create(headline="outer")
        with pytest.raises(RuntimeError), lib.transaction():
            lib.articles.create(headline="inner")
            raise RuntimeError
    assert [a.headline for a in lib.articles.list()] == ["outer"]


def test_sqlite_only_calls_say_so_in_one_line(lib, tmp_path):
    with pytest.raises(StorageError, match="not an SQLite file"):
        _ = lib.db
    lib.refuse_target(tmp_path / "anything.md")  # no file of the library to protect


def test_prefix_and_diacritics_work_through_the_index(lib):
    lib.articles.create(headline="Tomás Ferreira speaks", body="about the Khatibzadeh briefing")
    lib.conn.execute("SET enable_seqscan = off")  # a table this small would be read whole
    match = TsSearch().articles("khat", ranked=False)  # the condition Articles.list uses
    plan = " ".join(r[0] for r in lib.conn.execute(
        f"EXPLAIN SELECT a.id FROM articles a WHERE {match.where}", match.where_params))
    assert "articles_fts_vector" in plan
    assert lib.articles.count(search="TOMAS khatib") == 1


def test_a_connection_the_server_dropped_is_one_line_not_a_traceback(lib, pg_admin):
    pid = lib.conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    pg_admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(StorageError, match="connection to the PostgreSQL server was lost"):
        lib.articles.count()
    with pytest.raises(StorageError, match="connection to the PostgreSQL server was lost"):
        lib.articles.create(headline="lost")


def test_a_user_who_may_not_create_tables_gets_one_line(pg_server, pg_admin, pg_url):
    name = pg_url.split("/")[3].split("?")[0]
    pg_admin.execute("DROP ROLE IF EXISTS desk_reader")
    pg_admin.execute("CREATE ROLE desk_reader LOGIN")
    try:
        url = pg_url.replace(f"{SUPERUSER}@", "desk_reader@")
        with pytest.raises(StorageError, match="cannot open the library .*permission denied"):
            Library.open(url)
        Library.open(pg_url, seed=False).close()  # the owner makes it a library
        pg_admin.execute(f'GRANT CONNECT ON DATABASE "{name}" TO desk_reader')
        with pytest.raises(StorageError, match="permission denied for table"):
            with Library.open(url) as lib:
                lib.articles.count()
    finally:
        pg_admin.execute('DROP OWNED BY desk_reader')
        pg_admin.execute("DROP ROLE desk_reader")
