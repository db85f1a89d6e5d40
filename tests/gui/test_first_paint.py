"""At start-up the checks, their process and the stale-results refresh wait for the window's
first paint; nothing waits unless start-up asked for it."""

import pytest
from PySide6.QtWidgets import QWidget

from desk.gui import check_process, first_paint
from desk.gui.body_edit import BodyEdit
from desk.gui.live_checks import LiveChecker
from desk.gui.review_refresh import StaleRefresher


@pytest.fixture(autouse=True)
def _released():
    yield
    first_paint.release()  # a failed test leaves nothing held for the next


class FakeService:
    def __init__(self):
        self.texts = []

    def submit(self, text, inputs, spelling, done, local, **kw):
        self.texts.append(text)


def test_nothing_is_held_unless_asked():
    assert not first_paint.holding() and first_paint.later(lambda: None) is False


def test_held_work_runs_in_order_at_release_and_later_asks_at_once():
    ran = []
    first_paint.hold()
    assert first_paint.later(lambda: ran.append(1)) and first_paint.later(lambda: ran.append(2))
    assert ran == []
    first_paint.release()
    assert ran == [1, 2] and not first_paint.holding()
    assert first_paint.later(lambda: ran.append(3)) is False


def test_a_failing_start_does_not_keep_the_others_back():
    ran = []
    first_paint.hold()
    first_paint.later(lambda: 1 / 0)
    first_paint.later(lambda: ran.append("next"))
    first_paint.release()
    assert ran == ["next"]


def test_the_first_check_waits_for_the_release(qtbot, library, monkeypatch):
    service = FakeService()
    monkeypatch.setattr(check_process, "service", lambda: service)
    aid = library.articles.create(headline="T", body="Some text.").id
    edit = BodyEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("Some text.")
    checker = LiveChecker(library, edit, separate_process=True)
    first_paint.hold()
    checker.set_article(aid, "en-US")
    checker.check_now()  # asked twice: checked once
    assert service.texts == [] and checker.is_idle()
    first_paint.release()
    assert service.texts == ["Some text."]


def test_the_refresh_pass_waits_for_the_release(qtbot, library):
    library.articles.create(headline="T", body="\u201cHello,\u201d she said.")
    r = StaleRefresher(library)
    first_paint.hold()
    r.start()
    r.start()
    assert not r.running
    first_paint.release()
    assert r.running
    qtbot.waitUntil(lambda: r.passes == 1 and not r.running, timeout=60_000)
    assert r.passes == 1  # one pass, not one per start asked while held
    r.stop()


def test_the_first_paint_of_the_window_releases(qtbot, monkeypatch):
    monkeypatch.setattr(first_paint, "RELEASE_MS", 600_000)  # only the paint can release it
    ran = []
    window = QWidget()
    qtbot.addWidget(window)
    first_paint.hold()
    first_paint.later(lambda: ran.append("after"))
    first_paint.release_after_paint(window)
    assert ran == []
    window.show()
    qtbot.waitUntil(lambda: ran == ["after"], timeout=20_000)
    assert not first_paint.holding()
