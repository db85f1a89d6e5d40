"""Two windows on one library: a save that started from an older version of the article
keeps the other version as a revision and says so; nothing is silently overwritten.

The editing lock (tests/gui/test_edit_lock.py) keeps a second window from editing an open
article at all; this is the defence behind it, for a writer that takes no lock (an older
desk, a program of its own). The two windows here share one lock session, so both edit."""

import pytest

from desk.storage import Library
from desk.storage.edits import KEPT_LABEL
from tests.gui.shell_helpers import Dialogs, close_window, make_window, move_to_end, type_text


@pytest.fixture
def two_windows(qtbot, library, db_path, tmp_path, monkeypatch):
    aid = library.articles.create(headline="Weir", body="Start.").id
    second = Library.open(db_path)
    a = make_window(qtbot, library, tmp_path / "a.ini", open_last=False)
    b = make_window(qtbot, second, tmp_path / "b.ini", open_last=False)
    b.edit_lock.session = a.edit_lock.session  # no lock between them (see the docstring)
    for w in (a, b):
        w.open_article(aid)
        move_to_end(w.editor.body)
    dialogs = Dialogs(monkeypatch)
    yield a, b, aid, dialogs
    close_window(a)
    close_window(b)
    second.close()


def test_the_later_save_keeps_the_earlier_one_as_a_revision(two_windows, library):
    a, b, aid, dialogs = two_windows
    type_text(a.editor.body, " From A.")
    assert a.autosaver.save()
    type_text(b.editor.body, " From B.")
    assert b.autosaver.save()
    assert library.articles.get(aid).body == "Start. From B."
    kept = library.revisions.list(aid)
    assert [(r.body, r.label) for r in kept] == [("Start. From A.", KEPT_LABEL)]
    assert "kept in History" in b.statusBar().currentMessage()
    assert dialogs.shown == []


def test_both_texts_survive_a_second_round(two_windows, library):
    a, b, aid, _ = two_windows
    for window, text in ((a, " A1."), (b, " B1."), (a, " A2.")):
        type_text(window.editor.body, text)
        assert window.autosaver.save()
    bodies = {r.body for r in library.revisions.list(aid)}
    assert bodies == {"Start. A1.", "Start. B1."}
    assert library.articles.get(aid).body == "Start. A1. A2."


def test_saves_from_one_window_keep_no_revisions(two_windows, library):
    a, _, aid, _ = two_windows
    for text in (" One.", " Two.", " Three."):
        type_text(a.editor.body, text)
        assert a.autosaver.save()
    assert library.revisions.list(aid) == []
    assert "kept in History" not in a.statusBar().currentMessage()


def test_a_status_change_in_this_window_is_not_a_conflict(two_windows, library):
    a, _, aid, _ = two_windows
    assert a.request_status("editing")
    type_text(a.editor.body, " Edited.")
    assert a.autosaver.save()
    assert library.revisions.list(aid) == []
