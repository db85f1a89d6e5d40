"""Every change of an article's status, who made it (the library's editor), and the reason
whenever the review gate was overridden."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desk.storage.base import Manager, now


@dataclass
class StatusChange:
    id: int
    article_id: int
    from_status: str
    to_status: str
    override_reason: str | None
    blocked_by: str
    created_at: str
    editor: str = ""  # who changed it ('' not recorded)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class StatusLog(Manager):
    def record(self, article_id: int, from_status: str, to_status: str, *,
               override_reason: str | None = None, blocked_by: str = "") -> StatusChange:
        with self.lib.transaction():
            cid = self._insert("status_log", {
                "article_id": article_id, "from_status": from_status, "to_status": to_status,
                "override_reason": override_reason, "blocked_by": blocked_by,
                "created_at": now(), "editor": self.lib.editor})
        return StatusChange(**self._rows("SELECT * FROM status_log WHERE id = ?", (cid,))[0])

    def list(self, article_id: int | None = None, *, overrides_only: bool = False) -> list[StatusChange]:
        where: list[str] = []
        params: list[object] = []
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        if overrides_only:
            where.append("override_reason IS NOT NULL")
        sql = "SELECT * FROM status_log" + (" WHERE " + " AND ".join(where) if where else "")
        return [StatusChange(**r) for r in self._rows(sql + " ORDER BY id", params)]
