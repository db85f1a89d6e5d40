"""TeamChanges: which notifications refresh what, and how often. Without a server (a fake
window) first, then a window on the test cluster and another editor's connection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from desk.gui.team_changes import TeamChanges, heard_changes
from desk.model import DeskError
from desk.storage.pg_listen import Change

OWN_PID, OTHER_PID = 100, 200


class FakeLibrary:
    backend_pid = OWN_PID


class FakeExternal(QObject):
    stopping = Signal()

    def __init__(self, fail: bool = False):
        super().__init__()
        self.calls = 0  # full refreshes (changed_elsewhere)
        self.targeted: list = []  # the Changes each targeted refresh was given
        self.fail = fail

    def changed_elsewhere(self) -> None:
        self.calls += 1
        if self.fail:
            raise DeskError("the connection to the PostgreSQL server was lost")

    def heard(self, changes) -> None:
        self.targeted.append(changes)
        if self.fail:
            raise DeskError("the connection to the PostgreSQL server was lost")


def make(qtbot, **kw) -> tuple[TeamChanges, FakeExternal]:
    external = FakeExternal(**kw)
    team = TeamChanges(FakeLibrary(), external, start=False)
    return team, external


def test_a_burst_of_batches_is_one_refresh_of_what_they_name(qtbot):
    team, external = make(qtbot)
    with qtbot.waitSignal(team.refreshed, timeout=5000) as refreshed:
        for n in range(1, 6):
            team.heard.emit([Change("sources", n, OTHER_PID)])
    assert external.calls == 0 and len(external.targeted) == 1
    assert [c.row_id for c in refreshed.args[0]] == [1, 2, 3, 4, 5]
    changes = external.targeted[0]
    assert changes.sources == {1, 2, 3, 4, 5} and changes.elsewhere
    assert not (changes.articles or changes.quotes or changes.external)


def test_a_table_it_does_not_know_reads_everything(qtbot):
    team, external = make(qtbot)
    with qtbot.waitSignal(team.refreshed, timeout=5000):
        team.heard.emit([Change("sources", 1, OTHER_PID), Change("a_new_table", 3, OTHER_PID)])
    assert external.calls == 1 and external.targeted == []


def test_an_oversized_burst_reads_everything(qtbot):
    from desk.gui.team_changes import MAX_HEARD

    team, external = make(qtbot)
    with qtbot.waitSignal(team.refreshed, timeout=5000):
        team.heard.emit([Change("articles", n, OTHER_PID) for n in range(1, MAX_HEARD + 2)])
    assert external.calls == 1 and external.targeted == []


def test_rows_that_show_nowhere_start_no_refresh(qtbot):
    team, external = make(qtbot)
    team.heard.emit([Change("revisions", 4, OTHER_PID), Change("status_log", 9, OTHER_PID)])
    assert not team._debounce.isActive() and not team._deadline.isActive()


def test_the_windows_own_writes_and_unshown_tables_refresh_nothing(qtbot):
    team, external = make(qtbot)
    team.heard.emit([Change("articles", 1, OWN_PID), Change("check_results", None, OTHER_PID),
                     Change("edit_locks", 4, OTHER_PID)])
    assert not team._debounce.isActive() and not team._deadline.isActive()
    assert external.calls == 0


def test_nothing_is_read_while_offline(qtbot):
    team, external = make(qtbot)
    team.paused = True
    team.heard.emit([Change("sources", 1, OTHER_PID)])
    team._refresh()
    assert external.calls == 0 and external.targeted == []


def test_a_refresh_that_fails_is_not_a_traceback(qtbot):
    team, external = make(qtbot, fail=True)
    team.heard.emit([Change("sources", 1, OTHER_PID)])
    with qtbot.assertNotEmitted(team.refreshed):
        team._refresh()  # pytest-qt fails the test on an exception escaping a slot
    assert len(external.targeted) == 1


def test_the_window_closing_stops_the_timers(qtbot):
    team, external = make(qtbot)
    team.heard.emit([Change("sources", 1, OTHER_PID)])
    external.stopping.emit()
    assert not team._debounce.isActive() and not team._deadline.isActive()


def test_listening_again_after_an_outage_reads_everything_again(qtbot):
    team, external = make(qtbot)
    with qtbot.waitSignal(team.refreshed, timeout=5000):
        team.heard.emit([Change("sources", 1, OTHER_PID)])
        team.reachable.emit(True)
    assert external.calls == 1 and external.targeted == []
    with qtbot.waitSignal(team.refreshed, timeout=5000):  # and then targeted again
        team.heard.emit([Change("sources", 2, OTHER_PID)])
    assert external.calls == 1 and len(external.targeted) == 1


# -- what the notifications say ----------------------------------------------------------------


def _said(*pairs):
    return heard_changes([Change(table, row, OTHER_PID) for table, row in pairs])


def test_an_articles_status_names_its_row_and_nothing_else():
    changes = _said(("articles", 7), ("status_log", 31))
    assert changes.articles == {7} and changes.elsewhere and not changes.unnamed
    assert not (changes.sources or changes.quotes or changes.dictionary or changes.external)


def test_rows_without_ids_are_kinds_changed_unnamed():
    changes = _said(("articles", None), ("source_aliases", None), ("article_tags", None),
                    ("tags", None), ("quotes", None))
    assert changes.unnamed == {"articles", "sources", "tags", "quotes"}
    assert not changes.articles and changes.touches("sources") and changes.touches("quotes")


def test_the_dictionary_and_materials():
    changes = _said(("dictionary_words", None), ("materials", 3))
    assert changes.dictionary and changes.materials == {3} and not changes.unnamed


# -- a window on the test cluster, another editor on a connection of its own ------------------

WAIT_MS = 10000
COUNTED = {  # what a refresh may re-read, by the method that re-reads it
    "list": ("desk.gui.article_model", "ArticleListModel", "refresh"),
    "list row": ("desk.gui.article_model", "ArticleListModel", "update_row"),
    "list filters": ("desk.gui.library_panel", "LibraryPanel", "_fill_filters"),
    "sources": ("desk.gui.panels.sources", "SourcesPanel", "refresh"),
    "quoted in": ("desk.gui.panels.sources", "SourcesPanel", "refresh_quoted_in"),
    "review": ("desk.gui.panels.review_queue", "ReviewQueuePanel", "refresh"),
    "review sources": ("desk.gui.panels.review_queue", "ReviewQueuePanel", "_fill_source_filter"),
    "quotes panel": ("desk.gui.panels.quotes", "QuotesPanel", "show_report"),
    "check": ("desk.gui.live_checks", "LiveChecker", "inputs_changed"),
    "open article": ("desk.gui.external_changes", "ExternalChanges", "_check_open_article"),
}


@pytest.fixture
def counted(qtbot, pg_url, tmp_path, monkeypatch):
    """A window on a team library whose panels count their refreshes (patched before the
    window wires them), another editor's library, and the counts."""
    import importlib

    from desk.storage import Library
    from tests.gui.shell_helpers import close_window
    from tests.gui.team_helpers import team_window

    counts: dict[str, int] = dict.fromkeys(COUNTED, 0)

    def counting(name, method):
        def wrapper(self, *args, **kwargs):
            counts[name] += 1
            return method(self, *args, **kwargs)
        return wrapper

    for name, (module, cls, attr) in COUNTED.items():
        klass = getattr(importlib.import_module(module), cls)
        monkeypatch.setattr(klass, attr, counting(name, getattr(klass, attr)))
    window, library = team_window(qtbot, pg_url, tmp_path / "settings.ini")
    # the open article's first check and the quotation rows it syncs: this window's own
    # refreshes, done before a test counts another editor's
    qtbot.waitUntil(lambda: window.checker.report is not None and window.quote_syncer.is_idle(),
                    timeout=WAIT_MS * 3)
    other = Library.open(pg_url)
    yield window, other, counts
    close_window(window)
    other.close()
    library.close()


def _after_the_next_refresh(qtbot, window, counts, write) -> dict[str, int]:
    """What re-read itself for another editor's ``write`` (counted from zero)."""
    team = window.team
    qtbot.wait(150)  # what earlier writes announced has arrived ...
    qtbot.waitUntil(lambda: not team._pending and not team._debounce.isActive(),
                    timeout=WAIT_MS)  # ... and been refreshed
    for name in counts:
        counts[name] = 0
    with qtbot.waitSignal(window.team.refreshed, timeout=WAIT_MS):
        write()
    qtbot.wait(20)
    return {name: n for name, n in counts.items() if n}


def test_a_source_another_editor_adds_refreshes_the_sources_panel_only(qtbot, counted):
    from tests.gui.team_helpers import source_names

    window, other, counts = counted
    done = _after_the_next_refresh(qtbot, window, counts, lambda: other.sources.add("Ines Halloran"))
    # the Review panel's filter offers it; the open article is checked again (a source
    # is an input of attribution)
    assert done == {"sources": 1, "review sources": 1, "check": 1}
    assert "Ines Halloran" in source_names(window)
    review = window.panels["review"]
    assert review.source_filter.findText("Ines Halloran") >= 0


def test_an_articles_status_refreshes_its_row_of_the_list_only(qtbot, counted):
    from desk.operations import articles as article_ops
    from tests.gui.team_helpers import listed_status

    window, other, counts = counted
    aid = other.articles.create(headline="Council budget", body="The council met.").id
    qtbot.waitUntil(lambda: listed_status(window, "Council budget") == "Draft", timeout=WAIT_MS)
    done = _after_the_next_refresh(qtbot, window, counts, lambda: article_ops.change_status(
        other, article_id=aid, status="editing"))
    assert done == {"list row": 1}
    assert listed_status(window, "Council budget") == "Editing"


def test_an_article_the_review_queue_shows_reads_the_queue_again(qtbot, counted):
    from desk.review.reattach import sync_quotes
    from tests.gui.team_helpers import queued_quotes

    window, other, counts = counted
    aid = other.articles.create(headline="Harbour", body="“We will rebuild,” said Ines Halloran.").id
    sync_quotes(other, aid)
    row = other.quotes.list(article_id=aid)[0].id
    qtbot.waitUntil(lambda: row in queued_quotes(window), timeout=WAIT_MS)
    done = _after_the_next_refresh(qtbot, window, counts,
                                   lambda: other.articles.update(aid, headline="Harbour rebuilt"))
    assert done == {"list row": 1, "review": 1, "review sources": 1}  # the queue, its filter
    tree = window.panels["review"].tree
    assert [tree.topLevelItem(i).text(3) for i in range(tree.topLevelItemCount())
            if tree.topLevelItem(i).data(0, Qt.UserRole) == row] == ["Harbour rebuilt"]


def test_an_article_trashed_elsewhere_leaves_the_list_and_the_queue(qtbot, counted):
    from desk.review.reattach import sync_quotes
    from tests.gui.team_helpers import listed_headlines, queued_quotes

    window, other, counts = counted
    aid = other.articles.create(headline="Harbour", body="“We will rebuild,” said Ines Halloran.").id
    sync_quotes(other, aid)
    row = other.quotes.list(article_id=aid)[0].id
    qtbot.waitUntil(lambda: row in queued_quotes(window), timeout=WAIT_MS)
    done = _after_the_next_refresh(qtbot, window, counts, lambda: other.articles.trash(aid))
    assert done == {"list": 1, "list filters": 1, "review": 1, "review sources": 1}
    qtbot.waitUntil(lambda: "Harbour" not in listed_headlines(window), timeout=WAIT_MS)
    assert row not in queued_quotes(window)


def test_the_dictionary_changed_elsewhere_checks_the_open_article_again_only(qtbot, counted):
    from desk.operations import dictionary as dictionary_ops

    window, other, counts = counted
    assert window.editor.article_id is not None
    done = _after_the_next_refresh(qtbot, window, counts,
                                   lambda: dictionary_ops.add_words(other, words=["zorp"]))
    assert done == {"check": 1}


def test_the_open_article_changed_elsewhere_is_shown_as_stored(qtbot, counted):
    window, other, counts = counted
    aid = window.editor.article_id
    assert aid is not None and not window.autosaver.dirty
    done = _after_the_next_refresh(qtbot, window, counts, lambda: other.articles.update(
        aid, body="Rewritten by the night editor."))
    assert done.get("open article") == 1 and "sources" not in done and "list" not in done
    assert window.editor.body.toPlainText() == "Rewritten by the night editor."


def test_a_notification_it_cannot_read_refreshes_everything(qtbot, counted, pg_url):
    import psycopg

    window, _other, counts = counted

    def mystery() -> None:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute("SELECT pg_notify('desk_changes', 'a_table_of_a_newer_desk:1')")

    done = _after_the_next_refresh(qtbot, window, counts, mystery)
    assert {"list", "sources", "review", "check"} <= set(done)


def test_an_article_restored_elsewhere_brings_its_quotations_back_to_the_queue(qtbot, counted):
    from desk.review.reattach import sync_quotes
    from tests.gui.team_helpers import listed_headlines, queued_quotes

    window, other, counts = counted
    aid = other.articles.create(headline="Harbour", body="“We will rebuild,” said Ines Halloran.").id
    sync_quotes(other, aid)
    row = other.quotes.list(article_id=aid)[0].id
    other.articles.trash(aid)
    qtbot.waitUntil(lambda: row not in queued_quotes(window) and
                    "Harbour" not in listed_headlines(window), timeout=WAIT_MS)
    done = _after_the_next_refresh(qtbot, window, counts, lambda: other.articles.restore(aid))
    assert "review" in done and "sources" not in done  # it was not shown: counted, then read
    assert row in queued_quotes(window)


def test_a_tag_another_editor_gives_is_offered_by_the_tag_filter(qtbot, counted):
    from tests.gui.team_helpers import listed_headlines

    window, other, counts = counted
    aid = other.articles.create(headline="Harbour", body="The harbour.").id
    qtbot.waitUntil(lambda: "Harbour" in listed_headlines(window), timeout=WAIT_MS)
    done = _after_the_next_refresh(qtbot, window, counts,
                                   lambda: other.articles.update(aid, tags=["waterfront"]))
    assert done == {"list row": 1, "list filters": 1}
    assert window.library_panel.tag_filter.findData("waterfront") >= 0


def test_a_quotation_verified_elsewhere_reads_the_queue_not_the_open_articles_panels(
        qtbot, counted):
    from desk.operations import quotes as quote_ops
    from desk.review.reattach import sync_quotes
    from tests.gui.team_helpers import queued_quotes

    window, other, counts = counted
    aid = other.articles.create(headline="Harbour", body="“We will rebuild,” said Ines Halloran.").id
    sync_quotes(other, aid)
    row = other.quotes.list(article_id=aid)[0].id
    qtbot.waitUntil(lambda: row in queued_quotes(window), timeout=WAIT_MS)
    done = _after_the_next_refresh(qtbot, window, counts,
                                   lambda: quote_ops.verify(other, quote_id=row, force=True))
    assert done == {"review": 1, "review sources": 1}  # not the Quotes panel, not the check
    assert row not in queued_quotes(window)
