"""The article list paged by keyset (updated_at, id), the short-search order, and
interrupting a read."""

import random
import threading

import pytest

from desk.storage import Library, QueryInterrupted
from desk.storage.articles import ranks_search

STAMPS = ["2026-01-0%dT09:00:00.000000+00:00" % d for d in range(1, 6)]


def _random_library(library, rng, n=300):
    """Articles with few distinct timestamps (many ties), statuses, sections, tags and some
    in the trash."""
    with library.transaction():
        for i in range(n):
            a = library.articles.create(
                headline=f"Story {i} {rng.choice(['council', 'water', 'cup'])}",
                body=rng.choice(["the council met", "water rates", "a cup final", "co-op"]),
                status=rng.choice(["draft", "editing", "ready"]),
                section=rng.choice(["", "News", "Sport"]),
                tags=rng.sample(["a", "b", "c"], rng.randint(0, 2)),
                created_at=STAMPS[0], updated_at=rng.choice(STAMPS))
            if rng.random() < 0.15:
                library.articles.trash(a.id)


def _by_keyset(library, size, **query):
    rows, after = [], None
    while True:
        page = library.articles.list(**query, limit=size, after=after)
        rows += page
        if len(page) < size:
            return rows
        after = page[-1].list_key


FILTERS = [{}, {"status": "ready"}, {"section": "Sport"}, {"section": ""}, {"tag": "b"},
           {"trashed": True}, {"trashed": True, "status": "draft"}, {"search": "co"},
           {"search": "c", "status": "editing"}, {"search": "w", "tag": "a"}]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("query", FILTERS, ids=lambda q: ",".join(f"{k}={v}" for k, v in q.items()))
def test_keyset_pages_give_the_rows_of_the_whole_list_in_its_order(library, seed, query):
    rng = random.Random(seed)
    _random_library(library, rng)
    whole = library.articles.list(**query)
    assert whole == sorted(whole, key=lambda a: (a.updated_at, a.id), reverse=True)
    assert len({a.updated_at for a in whole}) < len(whole)  # ties to break
    for size in (1, 7, 50, 1000):
        assert _by_keyset(library, size, **query) == whole


def test_keyset_pages_match_the_old_offset_pages(library):
    _random_library(library, random.Random(4))
    by_offset = []
    while page := library.articles.list(limit=40, offset=len(by_offset)):
        by_offset += page
    assert _by_keyset(library, 40) == by_offset


def test_a_one_or_two_letter_search_lists_newest_change_first(library):
    old = library.articles.create(headline="Council council council")
    library.articles.create(headline="Cup final")
    library.articles.create(headline="Weather")
    assert [a.headline for a in library.articles.list(search="c")] == ["Cup final",
                                                                       "Council council council"]
    assert [a.headline for a in library.articles.list(search="co")] == ["Council council council"]
    library.articles.update(old.id, body="changed")
    assert library.articles.list(search="c")[0].id == old.id


def test_a_search_ending_in_a_short_prefix_lists_newest_change_first(library):
    best = library.articles.create(headline="The mayor, the mayor", body="the mayor said")
    library.articles.create(headline="The market", body="prices")
    library.articles.create(headline="A river", body="the water")
    weak = library.articles.create(headline="Notes", body="the maybe " + "other words " * 40)
    assert [a.headline for a in library.articles.list(search="the m")] == [
        "Notes", "The market", best.headline]
    assert [a.id for a in library.articles.list(search="the may")] == [best.id, weak.id]


def test_a_longer_search_is_ranked_by_match_as_before(library):
    best = library.articles.create(headline="Council council", body="council")
    library.articles.create(headline="Council", body="other words here")
    assert library.articles.list(search="cou")[0].id == best.id
    assert library.articles.list(search="council vote") == []


def test_ranked_search_refuses_a_keyset(library):
    library.articles.create(headline="Council")
    with pytest.raises(ValueError):
        library.articles.list(search="council", after=("2026", 1))


@pytest.mark.parametrize("text,ranked", [("c", False), ("co", False), (" Co ", False),
                                         ("cou", True), ("co op", False), ("the m", False),
                                         ("co ops", True), ("op co", False), ("", False),
                                         ("é", False), ("!!", False)])
def test_which_searches_are_ranked(text, ranked):
    assert ranks_search(text) is ranked


@pytest.mark.sqlite_only  # SQLite's query plans (PostgreSQL plans by its statistics)
def test_the_list_order_is_served_by_an_index(library):
    plans = []
    for query in ({}, {"status": "ready"}, {"section": "News"}, {"trashed": True}):
        joins, where, params, _ = library.articles._where(None, None, None, None, False) \
            if not query else library.articles._where(query.get("status"), query.get("section"),
                                                      None, None, query.get("trashed", False))
        sql = (f"EXPLAIN QUERY PLAN SELECT a.id FROM articles a{joins} WHERE {where} "
               "AND (a.updated_at, a.id) < (?, ?) ORDER BY a.updated_at DESC, a.id DESC LIMIT 5")
        plan = " ".join(r[3] for r in library.conn.execute(sql, [*params, "x", 1]))
        plans.append(plan)
    for plan in plans:
        assert "USING INDEX" in plan and "TEMP B-TREE" not in plan, plan


def stall_reads(reader, started, release):
    """Make every read of ``articles`` on this connection run until ``release`` is set: a
    temporary view of that name (temp objects come first) calls a function that waits. On
    PostgreSQL the view sleeps (pg_sleep), and ``started`` is set once the server says the
    connection runs it."""
    if reader.is_postgresql:
        stall_pg_reads(reader, started, release)
        return

    def wait(_n):
        started.set()
        release.wait(30)
        return 0

    reader.conn.create_function("stall", 1, wait)
    reader.conn.execute("CREATE TEMP VIEW articles AS SELECT * FROM main.articles "
                        "WHERE stall(id) = 0")


def stall_pg_reads(reader, started, release):
    """PostgreSQL: the view waits for an advisory lock another connection holds until
    ``release``; ``started`` is set once the server says the reader waits for it."""
    import psycopg

    holder = psycopg.connect(reader.engine.url, autocommit=True)
    holder.execute("SELECT pg_advisory_lock(4242)")
    reader.conn.execute("SET default_transaction_read_only = off")  # a temporary view only
    reader.conn.execute("CREATE TEMP VIEW articles AS SELECT a.* FROM public.articles a, "
                        "(SELECT pg_advisory_lock_shared(4242), pg_advisory_unlock_shared(4242)) s")
    reader.conn.execute("SET default_transaction_read_only = on")
    pid = reader.conn.execute("SELECT pg_backend_pid()").fetchone()[0]

    def watch():
        try:
            while not release.is_set() and not started.is_set():
                if holder.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s "
                                  "AND wait_event_type = 'Lock'", (pid,)).fetchone()[0]:
                    started.set()
                release.wait(0.01)
            release.wait(30)
        finally:
            holder.close()  # lets the view read again
    threading.Thread(target=watch, daemon=True).start()


def test_interrupt_cancels_a_running_read_from_another_thread(library, library_target):
    library.articles.create_many({"headline": f"h{i}"} for i in range(3))
    reader = Library.open_read_only(library_target)
    started, release = threading.Event(), threading.Event()
    stall_reads(reader, started, release)
    outcome = []

    def run():
        try:
            outcome.append(reader.articles.count())
        except QueryInterrupted as exc:
            outcome.append(exc)

    t = threading.Thread(target=run)
    t.start()
    assert started.wait(30)
    reader.interrupt()
    release.set()
    t.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], QueryInterrupted), outcome
    assert "cancelled" in str(outcome[0])
    assert reader.articles.count() == 3  # the connection goes on working
    reader.close()


def test_interrupt_with_nothing_running_changes_nothing(library):
    library.articles.create(headline="A")
    library.interrupt()
    assert library.articles.count() == 1
