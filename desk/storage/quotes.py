"""Tagged quotations: who said them, where they came from, and how far they are checked."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desk.model import QUOTE_ORIGINS, QUOTE_STATUSES, DeskError, TaggedQuote
from desk.storage.base import Manager, Params, now

EDITABLE = ("source_id", "text", "speaker", "start", "end", "status", "origin", "origin_ref",
            "original", "note", "reviewed_by", "reviewed_at", "assigned", "verified_material_id",
            "verified_against", "assigned_by")

_COLUMNS = ("id", "article_id", *EDITABLE, "created_at", "updated_at")


@dataclass
class QuoteTag:
    id: int
    article_id: int
    source_id: int | None
    text: str
    speaker: str | None
    start: int | None
    end: int | None
    status: str
    origin: str | None
    origin_ref: str
    original: str | None
    note: str
    reviewed_by: str
    reviewed_at: str | None
    created_at: str
    updated_at: str
    assigned: int = 0  # 1: speaker/source set by an editor, not guessed by the checks
    verified_material_id: int | None = None  # the stored material a verification found it in
    verified_against: str | None = None  # the words it was verified against (None: vouched for)
    assigned_by: str = ""  # the editor who assigned the speaker/source ('' not recorded)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class QuoteDiff:
    """What a sync changes on one article's rows, and nothing else: rows removed, fields
    changed on a row, rows moved (start/end, None for an orphan), rows added (text,
    speaker, source_id, start, end). Computed without the library
    (desk.review.reattach.diff_sync), written by ``Quotes.apply``."""

    article_id: int
    deleted: tuple[int, ...] = ()
    updated: tuple[tuple[int, dict[str, Any]], ...] = ()
    moved: tuple[tuple[int, int | None, int | None], ...] = ()
    added: tuple[dict[str, Any], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.deleted or self.updated or self.moved or self.added)


class Quotes(Manager):
    def add(self, article_id: int, text: str, **values: Any) -> QuoteTag:
        """A new row. An attached quotation (with a start) has one row per place in the text
        (schema 5): when another process stored it first, that row is returned instead."""
        _check(values)
        self.lib.articles.get(article_id, include_deleted=True)
        stamp = now()
        with self.lib.transaction():
            qid = self._add_row(article_id, {"text": text, **values}, stamp)
        return self.get(qid)

    def update(self, quote_id: int, **values: Any) -> QuoteTag:
        _check(values)
        self.get(quote_id)
        if values.get("source_id") is not None:
            self.lib.sources.get(values["source_id"])
        with self.lib.transaction():
            self._update("quotes", quote_id, {**values, "updated_at": now()})
        return self.get(quote_id)

    def move(self, positions: Iterable[tuple[int, int | None, int | None]]) -> None:
        """Set start/end of many rows at once, from (id, start, end) triples: after an edit
        a sync moves every quotation, and one statement beats a round trip per row. The
        rows are lifted out first, so two quotations swapping places never collide on the
        one-row-per-place index."""
        moves = list(positions)
        if moves:
            with self.lib.transaction():
                self.lib.engine.write_batch(_moves(moves, now()), table="quotes")

    def fingerprint(self, article_id: int) -> str:
        """Every stored value of the article's rows, digested: equal fingerprints, equal
        rows (a sync checks its rows are still current this way)."""
        return _digest(self.list(article_id=article_id))

    def snapshot(self, article_id: int) -> tuple[builtins.list[QuoteTag], str]:
        """The article's rows (as ``list(article_id=...)``) and their fingerprint, from one
        read (a worker's own connection, desk.gui.quote_sync)."""
        rows = self.list(article_id=article_id)
        return rows, _digest(rows)

    def apply(self, diff: QuoteDiff, *, rows: Iterable[QuoteTag] | None = None,
              fingerprint: str | None = None, body: str | None = None) -> set[int] | None:
        """Write ``diff`` in one transaction: only the rows it names. With ``rows`` (the
        article's rows the diff was computed from) or their ``fingerprint``, and ``body``
        (the text it was computed on), nothing is written and None is returned when any is
        no longer what is stored: a stale sync never overwrites newer rows or follows an
        older text. Otherwise the ids of the rows written (added ones included)."""
        aid = diff.article_id
        for _qid, values in diff.updated:
            _check(values)
        for values in diff.added:
            _check({k: v for k, v in values.items() if k != "text"})
        # Only this article's quotation rows are written, its row read and locked first (so
        # no save changes the text meanwhile): on PostgreSQL, syncs and saves of other
        # articles go on meanwhile (Library.transaction's per_article).
        with self.lib.transaction(per_article=True):
            what = "body" if body is not None else "id"
            reads: builtins.list[tuple[str, Params]] = [(
                f"SELECT {what} AS v FROM articles WHERE id = ?{self.lib.engine.for_update}",
                (aid,))]
            if rows is not None or fingerprint is not None:
                reads.append(_list_query(article_id=aid))
            found = self.lib.engine.rows_each(reads)  # one round trip on PostgreSQL
            if body is not None and (found[0][0]["v"] if found[0] else None) != body:
                return None
            now_rows = [QuoteTag(**r) for r in found[1]] if len(found) > 1 else []
            if rows is not None and list(rows) != now_rows:
                return None
            if fingerprint is not None and fingerprint != _digest(now_rows):
                return None
            if not diff:
                return set()
            stamp = now()
            # the removals, changes and moves in one round trip on PostgreSQL (they were up
            # to seven: each one a wait for a busy CPU while other saves run beside it)
            writes: builtins.list[tuple[str, Params]] = [
                ("DELETE FROM quotes WHERE id = ? AND article_id = ?", (qid, aid))
                for qid in diff.deleted]
            for qid, values in diff.updated:
                names = ", ".join(f'"{k}" = ?' for k in values)
                writes.append((f"UPDATE quotes SET {names}, updated_at = ? "
                               "WHERE id = ? AND article_id = ?",
                               [*values.values(), stamp, qid, aid]))
            writes += _moves(diff.moved, stamp, article_id=aid)
            self.lib.engine.write_batch(writes, table="quotes")
            touched = {*diff.deleted, *(q for q, _v in diff.updated), *(q for q, _s, _e in diff.moved)}
            for values in diff.added:
                touched.add(self._add_row(aid, values, stamp))
        return touched

    def _add_row(self, article_id: int, values: dict[str, Any], stamp: str) -> int:
        """Insert one row in the open transaction; its id (that of the row another process
        stored first at the same place)."""
        row = {"article_id": article_id, "created_at": stamp, "updated_at": stamp, **values}
        names = ", ".join(f'"{k}"' for k in row)
        added = self.conn.execute(
            f"INSERT INTO quotes ({names}) VALUES ({', '.join('?' * len(row))}) "
            'ON CONFLICT (article_id, start, "end") WHERE start IS NOT NULL DO NOTHING '
            "RETURNING id", list(row.values())).fetchone()
        if added is not None:
            return int(added[0])
        return self._count(
            'SELECT id FROM quotes WHERE article_id = ? AND start = ? AND ("end" = ? '
            'OR ("end" IS NULL AND ? IS NULL))',
            (article_id, values.get("start"), values.get("end"), values.get("end")))

    def delete(self, quote_id: int) -> None:
        with self.lib.transaction():
            self.conn.execute("DELETE FROM quotes WHERE id = ?", (quote_id,))

    def get(self, quote_id: int) -> QuoteTag:
        row = self._one("SELECT * FROM quotes WHERE id = ?", (quote_id,))
        if row is None:
            raise DeskError(f"no quotation with id {quote_id}")
        return QuoteTag(**row)

    def list(self, *, article_id: int | None = None, status: str | None = None,
             source_id: int | None = None) -> list[QuoteTag]:
        return [QuoteTag(**r) for r in self._rows(*_list_query(
            article_id=article_id, status=status, source_id=source_id))]

    def articles_of(self, quote_ids: Iterable[int]) -> dict[int, int]:
        """quote id -> its article's id, for the rows that exist (a deleted one is left out)."""
        ids = builtins.list(dict.fromkeys(quote_ids))
        out: dict[int, int] = {}
        for at in range(0, len(ids), 500):
            chunk = ids[at:at + 500]
            out.update((r["id"], r["article_id"]) for r in self._rows(
                f"SELECT id, article_id FROM quotes WHERE id IN ({', '.join('?' * len(chunk))})",
                tuple(chunk)))
        return out

    def tagged(self, article_id: int) -> builtins.list[TaggedQuote]:
        """Tags attached to a quotation in the current text (orphaned rows, kept for their
        review work after their quotation was deleted, have no position and are left out).
        Speaker and source are passed only when an editor assigned them: the engine's own
        earlier guess, stored by the sync, must not overrule what it finds now."""
        return tagged_of(self.list(article_id=article_id))


def tagged_of(rows: Iterable[QuoteTag]) -> list[TaggedQuote]:
    """``Quotes.tagged`` of rows already read (the window's sync reads them once)."""
    return [TaggedQuote(id=q.id, text=q.text, original=q.original, status=q.status,
                        source_id=q.source_id if q.assigned else None,
                        speaker=(q.speaker or None) if q.assigned else None, start=q.start)
            for q in rows if q.start is not None]


def _check(values: dict[str, Any]) -> None:
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown quotation fields: {sorted(unknown)}")
    if "status" in values and values["status"] not in QUOTE_STATUSES:
        raise DeskError(f"unknown quotation status {values['status']!r}; choose one of "
                        f"{', '.join(QUOTE_STATUSES)}")
    if values.get("origin") is not None and values["origin"] not in QUOTE_ORIGINS:
        raise DeskError(f"unknown origin {values['origin']!r}; choose one of {', '.join(QUOTE_ORIGINS)}")


def _digest(rows: Iterable[QuoteTag]) -> str:
    import hashlib  # imported when first used, not at the window's start

    values = sorted((tuple(getattr(r, c) for c in _COLUMNS) for r in rows), key=lambda t: t[0])
    return hashlib.blake2b(repr(values).encode("utf-8"), digest_size=16).hexdigest()



def _moves(positions: Iterable[tuple[int, int | None, int | None]], stamp: str, *,
           article_id: int | None = None) -> builtins.list[tuple[str, Params]]:
    """``Quotes.move``'s statements: every row lifted out, then each set in its place;
    ``article_id``: only that article's rows (a sync holds that article's row lock, and no
    other's, beside other articles' syncs on PostgreSQL)."""
    moves = builtins.list(positions)
    only, extra = ("", ()) if article_id is None else (" AND article_id = ?", (article_id,))
    lift = [(f'UPDATE quotes SET start = NULL, "end" = NULL WHERE id = ?{only}', (qid, *extra))
            for qid, _s, _e in moves]
    place = [(f'UPDATE quotes SET start = ?, "end" = ?, updated_at = ? WHERE id = ?{only}',
              (start, end, stamp, qid, *extra)) for qid, start, end in moves]
    return [*lift, *place]


def _list_query(*, article_id: int | None = None, status: str | None = None,
                source_id: int | None = None) -> tuple[str, list[object]]:
    """``Quotes.list``'s SQL and its parameters."""
    where = ["a.deleted_at IS NULL"]
    params: list[object] = []
    if article_id is not None:
        where.append("q.article_id = ?")
        params.append(article_id)
    if status:
        if status not in QUOTE_STATUSES:
            raise DeskError(f"unknown quotation status {status!r}; choose one of "
                            f"{', '.join(QUOTE_STATUSES)}")
        where.append("q.status = ?")
        params.append(status)
    if source_id is not None:
        where.append("q.source_id = ?")
        params.append(source_id)
    return ("SELECT q.* FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"WHERE {' AND '.join(where)} ORDER BY q.article_id, q.start NULLS FIRST, q.id", params)
