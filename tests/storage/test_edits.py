"""Saving an editor's text: short waits for the lock, both texts kept on a conflict."""

import sqlite3

import pytest

from desk.storage import Library
from desk.storage.edits import KEPT_LABEL, busy_timeout, is_busy, save_edit, text_of
from desk.storage.errors import LibraryLocked


@pytest.fixture
def article(library):
    return library.articles.create(headline="Weir", body="First.", tags=["flood"])


def test_a_save_from_the_stored_version_keeps_no_revision(library, article):
    result = save_edit(library, article.id, text_of(article), {"body": "Second."})
    assert result.article.body == "Second." and result.kept_revision is None
    assert library.revisions.list(article.id) == []


def test_a_save_over_a_version_this_editor_never_saw_keeps_that_version(library, article,
                                                                       library_target):
    other = Library.open(library_target)
    try:
        other.articles.update(article.id, body="Written in the other window.")
    finally:
        other.close()
    result = save_edit(library, article.id, text_of(article), {"body": "Mine."})
    assert result.article.body == "Mine."
    kept = library.revisions.list(article.id)
    assert [r.body for r in kept] == ["Written in the other window."]
    assert kept[0].label == KEPT_LABEL and result.kept_revision.id == kept[0].id


def test_no_revision_when_the_other_version_already_says_the_same(library, article):
    library.articles.update(article.id, body="Same.")
    result = save_edit(library, article.id, text_of(article), {"body": "Same."})
    assert result.kept_revision is None


def test_tags_are_saved_in_order(library, article):
    result = save_edit(library, article.id, text_of(article), {"tags": ["weir", "flood"]})
    assert result.article.tags == ["weir", "flood"]


@pytest.mark.sqlite_only
def test_busy_timeout_is_restored_after_the_block(library):
    with busy_timeout(library, 50):
        assert library.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 50
    assert library.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 50


def test_a_locked_library_fails_fast_and_is_recognised_as_busy(library, article):
    holder = library.another_connection()  # another writer, holding the write lock
    try:
        with holder.transaction():
            with busy_timeout(library, 20), pytest.raises((sqlite3.OperationalError, LibraryLocked)) as err:
                save_edit(library, article.id, text_of(article), {"body": "Blocked."})
            assert is_busy(err.value)
    finally:
        holder.close()
    assert library.articles.get(article.id).body == "First."


def test_other_errors_are_not_busy():
    assert not is_busy(sqlite3.OperationalError("disk I/O error"))
    assert not is_busy(OSError("No space left on device"))
