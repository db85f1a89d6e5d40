"""Repeated words ("the the"): one problem each, outside non-prose spans; not across a
paragraph break, in a contraction or compound, or in a doubled name ("Duran Duran")."""

from __future__ import annotations

from desk.model import Problem

from .words import REPEAT_OK, REPEATED, overlaps


def repeated_words(text: str, known, spans: list[tuple[int, int]]) -> list[Problem]:
    found: list[Problem] = []
    for m in REPEATED.finditer(text):
        w = m.group(1)
        if w.lower() != m.group(3).lower() or w.lower() in REPEAT_OK:
            continue
        if m.group(2).count("\n") > 1:
            continue  # across a paragraph break
        before = text[m.start(1) - 1] if m.start(1) else " "
        after = text[m.end(3)] if m.end(3) < len(text) else " "
        if before in "'’-" or after in "'’-":
            continue  # part of a contraction or a compound
        if w[0].isupper() and m.group(3)[0].isupper() and w.lower() not in known:
            continue  # "Sirhan Sirhan", "Duran Duran"
        start, end = m.start(1), m.end(3)
        if spans and overlaps(spans, start, end):
            continue
        found.append(Problem("repeated-word", "warning", start, end,
                                f"Repeated word “{m.group(3)}”", (w,)))
    return found
