"""The window started on a team library ($DESK_DB) whose server wants a password desk was not
given, or cannot be opened at all: the password dialog, then the team library or the local
one, and a dialog (never a traceback, never no window) for every other refusal. The
throwaway cluster takes TCP connections with a password only (tests/pg_cluster.py)."""

from __future__ import annotations

from urllib.parse import urlsplit

import psycopg
import pytest
import shiboken6
from PySide6.QtWidgets import QDialog

from desk.app import start_window
from desk.gui import team_dialog
from desk.gui.team_dialog import TeamLibraryDialog
from desk.paths import default_library_path, team_label
from desk.storage import Library
from tests.gui.shell_helpers import close_window
from tests.pg_cluster import PASSWORD, free_port


@pytest.fixture(autouse=True)
def _no_session_passwords():
    team_dialog.SESSION_PASSWORDS.clear()
    team_dialog.LAST_ASKED.clear()
    yield
    team_dialog.SESSION_PASSWORDS.clear()
    team_dialog.LAST_ASKED.clear()


class Asked:
    """The password dialog answered in turn: a password typed and Open, or None (Cancel)."""

    def __init__(self, monkeypatch, *answers):
        self.answers = list(answers)
        self.seen: list[dict] = []
        monkeypatch.setattr(TeamLibraryDialog, "exec", lambda dlg: self._exec(dlg))

    def _exec(self, dlg):
        self.seen.append({"title": dlg.windowTitle(), "why": dlg.problem.text(),
                          "why shown": not dlg.problem.isHidden(),
                          "focus": dlg.focusWidget() is dlg.password,
                          "fields": (dlg.host.text(), dlg.port.value(), dlg.database.text(),
                                     dlg.user.text())})
        answer = self.answers.pop(0)
        if answer is None:
            dlg.reject()
            return QDialog.Rejected
        dlg.password.setText(answer)
        dlg.accept()
        return QDialog.Accepted


def tcp_without_password(pg_server, pg_url) -> str:
    dbname = urlsplit(pg_url).path.lstrip("/")
    return f"postgresql://desk_admin@127.0.0.1:{pg_server.port}/{dbname}"


@pytest.fixture
def started(qtbot):
    """start_window as `desk window` runs it; the window and its library closed after."""
    made = []

    def start(target):
        _app, library, window = start_window(target, recover=False)
        assert window is not None, "no window: desk would have quit"
        qtbot.addWidget(window)
        made.append((library, window))
        return library, window

    yield start
    for library, window in made:
        window.quit_on_signal.uninstall()
        if shiboken6.isValid(window):
            close_window(window)
        library.close()


def test_a_team_library_without_its_password_asks_for_it_then_opens(started, pg_server, pg_url,
                                                                     monkeypatch):
    url = tcp_without_password(pg_server, pg_url)
    asked = Asked(monkeypatch, PASSWORD)
    library, window = started(url)
    assert library.is_postgresql and library.articles.count() >= 1
    assert window.status.library.text() == team_label(url)
    (seen,) = asked.seen
    assert seen["why shown"] and "asks for the password of the PostgreSQL user desk_admin" \
        in seen["why"]
    assert seen["focus"] and seen["title"] == "Password for the Team Library"
    assert seen["fields"] == ("127.0.0.1", pg_server.port, urlsplit(pg_url).path[1:],
                              "desk_admin")
    assert team_dialog.SESSION_PASSWORDS == {url: PASSWORD}  # for this session's reopening
    assert PASSWORD not in window.windowTitle()


def test_a_wrong_password_asks_again_with_the_servers_reason(started, pg_server, pg_url,
                                                            monkeypatch):
    asked = Asked(monkeypatch, "not-it", PASSWORD)
    library, _window = started(tcp_without_password(pg_server, pg_url))
    assert library.is_postgresql
    first, again = asked.seen
    assert "asks for the password" in first["why"]
    assert "\n" not in again["why"] and "refused the password of the PostgreSQL user " \
        "desk_admin" in again["why"]
    assert "not-it" not in again["why"] and again["focus"]


def test_a_wrong_password_in_desk_db_itself_is_asked_again(started, pg_server, pg_url,
                                                         monkeypatch):
    dbname = urlsplit(pg_url).path.lstrip("/")
    asked = Asked(monkeypatch, PASSWORD)
    library, _window = started(pg_server.tcp_url(dbname, password="not-it"))
    assert library.is_postgresql
    assert "refused the password" in asked.seen[0]["why"]


def test_cancelling_the_password_starts_on_the_local_library_and_says_so(qtbot, started,
                                                                         pg_server, pg_url,
                                                                         monkeypatch, _no_modal):
    url = tcp_without_password(pg_server, pg_url)
    Asked(monkeypatch, None)
    library, window = started(url)
    assert not library.is_postgresql
    assert library.path == default_library_path()
    qtbot.waitUntil(lambda: window.article_id is not None)  # the first article opened, and
    note = window.statusBar().currentMessage()
    assert f"{team_label(url)} was not opened (no password given)" in note
    assert "local library" in note
    assert _no_modal.shown == []  # cancelling was the editor's choice: no dialog on top
    assert window.status.library.text() != team_label(url)


def _newer(pg_url: str) -> str:
    Library.open(pg_url, seed=False).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations (version, name, applied_at) "
                     "VALUES (999, 'from the future', '2030-01-01')")
    return pg_url


@pytest.mark.parametrize(("make_url", "reason"), [
    (lambda server, url: f"postgresql://desk_admin@127.0.0.1:{free_port()}/newsroom",
     "no PostgreSQL server answers there"),
    (lambda server, url: server.url("no_such_newsroom"), "no database 'no_such_newsroom'"),
    (lambda server, url: _newer(url), "newer desk"),
    (lambda server, url: "postgresql://desk_admin:secret@[::1/newsroom", "Invalid IPv6 URL"),
], ids=["server down", "database missing", "newer schema", "malformed URL"])
def test_a_team_library_that_cannot_open_is_a_dialog_and_the_local_library(
        started, pg_server, pg_url, make_url, reason, _no_modal):
    url = make_url(pg_server, pg_url)
    library, window = started(url)
    assert not library.is_postgresql and library.path == default_library_path()
    (kind, title, text), = _no_modal.shown
    assert kind == "warning" and title == "desk"
    head, line, fallback = text.split("\n\n")
    assert head == f"desk cannot open the team library ({team_label(url)})."
    assert reason in line and "\n" not in line and "secret" not in text
    assert fallback.startswith("It opens your local library")
    assert "Not connected to" in window.statusBar().currentMessage()
