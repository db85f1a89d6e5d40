"""The autosave's write in a worker thread (desk.gui.save_worker): it still saves, in the
order the saves were taken, its failures reach the editor as a GUI-thread save's did, and
closing the window waits for it."""

from __future__ import annotations

import threading

import pytest

from desk.gui import save_worker
from desk.model import DeskError
from tests.gui.shell_helpers import Dialogs, close_window, make_window, move_to_end, type_text

WAIT_MS = 10000


@pytest.fixture
def aid(library):
    return library.articles.create(headline="Weir", body="The weir held.").id


@pytest.fixture
def window(qtbot, library, tmp_path, aid):
    w = make_window(qtbot, library, tmp_path / "settings.ini", open_last=False)
    w.open_article(aid)
    yield w
    close_window(w)


class HeldSaves:
    """save_edit in the worker, recording what each call writes and on which thread; the
    first ``hold`` calls wait for ``gate`` (set by the test or by a timer thread)."""

    def __init__(self, monkeypatch, hold: int = 0, fail: Exception | None = None):
        self.gate, self.entered = threading.Event(), threading.Event()
        self.bodies: list[str] = []
        self.threads: list[threading.Thread] = []
        self.hold, self.fail = hold, fail
        real = save_worker.save_edit

        def spy(library, article_id, base, values, **kwargs):
            self.threads.append(threading.current_thread())
            self.bodies.append(values["body"])
            if len(self.bodies) <= self.hold:
                self.entered.set()
                assert self.gate.wait(WAIT_MS / 1000)
            if self.fail is not None:
                raise self.fail
            return real(library, article_id, base, values, **kwargs)

        monkeypatch.setattr(save_worker, "save_edit", spy)

    def release_later(self, seconds: float = 0.3) -> None:
        threading.Timer(seconds, self.gate.set).start()


def typed(window, text: str) -> None:
    move_to_end(window.editor.body)
    type_text(window.editor.body, text)


def test_an_autosave_writes_in_the_worker_and_comes_back_saved(window, library, qtbot, aid,
                                                             monkeypatch):
    saves = HeldSaves(monkeypatch)
    typed(window, " It rose.")
    assert window.autosaver.autosave()
    qtbot.waitUntil(lambda: window.autosaver.state == "saved", timeout=WAIT_MS)
    assert library.articles.get(aid).body == "The weir held. It rose."
    assert saves.threads and threading.main_thread() not in saves.threads
    assert not window.autosaver.dirty
    assert window.autosaver.base["body"] == "The weir held. It rose."
    assert window.journal.entries() == []  # the recovery entry goes once it is saved


def test_the_editor_stays_dirty_until_the_write_is_in(window, library, qtbot, aid, monkeypatch):
    saves = HeldSaves(monkeypatch, hold=1)
    typed(window, " It rose.")
    window.autosaver.autosave()
    qtbot.waitUntil(saves.entered.is_set, timeout=WAIT_MS)
    assert window.autosaver.dirty and window.autosaver.state == "saving"
    saves.gate.set()
    qtbot.waitUntil(lambda: window.autosaver.state == "saved", timeout=WAIT_MS)
    assert not window.autosaver.dirty


def test_a_key_pressed_during_the_write_is_saved_by_the_next_one(window, library, qtbot, aid,
                                                                 monkeypatch):
    saves = HeldSaves(monkeypatch, hold=1)
    typed(window, " It")
    window.autosaver.autosave()
    qtbot.waitUntil(saves.entered.is_set, timeout=WAIT_MS)
    typed(window, " rose.")  # while the first write waits in the worker
    window.autosaver.autosave()  # the timers again: taken once the first is in
    saves.gate.set()
    qtbot.waitUntil(lambda: window.autosaver.state == "saved", timeout=WAIT_MS)
    assert saves.bodies == ["The weir held. It", "The weir held. It rose."]
    assert library.articles.get(aid).body == "The weir held. It rose."
    assert not window.autosaver.dirty


def test_an_explicit_save_takes_the_write_in_flight_first_and_nothing_older_lands_after(
        window, library, qtbot, aid, monkeypatch):
    saves = HeldSaves(monkeypatch, hold=1)
    typed(window, " It")
    window.autosaver.autosave()
    qtbot.waitUntil(saves.entered.is_set, timeout=WAIT_MS)
    typed(window, " rose.")
    saves.release_later()
    assert window.autosaver.save()  # waits for the worker's, then writes the newer text
    assert library.articles.get(aid).body == "The weir held. It rose."
    qtbot.waitUntil(lambda: not window.autosaver.worker.busy, timeout=WAIT_MS)
    qtbot.wait(50)  # whatever the event loop still had: the older write's signal
    assert library.articles.get(aid).body == "The weir held. It rose."
    assert library.revisions.list(aid) == []  # the older save was ours: no conflict kept
    assert window.autosaver.state == "saved" and not window.autosaver.dirty


def test_a_failed_write_in_the_worker_retries_quietly_and_saves(window, library, qtbot, aid,
                                                               monkeypatch):
    dialogs = Dialogs(monkeypatch)
    saves = HeldSaves(monkeypatch, fail=DeskError("disk full"))
    typed(window, " It rose.")
    window.autosaver.autosave()
    qtbot.waitUntil(lambda: window.autosaver.state == "failed", timeout=WAIT_MS)
    assert "disk full" in window.status.save_state.toolTip()
    assert "disk full" in window.statusBar().currentMessage()
    assert dialogs.shown == []
    saves.fail = None  # the disk has room again: the back-off's retry saves
    qtbot.waitUntil(lambda: library.articles.get(aid).body == "The weir held. It rose.",
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.autosaver.state == "saved", timeout=WAIT_MS)


def test_closing_while_the_save_fails_asks_with_a_dialog(qtbot, library, tmp_path, aid,
                                                         monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    w = make_window(qtbot, library, tmp_path / "s.ini", open_last=False)
    w.open_article(aid)
    dialogs = Dialogs(monkeypatch, answer=QMessageBox.Cancel)
    saves = HeldSaves(monkeypatch, fail=DeskError("disk full"))
    real = type(library.articles).update

    def refused(*_a, **_k):
        raise DeskError("disk full")

    monkeypatch.setattr(type(library.articles), "update", refused)  # the GUI thread's save too
    typed(w, " It rose.")
    w.autosaver.autosave()
    w.close()  # cancelled in the dialog: the window stays
    assert [t for k, t, _ in dialogs.shown] == ["Not saved yet"]
    assert w.isVisible() and w.editor.body.toPlainText() == "The weir held. It rose."
    assert saves.bodies  # the worker tried first
    monkeypatch.setattr(type(library.articles), "update", real)
    saves.fail = None
    close_window(w)
    assert library.articles.get(aid).body == "The weir held. It rose."


def test_closing_the_window_waits_for_the_write_in_flight(qtbot, library, tmp_path, aid,
                                                         monkeypatch):
    w = make_window(qtbot, library, tmp_path / "s.ini", open_last=False)
    w.open_article(aid)
    saves = HeldSaves(monkeypatch, hold=1)
    typed(w, " It")
    w.autosaver.autosave()
    qtbot.waitUntil(saves.entered.is_set, timeout=WAIT_MS)
    typed(w, " rose.")  # saved by the close, after the worker's older text
    saves.release_later()
    close_window(w)
    assert library.articles.get(aid).body == "The weir held. It rose."
    assert saves.bodies == ["The weir held. It"]
    assert w.journal.entries() == []
    assert w.autosaver.worker is not None and not w.autosaver.worker.busy


def test_the_worker_s_own_write_is_not_announced_as_another_program_s(window, library, qtbot,
                                                                     monkeypatch):
    qtbot.waitUntil(window.quote_syncer.is_idle, timeout=WAIT_MS)
    window.external_changes.poll()  # what opening it wrote on other connections (its lock)
    heard = []
    window.runner.changed.connect(lambda changes, origin: heard.append(origin))
    typed(window, " It rose.")
    window.autosaver.autosave()
    qtbot.waitUntil(lambda: window.autosaver.state == "saved", timeout=WAIT_MS)
    assert not window.external_changes.poll()
    assert window.external_changes not in heard
    other = library.another_connection()  # another program's write still is
    try:
        other.articles.create(headline="Elsewhere", body="x")
    finally:
        other.close()
    assert window.external_changes.poll()


def test_a_write_refused_by_the_editing_lock_keeps_the_text_as_a_revision(
        window, library, qtbot, aid, monkeypatch):
    from desk.storage.locks import LockHeld

    HeldSaves(monkeypatch, fail=LockHeld("article taken over", None))
    typed(window, " It rose.")
    window.autosaver.autosave()
    qtbot.waitUntil(lambda: bool(library.revisions.list(aid)), timeout=WAIT_MS)
    kept = library.revisions.list(aid)[0]
    assert kept.body == "The weir held. It rose."
    assert library.articles.get(aid).body == "The weir held."

