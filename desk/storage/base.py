"""What every manager shares: the library it belongs to, and the clock."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

_clock_lock = threading.Lock()
_last: datetime | None = None


def now() -> str:
    """UTC timestamps that sort as text and never repeat within a process, so "last
    changed" order is exact even for changes made in the same microsecond."""
    global _last
    with _clock_lock:
        stamp = datetime.now(timezone.utc)
        if _last is not None and stamp <= _last:
            stamp = _last + timedelta(microseconds=1)
        _last = stamp
    return stamp.isoformat(timespec="microseconds")


class Manager:
    def __init__(self, library):
        self.lib = library

    @property
    def db(self):
        return self.lib.db

    @property
    def conn(self):
        return self.lib.conn

    def _rows(self, sql: str, params=()) -> list[dict]:
        return list(self.db.query(sql, params))

    def _one(self, sql: str, params=()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None


def fts_query(text: str) -> str | None:
    """Turn what an editor types into a safe FTS5 query: every word must match, the
    last one as a prefix (search as you type). Returns None for an empty query."""
    import re

    words = re.findall(r"\w+", text, flags=re.UNICODE)
    if not words:
        return None
    parts = [f'"{w}"' for w in words[:-1]]
    parts.append(f'"{words[-1]}"*')
    return " ".join(parts)
