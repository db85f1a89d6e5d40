"""A key press in the body is one call from Qt into Python (desk.gui.edit_dispatch), and
everything that followed the text before still follows it: live checks, autosave, the crash
journal, the word count, find's count. No timed assertions: the "after the last key" timers
are driven with a stand-in clock, or fired by hand, or waited for."""

import pytest
from PySide6.QtCore import SIGNAL
from PySide6.QtWidgets import QPlainTextEdit

from desk.gui import edit_dispatch
from desk.gui.edit_dispatch import QuietTimer, for_body
from tests.gui.shell_helpers import close_window, make_window, move_to_end, type_text


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(edit_dispatch.time, "perf_counter", fake)
    return fake


@pytest.fixture
def window(qtbot, library, tmp_path):
    aid = library.articles.create(headline="Weir", body="The weir held.").id
    w = make_window(qtbot, library, tmp_path / "settings.ini", open_last=False)
    w.open_article(aid)
    qtbot.waitUntil(w.checker.is_idle, timeout=10000)
    move_to_end(w.editor.body)
    yield w
    close_window(w)


def test_the_body_has_one_text_slot_and_no_per_key_repaint_slot(window):
    body = window.editor.body
    assert body.receivers(SIGNAL("textChanged()")) == 1
    assert body.receivers(SIGNAL("updateRequest(QRect,int)")) == 0


def test_a_key_press_is_one_dispatch(window):
    edits = for_body(window.editor.body)
    before = edits.edits
    type_text(window.editor.body, " It")
    assert edits.edits == before + 3


def test_a_key_press_reaches_autosave_journal_and_checks_through_the_dispatcher(window):
    revision = window.checker._revision
    type_text(window.editor.body, " It")
    assert window.autosaver.dirty and window.autosaver.state == "edited"
    assert window.checker._revision > revision
    assert window.checker._timer.isActive()
    assert window.journal_keeper._timer.isActive()
    assert window.status._timer.isActive()


def test_typing_is_saved_and_journalled_after_the_dispatch(window, library, qtbot):
    type_text(window.editor.body, " It rose.")
    window.journal_keeper.write_soon()  # what its timer calls
    assert window.journal_keeper.writer.wait_idle(5)
    assert window.journal.entries()[0].fields["body"] == "The weir held. It rose."
    qtbot.waitUntil(lambda: window.autosaver.state == "saved", timeout=10000)
    assert library.articles.get(window.editor.article_id).body == "The weir held. It rose."


def test_the_word_count_follows_typing(window, qtbot):
    assert window.status.counts.text().startswith("3 words")
    type_text(window.editor.body, " It rose again.")
    qtbot.waitUntil(lambda: window.status.counts.text().startswith("6 words"), timeout=10000)


def test_the_live_check_sees_what_was_typed(window, qtbot):
    with qtbot.waitSignal(window.checker.report_ready, timeout=20000):
        type_text(window.editor.body, " Teh")
    assert window.checker.report_text == "The weir held. Teh"
    assert "Teh" in [window.checker.report_text[p.start:p.end] for p in window.checker.report.problems]


def test_find_counts_again_after_typing(window, qtbot):
    bar = window.find_bar
    bar.open_find()
    bar.find_field.setText("weir")
    qtbot.waitUntil(lambda: bar.status.text().startswith("1 match"), timeout=5000)
    type_text(window.editor.body, " The weir")
    qtbot.waitUntil(lambda: bar.status.text().startswith("2 matches"), timeout=10000)


def test_loading_an_article_is_not_an_edit(window, library):
    other = library.articles.create(headline="Other", body="Another text.").id
    window.open_article(other)
    assert not window.autosaver.dirty and window.autosaver.state == "saved"


def test_a_field_edit_restarts_the_autosave_pause(window, clock):
    saver = window.autosaver
    type_text(window.editor.body, " It")
    armed = saver._pause._armed_at
    clock.now += 0.5
    type_text(window.editor.body, "s")  # a key in the body: the pause is not restarted
    assert saver._pause._armed_at == armed
    window.editor.headline.setPlainText("Weir holds")  # a field: it is
    assert saver._pause._armed_at == clock.now and saver.dirty


# -- QuietTimer -----------------------------------------------------------------------
def quiet_timer(qtbot, clock, interval=300):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edits = for_body(edit)
    fired = []
    timer = QuietTimer(edit, interval, edits, lambda: fired.append(clock.now))
    edits.on_edit(timer.arm)
    return edit, timer, fired


def test_a_quiet_timer_is_armed_by_the_first_key_not_restarted_by_the_next(qtbot, clock):
    edit, timer, _fired = quiet_timer(qtbot, clock)
    edit.insertPlainText("a")
    assert timer.isActive() and timer.interval() == 300
    armed = timer._armed_at
    clock.now += 0.1
    edit.insertPlainText("b")
    assert timer._armed_at == armed


def test_a_quiet_timer_fires_its_interval_after_the_last_key(qtbot, clock):
    edit, timer, fired = quiet_timer(qtbot, clock)
    edit.insertPlainText("a")
    clock.now += 0.2
    edit.insertPlainText("b")  # the last key
    clock.now += 0.1  # the timer's 300 ms since the first key: 100 since the last
    timer.stop()
    timer.timeout.emit()
    assert fired == [] and timer.isActive() and timer.interval() == 200
    clock.now += 0.2
    timer.stop()
    timer.timeout.emit()
    assert fired == [clock.now] and not timer.isActive()
    assert timer.interval() == 300 == timer.delay()


def test_a_quiet_timer_started_by_hand_fires_without_edits(qtbot, clock):
    _edit, timer, fired = quiet_timer(qtbot, clock)
    timer.start()
    clock.now += 0.3
    timer.stop()
    timer.timeout.emit()
    assert fired == [clock.now]


def test_a_quiet_timer_takes_a_new_interval(qtbot, clock):
    edit, timer, fired = quiet_timer(qtbot, clock)
    timer.setInterval(600_000)
    edit.insertPlainText("a")
    clock.now += 1
    timer.stop()
    timer.timeout.emit()
    assert fired == [] and timer.delay() == 600_000


def test_every_part_shares_the_body_dispatcher(qtbot):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    assert for_body(edit) is for_body(edit)
    assert edit.receivers(SIGNAL("textChanged()")) == 1


def test_a_part_that_is_gone_no_longer_hears_the_keys(qtbot):
    from PySide6.QtCore import QObject

    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    heard = []

    class Part(QObject):
        def edited(self):
            heard.append(1)

    part = Part()
    for_body(edit).on_edit(part.edited)
    edit.insertPlainText("a")
    part.deleteLater()
    qtbot.waitUntil(lambda: len(for_body(edit).listeners) == 0)
    edit.insertPlainText("b")  # no call into the deleted part
    assert heard == [1]


def _counting_edit(qtbot):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    heard = []
    dispatcher = for_body(edit)
    dispatcher.on_edit(lambda: heard.append(dispatcher.edits))
    return edit, dispatcher, heard


def test_the_first_key_of_a_burst_is_heard_at_once(qtbot):
    edit, dispatcher, heard = _counting_edit(qtbot)
    edit.insertPlainText("a")
    assert heard == [1] and not dispatcher.pending()


def test_the_keys_after_it_are_held_and_heard_once_when_the_hold_is_over(qtbot):
    edit, dispatcher, heard = _counting_edit(qtbot)
    for ch in "abcd":
        edit.insertPlainText(ch)
    assert heard == [1] and dispatcher.pending() and dispatcher.edits == 4
    dispatcher._hold.timeout.emit()  # HOLD_MS later
    assert heard == [1, 4] and not dispatcher.pending()
    dispatcher._hold.timeout.emit()  # nothing new: the next key is heard at once again
    edit.insertPlainText("e")
    assert heard == [1, 4, 5]


def test_held_keys_are_heard_when_the_hold_runs_out_in_the_event_loop(qtbot):
    edit, dispatcher, heard = _counting_edit(qtbot)
    edit.insertPlainText("a")
    edit.insertPlainText("b")
    qtbot.waitUntil(lambda: heard == [1, 2], timeout=5000)


def test_a_flush_delivers_held_keys_at_once_and_only_once(qtbot):
    edit, dispatcher, heard = _counting_edit(qtbot)
    edit.insertPlainText("a")
    edit.insertPlainText("b")
    dispatcher.flush()
    dispatcher.flush()
    assert heard == [1, 2]


def test_a_save_right_after_a_held_key_writes_it(window, library):
    body = window.editor.body
    type_text(body, "x")  # the first key is heard at once and the hold starts
    assert window.autosaver.save() and not window.autosaver.dirty
    type_text(body, "y")  # held: the dispatcher has not called autosave yet
    assert for_body(body).pending()
    assert window.autosaver.dirty  # asking delivers it
    assert window.autosaver.save()
    assert library.articles.get(window.editor.article_id).body == "The weir held.xy"
    assert not window.autosaver._pause.isActive()  # the held key did not arm it after the save


def test_a_check_started_before_a_held_key_is_stale(window):
    body = window.editor.body
    type_text(body, "x")
    revision = window.checker.snapshot().revision
    type_text(body, "y")  # held
    assert window.checker.snapshot().revision != revision


def test_a_load_right_after_a_key_is_not_an_edit_of_the_new_article(window, library):
    other = library.articles.create(headline="Other", body="Another text.").id
    body = window.editor.body
    type_text(body, "x")
    type_text(body, "y")  # held when the next article loads
    window.open_article(other)
    assert window.editor.article_id == other
    assert not window.autosaver.dirty and window.autosaver.state == "saved"


def test_a_quiet_timer_armed_late_waits_only_what_is_left(qtbot, clock):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    dispatcher = for_body(edit)
    timer = QuietTimer(edit, 300, dispatcher)
    edit.insertPlainText("a")
    clock.now += 0.1  # armed 100 ms after the key (a held call)
    timer.arm()
    assert timer.isActive() and timer.interval() == 200 and timer.delay() == 300
