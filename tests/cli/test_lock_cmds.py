"""desk locks and desk unlock, on an SQLite file and on a PostgreSQL library."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from desk.cli import main
from desk.storage import Library
from desk.storage.locks import STALE_AFTER_S


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, db_path):
    return request.getfixturevalue("pg_url") if request.param == "postgresql" else str(db_path)


@pytest.fixture
def lib(target):
    library = Library.open(target, seed=False)
    yield library
    library.close()


@pytest.fixture
def desk(target, capsys):
    def _run(*argv):
        code = main(["--db", target, *argv])
        out, err = capsys.readouterr()
        return code, out, err
    return _run


def make_stale(lib, article_id: int) -> None:
    when = lib.engine.clock() - timedelta(seconds=STALE_AFTER_S + 60)
    with lib.transaction():
        lib.conn.execute("UPDATE edit_locks SET heartbeat_at = ? WHERE article_id = ?",
                         (when.isoformat(timespec="microseconds"), article_id))


def test_locks_lists_who_edits_what_and_which_lock_is_stale(desk, lib):
    weir = lib.articles.create(headline="Weir").id
    dam = lib.articles.create(headline="Dam").id
    lib.locks.acquire(weir, "Ana Ruiz", "s-ana")
    lib.locks.acquire(dam, "Ben Ode", "s-ben")
    make_stale(lib, dam)
    code, out, err = desk("locks")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "EDITOR", "SINCE", "HEARTBEAT", "STATE", "HEADLINE"]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert "Ana Ruiz" in rows[str(weir)] and "editing" in rows[str(weir)]
    assert "Ben Ode" in rows[str(dam)] and "stale" in rows[str(dam)]
    assert "3 min ago" in rows[str(dam)]


def test_locks_as_json(desk, lib):
    aid = lib.articles.create(headline="Weir").id
    lib.locks.acquire(aid, "Ana Ruiz", "s-ana")
    code, out, _ = desk("locks", "--format", "json")
    assert code == 0
    (row,) = json.loads(out)
    assert (row["article_id"], row["editor"], row["headline"], row["stale"]) == (
        aid, "Ana Ruiz", "Weir", False)
    assert row["taken_at"] == lib.locks.get(aid).taken_at


def test_locks_says_so_when_nothing_is_open(desk):
    assert desk("locks")[:2] == (0, "no article is open for editing\n")


def test_unlock_removes_a_stale_lock(desk, lib):
    aid = lib.articles.create(headline="Weir").id
    lib.locks.acquire(aid, "Ana Ruiz", "s-ana")
    make_stale(lib, aid)
    code, out, _ = desk("unlock", str(aid))
    assert code == 0
    assert out.startswith(f"article {aid}: removed the editing lock of Ana Ruiz")
    assert out.count("\n") == 1 and "stale" in out
    assert lib.locks.get(aid) is None


def test_unlock_refuses_a_live_lock_in_one_line(desk, lib):
    aid = lib.articles.create(headline="Weir").id
    lib.locks.acquire(aid, "Ana Ruiz", "s-ana")
    code, out, err = desk("unlock", str(aid))
    assert code == 2 and out == ""
    assert err.startswith("desk: error: ") and err.count("\n") == 1
    assert "being edited by Ana Ruiz" in err and "--force" in err
    assert lib.locks.get(aid).session == "s-ana"


def test_unlock_force_removes_a_live_lock(desk, lib):
    aid = lib.articles.create(headline="Weir").id
    lib.locks.acquire(aid, "Ana Ruiz", "s-ana")
    code, out, _ = desk("unlock", str(aid), "--force")
    assert code == 0 and "removed with --force" in out
    assert lib.locks.get(aid) is None


def test_unlock_of_an_unlocked_or_unknown_article(desk, lib):
    aid = lib.articles.create(headline="Weir").id
    assert desk("unlock", str(aid))[:2] == (0, f"article {aid}: no editing lock (nothing to "
                                                "remove)\n")
    code, _, err = desk("unlock", "999")
    assert code == 2 and err == "desk: error: no article with id 999\n"
