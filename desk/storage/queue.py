"""The review queue's rows, read a page at a time: quotations in the text of articles not in
the trash, most recently changed article first, then in text order (desk.review.queue).

One query per page, keyed by the last row shown (``after``), so the Review panel never
reads the whole library to show its first rows.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Any

from desk.storage.base import Manager

_COLUMNS = ("q.id AS quote_id, q.article_id, a.headline, q.text, q.speaker, q.source_id, "
            's.name AS source_name, q.status, q.start, q."end" AS "end", q.note, q.original, '
            "a.updated_at AS article_updated_at")
# Articles first (CROSS JOIN fixes the loop order): newest-changed articles by their index,
# each one's quotations by place, so a page stops after LIMIT rows instead of sorting every
# open quotation of the library (0.8 ms against 46 ms for the first page at 44,000).
# (PostgreSQL has no CROSS JOIN ... ON and plans the loop itself: Engine.ordered_join.)
# That loop visits every article until the page is full, so with few quotations in a big
# library (none yet at 100,000 articles: 9 ms, 10-130 ms on a loaded machine, on every
# change made elsewhere) the quotations come first instead, by their status index, and are
# sorted: below FEW_QUOTES rows that costs less than the walk (measured crossover ~1,000).
FEW_QUOTES = 1000
_FROM = ("FROM articles a {join} quotes q ON q.article_id = a.id "
         "LEFT JOIN sources s ON s.id = q.source_id")
_ORDER = "ORDER BY a.updated_at DESC, q.start ASC, q.article_id ASC"

# (article updated_at, start, article id) of the last row of the page before
After = tuple[str, int, int]


class QueueRows(Manager):
    def _from(self, statuses: Sequence[str] = ()) -> str:
        join = self.lib.engine.ordered_join
        if statuses and join != "JOIN" and self._few(statuses):
            join = "JOIN"  # SQLite plans from the quotations (quotes_by_status)
        return _FROM.format(join=join)

    def _few(self, statuses: Sequence[str]) -> bool:
        """At most FEW_QUOTES placed quotations of these statuses (counted no further)."""
        marks = ", ".join("?" * len(statuses))
        return self._count(
            f"SELECT count(*) FROM (SELECT 1 FROM quotes q WHERE q.status IN ({marks}) "
            "AND q.start IS NOT NULL LIMIT ?)", [*statuses, FEW_QUOTES + 1]) <= FEW_QUOTES

    def _where(self, statuses: Sequence[str], article_id: int | None,
               source_id: int | None) -> tuple[str, builtins.list[object]]:
        where = ["a.deleted_at IS NULL", "q.start IS NOT NULL",
                 f"q.status IN ({', '.join('?' * len(statuses))})"]
        params: builtins.list[object] = list(statuses)
        if article_id is not None:
            where.append("q.article_id = ?")
            params.append(article_id)
        if source_id is not None:
            where.append("q.source_id = ?")
            params.append(source_id)
        return " AND ".join(where), params

    def page(self, statuses: Sequence[str], *, article_id: int | None = None,
             source_id: int | None = None, after: After | None = None,
             limit: int | None = None) -> builtins.list[dict[str, Any]]:
        """Rows of the queue in its order; ``after``: the sort key of the last row already
        shown (``key(row)``); ``limit``: at most this many."""
        where, params = self._where(statuses, article_id, source_id)
        if after is not None:
            where += (" AND (a.updated_at < ? OR (a.updated_at = ? AND (q.start > ? OR "
                      "(q.start = ? AND q.article_id > ?))))")
            params += [after[0], after[0], after[1], after[1], after[2]]
        sql = f"SELECT {_COLUMNS} {self._from(statuses)} WHERE {where} {_ORDER}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return self._rows(sql, params)

    def count(self, statuses: Sequence[str], *, article_id: int | None = None,
              source_id: int | None = None) -> int:
        where, params = self._where(statuses, article_id, source_id)
        return self._count(f"SELECT count(*) {self._from()} WHERE {where}", params)

    def articles(self) -> builtins.list[tuple[int, str]]:
        """(id, headline) of the articles not in the trash with any quotation row, by id."""
        return [(r["id"], r["headline"]) for r in self._rows(
            "SELECT a.id, a.headline FROM articles a WHERE a.deleted_at IS NULL AND EXISTS "
            "(SELECT 1 FROM quotes q WHERE q.article_id = a.id) ORDER BY a.id")]


def key(row: dict[str, Any]) -> After:
    """The keyset position of a row returned by ``page``."""
    return (row["article_updated_at"], row["start"], row["article_id"])


__all__ = ["After", "QueueRows", "key"]
