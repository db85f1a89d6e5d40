"""Operations on whole articles that the window and the CLI share.

``change_status``: the workflow gate's one writer. A move to ready/published that the gate
blocks is refused with ``StatusBlocked`` (carrying the reasons, so the window can show them
and ask for an override) unless an override reason is given; otherwise the status, its line
in the status log and, for an override, a labelled revision are written in one transaction.

``new_article``, ``duplicate_article``, ``trash_article``, ``restore_article``: the library
panel's buttons and ``desk new|duplicate|trash|restore``.

``restore_revision``: History's Restore and ``desk history ID --restore REV``; the current
text is snapshotted first, so nothing is ever lost.

Editing locks: the status, the trash and a restored revision are part of the article an editor
edits. Given the window's editing-lock ``session`` (the window's OperationRunner passes it to
every operation that takes one), ``change_status``, ``trash_article`` and ``restore_revision``
are refused with desk.storage.locks.LockHeld, naming the holder, while another window holds
the article's lock, checked in the write's own transaction. The CLI passes none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk.model import Article, DeskError
from desk.operations.changes import NOTHING, Changes
from desk.operations.logged import logged
from desk.review.gate import GateResult, check_transition

if TYPE_CHECKING:
    from desk.storage import Library
    from desk.storage.revisions import Revision

__all__ = ["ArticleResult", "RevisionRestored", "StatusBlocked", "StatusChanged", "change_status",
           "duplicate_article", "new_article", "restore_article", "restore_revision",
           "trash_article"]


class StatusBlocked(DeskError):
    """The gate blocks the move and no override reason was given; nothing changed."""

    def __init__(self, article_id: int, status: str, reasons: list[str],
                 quotations: list[dict[str, object]] | None = None) -> None:
        super().__init__(f"cannot move article {article_id} to {status}: " + "; ".join(reasons)
                         + " (fix these, or override with a reason)")
        self.article_id = article_id
        self.status = status
        self.reasons = list(reasons)
        self.quotations = list(quotations or [])


@dataclass(frozen=True)
class StatusChanged:
    gate: GateResult  # from/to status, the reasons an override went past, ``overridden``
    article: Article  # as stored afterwards
    changes: Changes  # nothing when the article already had the status


@dataclass(frozen=True)
class ArticleResult:
    article: Article
    changes: Changes


@dataclass(frozen=True)
class RevisionRestored:
    article: Article  # with the revision's fields
    revision: Revision  # the one brought back
    saved_as: Revision  # the text as it was just before, kept in the history
    changes: Changes


@logged
def change_status(lib: Library, *, article_id: int, status: str,
                  override: str | None = None, session: str | None = None) -> StatusChanged:
    """Move the article to ``status`` through the gate. ``override``: why a blocked move may go
    ahead anyway (kept in the status log and as a revision); blank is refused. ``session``
    (a window's, see "Editing locks" above): refused while another window holds the editing lock."""
    if override is not None and not override.strip():
        raise DeskError("an override needs a reason")
    if session is not None:  # before the gate: no override asked for a move that is refused
        lib.locks.refuse_if_held(article_id, session, "a status change")
    # The check runs the engine: outside the write transaction, so other desks never wait on it.
    gate = check_transition(lib, article_id, status, override)
    if not gate.allowed:
        raise StatusBlocked(article_id, status, gate.reasons, gate.quotations)
    if status == gate.from_status:
        return StatusChanged(gate, lib.articles.get(article_id), NOTHING)
    reason = override.strip() if gate.overridden and override else None
    with lib.transaction():
        if session is not None:
            lib.locks.refuse_if_held(article_id, session, "a status change")
        article = lib.articles.update(article_id, status=status)
        lib.status_log.record(article_id, gate.from_status, status, override_reason=reason,
                              blocked_by="; ".join(gate.reasons) if reason else "")
        if reason:
            lib.revisions.create(article_id, label=f"status → {status} (override: {reason})")
    return StatusChanged(gate, article, Changes.of(articles=[article_id]))


@logged
def new_article(lib: Library, *, headline: str = "", section: str = "",
                language: str = "") -> ArticleResult:
    """A new, empty draft (``language``: one of desk.languages, else the column's default)."""
    headline, section = " ".join(headline.split()), " ".join(section.split())
    values: dict[str, str] = {"headline": headline, "status": "draft"}
    if section:  # otherwise the column's own default, as a new article always had
        values["section"] = section
    if language:
        values["language"] = language
    with lib.transaction():
        article = lib.articles.create(**values)
    return ArticleResult(article, Changes.of(articles=[article.id]))


@logged
def duplicate_article(lib: Library, *, article_id: int) -> ArticleResult:
    """A copy of the article (its fields and tags, "(copy)" after the headline) as a draft."""
    with lib.transaction():
        copy = lib.articles.duplicate(article_id)
    return ArticleResult(copy, Changes.of(articles=[copy.id], quotes=synced_rows(lib, copy.id)))


@logged
def trash_article(lib: Library, *, article_id: int, session: str | None = None) -> ArticleResult:
    """Move the article to the trash (its text, tags, history and quotations are kept).
    ``session``: refused while another window holds the article's editing lock."""
    current = lib.articles.get(article_id, include_deleted=True)
    if current.deleted_at is not None:
        raise DeskError(f"article {article_id} is already in the trash")
    with lib.transaction():
        if session is not None:
            lib.locks.refuse_if_held(article_id, session, "moving it to the trash")
        lib.articles.trash(article_id)
        article = lib.articles.get(article_id, include_deleted=True)
    return ArticleResult(article, Changes.of(articles=[article_id]))


@logged
def restore_article(lib: Library, *, article_id: int) -> ArticleResult:
    """Bring the article back from the trash."""
    current = lib.articles.get(article_id, include_deleted=True)
    if current.deleted_at is None:
        raise DeskError(f"article {article_id} is not in the trash")
    with lib.transaction():
        lib.articles.restore(article_id)
        article = lib.articles.get(article_id)
    return ArticleResult(article, Changes.of(articles=[article_id]))


@logged
def restore_revision(lib: Library, *, revision_id: int, article_id: int | None = None,
                     session: str | None = None) -> RevisionRestored:
    """Bring back revision ``revision_id``, first saving the current text as a revision.
    ``article_id``: the article the caller means; a revision of another one is refused.
    ``session``: refused while another window holds the article's editing lock."""
    revision = lib.revisions.get(revision_id)
    if article_id is not None and revision.article_id != article_id:
        raise DeskError(f"revision {revision_id} belongs to article {revision.article_id}, "
                        f"not article {article_id}")
    with lib.transaction():
        if session is not None:
            lib.locks.refuse_if_held(revision.article_id, session, "restoring a revision")
        article = lib.revisions.restore(revision_id)
        saved_as = lib.revisions.latest(revision.article_id)  # "before restoring revision N"
    assert saved_as is not None  # restore always snapshots first
    return RevisionRestored(article, revision, saved_as,
                            Changes.of(articles=[article.id], quotes=synced_rows(lib, article.id)))


def synced_rows(lib: Library, article_id: int | None) -> set[int]:
    """A new text is saved: the article's quotation rows follow it, as after any save
    (desk.review.reattach; in transactions of its own, the engine runs outside them).
    Returns the ids of the rows before and after, so a row that went is announced too.
    The article's check result is stored as well (desk.review.results), so the library
    report and the Review panel read it instead of checking the article again."""
    from desk.review.reattach import sync_quotes
    from desk.review.results import store_for

    if article_id is None:  # an Article read back from the library always has its id
        return set()
    before = {row.id for row in lib.quotes.list(article_id=article_id)}
    after = {row.id for row in sync_quotes(lib, article_id)}
    store_for(lib, [article_id])
    return before | after
