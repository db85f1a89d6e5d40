"""The library report from stored check results equals a full re-check, through edits to
articles, quotation tags, sources and the dictionary; only stale articles are checked."""

import json

import pytest

import desk.checking
from desk.operations.articles import synced_rows
from desk.review.reattach import sync_quotes
from desk.review.reports import format_library_report, library_report
from desk.review.results import library_results
from desk.storage import Library

BODIES = [
    ("\u201cWe will rebuild the bridge by spring,\u201d said Ana Ruiz, the mayor.\n\n"
     "\u201cIt is a disaster,\u201d one official said, speaking on condition of anonymity.\n\n"
     "Ruiz added: \u201cNobody will pay more.\u201d\n"),
    ("Tom Hardy, the union leader, said: \u201cWe strike on Monday.\u201d\n\n"
     "\u201cThe talks failed,\u201d said a spokesperson for the council.\n"),
    ("\u201cThe library closes in June,\u201d Maria Lopez said.\n\n"
     "\u201cThis is the only library in town,\u201d said a parent, Jo Bloggs.\n\n"
     "\u201cWe were not consulted,\u201d Lopez added.\n"),
    "No quotations here at all, only a plain paragraph about the weather.\n",
    ("\u201cPrices will fall,\u201d said the minister.\n\n\u201cThey will not,\u201d "
     "said Ana Ruiz.\n"),
]


@pytest.fixture
def lib(library):
    library.sources.add("Ana Ruiz", organisation="City of Springfield", role="mayor")
    library.sources.add("Tom Hardy", organisation="Union", role="leader")
    library.sources.add("Maria Lopez", role="librarian")
    for n, body in enumerate(BODIES):
        aid = library.articles.create(headline=f"Story {n}", body=body).id
        if n % 2 == 0:
            synced_rows(library, aid)  # a save: rows synced and the result stored
    return library


def full_recheck(lib, tmp_path) -> tuple[str, dict]:
    """The report as checking every article computes it: a copy with no stored result (on
    PostgreSQL: the library itself, its stored results cleared in a transaction rolled back)."""
    if lib.is_postgresql:
        class Undo(Exception):
            pass
        try:
            with lib.transaction():
                lib.check_results.clear()
                report = library_report(lib, top=3)
                raise Undo
        except Undo:
            pass
        return format_library_report(report), report.to_dict()
    copy = tmp_path / f"copy-{len(list(tmp_path.iterdir()))}.db"
    lib.backup(copy)
    with Library.open(copy, seed=False) as other:
        other.check_results.clear()
        report = library_report(other, top=3)
    return format_library_report(report), report.to_dict()


def stored(lib) -> tuple[str, dict]:
    report = library_report(lib, top=3)
    return format_library_report(report), report.to_dict()


def edits(lib):
    ids = [a.id for a in sorted(lib.articles.list(), key=lambda a: a.id)]
    ruiz = lib.sources.find("Ana Ruiz")
    yield "body", lambda: lib.articles.update(ids[1], body=BODIES[1] + "\n\u201cAnd again,\u201d said Tom Hardy.\n")
    yield "sync", lambda: sync_quotes(lib, ids[1])
    yield "verify", lambda: lib.quotes.update(lib.quotes.list(article_id=ids[0])[0].id, status="verified")
    yield "dispute", lambda: lib.quotes.update(lib.quotes.list(article_id=ids[2])[1].id, status="disputed")
    yield "not a quote", lambda: lib.quotes.update(lib.quotes.list(article_id=ids[2])[0].id, status="not-a-quote")
    yield "tag source", lambda: lib.quotes.update(lib.quotes.list(article_id=ids[0])[1].id,
                                                  source_id=lib.sources.find("Tom Hardy").id, assigned=1)
    yield "new source", lambda: lib.sources.add("Jo Bloggs", kind="person", role="parent")
    yield "alias", lambda: lib.sources.add_alias(ruiz.id, "the minister")
    yield "anonymous kind", lambda: lib.sources.add("a spokesperson for the council", kind="anonymous")
    yield "organisation", lambda: lib.sources.update(ruiz.id, organisation="Springfield")
    yield "global word", lambda: lib.dictionary.add("Bloggs")
    yield "article word", lambda: lib.dictionary.add("Lopez", article_id=ids[2])
    yield "orphan", lambda: (lib.articles.update(ids[0], body=BODIES[0].split("\n\n")[0]),
                             sync_quotes(lib, ids[0]))
    yield "language", lambda: lib.articles.update(ids[4], language="en-GB")
    yield "trash", lambda: lib.articles.trash(ids[3])
    yield "new article", lambda: lib.articles.create(headline="Late", body=BODIES[2])
    yield "source deleted", lambda: lib.sources.delete(lib.sources.find("Maria Lopez").id)


def test_stored_report_equals_a_full_recheck_after_every_edit(lib, tmp_path):
    assert stored(lib) == full_recheck(lib, tmp_path)
    for name, edit in edits(lib):
        edit()
        assert stored(lib) == full_recheck(lib, tmp_path), name
        assert lib.check_results.read(with_items=False).stale == [], name


def test_an_unchanged_library_is_not_checked_again(lib, monkeypatch):
    library_report(lib)
    calls = []
    real = desk.checking.check_article
    monkeypatch.setattr(desk.checking, "check_article", lambda *a, **k: calls.append(a) or real(*a, **k))
    first = json.dumps(library_report(lib).to_dict())
    assert calls == []
    lib.articles.update(lib.articles.list()[-1].id, body=BODIES[4])
    assert json.dumps(library_report(lib).to_dict()) != first
    assert len(calls) == 1


def test_progress_counts_only_the_stale_articles(lib):
    seen = []
    library_results(lib, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]  # the two articles never saved
    seen.clear()
    library_results(lib, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 0)]


def test_a_save_stores_the_result(library):
    aid = library.articles.create(headline="Saved", body=BODIES[0]).id
    assert library.check_results.get(aid) is None
    synced_rows(library, aid)
    state = library.check_results.read()
    assert state.stale == [] and state.fresh[aid].quotations == 3
