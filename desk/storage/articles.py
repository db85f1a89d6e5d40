"""Articles, their tags and their place in the trash. Every write that moves
``updated_at`` stamps ``updated_by`` with the library's editor (desk.storage.Library)."""

from __future__ import annotations

import builtins
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from typing import Any

from desk.model import ARTICLE_STATUSES, Article, DeskError
from desk.storage.base import Manager, Row, now
from desk.storage.search import ArticleMatch
from desk.text import word_count

EDITABLE = ("headline", "dek", "byline", "section", "status", "body", "language")
SHORT_SEARCH = 2  # a search whose last word is this short lists newest change first (Articles.list)

ListKey = tuple[str, int]  # (updated_at, id): where a page of the list ends


@dataclass
class ArticleSummary:
    id: int
    headline: str
    status: str
    section: str
    words: int
    updated_at: str
    deleted_at: str | None = None

    @property
    def list_key(self) -> ListKey:
        """Where this row sits in the newest-change order (``Articles.list(after=...)``)."""
        return (self.updated_at, self.id)


def ranks_search(search: str | None) -> bool:
    """Whether ``Articles.list`` orders this search by bm25: not while its last word (the
    prefix being typed, ``fts_query``) has one or two letters, which nearly every article
    matches (then newest change first): ranking "the m" sorted 99,000 matches by bm25 (430
    ms at 100,000 articles) for a first page of 200."""
    words = re.findall(r"\w+", search or "", flags=re.UNICODE)
    return bool(words) and len(words[-1]) > SHORT_SEARCH


class Articles(Manager):
    # -- writing ---------------------------------------------------------------
    def create(self, *, tags: Iterable[str] = (), **values: Any) -> Article:
        unknown = set(values) - set(EDITABLE) - {"created_at", "updated_at", "published_at"}
        if unknown:
            raise TypeError(f"unknown article fields: {sorted(unknown)}")
        _check_status(values.get("status", "draft"))
        _check_language(values)
        stamp = now()
        row = {"created_at": stamp, "updated_at": stamp, "updated_by": self.lib.editor, **values}
        row["words"] = word_count(row.get("body", ""))
        if row.get("status") == "published" and not row.get("published_at"):
            row["published_at"] = stamp
        with self.lib.transaction():
            article_id = self._insert("articles", row)
            if tags:
                self._set_tags(article_id, tags)
        return self.get(article_id)

    def create_many(self, rows: Iterable[Row]) -> int:
        """Insert many articles (dicts of article fields, no tags) in one transaction."""
        def prepared() -> Iterator[Row]:
            for values in rows:
                _check_status(values.get("status", "draft"))
                values = dict(values)
                _check_language(values)
                stamp = now()
                yield {"created_at": stamp, "updated_at": stamp, "updated_by": self.lib.editor,
                       **values, "words": word_count(values.get("body", ""))}
        with self.lib.transaction():
            before = self.count()
            self.lib.engine.insert_all("articles", prepared(), batch_size=500)
            return self.count() - before

    def update(self, article_id: int, *, tags: Iterable[str] | None = None,
               current: Article | None = None, **values: Any) -> Article:
        """``current``: the article as this transaction read it (``get(for_update=True)``),
        not read again."""
        unknown = set(values) - set(EDITABLE) - {"published_at"}
        if unknown:
            raise TypeError(f"unknown article fields: {sorted(unknown)}")
        if current is None:
            current = self.get(article_id, include_deleted=True)
        if "status" in values:
            _check_status(values["status"])
        if values.get("language") is not None and values["language"] != current.language:
            _check_language(values)  # a code stored before desk.languages is kept as it was
        changes: dict[str, Any] = {k: v for k, v in values.items() if getattr(current, k) != v}
        new_tags = None if tags is None else _clean_tags(tags)
        if new_tags == current.tags:
            new_tags = None  # as stored: not written again
        if not changes and new_tags is None:
            return current
        stamp = now()
        changes["updated_at"] = stamp
        changes["updated_by"] = self.lib.editor
        if "body" in changes:
            changes["words"] = word_count(changes["body"])
        if changes.get("status") == "published" and not current.published_at:
            changes["published_at"] = stamp
        names = ", ".join(f'"{k}" = ?' for k in changes)
        sql = f"UPDATE articles SET {names} WHERE id = ? RETURNING *"
        params = [*changes.values(), article_id]
        if new_tags is None and self.conn.in_transaction:
            # one statement in the caller's transaction: atomic as it is, no savepoint
            rows = self.lib.engine.write_rows(sql, params, table="articles", row_id=article_id)
            return _article(rows[0], current.tags)
        with self.lib.transaction():
            rows = self.lib.engine.write_rows(sql, params, table="articles", row_id=article_id)
            if new_tags is None:
                return _article(rows[0], current.tags)
            self._set_tags(article_id, new_tags)
            return _article(rows[0], self.tags_of(article_id))

    def duplicate(self, article_id: int) -> Article:
        a = self.get(article_id)
        return self.create(
            headline=f"{a.headline} (copy)" if a.headline else "(copy)",
            dek=a.dek, byline=a.byline, section=a.section, body=a.body,
            language=a.language, tags=a.tags,
        )

    def trash(self, article_id: int) -> None:
        self.get(article_id)
        with self.lib.transaction():
            self.conn.execute("UPDATE articles SET deleted_at = ? WHERE id = ?", (now(), article_id))

    def restore(self, article_id: int) -> None:
        self.get(article_id, include_deleted=True)
        with self.lib.transaction():
            self.conn.execute("UPDATE articles SET deleted_at = NULL WHERE id = ?", (article_id,))

    def purge(self, article_id: int) -> None:
        """Delete for good; only articles already in the trash."""
        a = self.get(article_id, include_deleted=True)
        if a.deleted_at is None:
            raise DeskError(f"article {article_id} is not in the trash")
        with self.lib.transaction():
            self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def _set_tags(self, article_id: int, tags: Iterable[str]) -> None:
        self.conn.execute("DELETE FROM article_tags WHERE article_id = ?", (article_id,))
        clean = _clean_tags(tags)
        # new tag names in one order, whoever adds them: two saves (of different articles,
        # at once on PostgreSQL) adding the same two new tags wait for each other, never
        # deadlock
        for name in sorted(clean, key=str.lower):
            self.conn.execute("INSERT INTO tags (name) VALUES (?) ON CONFLICT DO NOTHING", (name,))
        for position, name in enumerate(clean):
            self.conn.execute(
                "INSERT INTO article_tags (article_id, tag_id, position) "
                "SELECT ?, id, ? FROM tags WHERE name = ?", (article_id, position, name),
            )

    # -- reading ---------------------------------------------------------------
    def get(self, article_id: int, *, include_deleted: bool = False,
            for_update: bool = False) -> Article:
        """``for_update`` (inside a write transaction): the row stays locked until it ends,
        so no other transaction writes it in between (PostgreSQL's row lock)."""
        lock = self.lib.engine.for_update if for_update else ""
        found, tags = self.lib.engine.rows_each(
            [(f"SELECT * FROM articles WHERE id = ?{lock}", (article_id,)),
             (_TAGS_OF, (article_id,))])  # one round trip on PostgreSQL
        if not found:
            raise DeskError(f"no article with id {article_id}")
        row = found[0]
        if row["deleted_at"] and not include_deleted:
            raise DeskError(f"article {article_id} is in the trash (restore it first)")
        return _article(row, [r["name"] for r in tags])

    def tags_of(self, article_id: int) -> list[str]:
        return [r["name"] for r in self._rows(_TAGS_OF, (article_id,))]


    def all_tags(self) -> list[str]:
        return [r["name"] for r in self._rows(
            "SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id "
            "GROUP BY t.name ORDER BY t.name COLLATE NOCASE")]

    def sections(self) -> list[str]:
        """The sections of the articles not in the trash, A to Z. One index probe per
        section (``_SECTIONS``): the library panel reads them on every change made
        elsewhere, and a GROUP BY over 100,000 articles took 140-600 ms of the GUI thread."""
        return [r["section"] for r in self._rows(_SECTIONS)]

    def _where(self, status: str | None, section: str | None, tag: str | None,
               search: str | None, trashed: bool
               ) -> tuple[str, str, builtins.list[object], ArticleMatch | None]:
        """(join, where, its parameters, the search's match when ranked)."""
        where = ["a.deleted_at IS NOT NULL" if trashed else "a.deleted_at IS NULL"]
        params: builtins.list[object] = []
        joins = ""
        if status:
            _check_status(status)
            where.append("a.status = ?")
            params.append(status)
        if section:
            where.append("a.section = ?")
            params.append(section)
        if tag:
            where.append("a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t "
                         "ON t.id = at.tag_id WHERE t.name = ?)")
            params.append(tag)
        ranked = ranks_search(search)
        match = self.lib.engine.search.articles(search, ranked=ranked) if search else None
        if search and match is None:
            where.append("FALSE")
        if match:
            joins = match.join
            where.append(match.where)
            params.extend(match.where_params)
        return joins, " AND ".join(where), params, match if match and ranked else None

    def list(self, *, status: str | None = None, section: str | None = None,
             tag: str | None = None, search: str | None = None, trashed: bool = False,
             limit: int | None = None, offset: int = 0,
             after: ListKey | None = None) -> list[ArticleSummary]:
        """Newest change first (``updated_at``, then ``id``, both descending); with a search,
        best match first (bm25), except a search whose last word (a prefix) has one or two
        letters (``ranks_search``): nearly every article has such a word, so it lists newest
        change first rather than ranking nearly the whole library.

        ``after`` is the ``list_key`` of the last row of the page before: the next page
        starts there (a keyset, served by the indexes of db/0008), so a page deep in the
        list costs what the first costs. Only for the lists in newest-change order; a
        ranked search pages by ``offset``."""
        joins, where, params, ranked = self._where(status, section, tag, search, trashed)
        if after is not None:
            if ranked:
                raise ValueError("a ranked search pages by offset, not by key")
            where += " AND (a.updated_at, a.id) < (?, ?)"
            params += [after[0], after[1]]
        order = "a.updated_at DESC, a.id DESC"
        if ranked and ranked.order:
            order = ranked.order
            params += ranked.order_params
        sql = (f"SELECT a.id, a.headline, a.status, a.section, a.words, a.updated_at, "
               f"a.deleted_at FROM articles a{joins} WHERE {where} ORDER BY {order}")
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [ArticleSummary(**r) for r in self._rows(sql, params)]

    def count(self, *, status: str | None = None, section: str | None = None,
              tag: str | None = None, search: str | None = None, trashed: bool = False) -> int:
        joins, where, params, _ = self._where(status, section, tag, search, trashed)
        return self._count(f"SELECT count(*) FROM articles a{joins} WHERE {where}", params)

    def stats(self) -> dict[str, int]:
        row = self._one("SELECT count(*) AS n, coalesce(sum(words), 0) AS words FROM articles "
                        "WHERE deleted_at IS NULL") or {"n": 0, "words": 0}
        return {"articles": int(row["n"]), "words": int(row["words"])}


# The distinct sections by a skip scan of articles_by_section (section, updated_at, id):
# each step is the smallest section after the one before, so the cost follows the number of
# sections (a handful), not of articles; a section is kept when one of its articles is not
# in the trash (found on its first index entries as a rule).
_SECTIONS = (
    "WITH RECURSIVE s(section) AS ("
    "SELECT (SELECT min(section) FROM articles WHERE section > '') "
    "UNION ALL SELECT (SELECT min(x.section) FROM articles x WHERE x.section > s.section) "
    "FROM s WHERE s.section IS NOT NULL) "
    "SELECT s.section FROM s WHERE s.section IS NOT NULL AND EXISTS "
    "(SELECT 1 FROM articles a WHERE a.section = s.section AND a.deleted_at IS NULL) "
    "ORDER BY s.section COLLATE NOCASE")

_TAGS_OF = ("SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id "
            "WHERE at.article_id = ? ORDER BY at.position, t.name COLLATE NOCASE")
_ARTICLE_FIELDS = frozenset(f.name for f in fields(Article))


def _article(row: Row, tags: list[str]) -> Article:
    article = Article(**{k: v for k, v in row.items() if k in _ARTICLE_FIELDS})
    article.tags = list(tags)
    return article


def _clean_tags(tags: Iterable[str]) -> list[str]:
    """Stripped, without blanks or case-insensitive repeats, in the order given."""
    clean: list[str] = []
    for t in tags:
        t = t.strip()
        if t and t.lower() not in {c.lower() for c in clean}:
            clean.append(t)
    return clean


def _check_language(values: dict[str, Any]) -> None:
    """An article's language is one desk.languages lists; an alias is stored canonical."""
    from desk.languages import canonical

    if "language" in values:
        values["language"] = canonical(values["language"])


def _check_status(status: str) -> None:
    if status not in ARTICLE_STATUSES:
        raise DeskError(f"unknown status {status!r}; choose one of {', '.join(ARTICLE_STATUSES)}")
