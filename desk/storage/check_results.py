"""Stored check results: what the quote review reads from each article's check, kept with
the version of the inputs it was computed from (db/0008), so the library report and the
Review panel read a query instead of checking every article again.

A result is fresh while its stored version equals the article's current one. The version
is computed here, at read time, from what a check reads (desk.checking):

- the article's own part: ``updated_at`` (every change of its text or language moves it),
  its language, and count + newest change of its quotation rows and of its own dictionary
  words (so a tag, a verify, a row deleted or a word accepted makes it stale);
- the library's part (``inputs_version``): a hash of the source registry (every column,
  every alias), the global dictionary words and the engine's version, so a source or
  dictionary change from any desk, this process or another, makes every result stale.

Nothing has to remember to invalidate: a change anywhere is seen by the next read.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desk.storage.base import Manager, now

# Bumped when what is stored (or how the engine reads quotations) changes meaning.
RESULT_FORMAT = 1
_CHUNK = 500

_ARTICLE_VERSION = """
WITH q AS (SELECT article_id, count(*) AS n, max(updated_at) AS m FROM quotes {qwhere}
           GROUP BY article_id),
     d AS (SELECT article_id, count(*) AS n, max(created_at) AS m FROM dictionary_words
           WHERE article_id IS NOT NULL {dwhere} GROUP BY article_id)
SELECT a.id AS article_id,
       a.updated_at || '|' || a.language || '|' || coalesce(q.n, 0) || '|' || coalesce(q.m, '')
       || '|' || coalesce(d.n, 0) || '|' || coalesce(d.m, '') || '|' || ? AS version
FROM articles a LEFT JOIN q ON q.article_id = a.id LEFT JOIN d ON d.article_id = a.id
WHERE a.deleted_at IS NULL {where}
"""


@dataclass(frozen=True)
class StoredResult:
    """One article's stored result. ``items``: its counted quotations in text order, each
    ``[source_id, speaker, status, speaker_kind]`` ("not a quotation" ones left out)."""

    article_id: int
    version: str
    items: tuple[tuple[Any, ...], ...] = ()
    orphaned: int = 0
    quotations: int = field(init=False)
    unverified: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "quotations", len(self.items))
        object.__setattr__(self, "unverified", sum(1 for i in self.items if i[2] == "unverified"))


@dataclass(frozen=True)
class Freshness:
    """Where the stored results stand: fresh results by article and the stale article ids,
    both most recently changed article first (the order of ``articles.list``)."""

    fresh: dict[int, StoredResult]
    stale: list[int]
    order: list[int]  # every live article id, most recently changed first

    @property
    def total(self) -> int:
        return len(self.order)


class CheckResults(Manager):
    def inputs_version(self) -> str:
        """The library-wide part of every version (see the module docstring)."""
        import hashlib  # imported when first used (OpenSSL's set-up), not at the window's start

        from desk import __version__

        h = hashlib.sha256(f"{RESULT_FORMAT}|{__version__}".encode())
        for sql in ("SELECT * FROM sources ORDER BY id",
                    "SELECT * FROM source_aliases ORDER BY id",
                    "SELECT word FROM dictionary_words WHERE article_id IS NULL ORDER BY word"):
            for row in self.conn.execute(sql):
                h.update(repr(tuple(row)).encode())
            h.update(b"\x00")
        return h.hexdigest()[:16]

    def versions(self, article_ids: Sequence[int] | None = None,
                 inputs: str | None = None) -> dict[int, str]:
        """Current version of each live article (all, or these), most recently changed first."""
        inputs = self.inputs_version() if inputs is None else inputs
        order = " ORDER BY a.updated_at DESC, a.id DESC"
        if article_ids is None:
            sql = _ARTICLE_VERSION.format(where="", qwhere="", dwhere="") + order
            return {r[0]: r[1] for r in self.conn.execute(sql, (inputs,))}
        ids = builtins.list(article_ids)
        if len(ids) > _CHUNK:  # many: one pass over the library beats a query per chunk
            found = self.versions(None, inputs)
        elif ids:
            # the quotation rows and words of these articles only, not the library's: one
            # saved article's version read 39 ms at 43,000 rows, all of them grouped
            marks = ", ".join("?" * len(ids))
            sql = _ARTICLE_VERSION.format(where=f"AND a.id IN ({marks})",
                                          qwhere=f"WHERE article_id IN ({marks})",
                                          dwhere=f"AND article_id IN ({marks})")
            found = {r[0]: r[1] for r in self.conn.execute(sql, [*ids, *ids, inputs, *ids])}
        else:
            found = {}
        return {aid: found[aid] for aid in ids if aid in found}

    def stale_among(self, article_ids: Iterable[int]) -> builtins.list[int]:
        """Those of these live articles whose stored result is missing or not fresh, in
        the order given: what a change of a few articles made stale, read without going
        over the library (``read`` does)."""
        ids = builtins.list(dict.fromkeys(article_ids))
        if len(ids) > _CHUNK:
            wanted = set(ids)
            return [aid for aid in self.read(with_items=False).stale if aid in wanted]
        current = self.versions(ids)
        if not current:
            return []
        marks = ", ".join("?" * len(current))
        stored = {r[0]: r[1] for r in self.conn.execute(
            f"SELECT article_id, version FROM check_results WHERE article_id IN ({marks})",
            builtins.list(current))}
        return [aid for aid in ids if aid in current and stored.get(aid) != current[aid]]

    def read(self, *, with_items: bool = True) -> Freshness:
        """Every live article's stored result if fresh, and the ids of the stale ones."""
        inputs = self.inputs_version()
        sql = (f"WITH v AS ({_ARTICLE_VERSION.format(where='', qwhere='', dwhere='')}) "
               "SELECT v.article_id, v.version, r.version = v.version AS fresh, "
               f"{'r.items, r.orphaned' if with_items else 'NULL, 0'} "
               "FROM v JOIN articles a ON a.id = v.article_id "
               "LEFT JOIN check_results r ON r.article_id = v.article_id "
               "ORDER BY a.updated_at DESC, a.id DESC")
        fresh: dict[int, StoredResult] = {}
        stale: builtins.list[int] = []
        order: builtins.list[int] = []
        for aid, version, ok, items, orphaned in self.conn.execute(sql, (inputs,)):
            order.append(aid)
            if not ok:
                stale.append(aid)
            elif with_items:
                fresh[aid] = StoredResult(aid, version, tuple(tuple(i) for i in json.loads(items)),
                                          orphaned)
            else:
                fresh[aid] = StoredResult(aid, version)
        return Freshness(fresh, stale, order)

    def get(self, article_id: int) -> StoredResult | None:
        """The stored result of one article, fresh or not (None when there is none)."""
        row = self._one("SELECT * FROM check_results WHERE article_id = ?", (article_id,))
        if row is None:
            return None
        return StoredResult(article_id, row["version"],
                            tuple(tuple(i) for i in json.loads(row["items"])), row["orphaned"])

    def store(self, results: Iterable[StoredResult]) -> int:
        """Keep these results (one transaction); an article gone meanwhile is skipped.
        Returns how many were stored."""
        stamp = now()
        rows = [(r.article_id, r.version, r.quotations, r.unverified, r.orphaned,
                 json.dumps([list(i) for i in r.items], ensure_ascii=False), stamp)
                for r in results]
        if not rows:
            return 0
        with self.lib.transaction():
            cur = self.conn.executemany(
                "INSERT INTO check_results (article_id, version, quotations, unverified, orphaned, "
                "items, checked_at) SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS "
                "(SELECT 1 FROM articles WHERE id = ?) ON CONFLICT (article_id) DO UPDATE SET "
                "version = excluded.version, quotations = excluded.quotations, "
                "unverified = excluded.unverified, orphaned = excluded.orphaned, "
                "items = excluded.items, checked_at = excluded.checked_at",
                [(*row, row[0]) for row in rows])
            return int(cur.rowcount)

    def totals(self) -> tuple[int, int, int]:
        """(quotations, unverified, articles) summed over the stored results of articles
        not in the trash, fresh or not (the Review panel's summary after a refresh)."""
        row = self.conn.execute(
            "SELECT coalesce(sum(r.quotations), 0), coalesce(sum(r.unverified), 0), "
            "count(r.article_id) FROM check_results r JOIN articles a ON a.id = r.article_id "
            "WHERE a.deleted_at IS NULL AND r.quotations > 0").fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    def clear(self) -> None:
        """Forget every stored result (they are computed again when next read)."""
        with self.lib.transaction():
            self.conn.execute("DELETE FROM check_results")


__all__ = ["CheckResults", "Freshness", "RESULT_FORMAT", "StoredResult"]
