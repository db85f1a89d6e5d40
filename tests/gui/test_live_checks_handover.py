"""A result the check service hands over never reaches a checker that has shut down: shutdown
waits for a hand-over in progress, and one that comes after it is dropped (the bridge goes
with the window; emitting into it from the service thread once it is gone crashed)."""

import threading

from desk.gui import check_process
from desk.gui.body_edit import BodyEdit
from desk.gui.live_checks import LiveChecker


class FakeService:
    def __init__(self):
        self.jobs = []

    def submit(self, text, inputs, spelling, done, local, **kw):
        self.jobs.append(done)


class BlockingSignal:
    def __init__(self):
        self.entered, self.release, self.emitted = threading.Event(), threading.Event(), []

    def emit(self, *args):
        self.entered.set()
        assert self.release.wait(10)
        self.emitted.append(args)


class FakeBridge:
    def __init__(self):
        self.done = BlockingSignal()


def checker_with_a_job(qtbot, library, monkeypatch):
    service = FakeService()
    monkeypatch.setattr(check_process, "service", lambda: service)
    aid = library.articles.create(headline="T", body="Some text.").id
    edit = BodyEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("Some text.")
    checker = LiveChecker(library, edit, separate_process=True)
    bridge = checker._bridge = FakeBridge()
    checker.set_article(aid, "en-US")
    checker.check_now()
    assert len(service.jobs) == 1
    return checker, bridge.done, service.jobs[0]


def test_shutdown_waits_for_a_hand_over_in_progress(qtbot, library, monkeypatch):
    checker, signal, done = checker_with_a_job(qtbot, library, monkeypatch)
    handing = threading.Thread(target=done, args=((), "boom", 0.0))
    handing.start()
    assert signal.entered.wait(10)
    closing = threading.Thread(target=checker.shutdown)
    closing.start()
    closing.join(0.3)
    assert closing.is_alive()  # it waits while the result is being handed over
    signal.release.set()
    handing.join(10)
    closing.join(10)
    assert not closing.is_alive() and len(signal.emitted) == 1


def test_a_result_after_shutdown_is_dropped(qtbot, library, monkeypatch):
    checker, signal, done = checker_with_a_job(qtbot, library, monkeypatch)
    signal.release.set()
    checker.shutdown()
    done((), "late", 0.0)
    assert signal.emitted == [] and not signal.entered.is_set()
