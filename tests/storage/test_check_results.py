"""Stored check results (db/0008): written, read back, and stale once any input changes."""

import pytest

from desk.review.reattach import sync_quotes
from desk.review.results import refresh
from desk.storage import Library
from desk.storage.check_results import StoredResult

BODY = ("\u201cWe will rebuild the bridge by spring,\u201d said Ana Ruiz, the mayor.\n\n"
        "\u201cIt is a disaster,\u201d one official said.\n")


@pytest.fixture
def lib(library):
    library.sources.add("Ana Ruiz", role="mayor")
    library.ids = [library.articles.create(headline=f"A{n}", body=BODY).id for n in range(3)]
    refresh(library)
    return library


def stale(lib):
    return sorted(lib.check_results.read(with_items=False).stale)


def test_stored_results_read_back_fresh(lib):
    state = lib.check_results.read()
    assert stale(lib) == [] and sorted(state.fresh) == sorted(lib.ids)
    result = state.fresh[lib.ids[0]]
    assert result.quotations == 2 and result.unverified == 2 and result.orphaned == 0
    assert [item[1] for item in result.items] == ["Ana Ruiz", "one official"]
    assert lib.check_results.get(lib.ids[0]) == result


def test_a_new_article_has_no_result_yet(lib):
    aid = lib.articles.create(headline="New", body=BODY).id
    assert stale(lib) == [aid] and lib.check_results.get(aid) is None


def test_an_edit_makes_only_that_article_stale(lib):
    lib.articles.update(lib.ids[1], body=BODY + "More.")
    assert stale(lib) == [lib.ids[1]]


def test_a_language_change_makes_the_article_stale(lib):
    lib.articles.update(lib.ids[0], language="en-GB")
    assert stale(lib) == [lib.ids[0]]


def test_a_quotation_row_change_makes_its_article_stale(lib):
    rows = sync_quotes(lib, lib.ids[2])
    refresh(lib)
    lib.quotes.update(rows[0].id, status="verified")
    assert stale(lib) == [lib.ids[2]]
    refresh(lib)
    lib.quotes.delete(rows[1].id)
    assert stale(lib) == [lib.ids[2]]


def test_an_article_word_makes_that_article_stale(lib):
    lib.dictionary.add("Springfieldish", article_id=lib.ids[0])
    assert stale(lib) == [lib.ids[0]]
    refresh(lib)
    lib.dictionary.remove("Springfieldish", article_id=lib.ids[0])
    assert stale(lib) == [lib.ids[0]]


@pytest.mark.parametrize("change", [
    lambda lib: lib.dictionary.add("Springfieldish"),
    lambda lib: lib.sources.add("Tom Hardy"),
    lambda lib: lib.sources.add_alias(lib.sources.find("Ana Ruiz").id, "the mayor"),
    lambda lib: lib.sources.update(lib.sources.find("Ana Ruiz").id, kind="anonymous"),
    lambda lib: lib.sources.delete(lib.sources.find("Ana Ruiz").id),
])
def test_a_source_or_global_word_change_makes_every_article_stale(lib, change):
    change(lib)
    assert stale(lib) == sorted(lib.ids)


def test_trashed_articles_are_neither_fresh_nor_stale(lib):
    lib.articles.update(lib.ids[0], body="changed")
    lib.articles.trash(lib.ids[0])
    state = lib.check_results.read()
    assert lib.ids[0] not in state.fresh and state.stale == [] and lib.ids[0] not in state.order


def test_storing_for_an_article_gone_meanwhile_stores_nothing(lib):
    lib.articles.trash(lib.ids[0])
    lib.articles.purge(lib.ids[0])
    assert lib.check_results.store([StoredResult(lib.ids[0], "v", ((None, "x", "unverified", None),))]) == 0
    assert lib.check_results.get(lib.ids[0]) is None


def test_totals_sum_the_stored_results(lib):
    assert lib.check_results.totals() == (6, 6, 3)
    lib.check_results.clear()
    assert lib.check_results.totals() == (0, 0, 0) and stale(lib) == sorted(lib.ids)


def test_a_read_only_library_reads_results_but_stores_none(lib, library_target):
    lib.articles.update(lib.ids[0], body=BODY + "Again.")
    with Library.open_read_only(library_target) as ro:
        computed = refresh(ro)
        assert list(computed) == [lib.ids[0]]
        assert sorted(ro.check_results.read().stale) == [lib.ids[0]]


def test_results_of_another_process_are_seen(lib, library_target):
    with Library.open(library_target, seed=False) as other:
        other.sources.add("Someone Else")
    assert stale(lib) == sorted(lib.ids)


def test_an_article_version_read_alone_is_the_one_read_with_the_library(lib):
    rows = sync_quotes(lib, lib.ids[1])
    lib.quotes.update(rows[0].id, status="verified")
    lib.dictionary.add("Springfieldish", article_id=lib.ids[1])
    lib.dictionary.add("Weirish", article_id=lib.ids[2])
    everything = lib.check_results.versions()
    for aid in lib.ids:
        assert lib.check_results.versions([aid]) == {aid: everything[aid]}
    assert lib.check_results.versions(lib.ids[::-1]) == {a: everything[a] for a in lib.ids[::-1]}


def test_stale_among_names_the_stale_ones_of_the_articles_given(lib):
    new = lib.articles.create(headline="New", body=BODY).id  # no result yet
    lib.articles.update(lib.ids[1], body=BODY + "More.")
    assert lib.check_results.stale_among([lib.ids[0], lib.ids[1], new, 999_999]) == [lib.ids[1], new]
    assert lib.check_results.stale_among([lib.ids[2]]) == [] == lib.check_results.stale_among([])
    assert sorted(lib.check_results.stale_among(lib.ids + [new])) == stale(lib)


def test_stale_among_sees_a_row_change_of_the_article(lib):
    rows = sync_quotes(lib, lib.ids[2])
    refresh(lib)
    lib.quotes.update(rows[0].id, status="verified")
    assert lib.check_results.stale_among([lib.ids[0], lib.ids[2]]) == [lib.ids[2]]
