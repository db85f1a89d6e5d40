"""What stops an article from being exported, said in one line. Qt-free: the CLI prints
the message, the window shows it and asks whether to export anyway. Which problems block
is desk.checks.blocking's, shared with the status gate.

The gate stands before the formats that publish (md, html, txt, docx, pdf, ninjs), not
before the fact-checkers' quote sheets: a sheet is how an article's problems get worked
through, so it is written whatever state the article is in (its Notes column names the
problems of each quotation)."""

from __future__ import annotations

from desk.checks.blocking import BLOCKING_SEVERITIES, blocking_problems, describe, line_of
from desk.model import Problem

SHOWN = 8
# Formats the gate lets through: a new format is gated unless it is listed here.
UNGATED_FORMATS = frozenset({"quotes-csv", "quotes-html", "quotes-xlsx"})


def is_gated(format_name: str) -> bool:
    """Whether error-severity problems stop an export in this format."""
    return format_name not in UNGATED_FORMATS


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


__all__ = ["BLOCKING_SEVERITIES", "SHOWN", "UNGATED_FORMATS", "blocking_message", "blocking_problems",
           "describe", "is_gated", "line_of"]
