"""What stops an article from being exported, said in one line. Qt-free: the CLI prints
the message, the window shows it and asks whether to export anyway. Which problems block
is desk.checks.blocking's, shared with the status gate."""

from __future__ import annotations

from desk.checks.blocking import BLOCKING_SEVERITIES, blocking_problems, describe, line_of
from desk.model import Problem

SHOWN = 8


def blocking_message(problems: list[Problem], text: str = "", *, article_id: int | None = None,
                     headline: str = "", hint: str = "use --force to export anyway") -> str:
    """One line naming what blocks the export: 'article 3 "Floods" has 2 problems that
    block export: line 4: …; line 9: …; use --force to export anyway'."""
    who = "the article"
    if article_id is not None:
        who = f"article {article_id}"
        if headline:
            who += f" “{headline if len(headline) <= 50 else headline[:49] + '…'}”"
    count = len(problems)
    noun = "problem that blocks" if count == 1 else "problems that block"
    listed = "; ".join(describe(p, text) for p in problems[:SHOWN])
    if count > SHOWN:
        listed += f"; and {count - SHOWN} more"
    tail = f"; {hint}" if hint else ""
    return f"{who} has {count} {noun} export: {listed}{tail}"


__all__ = ["BLOCKING_SEVERITIES", "SHOWN", "blocking_message", "blocking_problems", "describe",
           "line_of"]
