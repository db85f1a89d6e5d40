"""Opening a team library in a thread of its own while the GUI thread goes on."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from desk.gui.team_open import open_in_background
from desk.model import DeskError
from desk.storage import Library


def test_the_gui_thread_runs_its_events_while_the_library_opens(qtbot, monkeypatch):
    ticked = threading.Event()

    def slow_open(url, **_kw):  # returns once the GUI thread's timer has fired
        return url, ticked.wait(10), threading.current_thread()

    monkeypatch.setattr(Library, "open", slow_open)
    QTimer.singleShot(0, ticked.set)
    url, gui_ran, thread = open_in_background("postgresql://ann@db.example.org/newsroom")
    assert url == "postgresql://ann@db.example.org/newsroom"
    assert gui_ran and thread is not threading.main_thread()


def test_a_refusal_is_raised_on_the_gui_thread(qtbot, monkeypatch):
    def refused(url, **_kw):
        raise DeskError("cannot open the library postgresql://db/x: no PostgreSQL server")

    monkeypatch.setattr(Library, "open", refused)
    with pytest.raises(DeskError, match="no PostgreSQL server"):
        open_in_background("postgresql://db/x")
