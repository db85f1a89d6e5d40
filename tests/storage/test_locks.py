"""Editing locks (desk.storage.locks) on both engines: one holder per article, heartbeats,
a takeover only of a stale lock, release, and the lock going with its article."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desk.model import DeskError
from desk.storage import Library
from desk.storage.edits import UNSAVED_LABEL, keep_unsaved, save_edit
from desk.storage.locks import STALE_AFTER_S, LockHeld


def backdate(library, article_id: int, seconds: float) -> None:
    """Make the lock's last heartbeat ``seconds`` old by the library's clock."""
    when = library.engine.clock() - timedelta(seconds=seconds)
    with library.transaction():
        library.conn.execute("UPDATE edit_locks SET heartbeat_at = ? WHERE article_id = ?",
                             (when.isoformat(timespec="microseconds"), article_id))


@pytest.fixture
def aid(library):
    return library.articles.create(headline="Weir", body="Start.").id


def test_the_first_window_gets_the_lock(library, aid):
    state = library.locks.acquire(aid, "Ana", "s-ana")
    assert state.held
    assert (state.lock.editor, state.lock.session, state.lock.stale) == ("Ana", "s-ana", False)
    assert state.lock.taken_at == state.lock.heartbeat_at


def test_a_second_window_is_refused_and_told_who_holds_it(library, aid):
    first = library.locks.acquire(aid, "Ana", "s-ana").lock
    state = library.locks.acquire(aid, "Ben", "s-ben")
    assert not state.held
    assert (state.lock.editor, state.lock.session) == ("Ana", "s-ana")
    assert state.lock.taken_at == first.taken_at
    assert not state.lock.stale


def test_acquiring_again_refreshes_the_own_lock_and_keeps_when_it_was_taken(library, aid):
    first = library.locks.acquire(aid, "Ana", "s-ana").lock
    backdate(library, aid, 60)
    again = library.locks.acquire(aid, "Ana", "s-ana")
    assert again.held
    assert again.lock.taken_at == first.taken_at
    assert again.lock.idle_s < 60


def test_an_unknown_article_cannot_be_locked(library):
    with pytest.raises(DeskError, match="no article with id 999"):
        library.locks.acquire(999, "Ana", "s-ana")


def test_heartbeat_refreshes_every_lock_of_the_session_only(library, aid):
    other = library.articles.create(headline="Dam").id
    library.locks.acquire(aid, "Ana", "s-ana")
    library.locks.acquire(other, "Ben", "s-ben")
    backdate(library, aid, 90)
    backdate(library, other, 90)
    beat = library.locks.heartbeat("s-ana", holding=[aid])
    assert beat.refreshed == [aid] and beat.lost == {}
    assert library.locks.get(aid).idle_s < 90
    assert library.locks.get(other).idle_s >= 90


def test_heartbeat_reports_a_lock_taken_over_by_another_session(library, aid):
    library.locks.acquire(aid, "Ana", "s-ana")
    backdate(library, aid, STALE_AFTER_S + 5)
    assert library.locks.takeover(aid, "Ben", "s-ben").held
    beat = library.locks.heartbeat("s-ana", holding=[aid])
    assert beat.refreshed == []
    assert beat.lost[aid].editor == "Ben"


def test_heartbeat_reports_a_removed_lock_as_nobodys(library, aid):
    library.locks.acquire(aid, "Ana", "s-ana")
    library.locks.remove(aid, force=True)
    assert library.locks.heartbeat("s-ana", holding=[aid]).lost == {aid: None}


def test_a_lock_turns_stale_after_the_limit(library, aid):
    library.locks.acquire(aid, "Ana", "s-ana")
    backdate(library, aid, STALE_AFTER_S - 10)
    assert not library.locks.get(aid).stale
    backdate(library, aid, STALE_AFTER_S + 1)
    assert library.locks.get(aid).stale


def test_a_fresh_lock_cannot_be_taken_over(library, aid):
    library.locks.acquire(aid, "Ana", "s-ana")
    backdate(library, aid, STALE_AFTER_S - 10)
    state = library.locks.takeover(aid, "Ben", "s-ben")
    assert not state.held
    assert library.locks.get(aid).session == "s-ana"


def test_a_stale_lock_is_taken_over(library, aid):
    library.locks.acquire(aid, "Ana", "s-ana")
    backdate(library, aid, STALE_AFTER_S + 1)
    state = library.locks.takeover(aid, "Ben", "s-ben")
    assert state.held
    stored = library.locks.get(aid)
    assert (stored.editor, stored.session, stored.stale) == ("Ben", "s-ben", False)
    assert not library.locks.acquire(aid, "Ana", "s-ana").held  # the old window lost it


def test_taking_over_a_free_article_simply_takes_it(library, aid):
    assert library.locks.takeover(aid, "Ben", "s-ben").held


def test_release_frees_the_lock_for_the_next_window(library, aid):
    library.locks.acquire(aid, "Ana", "s-ana")
    assert not library.locks.release(aid, "s-ben")  # not Ben's to release
    assert library.locks.get(aid) is not None
    assert library.locks.release(aid, "s-ana")
    assert library.locks.get(aid) is None
    assert library.locks.acquire(aid, "Ben", "s-ben").held


def test_release_all_lets_go_of_the_sessions_locks_only(library, aid):
    second = library.articles.create(headline="Dam").id
    third = library.articles.create(headline="Lock").id
    library.locks.acquire(aid, "Ana", "s-ana")
    library.locks.acquire(second, "Ana", "s-ana")
    library.locks.acquire(third, "Ben", "s-ben")
    assert library.locks.release_all("s-ana") == 2
    assert [lock.article_id for lock in library.locks.list()] == [third]


def test_the_listing_names_article_editor_and_staleness(library, aid):
    other = library.articles.create(headline="Dam").id
    library.locks.acquire(aid, "Ana", "s-ana")
    library.locks.acquire(other, "Ben", "s-ben")
    backdate(library, other, STALE_AFTER_S + 30)
    listed = {lock.article_id: lock for lock in library.locks.list()}
    assert (listed[aid].headline, listed[aid].editor, listed[aid].stale) == ("Weir", "Ana", False)
    assert (listed[other].headline, listed[other].editor, listed[other].stale) == (
        "Dam", "Ben", True)
    assert listed[other].idle_s >= STALE_AFTER_S + 30


def test_remove_takes_only_a_stale_lock_unless_forced(library, aid):
    library.locks.acquire(aid, "Ana", "s-ana")
    with pytest.raises(LockHeld, match="being edited by Ana"):
        library.locks.remove(aid)
    assert library.locks.get(aid) is not None
    backdate(library, aid, STALE_AFTER_S + 1)
    assert library.locks.remove(aid).editor == "Ana"
    assert library.locks.get(aid) is None
    assert library.locks.remove(aid) is None  # nothing left to remove
    library.locks.acquire(aid, "Ana", "s-ana")
    assert library.locks.remove(aid, force=True).session == "s-ana"


def test_purging_an_article_removes_its_lock(library, aid):
    library.locks.acquire(aid, "Ana", "s-ana")
    library.articles.trash(aid)
    library.articles.purge(aid)
    assert library.locks.list() == []
    assert library.locks.get(aid) is None


def test_a_save_with_the_lock_of_another_session_writes_nothing(library, aid):
    library.locks.acquire(aid, "Ana", "s-ana")
    with pytest.raises(LockHeld) as refused:
        save_edit(library, aid, None, {"body": "From Ben."}, session="s-ben", editor="Ben")
    assert refused.value.lock.editor == "Ana"
    assert library.articles.get(aid).body == "Start."


def test_a_save_takes_a_free_lock_and_writes(library, aid):
    save_edit(library, aid, None, {"body": "From Ben."}, session="s-ben", editor="Ben")
    assert library.articles.get(aid).body == "From Ben."
    assert library.locks.get(aid).session == "s-ben"


def test_unsaved_text_is_kept_as_a_revision_without_touching_the_article(library, aid):
    rev = keep_unsaved(library, aid, {"headline": "Weir", "body": "Mine."}, holder="Ana",
                       editor="Ben")
    assert (rev.body, rev.label, rev.editor) == ("Mine.", UNSAVED_LABEL.format(editor="Ana"),
                                                 "Ben")
    assert library.articles.get(aid).body == "Start."


def test_two_libraries_on_one_database_see_one_lock(library, library_target, aid):
    second = Library.open(library_target, seed=False)
    try:
        assert library.locks.acquire(aid, "Ana", "s-ana").held
        refused = second.locks.acquire(aid, "Ben", "s-ben")
        assert not refused.held and refused.lock.editor == "Ana"
        library.locks.release(aid, "s-ana")
        assert second.locks.acquire(aid, "Ben", "s-ben").held
    finally:
        second.close()



def test_a_lock_of_an_ended_session_is_taken_over_however_fresh(library, aid):
    library.locks.acquire(aid, "Ana", "s-ana")
    assert not library.locks.takeover(aid, "Ben", "s-ben", gone="s-other").held  # not Ana's
    assert library.locks.takeover(aid, "Ben", "s-ben", gone="s-ana").held
    assert library.locks.get(aid).session == "s-ben"


def test_refuse_if_held_names_the_holder_and_takes_no_lock(library, aid):
    library.locks.acquire(aid, "Ana", "s-ana")
    with pytest.raises(LockHeld, match="Ana is editing this article") as refused:
        with library.transaction():
            library.locks.refuse_if_held(aid, "s-ben", "a status change")
    assert "a status change is refused" in str(refused.value)
    assert refused.value.lock.session == "s-ana"
    library.locks.refuse_if_held(aid, "s-ana", "a status change")  # the holder may
    assert library.locks.get(aid).session == "s-ana"


def test_refuse_if_held_lets_anyone_write_a_free_article_without_locking_it(library, aid):
    library.locks.refuse_if_held(aid, "s-ben", "a status change")
    assert library.locks.get(aid) is None
    assert library.locks.other_holder(aid, "s-ben") is None


def test_a_stale_lock_still_refuses_and_says_to_take_it_over(library, aid):
    library.locks.acquire(aid, "Ana", "s-ana")
    backdate(library, aid, STALE_AFTER_S + 30)
    assert library.locks.other_holder(aid, "s-ben").stale
    with pytest.raises(LockHeld, match="take the article over first"):
        library.locks.refuse_if_held(aid, "s-ben", "moving it to the trash")
