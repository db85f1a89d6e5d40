"""An autosave's quotation rows follow the text in a worker (desk.gui.quote_sync): the
save returns at once, the engine runs off the GUI thread, and a stale result never
overwrites what was stored after it."""

import threading

import pytest

from desk.gui import quote_sync
from tests.gui.live_helpers import WAIT_MS, warm_spelling
from tests.gui.shell_helpers import close_window, make_window, move_to_end, type_text

QUOTE = "“The hall stays open,” said Ana Ruiz."
MORE = "\n\n“We will fight it,” said Tom Hardy."


@pytest.fixture(autouse=True, scope="module")
def _warm():
    warm_spelling()


@pytest.fixture
def window(qtbot, library, tmp_path):
    aid = library.articles.create(headline="Hall", body=QUOTE).id
    w = make_window(qtbot, library, tmp_path / "s.ini", open_last=False)
    w.open_article(aid)
    qtbot.waitUntil(lambda: w.report is not None and w.quote_syncer.is_idle(), timeout=WAIT_MS)
    w.autosaver.set_interval(3600)  # the test saves when it says so
    yield w
    close_window(w)


def texts(library, aid):
    return [q.text for q in library.quotes.list(article_id=aid) if q.start is not None]


def type_more(window, text=MORE):
    body = window.editor.body
    move_to_end(body)
    type_text(body, text)


def test_an_autosave_returns_before_its_rows_are_written_and_they_follow(window, library, qtbot,
                                                                          monkeypatch):
    from desk.storage.quotes import Quotes

    gate = threading.Event()  # the rows' write waits until the test has looked
    real_apply = Quotes.apply

    def held(self, *args, **kwargs):
        gate.wait(WAIT_MS / 1000)
        return real_apply(self, *args, **kwargs)

    monkeypatch.setattr(Quotes, "apply", held)
    aid = window.editor.article_id
    type_more(window)
    with qtbot.waitSignal(window.quote_syncer.synced, timeout=WAIT_MS) as seen:
        assert window.autosaver.autosave()
        window.autosaver.finish_pending()  # its write (in the worker) is in
        assert library.articles.get(aid).body.endswith("Tom Hardy.")  # the text is saved
        assert texts(library, aid) == ["The hall stays open,"]  # its rows not yet
        gate.set()
    assert texts(library, aid) == ["The hall stays open,", "We will fight it,"]
    new = [q.id for q in library.quotes.list(article_id=aid) if q.text == "We will fight it,"]
    assert seen.args[0].quotes == set(new)  # only the row written is announced


def test_the_quotations_of_an_autosaved_text_are_found_off_the_gui_thread(window, library, qtbot,
                                                                          monkeypatch):
    threads = []
    real = quote_sync.check_with

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(quote_sync, "check_with", spy)
    type_more(window)  # no check of this text has run yet: the worker finds its quotations
    with qtbot.waitSignal(window.quote_syncer.synced, timeout=WAIT_MS):
        window.autosaver.autosave()
        window.autosaver.finish_pending()  # written before the live check could run
    assert threads and threading.main_thread() not in threads


def test_a_result_for_an_older_save_is_dropped_for_the_newer_one(window, library, qtbot,
                                                                 monkeypatch):
    aid = window.editor.article_id
    gate, planned = threading.Event(), []
    real = quote_sync.plan

    def held(request, rows, inputs):
        gate.wait(WAIT_MS / 1000)
        planned.append(request.text)
        return real(request, rows, inputs)

    monkeypatch.setattr(quote_sync, "plan", held)
    type_more(window)
    window.autosaver.autosave()
    window.autosaver.finish_pending()  # written; its sync waits in the worker
    body = window.editor.body
    body.selectAll()
    type_text(body, "“Nothing is decided,” said Ana Ruiz.")
    window.autosaver.autosave()  # a newer text before the first result arrived
    window.autosaver.finish_pending()
    gate.set()
    qtbot.waitUntil(window.quote_syncer.is_idle, timeout=WAIT_MS)
    assert len(planned) == 2 and planned[1].startswith("“Nothing")
    assert texts(library, aid) == ["Nothing is decided,"]


def test_rows_tagged_while_the_worker_runs_are_kept_and_the_diff_computed_again(
        window, library, qtbot, monkeypatch):
    aid = window.editor.article_id
    first = library.quotes.list(article_id=aid)[0]
    gate, entered, planned = threading.Event(), threading.Event(), []
    real = quote_sync.plan

    def held(request, rows, inputs):
        if not planned:
            entered.set()  # the worker has read its rows
            gate.wait(WAIT_MS / 1000)
        planned.append(rows)
        return real(request, rows, inputs)

    monkeypatch.setattr(quote_sync, "plan", held)
    type_more(window)
    window.autosaver.autosave()
    qtbot.waitUntil(entered.is_set, timeout=WAIT_MS)
    library.quotes.update(first.id, note="called her office")  # the editor, meanwhile
    gate.set()
    qtbot.waitUntil(lambda: len(planned) == 2 and window.quote_syncer.is_idle(), timeout=WAIT_MS)
    assert planned[1][0].note == "called her office"  # computed again from the newer rows
    assert library.quotes.get(first.id).note == "called her office"
    assert texts(library, aid) == ["The hall stays open,", "We will fight it,"]


def test_an_explicit_save_has_its_rows_when_it_returns(window, library):
    aid = window.editor.article_id
    type_more(window)
    assert window.autosaver.save()
    assert texts(library, aid) == ["The hall stays open,", "We will fight it,"]


def test_closing_the_window_finishes_the_sync_of_the_last_autosave(qtbot, library, tmp_path):
    aid = library.articles.create(headline="Hall", body=QUOTE).id
    w = make_window(qtbot, library, tmp_path / "s.ini", open_last=False)
    w.open_article(aid)
    qtbot.waitUntil(lambda: w.report is not None and w.quote_syncer.is_idle(), timeout=WAIT_MS)
    type_more(w)
    w.autosaver.autosave()
    close_window(w)
    assert texts(library, aid) == ["The hall stays open,", "We will fight it,"]


def test_a_sync_that_fails_says_so_and_writes_nothing(window, library, qtbot, monkeypatch):
    aid = window.editor.article_id

    def broken(*_args):
        raise ValueError("engine bug")

    monkeypatch.setattr(quote_sync, "plan", broken)
    type_more(window)
    with qtbot.waitSignal(window.quote_syncer.failed, timeout=WAIT_MS) as seen:
        window.autosaver.autosave()
    assert "engine bug" in seen.args[0]
    assert texts(library, aid) == ["The hall stays open,"]


def test_the_same_text_and_quotations_are_synced_once(window, library, qtbot, monkeypatch):
    aid = window.editor.article_id  # opening it synced its rows to this text and these quotes
    runs = []
    real = quote_sync.work
    monkeypatch.setattr(quote_sync, "work", lambda *a: runs.append(a) or real(*a))
    text, spans = library.articles.get(aid).body, list(window.checker.raw_quotes)
    window.quote_syncer.request(aid, text, spans)  # reopened, nothing changed
    qtbot.waitUntil(window.quote_syncer.is_idle, timeout=WAIT_MS)
    assert runs == []
    newer = library.articles.update(aid, body=text + "\n\n“New,” said Ana Ruiz.").body
    window.quote_syncer.request(aid, newer, None)  # another text: synced again
    qtbot.waitUntil(window.quote_syncer.is_idle, timeout=WAIT_MS)
    assert len(runs) == 1


def test_the_rows_are_written_off_the_gui_thread_and_not_announced_as_another_program_s(
        window, library, qtbot, monkeypatch):
    aid = window.editor.article_id
    threads = []
    real = quote_sync.write
    monkeypatch.setattr(quote_sync, "write",
                        lambda *a: threads.append(threading.current_thread()) or real(*a))
    others_wrote = []  # per write: did another connection commit meanwhile (the check
    window.quote_syncer.written.connect(others_wrote.append)  # process, the autosave's worker)
    from desk.gui.review_refresh import StaleRefresher

    for refresher in window.findChildren(StaleRefresher):  # its passes' commits are announced
        refresher.stop()  # as others' (they race real outside writes): none in this test
    monkeypatch.setattr(StaleRefresher, "start", lambda self, **_: None)
    window.external_changes.poll()  # what opening the article wrote on other connections
    type_more(window)
    with qtbot.waitSignal(window.quote_syncer.synced, timeout=WAIT_MS):
        window.autosaver.autosave()
    assert threads and threading.main_thread() not in threads
    assert texts(library, aid) == ["The hall stays open,", "We will fight it,"]
    assert others_wrote  # the worker's commits are this window's: announced only when
    assert window.external_changes.poll() == any(others_wrote)  # another commit came between
