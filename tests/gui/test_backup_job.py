"""File > Back Up Library… in a worker (desk.gui.backup_job), on an SQLite file and on the
PostgreSQL team library: the window goes on working while it runs, the file it writes opens
as a library with the articles, and a failure is a dialog."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget

from desk.storage import Library
from tests.gui.shell_helpers import Dialogs, close_window, make_window, move_to_end, type_text


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, db_path):
    return request.getfixturevalue("pg_url") if request.param == "postgresql" else db_path


@pytest.fixture
def team_window(qtbot, target, tmp_path):
    lib = Library.open(target, seed=False)
    aid = lib.articles.create(headline="Weir", body="Start.").id
    w = make_window(qtbot, lib, tmp_path / "s.ini", open_last=False)
    w.open_article(aid)
    yield w, aid
    close_window(w)
    lib.close()


def finished(qtbot, job):
    with qtbot.waitSignal(job.finished, timeout=30000):
        pass


def test_the_backup_finishes_and_opens_as_a_library(qtbot, team_window, tmp_path):
    window, aid = team_window
    path = tmp_path / "backup.db"
    job = window.backup_to(path)
    finished(qtbot, job)
    assert job.error == "" and job.target == path
    with Library.open_read_only(path) as copy:
        assert copy.articles.get(aid).body == "Start."
    assert f"Library backed up to {path}" in window.statusBar().currentMessage()
    assert window.actions.backup.isEnabled()
    indicator = window.statusBar().findChild(QWidget, "backup-indicator")
    assert indicator is None or not indicator.isVisible()


def test_the_window_keeps_working_while_the_backup_runs(qtbot, team_window, tmp_path,
                                                       monkeypatch):
    """The backup waits inside its worker until the test lets it go: meanwhile the editor
    types and autosaves on the GUI thread, the busy indicator shows, Backup is disabled."""
    window, aid = team_window
    release, inside = threading.Event(), threading.Event()
    threads: list[int] = []
    real = Library.backup

    def slow(lib, path, **kw):
        threads.append(threading.get_ident())
        inside.set()
        release.wait(20)
        return real(lib, path, **kw)

    monkeypatch.setattr(Library, "backup", slow)
    job = window.backup_to(tmp_path / "backup.db")
    qtbot.waitUntil(inside.is_set, timeout=10000)
    indicator = window.statusBar().findChild(QWidget, "backup-indicator")
    assert indicator is not None and indicator.isVisible()
    assert indicator.label.text() == "Backing up to backup.db…"
    assert not window.actions.backup.isEnabled()
    assert window.backup_to(tmp_path / "other.db") is None  # one at a time
    move_to_end(window.editor.body)
    type_text(window.editor.body, " Typed meanwhile.")
    assert window.autosaver.save()
    assert window.library.articles.get(aid).body == "Start. Typed meanwhile."
    release.set()
    finished(qtbot, job)
    assert threads and threads[0] != threading.get_ident()
    assert job.error == ""
    assert not (tmp_path / "other.db").exists()


def test_a_failed_backup_is_a_dialog_and_writes_nothing(qtbot, team_window, tmp_path,
                                                       monkeypatch):
    window, _ = team_window
    dialogs = Dialogs(monkeypatch)
    folder = tmp_path / "a-folder"
    folder.mkdir()
    job = window.backup_to(folder)
    finished(qtbot, job)
    assert job.target is None and "folder" in job.error
    (text,) = dialogs.texts("warning")
    assert text.startswith("The backup was not made.") and "folder" in text
    assert list(folder.iterdir()) == []
    assert window.actions.backup.isEnabled()
