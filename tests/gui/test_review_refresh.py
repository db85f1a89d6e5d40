"""The Review panel reads stored results and pages; stale articles are checked again in the
background, with a progress bar, never on the GUI thread."""

import threading

import pytest

import desk.checking
from desk.gui.op_runner import OperationRunner
from desk.gui.panels import review_queue
from desk.gui.panels.review_queue import ReviewQueuePanel
from desk.operations.articles import synced_rows
from desk.operations.changes import Changes

BODY = ("\u201cWe will rebuild the bridge by spring,\u201d said Ana Ruiz, the mayor.\n\n"
        "\u201cIt is a disaster,\u201d one official said.\n\n"
        "\u201cNobody will pay more,\u201d Ruiz added.\n")


@pytest.fixture
def lib(library):
    library.sources.add("Ana Ruiz", role="mayor")
    library.ids = []
    for n in range(4):
        aid = library.articles.create(headline=f"Story {n}", body=BODY).id
        synced_rows(library, aid)  # saved: rows synced and the check result stored
        library.ids.append(aid)
    return library


@pytest.fixture
def checks(monkeypatch):
    """Every check_article call, from any thread (``calls.on_gui``: those on this one)."""
    calls = CheckCalls()
    real = desk.checking.check_article

    def check(lib, article, **k):
        calls.append(article.id)
        if threading.current_thread() is threading.main_thread():
            calls.on_gui.append(article.id)
        return real(lib, article, **k)

    monkeypatch.setattr(desk.checking, "check_article", check)
    return calls


class CheckCalls(list):
    def __init__(self):
        super().__init__()
        self.on_gui: list[int] = []


def make_panel(qtbot, lib) -> ReviewQueuePanel:
    p = ReviewQueuePanel(lib, runner=OperationRunner(lib))
    qtbot.addWidget(p)
    p.show()
    return p


def wait_pass(qtbot, p, n=1):
    qtbot.waitUntil(lambda: p.refresher.passes >= n and not p.refresher.running, timeout=30_000)


def test_the_panel_shows_stored_rows_without_checking_anything(qtbot, lib, checks):
    p = make_panel(qtbot, lib)
    assert p.tree.topLevelItemCount() == 12 and checks == []
    wait_pass(qtbot, p)
    assert checks == []  # every stored result was fresh
    assert p.summary.text() == "Library: 12 quotations in 4 articles, 12 unverified"
    assert p.progress.isHidden()


def test_a_changed_article_is_checked_again_in_the_background(qtbot, lib, checks):
    p = make_panel(qtbot, lib)
    wait_pass(qtbot, p)
    lib.articles.update(lib.ids[1], body=BODY + "\n\u201cOne more,\u201d said Ana Ruiz.\n")
    seen = []
    p.refresher.progress.connect(lambda done, total: seen.append((done, total)))
    p.library_changed(Changes.of(articles=[lib.ids[1]]), origin=None)
    assert checks.on_gui == []  # nothing checked on this thread (the worker may have begun)
    wait_pass(qtbot, p, 2)
    assert checks == [lib.ids[1]] and checks.on_gui == [] and seen == [(1, 1)]
    assert p.summary.text() == "Library: 13 quotations in 4 articles, 13 unverified"
    assert lib.check_results.read(with_items=False).stale == []


def test_the_progress_bar_shows_while_articles_are_checked(qtbot, lib):
    lib.check_results.clear()
    p = make_panel(qtbot, lib)
    p._refresh_progress(1, 4)
    assert p.progress.isVisible() and (p.progress.value(), p.progress.maximum()) == (1, 4)
    p._refresh_progress(4, 4)
    assert p.progress.isHidden()
    wait_pass(qtbot, p)
    assert lib.check_results.read(with_items=False).stale == []


def test_a_source_change_refreshes_every_result(qtbot, lib, checks):
    p = make_panel(qtbot, lib)
    wait_pass(qtbot, p)
    lib.sources.add("Tom Hardy")
    p.library_changed(Changes.of(sources=[1]), origin=None)
    wait_pass(qtbot, p, 2)
    assert sorted(checks) == sorted(lib.ids)


def test_the_queue_is_read_a_page_at_a_time(qtbot, lib, monkeypatch):
    monkeypatch.setattr(review_queue, "PAGE", 5)
    p = make_panel(qtbot, lib)
    assert p.tree.topLevelItemCount() == 5 and p.count.text() == "5+ quotations to review"
    qtbot.waitUntil(lambda: p.count.text() == "12 quotations to review", timeout=10_000)
    p.resize(300, 120)
    bar = p.tree.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert p.tree.topLevelItemCount() >= 10
    while p.cursor.more:
        p.next()
    assert [p.tree.topLevelItem(i).data(0, 256) for i in range(p.tree.topLevelItemCount())] == \
        [item.quote_id for item in review_queue.QueueCursor(lib).items]


def test_the_article_filter_is_read_when_opened(qtbot, lib):
    p = make_panel(qtbot, lib)
    assert p.article_filter.count() == 1  # "All articles" until the list is opened
    p.article_filter.showPopup()
    assert p.article_filter.count() == 5
    p.article_filter.hidePopup()


@pytest.fixture
def library_reads(monkeypatch):
    """Every read of the whole library's freshness (``CheckResults.read``), any thread."""
    from desk.storage.check_results import CheckResults

    reads = []
    real = CheckResults.read

    def read(self, **k):
        reads.append(k)
        return real(self, **k)

    monkeypatch.setattr(CheckResults, "read", read)
    return reads


def test_a_saved_article_is_checked_again_without_reading_the_whole_library(
        qtbot, lib, checks, library_reads):
    p = make_panel(qtbot, lib)
    wait_pass(qtbot, p)
    library_reads.clear()
    lib.articles.update(lib.ids[1], body=BODY + "\n\u201cOne more,\u201d said Ana Ruiz.\n")
    p.library_changed(Changes.of(articles=[lib.ids[1]]), origin=None)
    wait_pass(qtbot, p, 2)
    assert checks == [lib.ids[1]] and library_reads == []
    assert p.summary.text() == "Library: 13 quotations in 4 articles, 13 unverified"
    assert lib.check_results.read(with_items=False).stale == []


def test_a_row_change_checks_its_article_again_only(qtbot, lib, checks, library_reads):
    p = make_panel(qtbot, lib)
    wait_pass(qtbot, p)
    library_reads.clear()
    row = lib.quotes.list(article_id=lib.ids[2])[0]
    lib.quotes.update(row.id, status="verified")
    p.library_changed(Changes.of(quotes=[row.id]), origin=None)
    wait_pass(qtbot, p, 2)
    assert checks == [lib.ids[2]] and library_reads == []
    assert p.summary.text() == "Library: 12 quotations in 4 articles, 11 unverified"


def test_a_row_that_is_gone_makes_it_a_whole_pass(qtbot, lib, checks):
    p = make_panel(qtbot, lib)
    wait_pass(qtbot, p)
    lib.articles.update(lib.ids[0], body=BODY + "More.")  # stale, not named below
    gone = lib.quotes.list(article_id=lib.ids[3])[0].id
    lib.quotes.delete(gone)
    p.library_changed(Changes.of(quotes=[gone]), origin=None)
    wait_pass(qtbot, p, 2)
    assert sorted(checks) == sorted([lib.ids[0], lib.ids[3]])
    assert lib.check_results.read(with_items=False).stale == []


def test_passes_asked_for_while_one_runs_are_merged(qtbot, lib):
    p = make_panel(qtbot, lib)
    wait_pass(qtbot, p)
    refresher = p.refresher
    refresher._job = object()  # as if a pass were running
    try:
        refresher.start(articles=[1])
        refresher.start(articles=[2], quotes=[5])
        assert (refresher._again_scope.articles, refresher._again_scope.quotes) == ({1, 2}, {5})
        refresher.start()  # a whole pass covers them
        refresher.start(articles=[3])
        assert refresher._again and refresher._again_scope is None
    finally:
        refresher._job, refresher._again = None, False
