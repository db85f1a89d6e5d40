"""The source registry: people, organisations and anonymous descriptors, with aliases."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import fields
from typing import Any

from desk.model import SOURCE_KINDS, DeskError, Source, SourceRef
from desk.storage.base import Manager, Row, now

EDITABLE = ("name", "kind", "title", "organisation", "role", "contact", "notes")


class Sources(Manager):
    def add(self, name: str, *, aliases: Iterable[str] = (), **values: Any) -> Source:
        name = name.strip()
        if not name:
            raise DeskError("a source needs a name")
        _check(values)
        stamp = now()
        with self.lib.transaction():
            source_id = self._insert(
                "sources", {"name": name, "created_at": stamp, "updated_at": stamp, **values})
            for alias in aliases:
                self._add_alias(source_id, alias)
        return self.get(source_id)

    def update(self, source_id: int, **values: Any) -> Source:
        _check(values)
        self.get(source_id)
        if "name" in values and not values["name"].strip():
            raise DeskError("a source needs a name")
        with self.lib.transaction():
            self._update("sources", source_id, {**values, "updated_at": now()})
        return self.get(source_id)

    def add_alias(self, source_id: int, alias: str) -> Source:
        self.get(source_id)
        with self.lib.transaction():
            self._add_alias(source_id, alias)
        return self.get(source_id)

    def remove_alias(self, source_id: int, alias: str) -> Source:
        with self.lib.transaction():
            cur = self.conn.execute(
                "DELETE FROM source_aliases WHERE source_id = ? AND alias = ?", (source_id, alias))
            if cur.rowcount == 0:
                raise DeskError(f"source {source_id} has no alias {alias!r}")
        return self.get(source_id)

    def _add_alias(self, source_id: int, alias: str) -> None:
        alias = alias.strip()
        if alias:
            self.conn.execute("INSERT INTO source_aliases (source_id, alias) VALUES (?, ?) "
                              "ON CONFLICT DO NOTHING", (source_id, alias))

    def delete(self, source_id: int) -> None:
        self.get(source_id)
        with self.lib.transaction():
            self.conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))

    def merge(self, keep_id: int, other_id: int) -> Source:
        """Fold ``other`` into ``keep``: its name and aliases become aliases, its quotes move."""
        if keep_id == other_id:
            raise DeskError("cannot merge a source with itself")
        keep, other = self.get(keep_id), self.get(other_id)
        with self.lib.transaction():
            for alias in [other.name, *other.aliases]:
                if alias != keep.name:
                    self._add_alias(keep_id, alias)
            self.conn.execute("UPDATE quotes SET source_id = ? WHERE source_id = ?", (keep_id, other_id))
            self.conn.execute("UPDATE materials SET source_id = ? WHERE source_id = ?", (keep_id, other_id))
            for f in ("title", "organisation", "role", "contact", "notes"):
                if not getattr(keep, f) and getattr(other, f):
                    self.conn.execute(f"UPDATE sources SET {f} = ? WHERE id = ?",
                                      (getattr(other, f), keep_id))
            self.conn.execute("DELETE FROM sources WHERE id = ?", (other_id,))
            self.conn.execute("UPDATE sources SET updated_at = ? WHERE id = ?", (now(), keep_id))
        return self.get(keep_id)

    # -- reading ---------------------------------------------------------------
    def get(self, source_id: int) -> Source:
        row = self._one("SELECT * FROM sources WHERE id = ?", (source_id,))
        if row is None:
            raise DeskError(f"no source with id {source_id}")
        source = _source(row)
        source.aliases = [r["alias"] for r in self._rows(
            "SELECT alias FROM source_aliases WHERE source_id = ? ORDER BY id", (source_id,))]
        return source

    def list(self, *, search: str | None = None) -> list[Source]:
        """By name (or as ``search`` ranks them), in two queries (three with a search): the
        Sources panel reads this on every change of a source."""
        ids: builtins.list[int] | None = None
        if search:
            query = self.lib.engine.search.sources(search)
            if query is None:
                return []
            ids = [r["id"] for r in self._rows(*query)]
            if not ids:
                return []
        aliases: dict[int, builtins.list[str]] = {}
        for r in self._rows("SELECT source_id, alias FROM source_aliases ORDER BY id"):
            aliases.setdefault(r["source_id"], []).append(r["alias"])
        found = []
        for row in self._rows("SELECT * FROM sources ORDER BY name COLLATE NOCASE"):
            source = _source(row)
            source.aliases = aliases.get(row["id"], [])
            found.append(source)
        if ids is None:
            return found
        by_id = {s.id: s for s in found}
        return [by_id[i] for i in ids if i in by_id]

    def refs(self) -> builtins.list[SourceRef]:
        """Everything the checks need, in two queries."""
        aliases: dict[int, builtins.list[str]] = {}
        for r in self._rows("SELECT source_id, alias FROM source_aliases ORDER BY id"):
            aliases.setdefault(r["source_id"], []).append(r["alias"])
        return [SourceRef(id=r["id"], name=r["name"], kind=r["kind"],
                          aliases=tuple(aliases.get(r["id"], ())))
                for r in self._rows("SELECT id, name, kind FROM sources ORDER BY id")]

    def find(self, name: str) -> Source | None:
        """The source whose name or alias is exactly ``name`` (case-insensitive)."""
        row = self._one(
            "SELECT id FROM sources WHERE name = ? COLLATE NOCASE UNION "
            "SELECT source_id FROM source_aliases WHERE alias = ? COLLATE NOCASE LIMIT 1",
            (name, name))
        return self.get(row["id"]) if row else None

    def quoted_in(self, source_id: int) -> builtins.list[Row]:
        """The articles that quote a source, with how many quotations each."""
        return self._rows(
            "SELECT a.id, a.headline, count(*) AS quotes FROM quotes q JOIN articles a "
            "ON a.id = q.article_id WHERE q.source_id = ? AND a.deleted_at IS NULL "
            "GROUP BY a.id ORDER BY a.updated_at DESC", (source_id,))


_SOURCE_FIELDS = frozenset(f.name for f in fields(Source))


def _source(row: Row) -> Source:
    return Source(**{k: v for k, v in row.items() if k in _SOURCE_FIELDS})


def _check(values: dict[str, Any]) -> None:
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown source fields: {sorted(unknown)}")
    if "kind" in values and values["kind"] not in SOURCE_KINDS:
        raise DeskError(f"unknown source kind {values['kind']!r}; choose one of {', '.join(SOURCE_KINDS)}")
