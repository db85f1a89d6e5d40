"""Autosave: after a pause in typing, on switching articles, on close; Ctrl+S revisions."""

import pytest
from PySide6.QtWidgets import QInputDialog

from desk.gui.autosave import MAX_DELAY_MS, PAUSE_MS
from desk.model import DeskError
from tests.gui.shell_helpers import Dialogs, close_window, make_window, move_to_end, type_text


@pytest.fixture
def two(library):
    a = library.articles.create(headline="First", body="One.")
    b = library.articles.create(headline="Second", body="Two.")
    return a.id, b.id


@pytest.fixture
def window(qtbot, library, tmp_path, two):
    w = make_window(qtbot, library, tmp_path / "settings.ini", open_last=False)
    w.open_article(two[0])
    yield w
    close_window(w)


def test_the_save_delays_keep_within_two_seconds():
    assert PAUSE_MS <= MAX_DELAY_MS <= 2000


def test_typing_is_saved_after_a_pause(window, library, qtbot, two):
    move_to_end(window.editor.body)
    type_text(window.editor.body, " Ça déborde — “vite”.")
    assert window.autosaver.state == "edited"
    qtbot.waitUntil(lambda: library.articles.get(two[0]).body == "One. Ça déborde — “vite”.",
                    timeout=4000)
    qtbot.waitUntil(lambda: window.autosaver.state == "saved", timeout=4000)  # heard back
    assert window.status.save_state.text() == "Saved"


def test_typing_without_a_pause_is_still_saved(window, library, qtbot, two):
    """Someone who never pauses for a whole second still loses at most 2 s of text."""
    from PySide6.QtCore import QTimer

    move_to_end(window.editor.body)
    saves = []
    window.autosaver.saved.connect(lambda article: saves.append(article.body))
    keys = QTimer(interval=PAUSE_MS // 5)  # a key every 200 ms: never a 1 s pause
    keys.timeout.connect(lambda: type_text(window.editor.body, "é"))
    keys.start()
    try:
        qtbot.waitUntil(lambda: len(saves) >= 2, timeout=MAX_DELAY_MS * 4)
    finally:
        keys.stop()
    assert saves[0].startswith("One.é") and len(saves[1]) > len(saves[0])


def test_fields_above_the_body_are_saved_too(window, library, qtbot, two):
    window.editor.tags.setText("flood, weir")
    window.editor.tags.textEdited.emit("flood, weir")
    move_to_end(window.editor.headline)
    type_text(window.editor.headline, " — Ñ")
    window.autosaver.save()
    a = library.articles.get(two[0])
    assert a.headline == "First — Ñ" and a.tags == ["flood", "weir"]


def test_switching_articles_saves_first(window, library, two):
    type_text(window.editor.body, "X")
    window.open_article(two[1])
    assert library.articles.get(two[0]).body.startswith("X")
    assert window.editor.article_id == two[1]


def test_closing_the_window_saves(qtbot, library, tmp_path, two):
    w = make_window(qtbot, library, tmp_path / "s.ini", open_last=False)
    w.open_article(two[1])
    move_to_end(w.editor.body)
    type_text(w.editor.body, " Último.")
    close_window(w)
    assert library.articles.get(two[1]).body == "Two. Último."


def test_reopening_shows_the_saved_text_and_last_article(qtbot, library, tmp_path, two):
    w = make_window(qtbot, library, tmp_path / "s.ini", open_last=False)
    w.open_article(two[1])
    type_text(w.editor.body, "¡Hola! ")
    close_window(w)
    again = make_window(qtbot, library, tmp_path / "s.ini")
    try:
        assert again.editor.article_id == two[1]
        assert again.editor.body.toPlainText() == "¡Hola! Two."
    finally:
        close_window(again)


def test_ctrl_s_saves_a_named_revision(window, library, monkeypatch, two):
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("final read", True)))
    type_text(window.editor.body, "Z")
    window.actions.save_revision.trigger()
    revs = library.revisions.list(two[0])
    assert [r.label for r in revs] == ["final read"]
    assert revs[0].body == "ZOne."


def test_ctrl_s_with_an_empty_label_uses_saved(window, library, monkeypatch, two):
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", True)))
    window.save_revision()
    assert library.revisions.latest(two[0]).label == "saved"


def test_ctrl_s_cancelled_makes_no_revision(window, library, monkeypatch, two):
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("x", False)))
    window.save_revision()
    assert library.revisions.list(two[0]) == []


def test_a_failed_save_shows_no_dialog_and_keeps_the_text(window, library, monkeypatch, qtbot,
                                                          two):
    """Keys typed after a failure must reach the editor: the trouble goes to the status bar,
    and desk tries again on its own."""
    dialogs = Dialogs(monkeypatch)
    articles = type(library.articles)  # every connection's: the autosave's worker has its own
    real = articles.update
    calls = []

    def broken(*a, **k):
        calls.append(a)
        raise DeskError("the library is read-only")

    monkeypatch.setattr(articles, "update", broken)
    type_text(window.editor.body, "A")
    assert not window.autosaver.save()
    type_text(window.editor.body, "B")
    assert not window.autosaver.save()
    assert dialogs.shown == []
    assert window.status.save_state.text() == "Not saved yet — retrying"
    assert "read-only" in window.status.save_state.toolTip()
    assert "read-only" in window.statusBar().currentMessage()
    assert window.editor.body.toPlainText().startswith("AB")
    qtbot.waitUntil(lambda: len(calls) >= 3, timeout=5000)  # retries without being asked
    monkeypatch.setattr(articles, "update", real)
    qtbot.waitUntil(lambda: library.articles.get(two[0]).body == "ABOne.", timeout=5000)
    qtbot.waitUntil(lambda: window.status.save_state.text() == "Saved", timeout=5000)  # heard back
    assert dialogs.shown == []


def test_the_interval_sets_the_longest_wait(qtbot, library):
    from desk.gui.article_editor import ArticleEditor
    from desk.gui.autosave import PAUSE_MS, Autosaver

    editor = ArticleEditor(library)
    qtbot.addWidget(editor)
    saver = Autosaver(library, editor)
    saver.set_interval(45)
    assert (saver._deadline.interval(), saver._pause.interval()) == (45_000, PAUSE_MS)
    saver.set_interval(1)  # shorter than the pause: the pause shortens too
    assert (saver._deadline.interval(), saver._pause.interval()) == (1000, 1000)
