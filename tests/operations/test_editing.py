"""Opening for editing and letting go (desk.operations.editing), on both engines: the
window's and the CLI's calls, and a lock left by a desk on this machine that has ended."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from desk.operations import editing
from desk.storage.locks import LockHeld


@pytest.fixture
def aid(library):
    return library.articles.create(headline="Weir").id


def ended_session() -> str:
    """The session a desk on this machine would have had, in a process that has ended."""
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return f"{socket.gethostname()}/{int(proc.stdout)}/0123456789abcdef"


@pytest.fixture
def running_session():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield f"{socket.gethostname()}/{proc.pid}/0123456789abcdef"
    proc.kill()
    proc.wait()


def test_a_new_session_names_this_machine_and_process_and_differs_each_time():
    first, second = editing.new_session(), editing.new_session()
    assert first != second
    host, pid, _ = first.rsplit("/", 2)
    assert (host, int(pid)) == (socket.gethostname(), os.getpid())
    assert not editing.session_gone(first)  # this desk's own


def test_a_session_is_gone_only_when_its_process_here_has_ended(running_session):
    assert editing.session_gone(ended_session())
    assert not editing.session_gone(running_session)
    assert not editing.session_gone("another-host/1234567/abc")  # cannot be known
    assert not editing.session_gone("a random id")


def test_opening_refuses_a_lock_of_a_live_window(library, aid, running_session):
    library.locks.acquire(aid, "Ana", running_session)
    result = editing.open_for_editing(library, article_id=aid, editor="Ben",
                                      session=editing.new_session())
    assert not result.held and result.lock.editor == "Ana"


def test_opening_takes_over_at_once_the_lock_of_a_desk_here_that_has_ended(library, aid):
    library.locks.acquire(aid, "Ana", ended_session())  # fresh: killed seconds ago
    mine = editing.new_session()
    result = editing.open_for_editing(library, article_id=aid, editor="Ana", session=mine)
    assert result.held and library.locks.get(aid).session == mine


def test_unlock_removes_the_lock_of_an_ended_desk_here_without_force(library, aid):
    library.locks.acquire(aid, "Ana", ended_session())
    result = editing.unlock(library, article_id=aid)
    assert result.lock.editor == "Ana" and result.ended
    assert library.locks.get(aid) is None


def test_unlock_refuses_a_live_lock_without_force(library, aid, running_session):
    library.locks.acquire(aid, "Ana", running_session)
    with pytest.raises(LockHeld):
        editing.unlock(library, article_id=aid)
    assert editing.unlock(library, article_id=aid, force=True).lock.editor == "Ana"


def test_keep_alive_reports_what_the_session_lost(library, aid):
    other = library.articles.create(headline="Dam").id
    editing.open_for_editing(library, article_id=aid, editor="Ana", session="s-ana")
    editing.open_for_editing(library, article_id=other, editor="Ana", session="s-ana")
    library.locks.remove(other, force=True)
    kept = editing.keep_alive(library, session="s-ana", holding=[aid, other])
    assert kept.held == [aid] and kept.lost == {other: None}
    assert library.locks.get(other) is None  # not taken again behind the window's back


def test_release_and_release_all(library, aid):
    other = library.articles.create(headline="Dam").id
    for article in (aid, other):
        editing.open_for_editing(library, article_id=article, editor="Ana", session="s-ana")
    assert editing.release(library, article_id=aid, session="s-ana")
    assert editing.release_all(library, session="s-ana") == 1
    assert editing.list_locks(library) == []


def test_clock_time_shows_the_local_time_and_the_day_when_not_today():
    stamp = "2026-12-07T14:02:30.000000+00:00"
    local = datetime.fromisoformat(stamp).astimezone()
    assert editing.clock_time(stamp, today=local) == local.strftime("%H:%M")
    later = local + timedelta(days=2)
    shown = editing.clock_time(stamp, today=later)
    assert shown.endswith(local.strftime("%H:%M")) and shown.startswith(f"{local.day} ")
    assert editing.clock_time(datetime.now(timezone.utc).isoformat()).count(":") == 1


@pytest.fixture
def held_by_ana(library, aid):
    assert editing.open_for_editing(library, article_id=aid, editor="Ana", session="s-ana").held
    return aid


def test_a_status_change_with_another_session_is_refused_and_logs_nothing(library, held_by_ana):
    from desk.operations.articles import change_status

    with pytest.raises(LockHeld, match="Ana is editing"):
        change_status(library, article_id=held_by_ana, status="editing", session="s-ben")
    assert library.articles.get(held_by_ana).status == "draft"
    assert library.status_log.list(held_by_ana) == []
    changed = change_status(library, article_id=held_by_ana, status="editing", session="s-ana")
    assert changed.article.status == "editing"
    # The CLI takes no lock and passes no session: it is not refused.
    assert change_status(library, article_id=held_by_ana, status="copy-edit").article.status \
        == "copy-edit"


def test_trash_and_restore_with_another_session_are_refused(library, held_by_ana):
    from desk.operations.articles import restore_revision, trash_article

    rev = library.revisions.create(held_by_ana, label="first")
    library.articles.update(held_by_ana, body="Newer.")
    with pytest.raises(LockHeld, match="moving it to the trash"):
        trash_article(library, article_id=held_by_ana, session="s-ben")
    with pytest.raises(LockHeld, match="restoring a revision"):
        restore_revision(library, revision_id=rev.id, session="s-ben")
    article = library.articles.get(held_by_ana)
    assert article.deleted_at is None and article.body == "Newer."
    assert [r.id for r in library.revisions.list(held_by_ana)] == [rev.id]
    assert restore_revision(library, revision_id=rev.id, session="s-ana").article.body == ""
