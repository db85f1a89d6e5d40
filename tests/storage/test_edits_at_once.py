"""Editors saving at once (issue 14): on PostgreSQL a save holds the writer lock shared and
its article's row lock, so saves of different articles go on side by side while saves of
one article, and every other kind of write, still queue behind it; nothing is lost either
way, and a conflict or another window's editing lock is still found in the save's own
transaction.

A save is held open in a thread at the point where it has read and locked its article and
checked the editing lock (``hold_for_write`` wrapped to wait), and another connection
writes meanwhile under the autosave's short lock wait: it either goes through or is told
the library is busy, whichever the test expects."""

from __future__ import annotations

import multiprocessing
import threading
import time
import traceback

import pytest

from desk.storage import Library
from desk.storage.edits import KEPT_LABEL, busy_timeout, is_busy, save_edit, text_of
from desk.storage.errors import LibraryLocked
from desk.storage.locks import LockHeld

SHORT_WAIT_MS = 150  # the autosave's lock wait (desk.gui.autosave.TYPING_WAIT_MS)
JOIN_TIMEOUT_S = 90
ROUNDS = 8


class HeldSave:
    """``save_edit`` of ``article_id`` on ``lib`` in a thread, held open (its article read
    and locked, the editing lock checked) until ``finish``."""

    def __init__(self, lib: Library, article_id: int, base: dict, body: str, session: str):
        self.reached, self.go = threading.Event(), threading.Event()
        self.error: BaseException | None = None
        self.result = None
        check = lib.locks.hold_for_write

        def held(*args, **kwargs):
            check(*args, **kwargs)
            self.reached.set()
            assert self.go.wait(timeout=JOIN_TIMEOUT_S)

        lib.locks.hold_for_write = held  # type: ignore[method-assign]

        def run() -> None:
            try:
                self.result = save_edit(lib, article_id, base, {"body": body},
                                        session=session, editor="Ana")
            except BaseException as exc:  # reported to the test
                self.error = exc

        self.thread = threading.Thread(target=run)
        self.thread.start()
        assert self.reached.wait(timeout=JOIN_TIMEOUT_S)

    def finish(self):
        self.go.set()
        self.thread.join(timeout=JOIN_TIMEOUT_S)
        assert not self.thread.is_alive()
        if self.error is not None:
            raise self.error
        return self.result


@pytest.fixture
def two(pg_url):
    """Two desks on one team library (their own connections), and two articles."""
    first = Library.open(pg_url, seed=False)
    second = Library.open(pg_url, seed=False)
    a = first.articles.create(headline="Weir", body="The weir draft.")
    b = first.articles.create(headline="Ferry", body="The ferry draft.")
    yield first, second, a, b
    second.close()
    first.close()


def _busy(call) -> bool:
    try:
        call()
    except LibraryLocked as exc:
        assert is_busy(exc)
        return True
    return False


def test_a_save_of_another_article_goes_on_while_a_save_is_open(two):
    first, second, a, b = two
    held = HeldSave(first, a.id, text_of(a), "Ana's weir.", session="ana")
    try:
        with busy_timeout(second, SHORT_WAIT_MS):
            saved = save_edit(second, b.id, text_of(b), {"body": "Ben's ferry."},
                              session="ben", editor="Ben")
    finally:
        done = held.finish()
    assert saved.kept_revision is None and done.kept_revision is None
    assert first.articles.get(a.id).body == "Ana's weir."
    assert first.articles.get(b.id).body == "Ben's ferry."
    assert {lock.article_id: lock.session for lock in first.locks.list()} == {a.id: "ana",
                                                                             b.id: "ben"}


def test_a_save_of_the_same_article_waits_then_keeps_both_texts(two):
    first, second, a, _b = two
    base = text_of(a)
    held = HeldSave(first, a.id, base, "Ana's weir.", session="ana")
    try:
        with busy_timeout(second, SHORT_WAIT_MS):  # the row is locked: busy, nothing written
            assert _busy(lambda: save_edit(second, a.id, base, {"body": "Ana's other window."},
                                           session="ana", editor="Ana"))
    finally:
        held.finish()
    assert first.articles.get(a.id).body == "Ana's weir."
    # Saved again from the version it started from: the other text is kept, not lost.
    again = save_edit(second, a.id, base, {"body": "Ana's other window."}, session="ana",
                      editor="Ana")
    assert again.kept_revision is not None and again.kept_revision.body == "Ana's weir."
    assert [(r.body, r.label) for r in first.revisions.list(a.id)] == [("Ana's weir.",
                                                                        KEPT_LABEL)]


def _waiting_for_a_lock(lib: Library, pid: int) -> bool:
    """The server says backend ``pid`` waits for a (row or advisory) lock."""
    rows = lib.engine.rows("SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?", (pid,))
    return bool(rows) and rows[0]["wait_event_type"] == "Lock"


def test_a_save_that_waited_for_the_row_keeps_the_text_saved_meanwhile(two):
    first, second, a, _b = two
    base = text_of(a)
    held = HeldSave(first, a.id, base, "Ana's weir.", session="ana")
    waiting: dict[str, object] = {}
    pid = second.engine.backend_pid()
    assert pid is not None

    def save_after_it() -> None:  # the default lock wait: it waits for the row, not busy
        try:
            waiting["result"] = save_edit(second, a.id, base, {"body": "Ana's other window."},
                                          session="ana", editor="Ana")
        except BaseException as exc:
            waiting["error"] = exc

    thread = threading.Thread(target=save_after_it)
    thread.start()
    try:
        # until the second save is queued on the server behind the open one
        while not _waiting_for_a_lock(first, pid):
            assert thread.is_alive(), waiting
            time.sleep(0.02)
    finally:
        held.finish()
        thread.join(timeout=JOIN_TIMEOUT_S)
    assert "error" not in waiting, waiting
    result = waiting["result"]
    # It read the row once the first save committed: that text was kept, not written over.
    assert result.kept_revision is not None and result.kept_revision.body == "Ana's weir."
    assert first.articles.get(a.id).body == "Ana's other window."
    assert [(r.body, r.label) for r in first.revisions.list(a.id)] == [("Ana's weir.",
                                                                        KEPT_LABEL)]


def test_another_editors_save_of_the_article_finds_the_lock_taken_in_the_open_save(two):
    first, second, a, _b = two
    held = HeldSave(first, a.id, text_of(a), "Ana's weir.", session="ana")
    try:
        with busy_timeout(second, SHORT_WAIT_MS):
            assert _busy(lambda: save_edit(second, a.id, text_of(a), {"body": "Ben's weir."},
                                           session="ben", editor="Ben"))
    finally:
        held.finish()
    with pytest.raises(LockHeld) as err:
        save_edit(second, a.id, text_of(a), {"body": "Ben's weir."}, session="ben",
                  editor="Ben")
    assert err.value.lock is not None and err.value.lock.session == "ana"
    assert first.articles.get(a.id).body == "Ana's weir."


def test_every_other_write_waits_for_an_open_save(two):
    first, second, a, b = two
    held = HeldSave(first, a.id, text_of(a), "Ana's weir.", session="ana")
    try:
        with busy_timeout(second, SHORT_WAIT_MS):
            assert _busy(lambda: second.sources.add("Tom Hardy"))
            assert _busy(lambda: second.locks.takeover(a.id, "Ben", "ben"))
            assert _busy(lambda: second.articles.update(b.id, status="editing"))
    finally:
        held.finish()
    assert second.sources.list() == []
    assert first.articles.get(b.id).status == "draft"
    assert first.locks.get(a.id).session == "ana"


def test_a_quotation_sync_of_the_article_waits_for_its_save(two):
    from desk.storage.quotes import QuoteDiff

    first, second, a, b = two
    held = HeldSave(first, a.id, text_of(a), "Ana's weir.", session="ana")
    added = ({"text": "weir", "start": 6, "end": 10},)
    try:
        with busy_timeout(second, SHORT_WAIT_MS):
            assert _busy(lambda: second.quotes.apply(QuoteDiff(a.id, added=added),
                                                     body="Ana's weir."))
            # another article's sync goes on
            assert second.quotes.apply(QuoteDiff(b.id, added=added), body=b.body)
    finally:
        held.finish()
    assert first.quotes.list(article_id=a.id) == []
    assert [q.text for q in first.quotes.list(article_id=b.id)] == ["weir"]
    # the sync computed on the text before the save is refused once the save is in
    assert second.quotes.apply(QuoteDiff(a.id, added=added), body=a.body) is None


def _editor(target: str, article_id: int, name: str, barrier, results) -> None:
    """A child: ROUNDS saves of one article, each from what its last save stored."""
    outcome: dict[str, object] = {"name": name, "article_id": article_id, "error": None,
                                  "kept": 0}
    try:
        lib = Library.open(target, seed=False)
        try:
            base = text_of(lib.articles.get(article_id))
            barrier.wait(timeout=60)
            for n in range(ROUNDS):
                text = f"{name}, round {n}."
                while True:
                    try:
                        with busy_timeout(lib, SHORT_WAIT_MS):
                            result = save_edit(lib, article_id, base, {"body": text})
                        break
                    except LibraryLocked:
                        continue
                base = text_of(result.article)
                outcome["kept"] = int(outcome["kept"]) + (result.kept_revision is not None)
                outcome["last"] = text
        finally:
            lib.close()
    except BaseException:
        outcome["error"] = traceback.format_exc()
    results.put(outcome)


@pytest.mark.subprocess
def test_editors_saving_own_and_one_shared_article_at_once_lose_no_text(library,
                                                                        library_target):
    own = [library.articles.create(headline=f"Own {n}", body="Draft.") for n in range(4)]
    shared = library.articles.create(headline="Shared", body="Draft.")
    editors = [(a.id, f"Editor {n}") for n, a in enumerate(own)]
    editors += [(shared.id, "Shared A"), (shared.id, "Shared B")]
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(len(editors)), ctx.Queue()
    procs = [ctx.Process(target=_editor, args=(str(library_target), aid, name, barrier, results))
             for aid, name in editors]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=JOIN_TIMEOUT_S) for _ in procs]
    for p in procs:
        p.join(timeout=JOIN_TIMEOUT_S)
        assert p.exitcode == 0
    assert [o["error"] for o in outcomes] == [None] * len(editors)
    by_name = {o["name"]: o for o in outcomes}
    for n, article in enumerate(own):  # alone on its article: its last text, nothing kept
        assert library.articles.get(article.id).body == f"Editor {n}, round {ROUNDS - 1}."
        assert by_name[f"Editor {n}"]["kept"] == 0
        assert library.revisions.list(article.id) == []
    # The shared article: one editor's last text is the article, the other's is either the
    # article or kept as a revision (a save over a text its editor never saw keeps that).
    body = library.articles.get(shared.id).body
    kept = [r.body for r in library.revisions.list(shared.id)]
    lasts = {by_name["Shared A"]["last"], by_name["Shared B"]["last"]}
    assert body in lasts
    assert all(text == body or text in kept for text in lasts)
    assert len(kept) == by_name["Shared A"]["kept"] + by_name["Shared B"]["kept"]
