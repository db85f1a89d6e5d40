"""TeamChanges: which notifications refresh what, and how often. Without a server (a fake
window) first, then a window on the test cluster and another editor's connection."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

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
