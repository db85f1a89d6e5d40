"""Small text measures shared by storage, checks, export and the window."""

from __future__ import annotations

import re

WORD_RE = re.compile(r"[^\W_](?:[\w’'.-]*[^\W_])?")


def word_count(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(text))


def reading_minutes(words: int, per_minute: int = 230) -> int:
    return max(1, round(words / per_minute)) if words else 0
