"""The library list's searches in a worker (desk.gui.library_search) as the list model shows
them: stale answers dropped, the first page before the count, counts off the GUI thread,
short prefixes newest first. A real library; the worker's reads are held at a gate where a
test needs an order of events."""

import threading

import pytest

from desk.gui.article_model import PAGE_SIZE, ArticleListModel
from desk.gui.library_search import LibrarySearch


class _GatedArticles:
    """The reader's articles, whose ``list`` or ``count`` waits while its gate is closed."""

    def __init__(self, articles, gates):
        self._articles, self._gates = articles, gates

    def __getattr__(self, name):
        call = getattr(self._articles, name)
        gate = self._gates.get(name)
        if gate is None:
            return call

        def gated(*args, **kwargs):
            self._gates["calls"].append((name, kwargs.get("search")))
            gate.wait(30)
            return call(*args, **kwargs)
        return gated


class _GatedReader:
    def __init__(self, library, gates):
        self._reader = library.reader()
        self.articles = _GatedArticles(self._reader.articles, gates)

    def interrupt(self):
        self._reader.interrupt()

    def close(self):
        self._reader.close()


@pytest.fixture
def gates():
    return {"list": threading.Event(), "count": threading.Event(), "calls": []}


@pytest.fixture
def model(qtbot, library, gates):
    search = LibrarySearch(library, open_reader=lambda: _GatedReader(library, gates))
    model = ArticleListModel(library, search=search)
    yield model
    for gate in ("list", "count"):
        gates[gate].set()
    search.close()


def _headlines(model):
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def _many(library, n, headline="Story {i} water"):
    with library.transaction():
        for i in range(n):
            library.articles.create(headline=headline.format(i=i), body="x")


def test_a_stale_answer_is_dropped_and_the_newer_list_shown(qtbot, library, gates, model):
    library.articles.create(headline="Water main bursts")
    library.articles.create(headline="Council vote")
    gates["count"].set()
    answers, shown = [], []
    model._search.answers.answered.connect(answers.append)
    model.shown.connect(lambda: shown.append(_headlines(model)))
    model.update_filter(search="water")
    qtbot.waitUntil(lambda: gates["calls"] == [("list", "water")])  # held in the worker
    model.update_filter(search="council")
    gates["list"].set()
    qtbot.waitUntil(lambda: not model.pending and model.counted)
    stale = [a for a in answers if a.request.query["search"] == "water"]
    assert stale and all(a.kind == "page" for a in stale)  # answered, not interrupted
    assert shown == [["Council vote"]]
    assert _headlines(model) == ["Council vote"] and model.total == 1


def test_the_first_page_is_shown_before_the_count(qtbot, library, gates, model):
    _many(library, PAGE_SIZE + 30)
    gates["list"].set()
    model.update_filter(search="water")
    qtbot.waitUntil(lambda: not model.pending)
    assert model.rowCount() == PAGE_SIZE and not model.counted
    assert model.total == PAGE_SIZE  # the rows loaded, until counted
    assert ("count", "water") in gates["calls"]  # the count waits at its gate
    gates["count"].set()
    qtbot.waitUntil(lambda: model.counted)
    assert model.total == PAGE_SIZE + 30 and model.canFetchMore()


def test_a_first_page_that_is_the_whole_list_is_not_counted_again(qtbot, library, gates, model):
    _many(library, 3)
    gates["list"].set()  # the count stays held: it must not be needed
    model.update_filter(search="water")
    qtbot.waitUntil(lambda: not model.pending and model.counted)
    assert model.total == 3
    assert [c for c in gates["calls"] if c[0] == "count"] == []


def test_a_list_without_search_is_shown_at_once_and_counted_in_the_worker(
        qtbot, library, gates, model):
    _many(library, PAGE_SIZE + 5)
    model.refresh()  # on the GUI thread: the first page by its index
    assert model.rowCount() == PAGE_SIZE and not model.pending and not model.counted
    qtbot.waitUntil(lambda: ("count", None) in gates["calls"])
    gates["count"].set()
    qtbot.waitUntil(lambda: model.counted)
    assert model.total == PAGE_SIZE + 5


def test_reading_the_same_list_again_keeps_its_count_until_the_new_one(
        qtbot, library, gates, model):
    _many(library, PAGE_SIZE + 5)
    gates["count"].set()
    model.refresh()
    qtbot.waitUntil(lambda: model.counted)
    gates["count"].clear()
    _many(library, 10, headline="Later {i}")
    model.refresh()  # as a change made elsewhere does
    assert model.counted and model.total == PAGE_SIZE + 5  # no "200+" flash meanwhile
    assert _headlines(model)[0].startswith("Later")
    gates["count"].set()
    qtbot.waitUntil(lambda: model.total == PAGE_SIZE + 15)


def test_without_a_worker_the_list_is_counted_at_once(library):
    _many(library, PAGE_SIZE + 5)
    model = ArticleListModel(library)
    model.refresh()
    assert model.counted and model.total == PAGE_SIZE + 5


@pytest.mark.parametrize("text", ["c", "co", "the c"])
def test_a_short_prefix_lists_newest_change_first_through_the_worker(
        qtbot, library, gates, model, text):
    best = library.articles.create(headline="The council, the council", body="the council")
    library.articles.create(headline="The court ruling", body="the court")
    library.articles.create(headline="Weather", body="rain")
    library.articles.update(best.id, body="the council again")  # now the newest
    newest_first = ["The council, the council", "The court ruling"]
    for gate in ("list", "count"):
        gates[gate].set()
    model.update_filter(search=text)
    qtbot.waitUntil(lambda: not model.pending and model.counted)
    assert _headlines(model) == newest_first
    library.articles.update(model.article_id(1), body="the court, changed")
    model.refresh()
    qtbot.waitUntil(lambda: not model.pending and model.counted)
    assert _headlines(model) == newest_first[::-1]


def test_a_ranked_search_pages_deep_through_the_worker(qtbot, library, gates, model):
    _many(library, PAGE_SIZE * 2 + 7)
    for gate in ("list", "count"):
        gates[gate].set()
    model.update_filter(search="water")
    qtbot.waitUntil(lambda: not model.pending and model.counted)
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model._fetching)
    ids = [model.article_id(r) for r in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == PAGE_SIZE * 2 + 7


def test_the_same_rows_read_again_are_not_reset(qtbot, library, gates, model):
    _many(library, 5)
    model.refresh()
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.refresh()  # as a change made elsewhere that touched nothing listed
    assert resets == []
    library.articles.create(headline="New one")
    model.refresh()
    assert resets == [1] and _headlines(model)[0] == "New one"
