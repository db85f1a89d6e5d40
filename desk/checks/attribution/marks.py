"""Finding quotation regions: paragraphs, double quotation marks, continuation.

Only double marks make quotations (curly “ ” and straight "); single marks and
apostrophes never open or close one. A region is cut per paragraph; a paragraph
that leaves a quotation open and is followed by a paragraph opening with a mark
continues it (news style), which is not an error.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

OPEN_CURLY = "\u201c"
CLOSE_CURLY = "\u201d"
STRAIGHT = '"'
_MARK_RE = re.compile('[\u201c\u201d"]')
# A single newline is a paragraph break unless the line ends mid-sentence (soft wrap).
_PARA_RE = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]*(?:[#>*+-]|\d+[.)]|[\u201c\"\u2018'(]))|\n(?<=[.!?:;\u201d\"\u2019')\]]\n)")
_LEADING_BLOCK = re.compile(r"[ \t]*(?:(?:>[ \t]?)+|[*+-][ \t]+|\d+[.)][ \t]+|#{1,6}[ \t]+)?")
_OPENISH_LEFT = set(" \t\n([{\u2014\u2013-/\u2018'\u00a0:")
_CLOSEISH_RIGHT = set(" \t\n.,;:!?)]}\u2014\u2013-\u2019'\u00a0/\u2026*_")


@dataclass
class Region:
    """One quotation region inside one paragraph."""

    open_pos: int  # position of the opening mark (or of the text start for a stray close)
    end: int  # end exclusive: after the closing mark, or end of paragraph text
    para: int  # paragraph index
    closed: bool = True
    close_pos: int | None = None
    continued: bool = False  # left open, continued by the next paragraph
    continues: "Region | None" = None  # previous paragraph's region this one continues
    mismatched: bool = False
    text_start: int = 0
    text_end: int = 0
    extra: dict = field(default_factory=dict)


@dataclass
class MarkIssue:
    kind: str  # "unclosed", "stray-close", "mismatched"
    start: int
    end: int
    detail: str = ""


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, trailing whitespace excluded."""
    out = []
    pos = 0
    for m in _PARA_RE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    res = []
    for a, b in out:
        while b > a and text[b - 1] in " \t\r\n\u00a0":
            b -= 1
        while a < b and text[a] in " \t\r\n\u00a0":
            a += 1
        if b > a:
            res.append((a, b))
    return res


def _openish(text: str, i: int, a: int, b: int) -> bool:
    left = text[i - 1] if i > a else " "
    right = text[i + 1] if i + 1 < b else " "
    return (left in _OPENISH_LEFT or left in "\u201c\u201d\"") and not right.isspace()


def _closeish(text: str, i: int, a: int, b: int) -> bool:
    left = text[i - 1] if i > a else " "
    right = text[i + 1] if i + 1 < b else " "
    return not left.isspace() and (right in _CLOSEISH_RIGHT or right in "\u201c\u201d\"")


def find_regions(text: str, skip: list[tuple[int, int]]) -> tuple[list[Region], list[MarkIssue], list[tuple[int, int]]]:
    """All quotation regions in order, mark issues, and the paragraph list."""
    paras = paragraphs(text)
    regions: list[Region] = []
    issues: list[MarkIssue] = []
    skip_starts = [s for s, _ in skip]
    for pi, (a, b) in enumerate(paras):
        outer: Region | None = None
        outer_kind = ""
        inner = ""
        for m in _MARK_RE.finditer(text, a, b):
            i = m.start()
            if skip:
                k = bisect.bisect_right(skip_starts, i) - 1
                if k >= 0 and skip[k][0] <= i < skip[k][1]:
                    continue
            ch = text[i]
            op = _openish(text, i, a, b)
            cl = _closeish(text, i, a, b)
            if outer is None:
                if ch == OPEN_CURLY or (ch == STRAIGHT and (op or not cl)):
                    outer = Region(open_pos=i, end=b, para=pi, closed=False)
                    outer_kind = "straight" if ch == STRAIGHT else "curly"
                elif ch == CLOSE_CURLY and ((op and not cl) or not text[a:i].strip(" \t>*-#")):
                    outer = Region(open_pos=i, end=b, para=pi, closed=False, mismatched=True)
                    outer_kind = "curly"
                    issues.append(MarkIssue("mismatched", i, i + 1, "closing mark \u201d used to open a quotation"))
                elif ch == STRAIGHT and i > a and text[i - 1].isdigit():
                    continue  # inch mark: 5'10"
                else:
                    issues.append(MarkIssue("stray-close", i, i + 1))
                continue
            if inner:
                inner = ""  # any mark closes a nested quotation
                continue
            if ch == OPEN_CURLY:
                if cl and not op:
                    _close(outer, i, issues, True, "\u201c")
                    regions.append(outer)
                    outer = None
                elif outer_kind == "straight":
                    inner = "curly"
                elif op and _closers_ahead(text, i + 1, b) >= 2:
                    inner = "curly"  # “… what he calls “hell” than …”: a nested quotation
                else:
                    # a second opening mark: the first quotation was never closed
                    outer.end = _rstrip(text, outer.open_pos, i)
                    outer.extra["cut"] = True
                    regions.append(outer)
                    outer = Region(open_pos=i, end=b, para=pi, closed=False)
                    outer_kind = "curly"
            elif ch == CLOSE_CURLY:
                _close(outer, i, issues, outer_kind == "straight", "\u201d")
                regions.append(outer)
                outer = None
            else:  # straight
                if outer_kind == "curly" and op and not cl:
                    inner = "straight"
                else:
                    _close(outer, i, issues, outer_kind == "curly", '"')
                    regions.append(outer)
                    outer = None
        if outer is not None:
            regions.append(outer)
    # continuation across paragraphs and unclosed issues
    for r in regions:
        if r.closed:
            continue
        if r.extra.get("cut"):
            issues.append(MarkIssue("unclosed", r.open_pos, r.open_pos + 1))
            continue
        nxt = r.para + 1
        if nxt < len(paras):
            na, nb = paras[nxt]
            m = _LEADING_BLOCK.match(text, na, nb)
            j = m.end() if m else na
            if j < nb and (text[j] == OPEN_CURLY or (text[j] == STRAIGHT and _openish(text, j, na, nb))):
                r.continued = True
                continue
        issues.append(MarkIssue("unclosed", r.open_pos, r.open_pos + 1))
    by_para = {}
    for r in regions:
        by_para.setdefault(r.para, []).append(r)
    for r in regions:
        if r.continued and r.para + 1 in by_para:
            first = by_para[r.para + 1][0]
            first.continues = r
    for r in regions:
        r.text_start = r.open_pos + 1
        r.text_end = r.close_pos if r.close_pos is not None else r.end
        if r.text_end < r.text_start:
            r.text_end = r.text_start
    return regions, issues, paras


def _closers_ahead(text: str, i: int, b: int) -> int:
    """Closing curly marks after i before the next opening one, up to two."""
    n = 0
    while n < 2:
        j = text.find(CLOSE_CURLY, i, b)
        k = text.find(OPEN_CURLY, i, b)
        if j < 0 or (0 <= k < j):
            break
        n += 1
        i = j + 1
    return n


def _close(r: Region, i: int, issues: list[MarkIssue], mismatched: bool, mark: str) -> None:
    r.closed = True
    r.close_pos = i
    r.end = i + 1
    if mismatched:
        r.mismatched = True
        issues.append(MarkIssue("mismatched", r.open_pos, i + 1, mark))


def _rstrip(text: str, a: int, b: int) -> int:
    while b > a + 1 and text[b - 1] in " \t\u00a0":
        b -= 1
    return b
