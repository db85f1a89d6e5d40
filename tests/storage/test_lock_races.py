"""Editing locks under a real race (issue 14): separate processes, each with a Library of its
own on the test's library, wait on a barrier and then all ask for one article's lock (or
all try to take over one stale lock): exactly one of them holds it, and every other one is
told that the winner does."""

from __future__ import annotations

import multiprocessing
import traceback
from datetime import timedelta

import pytest

from desk.storage import Library
from desk.storage.locks import STALE_AFTER_S

RACERS = 6
JOIN_TIMEOUT_S = 90


def _race(target: str, article_id: int, n: int, takeover: bool, barrier, results) -> None:
    """A child: acquire (or take over) the article's lock as editor n; report what it got."""
    outcome: dict[str, object] = {"n": n, "error": None}
    try:
        lib = Library.open(target, seed=False)
        try:
            barrier.wait(timeout=60)
            locks = lib.locks
            ask = locks.takeover if takeover else locks.acquire
            state = ask(article_id, f"Editor {n}", f"session-{n}")
            outcome["held"] = state.held
            outcome["holder"] = state.lock.session if state.lock is not None else None
        finally:
            lib.close()
    except BaseException:
        outcome["error"] = traceback.format_exc()
    results.put(outcome)


def _run(target: str, article_id: int, *, takeover: bool) -> list[dict]:
    ctx = multiprocessing.get_context("spawn")  # no connection of this process is inherited
    barrier, results = ctx.Barrier(RACERS), ctx.Queue()
    procs = [ctx.Process(target=_race, args=(target, article_id, n, takeover, barrier, results))
             for n in range(RACERS)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=JOIN_TIMEOUT_S) for _ in procs]
    for p in procs:
        p.join(timeout=JOIN_TIMEOUT_S)
        assert p.exitcode == 0
    return outcomes


def _one_winner(outcomes: list[dict], stored_session: str) -> None:
    assert [o["error"] for o in outcomes] == [None] * RACERS
    winners = [o for o in outcomes if o["held"]]
    assert len(winners) == 1
    winner = f"session-{winners[0]['n']}"
    assert stored_session == winner
    assert {o["holder"] for o in outcomes} == {winner}  # the losers were told who won


@pytest.mark.subprocess
def test_processes_racing_for_a_free_lock_leave_one_holder(library, library_target):
    aid = library.articles.create(headline="Weir").id
    outcomes = _run(str(library_target), aid, takeover=False)
    _one_winner(outcomes, library.locks.get(aid).session)


@pytest.mark.subprocess
def test_processes_racing_to_take_over_a_stale_lock_leave_one_holder(library, library_target):
    aid = library.articles.create(headline="Weir").id
    library.locks.acquire(aid, "Gone", "session-gone")
    when = library.engine.clock() - timedelta(seconds=STALE_AFTER_S + 5)
    with library.transaction():
        library.conn.execute("UPDATE edit_locks SET heartbeat_at = ?",
                             (when.isoformat(timespec="microseconds"),))
    outcomes = _run(str(library_target), aid, takeover=True)
    _one_winner(outcomes, library.locks.get(aid).session)


def test_two_libraries_in_threads_racing_for_a_lock_leave_one_holder(library, library_target):
    import threading

    aid = library.articles.create(headline="Weir").id
    others = [Library.open(library_target, seed=False) for _ in range(4)]
    barrier = threading.Barrier(len(others))
    got: dict[int, bool] = {}

    def ask(n: int) -> None:
        barrier.wait(timeout=30)
        got[n] = others[n].locks.acquire(aid, f"Editor {n}", f"session-{n}").held

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(len(others))]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    finally:
        for lib in others:
            lib.close()
    assert sorted(got) == list(range(len(others)))
    assert sum(got.values()) == 1
    winner = next(n for n, held in got.items() if held)
    assert library.locks.get(aid).session == f"session-{winner}"
