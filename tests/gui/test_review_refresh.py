"""The Review panel reads stored results and pages; stale articles are checked again in the
background, with a progress bar, never on the GUI thread."""

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
    """Every check_article call, from any thread."""
    calls = []
    real = desk.checking.check_article
    monkeypatch.setattr(desk.checking, "check_article",
                        lambda lib, article, **k: calls.append(article.id) or real(lib, article, **k))
    return calls


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
    assert checks == []  # nothing checked on this thread
    wait_pass(qtbot, p, 2)
    assert checks == [lib.ids[1]] and seen == [(1, 1)]
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
