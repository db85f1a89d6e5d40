"""The window journals unsaved text about once a second and clears it after a save."""

import json
import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from desk.gui.journal_keeper import JOURNAL_MS
from desk.journal import Journal
from desk.model import DeskError
from tests.gui.shell_helpers import Dialogs, close_window, make_window, move_to_end, type_text


@pytest.fixture
def window(qtbot, library, tmp_path):
    aid = library.articles.create(headline="Weir", body="Start.").id
    w = make_window(qtbot, library, tmp_path / "settings.ini", open_last=False)
    w.open_article(aid)
    move_to_end(w.editor.body)
    yield w
    close_window(w)


def test_the_journal_interval_is_a_second_at_most():
    assert JOURNAL_MS <= 1000


def test_unsaved_text_is_journalled_and_a_save_removes_it(window, qtbot, monkeypatch):
    monkeypatch.setattr(window.autosaver, "autosave", lambda: False)  # no timed save
    type_text(window.editor.body, " Typed.")
    qtbot.waitUntil(lambda: bool(window.journal.entries()), timeout=5000)
    [entry] = window.journal.entries()
    assert entry.fields["body"] == "Start. Typed." and entry.base["body"] == "Start."
    assert window.autosaver.save()
    assert window.journal.entries() == []


def test_nothing_is_journalled_when_nothing_is_unsaved(window):
    assert window.journal_keeper.write_now()
    assert window.journal.entries() == []


def test_a_journal_that_cannot_be_written_says_so_in_the_status_bar(window, monkeypatch):
    dialogs = Dialogs(monkeypatch)

    def full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(window.journal, "write", full)
    monkeypatch.setattr(window.autosaver, "autosave", lambda: False)
    type_text(window.editor.body, "x")
    assert not window.journal_keeper.write_now()
    assert "recovery journal" in window.statusBar().currentMessage()
    assert dialogs.shown == []


def test_closing_while_saving_fails_keeps_the_text_in_the_journal(qtbot, library, tmp_path,
                                                                  monkeypatch):
    aid = library.articles.create(headline="Weir", body="Start.").id
    w = make_window(qtbot, library, tmp_path / "settings.ini", open_last=False)
    w.open_article(aid)
    dialogs = Dialogs(monkeypatch, answer=QMessageBox.Discard)

    def broken(*a, **k):
        raise DeskError("the library is read-only")

    monkeypatch.setattr(library.articles, "update", broken)
    type_text(w.editor.body, "Kept ")
    close_window(w)
    assert not w.isVisible()
    assert "recovery journal" in dialogs.texts("warning")[0]
    assert w.journal.entries()[0].fields["body"] == "Kept Start."


def test_a_signal_close_asks_nothing(qtbot, library, tmp_path, monkeypatch):
    aid = library.articles.create(headline="Weir", body="Start.").id
    w = make_window(qtbot, library, tmp_path / "settings.ini", open_last=False)
    w.open_article(aid)
    dialogs = Dialogs(monkeypatch)
    monkeypatch.setattr(library.articles, "update",
                        lambda *a, **k: (_ for _ in ()).throw(DeskError("read-only")))
    type_text(w.editor.body, "Kept ")
    w.close_for_signal()
    w.checker.shutdown()
    assert not w.isVisible() and dialogs.shown == []
    assert w.journal.entries()[0].fields["body"] == "Kept Start."


def test_closing_when_neither_save_nor_journal_works_says_the_text_is_lost(qtbot, library,
                                                                           tmp_path, monkeypatch):
    aid = library.articles.create(headline="Weir", body="Start.").id
    w = make_window(qtbot, library, tmp_path / "settings.ini", open_last=False)
    w.open_article(aid)
    dialogs = Dialogs(monkeypatch, answer=QMessageBox.Cancel)
    real_update, real_write = library.articles.update, w.journal.write
    monkeypatch.setattr(library.articles, "update",
                        lambda *a, **k: (_ for _ in ()).throw(OSError(28, "disk full")))
    monkeypatch.setattr(w.journal, "write",
                        lambda *a, **k: (_ for _ in ()).throw(OSError(28, "disk full")))
    type_text(w.editor.body, "x")
    w.close()
    assert w.isVisible()  # Cancel keeps the window and its text
    assert "loses the last changes" in dialogs.texts("warning")[0]
    monkeypatch.setattr(library.articles, "update", real_update)
    monkeypatch.setattr(w.journal, "write", real_write)
    close_window(w)
    assert library.articles.get(aid).body == "xStart."


def test_after_a_burst_of_edits_the_journal_holds_the_newest_text(window, qtbot, monkeypatch):
    monkeypatch.setattr(window.autosaver, "autosave", lambda: False)
    for word in (" One", " two", " three", " four"):
        type_text(window.editor.body, word)
        window.journal_keeper.write_soon()  # as the timer does: queued, not written here
    newest = window.editor.body.toPlainText()
    assert newest == "Start. One two three four"
    assert window.journal_keeper.writer.wait_idle(5)
    assert [e.fields["body"] for e in window.journal.entries()] == [newest]
    qtbot.waitUntil(lambda: (window.journal_keeper.last_written or {}).get("body") == newest,
                    timeout=5000)


def test_write_now_after_queued_writes_leaves_the_newest(window, monkeypatch):
    monkeypatch.setattr(window.autosaver, "autosave", lambda: False)
    for word in (" One", " two"):
        type_text(window.editor.body, word)
        window.journal_keeper.write_soon()
    type_text(window.editor.body, " three")
    assert window.journal_keeper.write_now()
    assert [e.fields["body"] for e in window.journal.entries()] == ["Start. One two three"]
    assert window.journal_keeper.writer.wait_idle(5)
    assert [e.fields["body"] for e in window.journal.entries()] == ["Start. One two three"]


def test_a_background_write_that_fails_says_so_in_the_status_bar(qtbot, library, tmp_path,
                                                                 monkeypatch):
    blocker = tmp_path / "not-a-folder"  # tests run as root: a file, not a read-only folder
    blocker.write_text("a file where the journal folder should be")
    aid = library.articles.create(headline="Weir", body="Start.").id
    w = make_window(qtbot, library, tmp_path / "settings.ini", open_last=False,
                    journal=Journal(library.path, blocker / "journal"))
    try:
        w.open_article(aid)
        monkeypatch.setattr(w.autosaver, "autosave", lambda: False)
        type_text(w.editor.body, "x")
        with qtbot.waitSignal(w.journal_keeper.failed, timeout=5000) as failed:
            w.journal_keeper.write_soon()
        assert "recovery journal" in failed.args[0]
        assert "recovery journal" in w.statusBar().currentMessage()
        assert w.journal_keeper.last_written is None
    finally:
        monkeypatch.undo()
        close_window(w)


def test_the_gui_thread_does_not_serialise_the_body(window, qtbot, monkeypatch):
    monkeypatch.setattr(window.autosaver, "autosave", lambda: False)
    real_dumps, threads = json.dumps, []

    def dumps(obj, *a, **k):
        if "Typed." in str(obj):  # the body, whole or in pieces, or a dict holding it
            threads.append(threading.current_thread())
        return real_dumps(obj, *a, **k)

    monkeypatch.setattr("desk.journal.json.dumps", dumps)
    type_text(window.editor.body, " Typed.")
    qtbot.waitUntil(lambda: bool(window.journal.entries()), timeout=5000)  # the timer's write
    assert threads and threading.main_thread() not in threads
    assert window.journal.entries()[0].fields["body"] == "Start. Typed."
