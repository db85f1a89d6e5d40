"""Which problems block an article — from export, and from ready or published — and how
to name one in a message. Pure: the export gate (desk.export.gate) and the status gate
(desk.review.gate) both read it, so neither package needs the other for it."""

from __future__ import annotations

from desk.model import Problem

BLOCKING_SEVERITIES = ("error",)


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
        if excerpt in problem.message:  # the message quotes it already (before shortening)
            excerpt = ""
        elif len(excerpt) > 40:
            excerpt = excerpt[:39].rstrip() + "…"
    shown = f" ({excerpt})" if excerpt and excerpt not in problem.message else ""
    return f"{where}{problem.message}{shown}"


__all__ = ["BLOCKING_SEVERITIES", "blocking_problems", "describe", "line_of"]
