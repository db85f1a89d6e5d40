"""Full-text search, the one part of the SQL with no common spelling: SQLite's FTS5 indexes
(articles_fts, materials_fts, sources_fts; db/0001, 0002, 0006) against PostgreSQL's stored
tsvectors with GIN indexes (articles_fts, materials_fts: db/postgresql/0009, kept by
triggers) and, for the few sources, a tsvector computed as they are read. Both take what an editor types the
same way: every word must match, the last as a prefix (search as you type), diacritics and
case ignored, best match first.

Each method returns SQL fragments with ``?`` placeholders and their parameters, in the
order the fragments appear; None when the text holds no word at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PG_SOURCE_VECTOR = (
    "to_tsvector('desk_simple', desk_search_text(s.name || ' ' || coalesce((SELECT "
    "string_agg(x.alias, ' ') FROM source_aliases x WHERE x.source_id = s.id), '') || ' ' || "
    "s.title || ' ' || s.organisation || ' ' || s.notes))")  # desk_search_text: schema 11


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text, flags=re.UNICODE)


def fts_query(text: str) -> str | None:
    """Turn what an editor types into a safe FTS5 query: every word must match, the
    last one as a prefix (search as you type). Returns None for an empty query."""
    words = words_of(text)
    if not words:
        return None
    parts = [f'"{w}"' for w in words[:-1]]
    parts.append(f'"{words[-1]}"*')
    return " ".join(parts)


def ts_query(text: str, *, any_word: bool = False) -> str | None:
    """The same for PostgreSQL's to_tsquery: ``'w1' & 'w2':*`` (words are \\w+, so a quote
    never appears inside one)."""
    words = words_of(text)
    if not words:
        return None
    parts = [f"'{w}'" for w in words[:-1]] + [f"'{words[-1]}':*"]
    return (" | " if any_word else " & ").join(parts)


@dataclass(frozen=True)
class ArticleMatch:
    """How ``Articles`` finds a search's articles (alias ``a``): ``join`` added after the
    table, ``where`` one condition, ``order`` for a ranked list (None: unranked)."""

    join: str
    where: str
    where_params: tuple[object, ...]
    order: str | None = None
    order_params: tuple[object, ...] = ()


class Search:
    def articles(self, text: str, *, ranked: bool) -> ArticleMatch | None:
        raise NotImplementedError

    def materials(self, text: str, limit: int) -> tuple[str, tuple[object, ...]] | None:
        """A query of material ids sharing any word with ``text``, best first."""
        raise NotImplementedError

    def sources(self, text: str) -> tuple[str, tuple[object, ...]] | None:
        """A query of source ids matching every word (aliases included), best first."""
        raise NotImplementedError


class FtsSearch(Search):
    """SQLite's FTS5: bm25 ranking, prefix indexes."""

    def articles(self, text: str, *, ranked: bool) -> ArticleMatch | None:
        match = fts_query(text)
        if match is None:
            return None
        if ranked:
            return ArticleMatch(" JOIN articles_fts f ON f.rowid = a.id", "articles_fts MATCH ?",
                                (match,), "f.rank")
        # Nearly every article matches: walk the list's index newest first and keep the
        # matches (the "+" keeps SQLite from looking up each of 99,000 matches by id and
        # sorting them all for one page).
        return ArticleMatch("", "+a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts "
                            "MATCH ?)", (match,))

    def materials(self, text: str, limit: int) -> tuple[str, tuple[object, ...]] | None:
        match = fts_query(text)
        if match is None:
            return None
        any_word = " OR ".join(match.split(" "))
        return ("SELECT rowid AS id FROM materials_fts WHERE materials_fts MATCH ? "
                "ORDER BY rank LIMIT ?", (any_word, limit))

    def sources(self, text: str) -> tuple[str, tuple[object, ...]] | None:
        match = fts_query(text)
        if match is None:
            return None
        return ("SELECT rowid AS id FROM sources_fts WHERE sources_fts MATCH ? ORDER BY rank",
                (match,))


class TsSearch(Search):
    """PostgreSQL's tsvector: the ``desk_simple`` configuration (unaccent, then lower case),
    ``:*`` prefixes, ts_rank with length normalisation (1) as the nearest to bm25."""

    def articles(self, text: str, *, ranked: bool) -> ArticleMatch | None:
        query = ts_query(text)
        if query is None:
            return None
        if not ranked:
            return ArticleMatch("", "a.id IN (SELECT id FROM articles_fts WHERE vector @@ "
                                "to_tsquery('desk_simple', ?))", (query,))
        order = ("ts_rank(f.vector, to_tsquery('desk_simple', ?), 1) DESC, a.updated_at DESC, "
                 "a.id DESC")
        return ArticleMatch(" JOIN articles_fts f ON f.id = a.id",
                            "f.vector @@ to_tsquery('desk_simple', ?)", (query,), order, (query,))

    def materials(self, text: str, limit: int) -> tuple[str, tuple[object, ...]] | None:
        query = ts_query(text, any_word=True)
        if query is None:
            return None
        return ("SELECT m.id FROM materials_fts m, to_tsquery('desk_simple', ?) q "
                "WHERE m.vector @@ q ORDER BY ts_rank(m.vector, q, 1) DESC, m.id DESC LIMIT ?",
                (query, limit))

    def sources(self, text: str) -> tuple[str, tuple[object, ...]] | None:
        query = ts_query(text)
        if query is None:
            return None
        # Sources are few (hundreds): the vector is computed as it is read, no index.
        return (f"SELECT s.id FROM sources s, to_tsquery('desk_simple', ?) q "
                f"WHERE {PG_SOURCE_VECTOR} @@ q ORDER BY ts_rank({PG_SOURCE_VECTOR}, q, 1) DESC, "
                "s.id", (query,))
