"""A candidate credit: who may have said a quotation, and which finder proposed it."""

from __future__ import annotations

from dataclasses import dataclass

from desk.checks.attribution.phrase import Speaker


@dataclass
class Credit:
    speaker: Speaker | None = None
    cue: str | None = None
    resolved: str | None = None
    how: str = ""  # which finder proposed it: post, pre, colon, label, subject, nearby, ...
    nested: bool = False  # inside what an earlier speaker in the sentence reports
