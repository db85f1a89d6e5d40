"""Which problems stop an article from being exported, and how to say so. Qt-free: the
CLI prints the message, the window shows it and asks whether to export anyway."""

from __future__ import annotations

from desk.model import Problem

BLOCKING_SEVERITIES = ("error",)
SHOWN = 8


def blocking_problems(report_or_problems) -> list[Problem]:
    """The error-severity problems of a CheckReport (or of a list of problems), in text order."""
    problems = getattr(report_or_problems, "problems", report_or_problems) or []
    return sorted((p for p in problems if p.severity in BLOCKING_SEVERITIES),
                  key=lambda p: (p.start, p.end))


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, max(0, offset)) + 1


def describe(problem: Problem, text: str = "") -> str:
    where = f"line {line_of(text, problem.start)}: " if text else ""
    excerpt = ""
    if text:
        # A lone quotation mark says little: show the words that follow it too.
        end = problem.end if problem.end - problem.start >= 12 else problem.start + 40
        line_end = text.find("\n", problem.start)
        if line_end != -1:
            end = min(end, line_end)
        excerpt = " ".join(text[problem.start:max(end, problem.end)].split())
        if len(excerpt) > 40:
            excerpt = excerpt[:39].rstrip() + "…"
    shown = f" ({excerpt})" if excerpt and excerpt not in problem.message else ""
    return f"{where}{problem.message}{shown}"


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
