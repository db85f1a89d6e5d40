"""The window's save path meets real storage errors: the status bar says what is wrong in one
line, no dialog opens, the text stays in the editor, and desk saves once the trouble is gone."""

import sqlite3

import pytest

from tests.gui.shell_helpers import Dialogs, close_window, make_window, type_text


@pytest.fixture
def window(qtbot, library, tmp_path):
    article = library.articles.create(headline="First", body="One.")
    w = make_window(qtbot, library, tmp_path / "settings.ini", open_last=False)
    w.open_article(article.id)
    yield w
    close_window(w)


def status_line(window) -> str:
    text = window.statusBar().currentMessage()
    assert "\n" not in text
    return text


def test_a_full_disk_is_said_in_the_status_bar(window, library, monkeypatch, qtbot):
    dialogs = Dialogs(monkeypatch)
    pages = library.conn.execute("PRAGMA page_count").fetchone()[0]
    library.conn.execute(f"PRAGMA max_page_count = {pages}")
    window.editor.body.setPlainText("A long paragraph of words. " * 3000)
    assert not window.autosaver.save()
    assert window.status.save_state.text() == "Not saved yet — retrying"
    assert "full disk" in status_line(window) and "full disk" in window.status.save_state.toolTip()
    assert dialogs.shown == []
    library.conn.execute("PRAGMA max_page_count = 1073741823")  # space again
    qtbot.waitUntil(lambda: library.articles.get(window.editor.article_id).body.startswith(
        "A long paragraph"), timeout=10_000)
    qtbot.waitUntil(lambda: window.status.save_state.text() == "Saved", timeout=10_000)


def test_a_read_only_library_is_said_in_the_status_bar(window, library, monkeypatch):
    dialogs = Dialogs(monkeypatch)
    monkeypatch.setattr(library, "read_only", True)
    type_text(window.editor.body, "A")
    assert not window.autosaver.save()
    assert "read-only" in status_line(window)
    assert dialogs.shown == [] and window.editor.body.toPlainText().startswith("A")


def test_another_program_writing_is_said_when_the_editor_asks_to_save(window, library,
                                                                      monkeypatch, qtbot):
    dialogs = Dialogs(monkeypatch)
    other = sqlite3.connect(library.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        type_text(window.editor.body, "B")
        assert not window.autosaver.save(wait_ms=200)  # asked for: waits longer than typing
        assert "another program is writing to the library" in status_line(window)
        assert dialogs.shown == []
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(lambda: library.articles.get(window.editor.article_id).body == "BOne.",
                    timeout=10_000)
