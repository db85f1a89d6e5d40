"""Import batches: which files an import is bringing in and which are in already.

An import commits one article at a time (so it never holds the write lock for long); the
batch row is the marker that lets a killed import be resumed or rolled back cleanly.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desk.model import DeskError
from desk.storage.base import Manager, now

log = logging.getLogger(__name__)


@dataclass
class ImportBatch:
    id: int
    status: str
    pid: int | None
    started_at: str
    paths: list[str]
    article_ids: list[int | None]  # per path, None while not imported

    @property
    def done(self) -> int:
        return sum(a is not None for a in self.article_ids)

    @property
    def alive(self) -> bool:
        """Its process still runs (so it is not a killed batch)."""
        if self.pid is None or self.pid == os.getpid():
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True
        return True


@dataclass(frozen=True)
class ImportedFile:
    """An article (not in the trash) that a finished import brought in from a file."""
    content_hash: str
    path: str  # the file's path when it was imported
    article_id: int
    headline: str


class ImportBatches(Manager):
    def start(self, paths: Iterable[str | os.PathLike[str]],
              hashes: Sequence[str | None] | None = None) -> int:
        """``hashes``: each file's content hash, in the same order (desk.importing.content_hash)."""
        paths = list(paths)
        hashes = list(hashes) if hashes is not None else [None] * len(paths)
        if len(hashes) != len(paths):
            raise DeskError("the content hashes do not match the paths to import")
        with self.lib.transaction():
            bid = self._insert("import_batches", {"status": "running", "pid": os.getpid(),
                                                  "started_at": now()})
            self.conn.executemany(
                "INSERT INTO import_batch_files (batch_id, position, path, content_hash) "
                "VALUES (?, ?, ?, ?)",
                [(bid, n, os.fsencode(p), h)  # any file name
                 for n, (p, h) in enumerate(zip(paths, hashes))])
        log.info("import %d started: %d file(s)", bid, len(paths))
        return bid

    def mark_done(self, batch_id: int, position: int, article_id: int) -> None:
        """Inside the article's own transaction, so the two commit together."""
        with self.lib.transaction():
            self.conn.execute("UPDATE import_batch_files SET article_id = ? "
                              "WHERE batch_id = ? AND position = ?", (article_id, batch_id, position))

    def finish(self, batch_id: int, status: str = "done") -> None:
        with self.lib.transaction():
            self.conn.execute("UPDATE import_batches SET status = ?, finished_at = ? WHERE id = ?",
                              (status, now(), batch_id))
        log.info("import %d %s", batch_id, status)

    def claim(self, batch_id: int) -> None:
        with self.lib.transaction():
            self.conn.execute("UPDATE import_batches SET pid = ? WHERE id = ?", (os.getpid(), batch_id))

    def roll_back(self, batch_id: int) -> int:
        """Delete the articles a batch brought in; returns how many."""
        with self.lib.transaction():
            ids = [r[0] for r in self.conn.execute(
                "SELECT article_id FROM import_batch_files WHERE batch_id = ? "
                "AND article_id IS NOT NULL", (batch_id,))]
            self.conn.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in ids])
            self.finish(batch_id, "rolled-back")
        log.info("import %d rolled back: %d article(s) removed", batch_id, len(ids))
        return len(ids)

    def get(self, batch_id: int) -> ImportBatch:
        row = self._one("SELECT * FROM import_batches WHERE id = ?", (batch_id,))
        if row is None:
            raise DeskError(f"no import batch with id {batch_id}")
        files = self._rows("SELECT path, article_id FROM import_batch_files WHERE batch_id = ? "
                           "ORDER BY position", (batch_id,))
        return ImportBatch(id=row["id"], status=row["status"], pid=row["pid"],
                           started_at=row["started_at"], paths=[_path(f["path"]) for f in files],
                           article_ids=[f["article_id"] for f in files])

    def imported_from(self, hashes: Iterable[str]) -> dict[str, ImportedFile]:
        """For each content hash, the oldest article not in the trash that a finished import
        brought in from a file with those bytes (hashes never imported are left out)."""
        wanted = sorted({h for h in hashes if h})
        if not wanted:
            return {}
        found: dict[str, ImportedFile] = {}
        for row in self._rows(
                "SELECT f.content_hash, f.path, a.id, a.headline FROM import_batch_files f "
                "JOIN import_batches b ON b.id = f.batch_id "
                "JOIN articles a ON a.id = f.article_id "
                f"WHERE {self.lib.engine.in_list('f.content_hash')} "
                "AND b.status = 'done' AND a.deleted_at IS NULL ORDER BY a.id",
                (json.dumps(wanted),)):
            found.setdefault(row["content_hash"], ImportedFile(
                row["content_hash"], _path(row["path"]), row["id"], row["headline"]))
        return found

    def unfinished(self) -> list[ImportBatch]:
        """Batches still marked running whose process is gone (killed), oldest first."""
        batches = [self.get(r["id"]) for r in self._rows(
            "SELECT id FROM import_batches WHERE status = 'running' ORDER BY id")]
        return [b for b in batches if not b.alive]


def _path(stored: bytes | str) -> str:
    """Paths are stored as the file system's bytes (a name need not be UTF-8)."""
    return os.fsdecode(stored) if isinstance(stored, bytes) else stored
