"""Every mark of one check report as plain data, found by range (no Qt: built in the worker).

The editor draws marks as ExtraSelections, and Qt copies and compares the whole list on every
``setExtraSelections`` call (35 ms for 3,300 marks at 30,000 words, whether or not anything
changed). So the window only turns the marks near the viewport into ExtraSelections
(desk.gui.mark_painter); this index says which marks those are, in paint order: quotation
tints first, then speaker underlines, then problem underlines, each group in report order.
Positions are QTextDocument positions (UTF-16 units) in the checked text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
#: problems the quotation tint already shows: no underline of their own
TINTED_KINDS = ("unattributed-quote", "unclosed-quote")
TINT, SPEAKER, PROBLEM = 0, 1, 2  # the paint groups, bottom to top


class OffsetMap:
    """Python str offsets -> QTextDocument (UTF-16) positions, for many offsets at once.

    body_edit.py has py_to_qt/qt_to_py for single conversions; a report has hundreds of
    offsets, so this precomputes where the astral characters are (usually nowhere).
    """

    def __init__(self, text: str):
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def to_qt(self, i: int) -> int:
        return i + bisect.bisect_left(self._astral, i) if self._astral else i

    def to_py(self, q: int) -> int:
        if not self._astral:
            return q
        # each astral char before py offset i adds one unit; walk until we pass q
        n = 0
        for a in self._astral:
            if a + n < q:
                n += 1
            else:
                break
        return q - n


def quote_state(quote) -> str:
    if not quote.closed:
        return "unclosed"
    if quote.speaker is None:
        return "unattributed"
    return "registered" if quote.source_id is not None else "unregistered"


@dataclass(frozen=True, eq=False)
class MarkSpec:
    """One mark: where (UTF-16 positions), how it looks (``style``), what it stands for."""

    start: int
    end: int
    style: tuple  # ("tint", state) | ("speaker",) | ("problem", kind, severity)
    owner: object  # the QuoteSpan or Problem
    group: int
    order: int  # position in its group's paint order

    @property
    def paint_key(self) -> tuple[int, int]:
        return (self.group, self.order)


class _Group:
    """One paint group, searchable by range: specs sorted by start, with the running
    maximum of their ends (a long quotation that starts far above still overlaps)."""

    def __init__(self, specs: list[MarkSpec]):
        self.by_start = sorted(specs, key=lambda s: (s.start, s.order))
        self.starts = [s.start for s in self.by_start]
        self.reach: list[int] = []
        top = -1
        for s in self.by_start:
            top = max(top, s.end)
            self.reach.append(top)

    def overlapping(self, a: int, b: int) -> list[MarkSpec]:
        lo = bisect.bisect_right(self.reach, a)  # first spec whose reach passes a
        hi = bisect.bisect_left(self.starts, b)
        return [s for s in self.by_start[lo:hi] if s.end > a]


class MarkIndex:
    """The marks of one report on one text."""

    def __init__(self, text: str, report):
        omap = OffsetMap(text)
        self.length = len(text) + len(omap._astral)  # the document's length in UTF-16 units
        groups: list[list[MarkSpec]] = [[], [], []]

        def add(group: int, start: int, end: int, style: tuple, owner) -> None:
            a, b = min(omap.to_qt(start), self.length), min(omap.to_qt(end), self.length)
            if b > a:
                groups[group].append(MarkSpec(a, b, style, owner, group, len(groups[group])))

        quotes = list(report.quotes) if report is not None else []
        for q in quotes:
            add(TINT, q.start, q.end, ("tint", quote_state(q)), q)
        for q in quotes:
            if q.speaker_start is not None and q.speaker_end is not None:
                add(SPEAKER, q.speaker_start, q.speaker_end, ("speaker",), q)
        for p in (report.problems if report is not None else []):
            if p.kind not in TINTED_KINDS:
                add(PROBLEM, p.start, p.end, ("problem", p.kind, p.severity), p)
        self.specs = [s for g in groups for s in g]  # every mark, in paint order
        self._groups = [_Group(g) for g in groups]

    def __len__(self) -> int:
        return len(self.specs)

    def overlapping(self, a: int, b: int) -> list[MarkSpec]:
        """The marks that overlap positions [a, b), in paint order."""
        out: list[MarkSpec] = []
        for g in self._groups:
            out.extend(sorted(g.overlapping(a, b), key=lambda s: s.order))
        return out


def common_ends(old: str, new: str) -> tuple[int, int]:
    """(length of the common prefix, length of the common suffix not overlapping it): what
    an edit between two texts left untouched. Compares in halving blocks, in C."""
    n = min(len(old), len(new))
    lo, hi = 0, n
    while lo < hi:  # the longest prefix: old[:k] == new[:k]
        mid = (lo + hi + 1) // 2
        if old[lo:mid] == new[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    prefix = lo
    room = n - prefix
    lo, hi = 0, room
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old[len(old) - mid:len(old) - lo] == new[len(new) - mid:len(new) - lo]:
            lo = mid
        else:
            hi = mid - 1
    return prefix, lo


__all__ = ["MarkIndex", "MarkSpec", "OffsetMap", "common_ends", "quote_state"]
