"""Who is editing: one name for the window and the command line (desk.editor_name)."""

import getpass
import pwd

import pytest

from desk import editor_name
from desk.review import reviewer_name


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    for var in editor_name.ENV_VARS:
        monkeypatch.delenv(var, raising=False)


def test_the_os_full_name_first_then_the_login_name(monkeypatch):
    class Entry:
        pw_gecos = "Ana Ruiz,Room 4,,"

    for var in ("LOGNAME", "USER"):  # getpass.getuser reads them before the password file
        monkeypatch.setenv(var, "aruiz")
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: Entry())
    assert editor_name.os_user_name() == "Ana Ruiz"
    Entry.pw_gecos = ""
    assert editor_name.os_user_name() == "aruiz" == getpass.getuser()


def test_a_stored_name_is_read_back_in_one_clean_line():
    editor_name.store_name("  Zoë\n  Okafor ")
    assert editor_name.stored_path().read_text(encoding="utf-8") == "Zoë Okafor\n"
    assert editor_name.stored_name() == "Zoë Okafor"


def test_the_command_line_prefers_desk_editor_then_the_stored_name(monkeypatch):
    editor_name.store_name("Stored Name")
    assert editor_name.cli_name() == "Stored Name" == reviewer_name()
    monkeypatch.setenv("DESK_REVIEWER", "Old Variable")
    assert editor_name.cli_name() == "Old Variable"
    monkeypatch.setenv("DESK_EDITOR", "From Env")
    assert reviewer_name() == "From Env"


def test_the_window_prefers_the_stored_name(monkeypatch):
    monkeypatch.setenv("DESK_EDITOR", "From Env")
    assert editor_name.window_name() == "From Env"  # nothing stored yet: the default
    editor_name.store_name("Stored Name")
    assert editor_name.window_name() == "Stored Name"


def test_without_a_stored_name_the_os_user(monkeypatch):
    monkeypatch.setattr(editor_name, "os_user_name", lambda: "OS Person")
    assert editor_name.stored_name() == ""
    assert editor_name.cli_name() == "OS Person" == editor_name.window_name()


def test_an_unreadable_file_is_no_name(monkeypatch):
    path = editor_name.stored_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xfe\x00bad")
    monkeypatch.setattr(editor_name, "os_user_name", lambda: "OS Person")
    assert editor_name.stored_name() == "" and editor_name.cli_name() == "OS Person"


def test_the_cli_stamps_the_stored_name(tmp_path, capsys):
    from desk.cli import main
    from desk.review.reattach import sync_quotes
    from desk.storage import Library

    db = tmp_path / "lib.db"
    with Library.open(db, seed=False) as lib:
        aid = lib.articles.create(headline="Q", body="“We will rebuild,” said Ana Ruiz.").id
        sync_quotes(lib, aid)
        qid = lib.quotes.list(article_id=aid)[0].id
    editor_name.store_name("Ines Halloran")
    assert main(["--db", str(db), "quotes", "status", str(qid), "disputed"]) == 0
    with Library.open(db, seed=False) as lib:
        assert lib.quotes.get(qid).reviewed_by == "Ines Halloran"
