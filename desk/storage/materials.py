"""Source material: transcripts and notes attached to a source or an article, so a
quotation can be checked against what was actually said."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from typing import Any

from desk.model import DeskError
from desk.storage.base import Manager, now


@dataclass
class Material:
    id: int
    source_id: int | None
    article_id: int | None
    title: str
    text: str
    filename: str
    created_at: str

    def to_dict(self, *, with_text: bool = True) -> dict[str, Any]:
        d = dict(self.__dict__)
        if not with_text:
            d.pop("text")
        d["words"] = len(self.text.split())
        return d


class Materials(Manager):
    def add(self, text: str, *, title: str = "", source_id: int | None = None,
            article_id: int | None = None, filename: str = "") -> Material:
        if source_id is None and article_id is None:
            raise DeskError("attach material to a source or an article")
        if not text.strip():
            raise DeskError("the material is empty")
        if source_id is not None:
            self.lib.sources.get(source_id)
        if article_id is not None:
            self.lib.articles.get(article_id)
        with self.lib.transaction():
            mid = self._insert("materials", {
                "source_id": source_id, "article_id": article_id, "title": title.strip(),
                "text": text, "filename": filename, "created_at": now()})
        return self.get(mid)

    def get(self, material_id: int) -> Material:
        row = self._one("SELECT * FROM materials WHERE id = ?", (material_id,))
        if row is None:
            raise DeskError(f"no material with id {material_id}")
        return Material(**row)

    def update(self, material_id: int, *, title: str | None = None,
               source_id: int | None = None, article_id: int | None = None) -> Material:
        self.get(material_id)
        values = {k: v for k, v in (("title", title), ("source_id", source_id),
                                    ("article_id", article_id)) if v is not None}
        if values:
            with self.lib.transaction():
                self._update("materials", material_id, values)
        return self.get(material_id)

    def delete(self, material_id: int) -> None:
        self.get(material_id)
        with self.lib.transaction():
            self.conn.execute("DELETE FROM materials WHERE id = ?", (material_id,))

    def list(self, *, source_id: int | None = None, article_id: int | None = None) -> list[Material]:
        """Newest first; with both filters, material of either the source or the article."""
        where: builtins.list[str] = []
        params: builtins.list[object] = []
        if source_id is not None:
            where.append("source_id = ?")
            params.append(source_id)
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        sql = "SELECT * FROM materials"
        if where:
            sql += " WHERE " + " OR ".join(where)
        return [Material(**r) for r in self._rows(sql + " ORDER BY id DESC", params)]

    def search(self, text: str, *, limit: int = 5) -> builtins.list[Material]:
        """Material sharing words with ``text`` (any word), best first."""
        query = self.lib.engine.search.materials(text, limit)
        if query is None:
            return []
        ids = [r["id"] for r in self._rows(*query)]
        return [self.get(i) for i in ids]

    def count(self) -> int:
        return self._count("SELECT count(*) FROM materials")
