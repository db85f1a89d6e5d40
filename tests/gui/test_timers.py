"""The window's typing timers, pinned at their documented intervals (README: live checks
after a 300 ms pause, autosave within 2 s of a pause, the journal at most 1 s after a
change). No timed assertions: each test reads the interval of the timer a key press
started, or fires that timer itself and looks at what it did."""

import pytest
from PySide6.QtCore import QTimer

from tests.gui.shell_helpers import close_window, make_window, move_to_end, type_text


@pytest.fixture
def window(qtbot, library, tmp_path):
    aid = library.articles.create(headline="Weir", body="The weir held.").id
    w = make_window(qtbot, library, tmp_path / "settings.ini", open_last=False)
    w.open_article(aid)
    qtbot.waitUntil(w.checker.is_idle, timeout=10000)  # the check of the opened article
    move_to_end(w.editor.body)
    yield w
    close_window(w)


def started(owner) -> list[QTimer]:
    """The owner's timers running now, shortest first."""
    return sorted((t for t in owner.findChildren(QTimer) if t.isActive()),
                  key=QTimer.interval)


def test_a_key_press_starts_the_live_check_after_300_ms(window):
    assert started(window.checker) == []
    type_text(window.editor.body, " It")
    [debounce] = started(window.checker)
    assert debounce.interval() == 300 and debounce.isSingleShot()


def test_the_live_check_runs_when_its_timer_fires_not_before(window, qtbot):
    runs = window.checker.checks_run
    type_text(window.editor.body, " Teh")
    [debounce] = started(window.checker)
    assert window.checker.checks_run == runs and window.checker.report_text.endswith("held.")
    debounce.stop()
    debounce.timeout.emit()
    qtbot.waitUntil(lambda: window.checker.checks_run == runs + 1, timeout=10000)
    assert window.checker.report_text.endswith("held. Teh")


def test_a_key_press_arms_the_autosave_pause_and_deadline(window):
    """Saved one second after the last key, and never more than two after the first."""
    assert started(window.autosaver) == []
    type_text(window.editor.body, " It")
    pause, deadline = started(window.autosaver)
    assert (pause.interval(), deadline.interval()) == (1000, 2000)
    assert pause.isSingleShot() and deadline.isSingleShot()


def test_the_autosave_deadline_fires_while_typing_goes_on(window, library):
    type_text(window.editor.body, " It")
    pause, deadline = started(window.autosaver)
    type_text(window.editor.body, " rose")  # restarts the pause, not the deadline
    assert started(window.autosaver) == [pause, deadline]
    deadline.stop()
    deadline.timeout.emit()
    window.autosaver.finish_pending()  # the write runs in the worker
    assert library.articles.get(window.editor.article_id).body == "The weir held. It rose"
    assert started(window.autosaver) == []


def test_a_key_press_arms_the_journal_within_a_second(window):
    assert started(window.journal_keeper) == []
    type_text(window.editor.body, " It")
    [journal] = started(window.journal_keeper)
    assert journal.interval() == 1000 and journal.isSingleShot()
    journal.stop()
    journal.timeout.emit()
    assert window.journal_keeper.writer.wait_idle(5)  # written on the journal's thread
    [entry] = window.journal.entries()
    assert entry.fields["body"] == "The weir held. It"
