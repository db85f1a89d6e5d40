"""Named and automatic snapshots of an article; restoring never loses the current text."""

from __future__ import annotations

from dataclasses import dataclass

from desk.model import Article, DeskError
from desk.storage.base import Manager, now

SNAPSHOT_FIELDS = ("headline", "dek", "byline", "section", "status", "body")
# A restore brings the words back, not the workflow status: a status changes only through
# the gate and its log (desk.operations.articles.change_status).
RESTORED_FIELDS = tuple(f for f in SNAPSHOT_FIELDS if f != "status")


@dataclass
class Revision:
    id: int
    article_id: int
    created_at: str
    label: str
    headline: str
    dek: str
    byline: str
    section: str
    status: str
    body: str
    editor: str = ""  # who saved it ('' not recorded: before schema 10, or no name)


class Revisions(Manager):
    def create(self, article_id: int, label: str = "", *, editor: str | None = None) -> Revision:
        """Snapshot the stored article, saved by the library's editor; ``editor``: someone
        else (the version another window wrote, kept before it is saved over, is theirs)."""
        article = self.lib.articles.get(article_id, include_deleted=True)
        row = {f: getattr(article, f) for f in SNAPSHOT_FIELDS}
        row.update(article_id=article_id, label=label, created_at=now(),
                   editor=self.lib.editor if editor is None else editor)
        with self.lib.transaction():
            rev_id = self._insert("revisions", row)
        return self.get(rev_id)

    def get(self, revision_id: int) -> Revision:
        row = self._one("SELECT * FROM revisions WHERE id = ?", (revision_id,))
        if row is None:
            raise DeskError(f"no revision with id {revision_id}")
        return Revision(**row)

    def list(self, article_id: int) -> list[Revision]:
        return [Revision(**r) for r in self._rows(
            "SELECT * FROM revisions WHERE article_id = ? ORDER BY id DESC", (article_id,))]

    def latest(self, article_id: int) -> Revision | None:
        rows = self._rows("SELECT * FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1",
                          (article_id,))
        return Revision(**rows[0]) if rows else None

    def restore(self, revision_id: int) -> Article:
        """Snapshot the current text as a revision, then bring the old one's words back (the
        status stays: restoring a revision saved when the article was published must not
        publish a draft past the gate)."""
        rev = self.get(revision_id)
        with self.lib.transaction():
            self.create(rev.article_id, label=f"before restoring revision {rev.id}")
            article = self.lib.articles.update(
                rev.article_id, **{f: getattr(rev, f) for f in RESTORED_FIELDS})
        return article
