"""Desks writing at once, as separate processes, on both engines (issue 14): on PostgreSQL an
editor's save and a quotation sync hold the writer lock shared and their article's row lock
(``FOR UPDATE``), every other write holds it exclusively; on SQLite every write queues.

Races checked here: six saves of one article from one version (each text ends up either the
article or a kept revision, exactly once); saves of different articles each adding the same
new tags in a different order (no deadlock: tags are inserted in one order); and ten desks
each saving its own article with tags, syncing its quotation rows, adding shared and own
sources, adding quotations to a shared article and saving that article over a version it
never saw, all at once (nothing lost, nothing stored twice, no deadlock).

Each child retries a write the library calls busy (as the autosave does) and counts the
tries a deadlock ended (PostgreSQL's 40P01 behind desk's LibraryLocked): there must be
none."""

from __future__ import annotations

import multiprocessing
import random
import traceback

import pytest

from desk.model import DeskError
from desk.storage import Library
from desk.storage.edits import KEPT_LABEL, busy_timeout, save_edit, text_of
from desk.storage.errors import LibraryLocked, StorageError

JOIN_TIMEOUT_S = 120
DEADLOCK_WAIT_MS = 5000  # past PostgreSQL's deadlock_timeout (1 s): a deadlock is reported
SAVERS = 6
TAGGERS = 6
TAG_ROUNDS = 6
DESKS = 10
DESK_ROUNDS = 3
SHORT_WAIT_MS = 150  # the autosave's lock wait (desk.gui.autosave.TYPING_WAIT_MS)
QUOTED = "the river rose,"


def _round_tags(r: int) -> list[str]:
    """The new tags every tagger adds in round ``r`` (each in its own order)."""
    return [f"flood {r}", f"budget {r}", f"weir {r}", f"ferry {r}"]


def _deadlocked(exc: BaseException) -> bool:
    return getattr(exc.__cause__, "sqlstate", None) == "40P01"


def _retried(lib: Library, call, counts: dict[str, int], wait_ms: int = SHORT_WAIT_MS):
    """``call()`` waiting at most ``wait_ms`` for a lock, retried while the library is busy;
    deadlocks counted (PostgreSQL finds one after its deadlock_timeout, 1 s: a shorter wait
    ends as busy first, so the deadlock tests wait longer)."""
    while True:
        try:
            with busy_timeout(lib, wait_ms):
                return call()
        except LibraryLocked as exc:
            counts["deadlocks" if _deadlocked(exc) else "busy"] += 1


def _run(children: int, func, args_of) -> list[dict]:
    ctx = multiprocessing.get_context("spawn")  # no connection of this process is inherited
    barrier, results = ctx.Barrier(children), ctx.Queue()
    procs = [ctx.Process(target=func, args=(*args_of(n), barrier, results))
             for n in range(children)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=JOIN_TIMEOUT_S) for _ in procs]
    for p in procs:
        p.join(timeout=JOIN_TIMEOUT_S)
        assert p.exitcode == 0
    return outcomes


# -- one article, six saves from one version -------------------------------------------------

def _save_once(target: str, article_id: int, base: dict, body: str, barrier, results) -> None:
    outcome: dict[str, object] = {"body": body, "error": None}
    try:
        with Library.open(target, seed=False) as lib:
            barrier.wait(timeout=60)
            result = save_edit(lib, article_id, base, {"body": body})
            outcome["kept"] = None if result.kept_revision is None else result.kept_revision.body
    except BaseException:
        outcome["error"] = traceback.format_exc()
    results.put(outcome)


@pytest.mark.subprocess
def test_six_saves_of_one_article_from_one_version_keep_every_text_once(library,
                                                                        library_target):
    article = library.articles.create(headline="Weir", body="The first draft.")
    base = text_of(article)
    texts = [f"Saved in window {n}." for n in range(SAVERS)]
    outcomes = _run(SAVERS, _save_once,
                    lambda n: (str(library_target), article.id, base, texts[n]))

    assert [o["error"] for o in outcomes] == [None] * SAVERS
    body = library.articles.get(article.id).body
    assert body in texts
    revisions = library.revisions.list(article.id)
    # Each save after the first found another window's text stored and kept it before
    # writing its own: every overwritten text is a revision, once; none is lost.
    assert sorted(r.body for r in revisions) == sorted(t for t in texts if t != body)
    assert {r.label for r in revisions} == {KEPT_LABEL}
    kept = [o["kept"] for o in outcomes]
    assert kept.count(None) == 1  # the first save: it found the version it started from
    assert sorted(k for k in kept if k is not None) == sorted(t for t in texts if t != body)


# -- different articles, the same new tags ---------------------------------------------------

def _tagger(target: str, article_id: int, n: int, barrier, results) -> None:
    """A child: TAG_ROUNDS saves of its own article, each adding that round's new tags (the
    same for every tagger, in an order of its own) and its own, the rounds started together."""
    outcome: dict[str, object] = {"n": n, "error": None, "busy": 0, "deadlocks": 0}
    counts = {"busy": 0, "deadlocks": 0}
    rng = random.Random(n)
    try:
        with Library.open(target, seed=False) as lib:
            base = text_of(lib.articles.get(article_id))
            for r in range(TAG_ROUNDS):
                tags = _round_tags(r)
                rng.shuffle(tags)
                tags.append(f"desk {n} round {r}")
                text = f"Tagger {n}, round {r}."
                barrier.wait(timeout=60)
                result = _retried(lib, lambda t=text, g=tags, b=base: save_edit(
                    lib, article_id, b, {"body": t, "tags": g}), counts, DEADLOCK_WAIT_MS)
                base = text_of(result.article)
                outcome["last"] = (text, tags)
    except BaseException:
        outcome["error"] = traceback.format_exc()
    outcome.update(counts)
    results.put(outcome)


@pytest.mark.subprocess
def test_saves_of_different_articles_adding_the_same_new_tags_neither_deadlock_nor_lose_any(
        library, library_target):
    articles = [library.articles.create(headline=f"Story {n}", body="Draft.")
                for n in range(TAGGERS)]
    outcomes = _run(TAGGERS, _tagger,
                    lambda n: (str(library_target), articles[n].id, n))

    assert [o["error"] for o in outcomes] == [None] * TAGGERS
    assert [o["deadlocks"] for o in outcomes] == [0] * TAGGERS
    for o in outcomes:
        stored = library.articles.get(articles[o["n"]].id)
        text, tags = o["last"]
        assert (stored.body, stored.tags) == (text, tags)  # its own order kept
        assert library.revisions.list(stored.id) == []
    last = TAG_ROUNDS - 1
    assert set(library.articles.all_tags()) == {*_round_tags(last), *(f"desk {n} round {last}"
                                               for n in range(TAGGERS))}


# -- ten desks doing everything at once ------------------------------------------------------

def _quote_place(n: int, r: int) -> tuple[int, int]:
    """Desk ``n``'s quotation on the shared article in round ``r``."""
    at = 400 + 40 * (n * DESK_ROUNDS + r)
    return at, at + 10


def _desk(target: str, own_id: int, shared_id: int, n: int, barrier, results) -> None:
    """A child: DESK_ROUNDS rounds of a desk's writes, the rounds started together."""
    from desk.operations.sources import create_source
    from desk.storage.quotes import QuoteDiff

    outcome: dict[str, object] = {"n": n, "error": None, "sources": {}, "quotes": {},
                                  "shared_texts": [], "bases": [], "kept": [],
                                  "synced": []}
    counts = {"busy": 0, "deadlocks": 0}
    rng = random.Random(100 + n)
    try:
        with Library.open(target, seed=False) as lib:
            base = text_of(lib.articles.get(own_id))
            for r in range(DESK_ROUNDS):
                barrier.wait(timeout=60)
                shared_base = text_of(lib.articles.get(shared_id))  # soon stale
                # its own article: a new text with new (shared) tags, then its quotation row
                tags = _round_tags(r)
                rng.shuffle(tags)
                text = f"Desk {n} round {r}: “{QUOTED}” the mayor said."
                result = _retried(lib, lambda t=text, g=tags, b=base: save_edit(
                    lib, own_id, b, {"body": t, "tags": g}), counts, DEADLOCK_WAIT_MS)
                base = text_of(result.article)
                rows, fingerprint = lib.quotes.snapshot(own_id)
                at = text.index(QUOTED)
                diff = QuoteDiff(own_id, deleted=tuple(q.id for q in rows), added=(
                    {"text": QUOTED, "start": at, "end": at + len(QUOTED)},))
                touched = _retried(lib, lambda d=diff, f=fingerprint, t=text: lib.quotes.apply(
                    d, fingerprint=f, body=t), counts)
                assert touched is not None  # nobody else writes this article's rows
                outcome["synced"].append((diff.added[0]["start"], diff.added[0]["end"]))
                # sources: one every desk adds this round, one of its own
                for name in (f"Shared source {r}", f"Desk {n} source {r}"):
                    try:
                        made = _retried(lib, lambda m=name: create_source(lib, name=m), counts)
                        outcome["sources"][name] = made.source.id
                    except DeskError as exc:
                        if isinstance(exc, StorageError):
                            raise
                        outcome["sources"][name] = "refused"
                # a quotation on the shared article, and a save of it over another's text
                start, end = _quote_place(n, r)
                quote = _retried(lib, lambda s=start, e=end: lib.quotes.add(
                    shared_id, f"words {s}", start=s, end=e), counts)
                outcome["quotes"][f"{start}-{end}"] = quote.id
                shared_text = f"The shared story as desk {n} left it in round {r}."
                saved = _retried(lib, lambda t=shared_text, b=shared_base: save_edit(
                    lib, shared_id, b, {"body": t}), counts)
                outcome["shared_texts"].append(shared_text)
                outcome["bases"].append(shared_base["body"])
                if saved.kept_revision is not None:
                    outcome["kept"].append(saved.kept_revision.body)
            outcome["last"] = (text, tags)
    except BaseException:
        outcome["error"] = traceback.format_exc()
    outcome.update(counts)
    results.put(outcome)


@pytest.mark.subprocess
def test_ten_desks_saving_syncing_and_adding_sources_and_quotes_at_once_lose_nothing(
        library, library_target):
    own = [library.articles.create(headline=f"Desk {n}'s story", body="Draft.")
           for n in range(DESKS)]
    shared = library.articles.create(headline="Shared story", body="x" * 2000)
    outcomes = _run(DESKS, _desk,
                    lambda n: (str(library_target), own[n].id, shared.id, n))

    assert [o["error"] for o in outcomes] == [None] * DESKS
    assert [o["deadlocks"] for o in outcomes] == [0] * DESKS
    for o in outcomes:  # each desk's own article: its last text, tags and quotation row
        article = library.articles.get(own[o["n"]].id)
        text, tags = o["last"]
        assert (article.body, article.tags) == (text, tags)
        rows = library.quotes.list(article_id=article.id)
        assert [(q.start, q.end, q.text) for q in rows] == [(*o["synced"][-1],
                                                            QUOTED)]
        assert library.revisions.list(article.id) == []
    # sources: one per name, the shared ones created by exactly one desk each round
    stored = {s.name: s.id for s in library.sources.list()}
    assert len({name.lower() for name in stored}) == len(stored)
    assert set(stored) == {*(f"Shared source {r}" for r in range(DESK_ROUNDS)),
                           *(f"Desk {n} source {r}" for n in range(DESKS)
                             for r in range(DESK_ROUNDS))}
    for r in range(DESK_ROUNDS):
        got = [o["sources"][f"Shared source {r}"] for o in outcomes]
        assert [g for g in got if g != "refused"] == [stored[f"Shared source {r}"]]
    # the shared article's quotations: each desk's, once each, every add given its row
    rows = library.quotes.list(article_id=shared.id)
    assert sorted((q.start, q.end) for q in rows) == sorted(
        _quote_place(n, r) for n in range(DESKS) for r in range(DESK_ROUNDS))
    id_of = {f"{q.start}-{q.end}": q.id for q in rows}
    for o in outcomes:
        assert o["quotes"] == {key: id_of[key] for key in o["quotes"]}
    # the shared article's texts: the last save's is the article; every other was saved over
    # by a desk that had it on screen (its base) or was kept as a revision by that save
    body = library.articles.get(shared.id).body
    revisions = library.revisions.list(shared.id)
    kept = [t for o in outcomes for t in o["kept"]]
    written = {t for o in outcomes for t in o["shared_texts"]}
    assert body in written
    assert written - {body} <= {t for o in outcomes for t in o["bases"]} | set(kept)
    assert sorted(r.body for r in revisions) == sorted(kept)
    assert {r.label for r in revisions} <= {KEPT_LABEL}
