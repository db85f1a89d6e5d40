"""A team library's server stops under the window and comes back: the text is kept, the
window says it is offline, and it saves once the server is back (a cluster of its own:
stopping the shared one would cut every other test's connection)."""

from __future__ import annotations

import psycopg
import pytest

from desk.gui.autosave import FAILED, SAVED
from desk.gui.offline import OFFLINE_TEXT
from desk.storage import Library
from tests.gui.shell_helpers import close_window, move_to_end, type_text
from tests.gui.team_helpers import listed_headlines, team_window

WAIT_MS = 30000


@pytest.fixture
def own_server():
    from tests.pg_cluster import start_cluster

    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def offline_window(qtbot, own_server, tmp_path):
    with psycopg.connect(own_server.url(), autocommit=True) as admin:
        admin.execute('CREATE DATABASE "team"')
    url = own_server.url("team")
    window, library = team_window(qtbot, url, tmp_path / "settings.ini")
    yield window, own_server, url
    close_window(window)
    library.close()


def journalled_body(window) -> str | None:
    entries = [e for e in window.journal.entries() if e.article_id == window.editor.article_id]
    return entries[0].fields["body"] if entries else None


def test_a_stopped_server_keeps_the_text_says_offline_and_saves_once_back(qtbot, offline_window,
                                                                          _no_modal):
    window, server, url = offline_window
    keeper = window.team.offline
    aid = window.editor.article_id
    body = window.editor.body
    move_to_end(body)
    type_text(body, " Typed before the outage.")
    assert window.autosaver.save()

    server.pause()
    type_text(body, " Typed while the server was away — kept.")
    typed = body.toPlainText()
    qtbot.waitUntil(lambda: window.autosaver.state == FAILED, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: keeper.banner.isVisible(), timeout=WAIT_MS)
    assert keeper.offline and keeper.banner.text() == OFFLINE_TEXT
    assert body.toPlainText() == typed  # still in the editor
    qtbot.waitUntil(lambda: journalled_body(window) == typed, timeout=WAIT_MS)  # and the journal
    assert "Traceback" not in window.statusBar().currentMessage()

    server.start_again()
    qtbot.waitUntil(lambda: not keeper.banner.isVisible(), timeout=WAIT_MS)
    assert window.autosaver.state == SAVED and not keeper.offline
    with Library.open(url) as again:
        assert again.articles.get(aid).body == typed
    qtbot.waitUntil(lambda: journalled_body(window) is None, timeout=WAIT_MS)
    assert _no_modal.shown == []  # never a dialog for it


def test_after_the_outage_the_window_hears_other_editors_again(qtbot, offline_window, _no_modal):
    window, server, url = offline_window
    keeper = window.team.offline
    server.pause()
    qtbot.waitUntil(lambda: keeper.offline, timeout=WAIT_MS)  # the listener noticed
    server.start_again()
    qtbot.waitUntil(lambda: not keeper.offline, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.team.listener.listening.is_set(), timeout=WAIT_MS)
    with Library.open(url) as other:
        other.articles.create(headline="Filed after the outage")
    qtbot.waitUntil(lambda: "Filed after the outage" in listed_headlines(window),
                    timeout=WAIT_MS)
    assert window.library.articles.count() >= 1  # its own connection works again
    assert _no_modal.shown == []


def test_actions_started_offline_say_so_in_the_banners_words_and_change_nothing(
        qtbot, offline_window, _no_modal):
    """New, a status change and the trash while the server is away: one dialog each, the
    offline banner's words (not the storage line telling to reopen the library), no
    traceback; once back, nothing was created or changed and the text typed is saved."""
    from PySide6.QtWidgets import QMessageBox

    from desk.gui.offline import OFFLINE_ACTION_TEXT

    window, server, url = offline_window
    keeper = window.team.offline
    aid = window.editor.article_id
    with Library.open(url) as before:
        count, status = before.articles.count(), before.articles.get(aid).status
    server.pause()
    qtbot.waitUntil(lambda: keeper.offline, timeout=WAIT_MS)
    window.new_article()
    assert window.request_status("editing") is False
    _no_modal.answer = QMessageBox.Yes
    window.library_panel.select(aid, emit=False)
    assert window.library_panel.trash_current() is False
    assert [(k, t) for k, _, t in _no_modal.shown] == [("warning", OFFLINE_ACTION_TEXT)] * 3
    assert window.editor.status.currentData() == status
    assert window.actions.status_actions[status].isChecked()
    move_to_end(window.editor.body)
    type_text(window.editor.body, " Typed offline.")
    typed = window.editor.body.toPlainText()
    server.start_again()
    qtbot.waitUntil(lambda: not keeper.offline, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.autosaver.state == SAVED, timeout=WAIT_MS)
    with Library.open(url) as after:
        assert after.articles.count() == count
        article = after.articles.get(aid)
        assert (article.status, article.deleted_at, article.body) == (status, None, typed)


def test_new_with_unsaved_text_offline_says_so_and_keeps_the_text(qtbot, offline_window,
                                                                   _no_modal):
    """The save before New cannot run offline: one dialog in the banner's words, the
    article stays open with what was typed."""
    from desk.gui.offline import OFFLINE_ACTION_TEXT

    window, server, _ = offline_window
    keeper = window.team.offline
    aid = window.editor.article_id
    server.pause()
    qtbot.waitUntil(lambda: keeper.offline, timeout=WAIT_MS)
    move_to_end(window.editor.body)
    type_text(window.editor.body, " Typed before New.")
    typed = window.editor.body.toPlainText()
    window.new_article()
    assert [(k, t) for k, _, t in _no_modal.shown] == [("warning", OFFLINE_ACTION_TEXT)]
    assert window.editor.article_id == aid and window.editor.body.toPlainText() == typed
    server.start_again()
    qtbot.waitUntil(lambda: not keeper.offline, timeout=WAIT_MS)


def test_an_action_that_finds_the_connection_gone_takes_the_window_offline(
        qtbot, offline_window, _no_modal):
    """Before the listener notices: the runner's failure tells the offline keeper."""
    window, server, _ = offline_window
    keeper = window.team.offline
    window.team.stop()  # its listener deaf: only the action can tell
    server.pause()
    window.library_panel.new_article()
    assert keeper.offline and keeper.banner.isVisible()
    server.start_again()
    qtbot.waitUntil(lambda: not keeper.offline, timeout=WAIT_MS)
