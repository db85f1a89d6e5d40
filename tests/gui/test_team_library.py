"""The window on a team library (PostgreSQL, the throwaway cluster): File > Open Team
Library…, what it remembers, the refusals, and what other editors change showing up live."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import psycopg
import pytest
import shiboken6
from PySide6.QtWidgets import QDialog

from desk.gui import team_dialog
from desk.gui.settings import WindowSettings
from desk.gui.team_dialog import TeamLibraryDialog
from desk.gui.window_parts import build_window
from desk.operations import articles as article_ops
from desk.paths import team_label
from desk.storage import Library
from tests.gui.shell_helpers import close_window as close_now
from tests.gui.team_helpers import (
    listed_headlines,
    listed_status,
    queued_quotes,
    source_names,
    team_window,
)
from tests.pg_cluster import PASSWORD, free_port

WAIT_MS = 10000


@pytest.fixture(autouse=True)
def _no_session_passwords():
    team_dialog.SESSION_PASSWORDS.clear()
    team_dialog.LAST_ASKED.clear()
    yield
    team_dialog.SESSION_PASSWORDS.clear()
    team_dialog.LAST_ASKED.clear()


def close_window(w) -> None:
    """Close a window unless a switch already deleted it (opening a team library runs an
    event loop while it connects, where the windows switched from are deleted)."""
    if shiboken6.isValid(w):
        close_now(w)


@pytest.fixture
def window(qtbot, seeded, tmp_path):
    """The window on a file library, not handed to qtbot: a switch deletes it."""
    w = build_window(seeded, WindowSettings.at(tmp_path / "settings.ini"))
    w.show()
    qtbot.waitExposed(w)
    yield w
    if shiboken6.isValid(w):
        close_now(w)
        w.deleteLater()


def answer_dialog(monkeypatch, **fields):
    """File > Open Team Library…'s dialog, filled in as told and accepted."""
    seen: list[TeamLibraryDialog] = []

    def exec_(dlg):
        seen.append(dlg)
        for name, value in fields.items():
            widget = getattr(dlg, name)
            widget.setValue(value) if name == "port" else widget.setText(value)
        dlg.accept()
        return QDialog.Accepted if dlg.result() == QDialog.Accepted else QDialog.Rejected

    monkeypatch.setattr(TeamLibraryDialog, "exec", exec_)
    return seen


def socket_fields(url: str) -> dict:
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    return {"host": query["host"][0], "port": int(query["port"][0]),
            "database": parts.path.lstrip("/"), "user": parts.username}


def opened_window(app_windows, old):
    return next(w for w in app_windows() if w is not old and hasattr(w, "library"))


def top_windows():
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "desk-main-window"
            and shiboken6.isValid(w) and w.isVisible()]


# -- opening ---------------------------------------------------------------------------------


def test_the_dialog_opens_a_window_on_the_server_and_remembers_it(qtbot, window, pg_url,
                                                                  monkeypatch):
    answer_dialog(monkeypatch, **socket_fields(pg_url))
    window.open_team_library_dialog()
    new = opened_window(top_windows, window)
    try:
        assert new.library.is_postgresql
        dbname = urlsplit(pg_url).path.lstrip("/")
        assert team_label(pg_url) == f"team: {dbname} on {socket_fields(pg_url)['host']}"
        assert team_label(pg_url) in new.windowTitle()
        assert new.status.library.text() == team_label(pg_url)
        assert "Welcome" in " ".join(listed_headlines(new))  # a new team library is seeded
        recent = new.settings.recent_libraries()
        assert recent[0] == pg_url  # the URL as given: no password in it to leave out
        new.fill_recent_menu()
        labels = [a.text() for a in new.actions.recent_menu.actions()]
        assert team_label(pg_url) in labels
    finally:
        close_window(new)


def test_recent_libraries_take_the_window_back_and_forth(qtbot, window, pg_url, monkeypatch):
    answer_dialog(monkeypatch, url=pg_url)
    window.open_team_library_dialog()
    team = opened_window(top_windows, window)
    team.fill_recent_menu()
    back = next(a for a in team.actions.recent_menu.actions() if a.data() == str(window.target))
    back.trigger()
    on_file = opened_window(top_windows, team)
    try:
        assert not on_file.library.is_postgresql and team.team.listener is None  # it stopped
        on_file.fill_recent_menu()
        again = next(a for a in on_file.actions.recent_menu.actions() if a.data() == pg_url)
        assert again.isEnabled() and again.text() == team_label(pg_url)
        again.trigger()
        on_team = opened_window(top_windows, on_file)
        assert on_team.library.is_postgresql
        close_window(on_team)
    finally:
        close_window(on_file)


def test_a_password_is_used_for_the_session_but_never_stored(qtbot, window, pg_server, pg_url,
                                                             monkeypatch):
    dbname = urlsplit(pg_url).path.lstrip("/")
    answer_dialog(monkeypatch, host="127.0.0.1", port=pg_server.port, database=dbname,
                  user="desk_admin", password=PASSWORD)
    window.open_team_library_dialog()
    new = opened_window(top_windows, window)
    try:
        assert new.library.is_postgresql
        kept = new.settings.recent_libraries()[0]
        assert kept == f"postgresql://desk_admin@127.0.0.1:{pg_server.port}/{dbname}"
        new.settings.sync()
        settings_text = new.settings.q.fileName()
        with open(settings_text, encoding="utf-8") as fh:
            assert PASSWORD not in fh.read()
        assert PASSWORD not in new.windowTitle() and PASSWORD not in new.status.library.toolTip()
    finally:
        close_window(new)


def _refused(window, monkeypatch, _no_modal, **fields):
    answer_dialog(monkeypatch, **fields)
    window.open_team_library_dialog()
    assert top_windows() == [window]  # the old window stays, on its library
    assert not window.library.is_postgresql
    window.library.articles.count()  # and its library still works
    (kind, title, text), = _no_modal.shown
    assert title == "Open Team Library"
    return text.split("\n\n", 1)[1]


def test_a_server_that_is_down_is_a_dialog_and_the_window_stays(qtbot, window, monkeypatch,
                                                                _no_modal):
    line = _refused(window, monkeypatch, _no_modal, host="127.0.0.1", port=free_port(),
                    database="newsroom", user="desk_admin")
    assert "\n" not in line
    assert "no PostgreSQL server answers there" in line


def test_a_wrong_password_is_a_dialog(qtbot, window, pg_server, pg_url, monkeypatch, _no_modal):
    dbname = urlsplit(pg_url).path.lstrip("/")
    line = _refused(window, monkeypatch, _no_modal, host="127.0.0.1", port=pg_server.port,
                    database=dbname, user="desk_admin", password="not-the-password")
    assert "\n" not in line and "refused the password" in line
    assert "not-the-password" not in line
    seen = answer_dialog(monkeypatch, password=PASSWORD)  # the next try starts from this one
    window.open_team_library_dialog()
    assert (seen[0].host.text(), seen[0].port.value(), seen[0].database.text()) == \
        ("127.0.0.1", pg_server.port, dbname)
    close_window(opened_window(top_windows, window))


def test_a_missing_database_is_a_dialog(qtbot, window, pg_url, monkeypatch, _no_modal):
    fields = socket_fields(pg_url) | {"database": "no_such_newsroom"}
    line = _refused(window, monkeypatch, _no_modal, **fields)
    assert "\n" not in line and "no database 'no_such_newsroom'" in line


def test_a_library_of_a_newer_desk_is_a_dialog(qtbot, window, pg_url, monkeypatch, _no_modal):
    Library.open(pg_url, seed=False).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations (version, name, applied_at) "
                     "VALUES (999, 'from the future', '2030-01-01')")
    line = _refused(window, monkeypatch, _no_modal, url=pg_url)
    assert "\n" not in line and "newer desk" in line


def test_a_bad_url_is_a_dialog_and_the_window_stays(qtbot, window, monkeypatch, _no_modal):
    line = _refused(window, monkeypatch, _no_modal,
                    url=f"postgresql://desk_admin@127.0.0.1:{free_port()}/x")
    assert "\n" not in line and "cannot open the library" in line


def test_desk_window_opens_on_the_server_named_in_desk_db(qtbot, pg_url, monkeypatch):
    from desk.app import start_window

    monkeypatch.setenv("DESK_DB", pg_url)
    from desk.paths import library_path

    _app, library, window = start_window(library_path(), recover=False)
    qtbot.addWidget(window)
    try:
        assert library.is_postgresql
        qtbot.waitUntil(lambda: window.windowTitle().endswith(f"{team_label(pg_url)} — desk"),
                        timeout=WAIT_MS)  # the first article opens from the event loop
        assert window.team is not None
    finally:
        window.quit_on_signal.uninstall()  # SIGTERM's handler back as it was
        window.checker.shutdown()  # its check process and service thread too (as desk's quit)
        close_window(window)
        library.close()


# -- live updates ----------------------------------------------------------------------------


@pytest.fixture
def team(qtbot, pg_url, tmp_path):
    window, library = team_window(qtbot, pg_url, tmp_path / "settings.ini")
    other = Library.open(pg_url)  # another editor, on a connection of its own
    yield window, other
    close_window(window)
    other.close()
    library.close()


def test_a_source_another_editor_adds_shows_in_the_sources_panel(qtbot, team):
    window, other = team
    other.sources.add("Ines Halloran")
    qtbot.waitUntil(lambda: "Ines Halloran" in source_names(window), timeout=WAIT_MS)


def test_a_status_another_editor_changes_shows_in_the_library_list(qtbot, team):
    window, other = team
    aid = other.articles.create(headline="Council budget", body="The council met.").id
    qtbot.waitUntil(lambda: "Council budget" in listed_headlines(window), timeout=WAIT_MS)
    assert listed_status(window, "Council budget") == "Draft"
    article_ops.change_status(other, article_id=aid, status="editing")
    qtbot.waitUntil(lambda: listed_status(window, "Council budget") == "Editing",
                    timeout=WAIT_MS)


def test_a_text_another_editor_changes_shows_in_the_open_article(qtbot, team):
    window, other = team
    aid = window.editor.article_id
    assert aid is not None and not window.autosaver.dirty
    other.articles.update(aid, body="Rewritten by the night editor.")
    qtbot.waitUntil(lambda: window.editor.body.toPlainText() == "Rewritten by the night editor.",
                    timeout=WAIT_MS)


def test_a_quotation_another_editor_verifies_leaves_the_review_queue(qtbot, team):
    from desk.operations import quotes as quote_ops
    from desk.review.reattach import sync_quotes

    window, other = team
    aid = other.articles.create(headline="Q", body="“We will rebuild,” said Ines Halloran.").id
    sync_quotes(other, aid)
    row = other.quotes.list(article_id=aid)[0].id
    qtbot.waitUntil(lambda: row in queued_quotes(window), timeout=WAIT_MS)
    quote_ops.verify(other, quote_id=row, force=True)
    qtbot.waitUntil(lambda: row not in queued_quotes(window), timeout=WAIT_MS)


def test_the_windows_own_writes_are_not_heard_as_news(qtbot, team):
    window, other = team
    refreshes: list = []
    window.team.refreshed.connect(refreshes.append)
    own = window.library.backend_pid
    window.library.articles.create(headline="Written here")
    other.sources.add("Written elsewhere")
    qtbot.waitUntil(lambda: bool(refreshes), timeout=WAIT_MS)
    heard = [c for batch in refreshes for c in batch]
    assert heard and all(c.pid != own for c in heard)
    tables = {c.table for c in heard}
    assert "sources" in tables and "articles" not in tables
