"""One "library changed" signal: panels and the checker hear the runner, not each other."""

from dataclasses import dataclass

import pytest
from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent

from desk.gui.change_wiring import subscribe
from desk.gui.library_panel import LibraryPanel
from desk.gui.op_runner import OperationRunner
from desk.gui.panels.review_queue import ReviewQueuePanel
from desk.gui.panels.sources import SourcesPanel
from desk.operations.changes import Changes
from desk.review.reattach import sync_quotes
from tests.gui.live_helpers import WAIT_MS, warm_spelling
from tests.gui.shell_helpers import close_window, make_window, type_text

CHANGED = SIGNAL("changed(PyObject,PyObject)")
QUOTE = "“The hall stays open,” said Ana Ruiz."


@pytest.fixture(autouse=True, scope="module")
def _warm():
    warm_spelling()


@pytest.fixture
def runner(library):
    return OperationRunner(library)


def subscribed(qtbot, runner, panel):
    qtbot.addWidget(panel)
    subscribe(runner, panel, panel.library_changed)
    return panel


def source_names(panel: SourcesPanel) -> list[str]:
    return [panel.table.topLevelItem(i).text(0) for i in range(panel.table.topLevelItemCount())]


def queue_texts(panel: ReviewQueuePanel) -> list[str]:
    return [panel.tree.topLevelItem(i).toolTip(1) for i in range(panel.tree.topLevelItemCount())]


def listed(panel: LibraryPanel) -> list[int]:
    return [panel.model.article_id(r) for r in range(panel.model.rowCount())]


# -- each panel refreshes on what it shows, and only then --------------------------------
def test_sources_panel_rereads_on_a_sources_change_only(qtbot, library, runner):
    panel = subscribed(qtbot, runner, SourcesPanel(library, runner=runner))
    ana = library.sources.add("Ana Ruiz")
    runner.announce(Changes.of(dictionary=True, articles=[1]))
    assert source_names(panel) == []
    runner.announce(Changes.of(sources=[ana.id]))
    assert source_names(panel) == ["Ana Ruiz"]


def test_sources_panel_skips_what_it_changed_itself(qtbot, library, runner):
    panel = subscribed(qtbot, runner, SourcesPanel(library, runner=runner))
    ana = library.sources.add("Ana Ruiz")
    runner.announce(Changes.of(sources=[ana.id]), origin=panel)
    assert source_names(panel) == []


def test_review_queue_rereads_on_quotation_rows_not_on_the_dictionary(qtbot, library, runner):
    panel = subscribed(qtbot, runner, ReviewQueuePanel(library, runner=runner))
    aid = library.articles.create(headline="Hall", body=QUOTE).id
    rows = sync_quotes(library, aid)
    runner.announce(Changes.of(dictionary=True))
    assert queue_texts(panel) == []
    runner.announce(Changes.of(quotes=[r.id for r in rows]))
    texts = queue_texts(panel)
    assert len(texts) == 1 and texts[0].startswith("The hall stays open")


def test_library_list_adds_a_new_article_on_an_articles_change(qtbot, library, runner):
    panel = subscribed(qtbot, runner, LibraryPanel(library, runner=runner))
    panel.reload()
    new = library.articles.create(headline="Fresh").id
    runner.announce(Changes.of(sources=[1], quotes=[1]))
    assert new not in listed(panel)
    runner.announce(Changes.of(articles=[new]))
    assert new in listed(panel)


def test_library_list_rereads_a_changed_row_and_drops_a_trashed_one(qtbot, library, runner):
    a = library.articles.create(headline="Old headline").id
    b = library.articles.create(headline="Going").id
    panel = subscribed(qtbot, runner, LibraryPanel(library, runner=runner))
    panel.reload()
    library.articles.update(a, headline="New headline")
    library.articles.trash(b)
    runner.announce(Changes.of(articles=[a]))
    row = panel.model.row_of(a)
    assert "New headline" in str(panel.model.data(panel.model.index(row, 0)))
    assert b in listed(panel)
    runner.announce(Changes.of(articles=[b]))
    assert b not in listed(panel)


# -- a closed panel is no longer told -----------------------------------------------------
def test_a_deleted_panel_is_unsubscribed(qtbot, library, runner):
    panel = SourcesPanel(library, runner=runner)
    subscribe(runner, panel, panel.library_changed)
    assert runner.receivers(CHANGED) == 1
    panel.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert runner.receivers(CHANGED) == 0
    runner.announce(Changes.of(sources=[library.sources.add("Ana Ruiz").id]))  # nobody to tell


def test_a_subscriber_outliving_its_runner_is_fine(qtbot, library):
    runner = OperationRunner(library)
    panel = subscribed(qtbot, runner, SourcesPanel(library, runner=runner))
    runner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    panel.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


# -- in the window: operations reach every part through the runner -----------------------
@dataclass
class Done:
    changes: Changes


def add_source(lib, *, name: str) -> Done:
    return Done(Changes.of(sources=[lib.sources.add(name).id]))


def new_article(lib, *, headline: str) -> Done:
    return Done(Changes.of(articles=[lib.articles.create(headline=headline).id]))


@pytest.fixture
def window(qtbot, library, tmp_path):
    library.articles.create(headline="Hall", body=QUOTE)
    w = make_window(qtbot, library, tmp_path / "s.ini")
    qtbot.waitUntil(lambda: w.report is not None, timeout=WAIT_MS)
    yield w
    close_window(w)


def test_an_operation_updates_the_lists_and_rechecks(window, library, qtbot):
    before = window.checker.checks_run
    with qtbot.waitSignal(window.checker.report_ready, timeout=WAIT_MS):
        assert window.runner.run(add_source, name="Ana Ruiz") is not None
    assert "Ana Ruiz" in source_names(window.panels["sources"])
    assert window.checker.checks_run == before + 1
    result = window.runner.run(new_article, headline="From an operation")
    assert result.changes.articles <= set(listed(window.library_panel))


def test_only_check_inputs_start_a_check(window, library, qtbot):
    qtbot.waitUntil(window.checker.is_idle, timeout=WAIT_MS)
    window.runner.announce(Changes.of(articles=[window.editor.article_id]))
    assert window.checker.is_idle()
    window.runner.announce(Changes.of(dictionary=True))
    assert not window.checker.is_idle()


def test_a_save_brings_a_new_quotation_into_the_review_queue(window, library, qtbot):
    review = window.panels["review"]
    # the open article's stored quotation is synced on open, before any edit
    assert queue_texts(review) == ["The hall stays open,"]
    body = window.editor.body
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    body.setTextCursor(cursor)
    type_text(body, "\n\n“We will fight it,” said Tom Hardy.")
    assert window.autosaver.save()
    # the rows follow the save in the quotation-sync worker: the queue shows them once it is done
    qtbot.waitUntil(lambda: len(queue_texts(review)) == 2, timeout=WAIT_MS)
    assert queue_texts(review)[1].startswith("We will fight it")


def test_opening_an_unsynced_article_syncs_its_rows_once(window, library, qtbot):
    aid = window.editor.article_id
    # stored by the first report's sync, whose worker writes them after the report is shown
    qtbot.waitUntil(lambda: [r.text for r in library.quotes.list(article_id=aid)]
                    == ["The hall stays open,"], timeout=WAIT_MS)
    other = library.articles.create(headline="Other", body="“Not yet,” said Ana Ruiz.").id
    # (an earlier worker's commit may be announced first: the sync's is the one with rows)
    with qtbot.waitSignal(window.runner.changed, timeout=WAIT_MS,
                          check_params_cb=lambda changes, _origin: bool(changes.quotes)) as seen:
        window.open_article(other)
    assert [r.text for r in library.quotes.list(article_id=other)] == ["Not yet,"]
    assert seen.args[0].quotes == {r.id for r in library.quotes.list(article_id=other)}
    assert not window.autosaver.dirty and window.library.articles.get(other).body.startswith("“")


def test_opening_an_article_whose_rows_are_synced_writes_nothing(window, library, qtbot, monkeypatch):
    other = library.articles.create(headline="Other", body="“Not yet,” said Ana Ruiz.").id
    sync_quotes(library, other)
    synced = []
    monkeypatch.setattr(window.checker, "article_saved", lambda *a: synced.append(a))
    with qtbot.waitSignal(window.checker.report_ready, timeout=WAIT_MS):
        window.open_article(other)  # the first-report slot runs before this wait ends
    assert synced == []
