"""Saving an editor's text without waiting long for the lock and without overwriting a
version the editor never saw (another window or process on the same library)."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desk.model import Article
from desk.storage.errors import LibraryLocked

if TYPE_CHECKING:
    from desk.storage import Library
    from desk.storage.revisions import Revision

log = logging.getLogger(__name__)

Fields = dict[str, Any]

# What an editor edits (status goes through the status gate, never through a save).
TEXT_FIELDS = ("headline", "dek", "byline", "section", "body", "language", "tags")
KEPT_LABEL = "changed elsewhere; kept when another window saved over it"
# The text of a window that lost (or never had) the article's editing lock: kept, not saved.
UNSAVED_LABEL = "not saved: {editor} was editing the article"


def text_of(article: Article) -> Fields:
    """The fields an editor's save compares and writes."""
    return {f: (list(getattr(article, f)) if f == "tags" else getattr(article, f))
            for f in TEXT_FIELDS}


@dataclass
class SaveResult:
    article: Article
    kept_revision: Revision | None = None  # the other version, kept because it was overwritten


def is_busy(exc: BaseException) -> bool:
    """The library is locked by another writer (worth retrying), not broken. The storage
    facade turns SQLite's error into LibraryLocked; a bare SQLite error counts too."""
    if isinstance(exc, LibraryLocked):
        return True
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    text = str(exc).lower()
    return "locked" in text or "busy" in text


@contextlib.contextmanager
def busy_timeout(library: Library, ms: int) -> Iterator[None]:
    """Wait at most ``ms`` for another process's write lock inside the block."""
    timeout = library.engine.lock_timeout(ms)  # SQLite's busy_timeout, PostgreSQL's lock_timeout
    with library.errors():
        timeout.__enter__()
    try:
        yield
    finally:
        with library.errors():
            timeout.__exit__(None, None, None)


def save_edit(library: Library, article_id: int, base: Fields | None,
              values: Fields, *, session: str | None = None, editor: str = "") -> SaveResult:
    """Write ``values`` (TEXT_FIELDS) over the article in one write transaction. ``base`` is
    the stored text this editor started from; if the row now holds something else that is
    not ours either, that version is kept as a revision first, so both texts survive (the
    revision is stamped with whoever wrote that version, the save with this editor).
    With ``session`` (a window's), the save is refused with desk.storage.locks.LockHeld,
    nothing written, unless that session holds the article's editing lock (taken here when
    nobody holds it) — checked in the same transaction as the write."""
    values = dict(values)
    tags = values.pop("tags", None)
    # Only this article's rows are written (its row, revision, tags, editing lock), its row
    # read and locked first: on PostgreSQL saves of other articles go on meanwhile, a save
    # of this one waits for the row (Library.transaction's per_article).
    with library.transaction(per_article=True):
        current = library.articles.get(article_id, include_deleted=True, for_update=True)
        if session is not None:
            library.locks.hold_for_write(article_id, editor, session)
        stored = text_of(current)
        ours = {**{k: v for k, v in stored.items() if k != "tags"}, **values,
                "tags": list(tags) if tags is not None else stored["tags"]}
        kept = None
        if base is not None and stored != base and not _same_text(stored, ours):
            kept = library.revisions.create(article_id, label=KEPT_LABEL,
                                            editor=current.updated_by)
        article = library.articles.update(article_id, tags=tags, current=current, **values)
    if kept is not None:
        log.info("article %d was changed elsewhere since this editor loaded it; that version "
                 "is kept as revision %d", article_id, kept.id)
    log.debug("saved article %d (%d words)", article_id, article.words)
    return SaveResult(article, kept)


def _same_text(stored: Fields, ours: Fields) -> bool:
    a = {k: v for k, v in stored.items() if k != "tags"}
    b = {k: v for k, v in ours.items() if k != "tags"}
    return a == b and [t.lower() for t in stored["tags"]] == [t.strip().lower()
                                                           for t in ours["tags"] if t.strip()]


def keep_unsaved(library: Library, article_id: int, values: Fields, *, holder: str,
                 editor: str = "") -> Revision:
    """Keep an editor's text as a revision of the article without writing it over the
    article (another editor holds its lock): History shows it, nothing is lost."""
    from desk.storage.base import now

    with library.transaction():
        current = library.articles.get(article_id, include_deleted=True)
        row = {f: values.get(f, getattr(current, f)) for f in
               ("headline", "dek", "byline", "section", "body")}
        row.update(article_id=article_id, status=current.status, created_at=now(),
                   label=UNSAVED_LABEL.format(editor=holder or "another editor"),
                   editor=editor or library.editor)
        rev_id = library.engine.insert("revisions", row)
    log.info("article %d: this window's unsaved text is kept as revision %d (%s holds the "
             "editing lock)", article_id, rev_id, holder)
    return library.revisions.get(rev_id)
