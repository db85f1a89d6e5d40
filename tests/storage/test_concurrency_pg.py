"""Many desks on one library at once (issue 14), as separate processes on the real engines:
ten writers adding the same and different sources and quotations, two saves racing on one
article, and (PostgreSQL only) the server restarted under an open library.

Each child opens a Library of its own on the test's library (an SQLite file, or a database
on the throwaway cluster), waits on a barrier so the writes really overlap, and reports
what each call returned, or the error it raised, back through a queue."""

from __future__ import annotations

import multiprocessing
import traceback

import pytest

from desk.model import DeskError
from desk.storage import Library
from desk.storage.edits import KEPT_LABEL, save_edit, text_of
from desk.storage.errors import ConnectionLost, StorageError

WRITERS = 10
# Every writer tries these names: three every writer shares (one in two spellings), and
# one of its own, so the same name races ten times and different names race each other.
SHARED_NAMES = ("Ana Ruiz", "ANA RUIZ", "Tom Hardy", "City Council")
# Quotation places on one article: (start, end). Every writer adds every shared place and
# one place of its own.
SHARED_PLACES = ((0, 10), (20, 30), (40, 50))
JOIN_TIMEOUT_S = 90
SHARED_ALIAS = "Ruiz"  # the speaker every learner remembers for a source of its own
LEARNERS = 4


def _own_name(n: int) -> str:
    return f"Writer {n} Source"


def _own_place(n: int) -> tuple[int, int]:
    return (100 + 20 * n, 110 + 20 * n)


def _add_things(target: str, article_id: int, n: int, barrier, results) -> None:
    """A child: add every shared and its own source and quotation; report each outcome."""
    from desk.operations.sources import create_source

    outcome: dict[str, object] = {"n": n, "sources": {}, "quotes": {}, "error": None}
    try:
        lib = Library.open(target, seed=False)
        try:
            barrier.wait(timeout=60)
            for name in (*SHARED_NAMES, _own_name(n)):
                try:
                    outcome["sources"][name] = create_source(lib, name=name).source.id
                except DeskError as exc:
                    if isinstance(exc, StorageError):
                        raise
                    outcome["sources"][name] = f"refused: {exc}"
            for start, end in (*SHARED_PLACES, _own_place(n)):
                quote = lib.quotes.add(article_id, f"words {start}-{end}", start=start, end=end)
                outcome["quotes"][f"{start}-{end}"] = quote.id
        finally:
            lib.close()
    except BaseException:
        outcome["error"] = traceback.format_exc()
    results.put(outcome)


def _save(target: str, article_id: int, base: dict, body: str, barrier, results) -> None:
    """A child: the editor's save (desk.storage.edits.save_edit) from ``base``."""
    outcome: dict[str, object] = {"body": body, "error": None}
    try:
        lib = Library.open(target, seed=False)
        try:
            barrier.wait(timeout=60)
            result = save_edit(lib, article_id, base, {"body": body})
            outcome["kept"] = None if result.kept_revision is None else result.kept_revision.body
        finally:
            lib.close()
    except BaseException:
        outcome["error"] = traceback.format_exc()
    results.put(outcome)


def _learn(target: str, quote_id: int, source_id: int, barrier, results) -> None:
    """A child: credit its quotation to its source, remembering the speaker as an alias."""
    from desk.operations.quotes import assign_source

    outcome: dict[str, object] = {"source_id": source_id, "error": None}
    try:
        lib = Library.open(target, seed=False)
        try:
            barrier.wait(timeout=60)
            try:
                done = assign_source(lib, quote_id=quote_id, source_id=source_id,
                                     speaker=SHARED_ALIAS, speaker_kind="person",
                                     learn_alias=True)
                outcome["learned"] = done.alias_learned
            except DeskError as exc:
                if isinstance(exc, StorageError):
                    raise
                outcome["learned"] = f"refused: {exc}"
        finally:
            lib.close()
    except BaseException:
        outcome["error"] = traceback.format_exc()
    results.put(outcome)


def _run(children: int, func, args_of) -> list[dict]:
    """Start ``children`` spawned processes of ``func(*args_of(n))`` at once; what each
    reported."""
    ctx = multiprocessing.get_context("spawn")  # no connection of this process is inherited
    barrier, results = ctx.Barrier(children), ctx.Queue()
    procs = [ctx.Process(target=func, args=(*args_of(n), barrier, results)) for n in range(children)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=JOIN_TIMEOUT_S) for _ in procs]
    for p in procs:
        p.join(timeout=JOIN_TIMEOUT_S)
        assert p.exitcode == 0
    return outcomes


@pytest.mark.subprocess
def test_ten_writers_at_once_store_each_source_and_place_once(library, library_target):
    article = library.articles.create(headline="Bridge", body="x" * 400)
    outcomes = _run(WRITERS, _add_things, lambda n: (str(library_target), article.id, n))

    assert [o["error"] for o in outcomes] == [None] * WRITERS  # no child raised
    # Sources: desk's rule is one source per name, case-insensitively (operations.sources).
    stored = library.sources.list()
    by_name: dict[str, list[int]] = {}
    for src in stored:
        by_name.setdefault(src.name.lower(), []).append(src.id)
    assert all(len(ids) == 1 for ids in by_name.values()), by_name
    assert set(by_name) == {"ana ruiz", "tom hardy", "city council",
                            *(_own_name(n).lower() for n in range(WRITERS))}
    # Every add is accounted for: stored once, refused (the name taken) every other time.
    for name in SHARED_NAMES:
        lowered = name.lower()
        got = [o["sources"][name] for o in outcomes]
        created = [g for g in got if isinstance(g, int)]
        refused = [g for g in got if isinstance(g, str)]
        assert len(created) + len(refused) == WRITERS
        assert all("already a source named" in r for r in refused), refused
        if name == "ANA RUIZ":  # its other spelling took the name
            assert created == []
        else:
            assert created == by_name[lowered]
    for o in outcomes:
        assert [o["sources"][_own_name(o["n"])]] == by_name[_own_name(o["n"]).lower()]

    # Quotations: one row per place (article_id, start, end), every add given that row.
    rows = library.quotes.list(article_id=article.id)
    places = [(q.start, q.end) for q in rows]
    assert sorted(places) == sorted({*SHARED_PLACES, *(_own_place(n) for n in range(WRITERS))})
    id_of = {f"{q.start}-{q.end}": q.id for q in rows}
    for o in outcomes:
        assert o["quotes"] == {key: id_of[key] for key in o["quotes"]}
        assert len(o["quotes"]) == len(SHARED_PLACES) + 1


@pytest.mark.subprocess
def test_two_saves_from_the_same_version_lose_neither_text(library, library_target):
    article = library.articles.create(headline="Weir", body="The first draft.")
    base = text_of(article)
    texts = ("Saved in the first window.", "Saved in the second window.")
    outcomes = _run(2, _save, lambda n: (str(library_target), article.id, base, texts[n]))

    assert [o["error"] for o in outcomes] == [None, None]
    now = library.articles.get(article.id)
    assert now.body in texts
    loser = next(t for t in texts if t != now.body)
    kept = library.revisions.list(article.id)
    # The one saved first was overwritten by the other, and kept in History as it was.
    assert [(r.body, r.label) for r in kept] == [(loser, KEPT_LABEL)]
    by_body = {o["body"]: o["kept"] for o in outcomes}
    assert by_body == {loser: None, now.body: loser}


@pytest.mark.subprocess
def test_one_alias_learned_at_once_for_several_sources_names_only_one(library,
                                                                      library_target):
    article = library.articles.create(headline="Dam", body="y" * 400)
    sources = [library.sources.add(f"Person {n}") for n in range(LEARNERS)]
    quotes = [library.quotes.add(article.id, f"q{n}", start=20 * n, end=20 * n + 5)
              for n in range(LEARNERS)]
    outcomes = _run(LEARNERS, _learn,
                    lambda n: (str(library_target), quotes[n].id, sources[n].id))

    assert [o["error"] for o in outcomes] == [None] * LEARNERS
    learned = [o for o in outcomes if o["learned"] == SHARED_ALIAS]
    refused = [o for o in outcomes if o not in learned]
    assert len(learned) == 1
    assert all(str(o["learned"]).startswith("refused:") and "already a name of" in o["learned"]
               for o in refused)
    winner = learned[0]["source_id"]
    assert [s.id for s in library.sources.list() if SHARED_ALIAS in s.aliases] == [winner]
    # A refused learner changed nothing: its quotation is not credited to anyone.
    for q in library.quotes.list(article_id=article.id):
        assert (q.source_id, q.assigned) == ((winner, 1) if q.source_id == winner else (None, 0))


# -- the server restarted under an open library ----------------------------------------------


@pytest.fixture
def own_server():
    """A cluster of this test's own: restarting the shared one would cut every other test's
    connection (the session's admin connection included)."""
    from tests.pg_cluster import start_cluster

    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


def test_a_server_restart_is_one_line_and_a_reopened_library_works(own_server):
    import psycopg

    with psycopg.connect(own_server.url(), autocommit=True) as admin:
        admin.execute('CREATE DATABASE "restarted"')
    url = own_server.url("restarted")
    lib = Library.open(url, seed=False)
    try:
        article = lib.articles.create(headline="Before", body="Stored before the restart.")
        own_server.restart()
        for call in (lambda: lib.articles.count(),
                     lambda: lib.articles.create(headline="During"),
                     lambda: lib.articles.get(article.id)):
            with pytest.raises(ConnectionLost) as caught:
                call()
            message = str(caught.value)
            assert "\n" not in message
            assert "connection to the PostgreSQL server was lost" in message
            assert "reopen" in message
    finally:
        lib.close()
    with Library.open(url, seed=False) as again:
        assert again.articles.get(article.id).body == "Stored before the restart."
        again.articles.create(headline="After")
        assert again.articles.count() == 2
