"""The export log: what was written where, by whom (the library's editor), and whether it
was forced past problems."""

from __future__ import annotations

import logging

from desk.storage.base import Manager, Row, now

log = logging.getLogger(__name__)


class ExportLog(Manager):
    def record(self, article_id: int | None, fmt: str, path: str, *, forced: bool = False) -> int:
        with self.lib.transaction():
            entry = self._insert("export_log", {
                "article_id": article_id, "format": fmt, "path": str(path),
                "forced": int(forced), "created_at": now(), "editor": self.lib.editor})
        log.info("exported article %s as %s to %s%s%s", article_id, fmt, path,
                 " (forced past its problems)" if forced else "",
                 f" by {self.lib.editor}" if self.lib.editor else "")
        return entry

    def list(self, article_id: int | None = None) -> list[Row]:
        if article_id is None:
            return self._rows("SELECT * FROM export_log ORDER BY id DESC")
        return self._rows("SELECT * FROM export_log WHERE article_id = ? ORDER BY id DESC",
                          (article_id,))
