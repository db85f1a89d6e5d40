"""TeamChanges without a server: which notifications refresh the window, and how often."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desk.gui.team_changes import TeamChanges
from desk.model import DeskError
from desk.storage.pg_listen import Change

OWN_PID, OTHER_PID = 100, 200


class FakeLibrary:
    backend_pid = OWN_PID


class FakeExternal(QObject):
    stopping = Signal()

    def __init__(self, fail: bool = False):
        super().__init__()
        self.calls = 0
        self.fail = fail

    def changed_elsewhere(self) -> None:
        self.calls += 1
        if self.fail:
            raise DeskError("the connection to the PostgreSQL server was lost")


def make(qtbot, **kw) -> tuple[TeamChanges, FakeExternal]:
    external = FakeExternal(**kw)
    team = TeamChanges(FakeLibrary(), external, start=False)
    return team, external


def test_a_burst_of_batches_is_one_refresh(qtbot):
    team, external = make(qtbot)
    with qtbot.waitSignal(team.refreshed, timeout=5000) as refreshed:
        for n in range(5):
            team.heard.emit([Change("sources", n, OTHER_PID)])
    assert external.calls == 1
    assert [c.row_id for c in refreshed.args[0]] == [0, 1, 2, 3, 4]


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
    assert external.calls == 0


def test_a_refresh_that_fails_is_not_a_traceback(qtbot):
    team, external = make(qtbot, fail=True)
    team.heard.emit([Change("sources", 1, OTHER_PID)])
    team._refresh()  # pytest-qt fails the test on an exception escaping a slot
    assert external.calls == 1


def test_the_window_closing_stops_the_timers(qtbot):
    team, external = make(qtbot)
    team.heard.emit([Change("sources", 1, OTHER_PID)])
    external.stopping.emit()
    assert not team._debounce.isActive() and not team._deadline.isActive()


def test_listening_again_after_an_outage_reads_everything_again(qtbot):
    team, external = make(qtbot)
    with qtbot.waitSignal(team.refreshed, timeout=5000):
        team.reachable.emit(True)
    assert external.calls == 1
