"""The window's stale-results refresh checks each article in the check process: the stored
results equal those of a check here, nothing is checked in a thread of this process, the
thread takes over when the process cannot start, and closing during a pass never hangs."""

import threading

import pytest

import desk.checking
from desk.gui import check_process
from desk.gui.check_process import CheckService
from desk.gui.review_refresh import StaleRefresher
from desk.operations.articles import synced_rows
from desk.review.reattach import find_quotes
from desk.review.results import compute
from tests.gui.shell_helpers import close_window, make_window

BODY = ("\u201cWe will rebuild the bridge by spring,\u201d said Ana Ruiz, the mayor.\n\n"
        "\u201cIt is a disaster,\u201d one official said.\n\n"
        "\u201cNobody will pay more,\u201d Ruiz added. \u201cNot a quote,\u201d the sign read.\n")


@pytest.fixture
def lib(library):
    library.sources.add("Ana Ruiz", role="mayor")
    library.ids = []
    for n in range(4):
        aid = library.articles.create(headline=f"Story {n}", body=BODY * (n + 1)).id
        synced_rows(library, aid)
        library.ids.append(aid)
    row = library.quotes.list(article_id=library.ids[2])[-1]
    library.quotes.update(row.id, status="not-a-quote")  # an editor's decision the check honours
    library.check_results.clear()
    return library


@pytest.fixture
def service(monkeypatch):
    """A check service of the test's own, stopped when it ends."""
    s = CheckService()
    monkeypatch.setattr(check_process, "_service", s)
    yield s
    s.shutdown()


@pytest.fixture
def here(monkeypatch):
    """Every check_article call made in this process."""
    calls = []
    real = desk.checking.check_article

    def check(lib, article, **k):
        calls.append(article.id)
        return real(lib, article, **k)

    monkeypatch.setattr(desk.checking, "check_article", check)
    return calls


def expected(lib):
    versions = lib.check_results.versions(lib.ids)
    return {aid: compute(lib, aid, versions[aid]) for aid in lib.ids}


def run_pass(qtbot, lib):
    r = StaleRefresher(lib, separate_process=True)
    totals = []
    r.finished.connect(lambda *t: totals.append(t))
    r.start()
    qtbot.waitUntil(lambda: r.passes >= 1 and not r.running, timeout=120_000)
    return r, totals


def test_results_stored_through_the_process_equal_a_check_here(qtbot, lib, service, here):
    want = expected(lib)
    assert sorted(here) == sorted(lib.ids)  # what a direct check gives (check_article here)
    here.clear()
    r, totals = run_pass(qtbot, lib)
    state = lib.check_results.read()
    assert all(result.items for result in want.values())
    assert state.stale == [] and state.fresh == want
    assert here == []  # every article was checked in the process, none in this one
    assert service._proc is not None and service._proc.is_alive() and not service._broken
    assert totals == [lib.check_results.totals()]


def test_the_quotations_from_the_process_are_those_found_here(lib, service):
    from desk.gui.review_refresh import _RefreshJob

    job = _RefreshJob(lib, None, threading.Event(), separate_process=True)
    for aid in lib.ids:
        article = lib.articles.get(aid)
        found = find_quotes(lib, article)
        assert job._quotes_in_process(lib, article) == found
    assert any(q.status == "not-a-quote" for q in lib.quotes.list(article_id=lib.ids[2]))
    assert len(find_quotes(lib, lib.articles.get(lib.ids[2]))) > len(
        desk.checking.check_article(lib, lib.articles.get(lib.ids[2]), spelling=False).quotes)


def test_without_the_process_the_service_thread_checks(qtbot, lib, service):
    want = expected(lib)
    service._broken = True  # as when the process cannot start
    run_pass(qtbot, lib)
    assert lib.check_results.read().fresh == want and service._proc is None


def test_closing_during_a_pass_stops_it_and_the_service(qtbot, lib, service, monkeypatch):
    for n in range(30):
        lib.articles.create(headline=f"Long {n}", body=BODY * 200)
    r = StaleRefresher(lib, separate_process=True)
    seen = []
    r.progress.connect(lambda done, total: seen.append((done, total)))
    r.start()
    qtbot.waitUntil(lambda: len(seen) >= 1, timeout=120_000)
    assert r.running
    assert r.stop()  # the worker ended (it was waiting for the process)
    assert r._pool.activeThreadCount() == 0
    service.shutdown(timeout=5)
    assert not service._proc.is_alive() and not service._thread.is_alive()
    assert lib.check_results.read(with_items=False).stale  # the pass did not run to its end
    got = []
    service.submit("After quitting.", desk.checking.CheckInputs(), False,
                   lambda res, err, s: got.append(err), lambda: ("here", []))
    assert got == ["desk is closing"]  # nothing checked any more, here or there


def test_a_window_closes_while_a_pass_runs(qtbot, lib, service, tmp_path):
    for n in range(30):
        lib.articles.create(headline=f"Long {n}", body=BODY * 200)
    w = make_window(qtbot, lib, tmp_path / "settings.ini")
    refresher = w.panels["review"].refresher
    assert refresher.separate_process
    seen = []
    refresher.progress.connect(lambda done, total: seen.append(done))
    refresher.start()
    qtbot.waitUntil(lambda: len(seen) >= 1, timeout=120_000)
    assert w.close()
    assert refresher._pool.activeThreadCount() == 0
    close_window(w)
