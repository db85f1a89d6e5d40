"""Finding quotation regions: paragraphs, quotation marks, continuation.

find_regions works on double marks (curly “ ” and straight "). In British style, or in a
text with no double marks, single_quote_view swaps single quotation marks for double ones
(and nested doubles for singles) at the same offsets, so the same logic applies; apostrophes
never open or close a quotation. A region is cut per paragraph; a paragraph
that leaves a quotation open and is followed by a paragraph opening with a mark
continues it (news style), which is not an error. A Markdown block quote (its "> " lines,
hard-wrapped, with "> " empty lines between its paragraphs) is one paragraph here, so a
quotation running over its lines is one quotation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from desk.checks.attribution.cues import CUE_RE, POST_CUE_RE
from desk.checks.markdown_spans import blockquote_spans

OPEN_CURLY = "\u201c"
CLOSE_CURLY = "\u201d"
STRAIGHT = '"'
_MARK_RE = re.compile('[\u201c\u201d"]')
# A single newline is a paragraph break unless the line ends mid-sentence (soft wrap).
_PARA_RE = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]*(?:[#>*+-]|\d+[.)]|[\u201c\"\u2018'(]))|\n(?<=[.!?:;\u201d\"\u2019')\]]\n)")
_LEADING_BLOCK = re.compile(r"[ \t]*(?:(?:>[ \t]?)+|[*+-][ \t]+|\d+[.)][ \t]+|#{1,6}[ \t]+)?")
_INNER_BREAK = re.compile(r"\n[ \t]{0,3}(?:>[ \t]*)+\n[ \t]{0,3}(?:>[ \t]?)+")  # "> " empty line
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
    """(start, end) of each paragraph, trailing whitespace excluded; a block quote is one."""
    quotes = blockquote_spans(text)
    if not quotes:
        return _trimmed(text, _split(text, 0, len(text)))
    out: list[tuple[int, int]] = []
    pos = 0
    for a, b in quotes:
        out.extend(_split(text, pos, a))
        out.append((a, b))
        pos = b
    out.extend(_split(text, pos, len(text)))
    return _trimmed(text, out)


def blockquote_paras(text: str, paras: list[tuple[int, int]]) -> set[int]:
    """Indices of the paragraphs that are block quotes."""
    starts = set()
    for a, b in blockquote_spans(text):
        while a < b and text[a] in " \t":
            a += 1
        starts.add(a)
    return {i for i, (a, _) in enumerate(paras) if a in starts}


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _PARA_RE.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def _trimmed(text: str, out: list[tuple[int, int]]) -> list[tuple[int, int]]:
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
    quoted = blockquote_paras(text, paras) if ">" in text else set()
    for pi, (a, b) in enumerate(paras):
        outer: Region | None = None
        outer_kind = ""
        inner = ""
        # in a block quote, a mark opening one of its paragraphs while a quotation is open
        # continues that quotation (news style), as a new paragraph's mark does outside
        restarts = {m.end() for m in _INNER_BREAK.finditer(text, a, b)} if pi in quoted else set()
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
            if i in restarts and (ch == OPEN_CURLY or (ch == STRAIGHT and op)):
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
    for r in regions:
        if r.para in quoted:
            r.extra["blockquote"] = True
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


# --- single quotation marks as primary marks (British style) ---------------------------
# ‘…’ or '…' quote; “…” inside one is nested. Apostrophes (Iran’s, don’t, ’90s, rock ’n’ roll,
# the Smiths’, o’clock, ’em) are never marks, so the rules are conservative.

_SINGLE_RE = re.compile("[\u2018\u2019']")
_DOUBLE_RE = re.compile('[\u201c\u201d"]')
_ELISION_RE = re.compile(r"[\u2018\u2019'](?:n[\u2019'](?=[\s,.;:!?)]|$)|\d\ds\b|(?:em|til|cause|cos|tis|twas|bout)\b)", re.I)
_S_OPEN_LEFT = set(" \t\n([{\u2014\u2013-/\u00a0:\u201c\"")
_S_CLOSE_RIGHT = set(" \t\n.,;:!?)]}\u2014\u2013-\u00a0/\u2026*_\u201d\"")
_SWAP = {"\u2018": "\u201c", "\u2019": "\u201d", "'": '"', "\u201c": "\u2018", "\u201d": "\u2019", '"': "'"}


def _single_pairs(text: str, skip: list[tuple[int, int]], paras: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """(open, close_or_paragraph_end, closed) of single-mark quotations, paragraph by paragraph.

    An opening mark follows start/space/opening punctuation and precedes a letter or digit;
    a closing one follows a non-space and precedes space/punctuation/end. A closing mark after
    an “s” followed by a word (the Smiths’ new album) gives way to a later, plainer closing
    mark. An unclosed opening mark counts only at a paragraph start or after a colon.
    """
    out: list[tuple[int, int, bool]] = []
    skip_starts = [s for s, _ in skip]
    for a, b in paras:
        elided: set[int] = set()
        for m in _ELISION_RE.finditer(text, a, b):
            elided.add(m.start())
            if m.group(0)[1:2] in ("n", "N") and m.end() - m.start() == 3:
                elided.add(m.start() + 2)  # rock ’n’ roll: both marks
        marks: list[tuple[int, str]] = []
        lm = _LEADING_BLOCK.match(text, a, b)
        lead = lm.end() if lm else a
        for m in _SINGLE_RE.finditer(text, a, b):
            i = m.start()
            if i in elided:
                continue
            if skip:
                k = bisect.bisect_right(skip_starts, i) - 1
                if k >= 0 and skip[k][0] <= i < skip[k][1]:
                    continue
            ch = text[i]
            left = text[i - 1] if i > a else " "
            right = text[i + 1] if i + 1 < b else " "
            if left in _S_OPEN_LEFT and (right.isalnum() or right in "\u201c\"(") \
                    and (ch != "\u2019" or (i == lead and right.isupper())):
                marks.append((i, "o"))  # ’ opens only a paragraph (a typo, reported as mismatched)
            elif ch != "\u2018" and not left.isspace() and (right in _S_CLOSE_RIGHT):
                marks.append((i, "c"))
        pending: int | None = None
        for n, (i, role) in enumerate(marks):
            if role == "o":
                if pending is not None:
                    _maybe_unclosed(text, a, pending, b, out)
                pending = i
                continue
            if pending is None:
                continue  # an apostrophe: the Smiths’, James'
            if _possessive_like(text, i, b):
                later = None
                for j, r2 in marks[n + 1:]:
                    if r2 == "o":
                        break
                    if not _possessive_like(text, j, b):
                        later = j
                        break
                if later is not None:
                    continue
            out.append((pending, i, True))
            pending = None
        if pending is not None:
            _maybe_unclosed(text, a, pending, b, out)
    return out


def _possessive_like(text: str, i: int, b: int) -> bool:
    return text[i - 1] in "sSzx" and i + 2 < b and text[i + 1] == " " and text[i + 2].isalpha()


def _maybe_unclosed(text: str, a: int, i: int, b: int, out: list) -> None:
    m = _LEADING_BLOCK.match(text, a, b)
    lead = m.end() if m else a
    before = text[a:i].rstrip(" \t\u00a0")
    if i <= lead or before.endswith(":"):
        out.append((i, b, False))


def _looks_like_quotation(text: str, pairs: list[tuple[int, int, bool]], paras: list[tuple[int, int]]) -> bool:
    """At least one closed pair of several words with a verb of saying next to it, in its
    paragraph: a scare-quoted phrase or a quoted headline is not enough."""
    starts = [a for a, _ in paras]
    for o, c, closed in pairs:
        if not closed or " " not in text[o + 1:c].strip():
            continue
        a, b = paras[bisect.bisect_right(starts, o) - 1]
        after = _SENTENCE_END.split(text[c + 1:min(b, c + 60)], 1)[0]
        if POST_CUE_RE.search(after) or CUE_RE.search(text, max(a, o - 80), o):
            return True
    return False


_SENTENCE_END = re.compile(r"[.!?\u2026]\s")


def single_quote_view(text: str, skip: list[tuple[int, int]], mode: bool | None) -> str | None:
    """The text with single quotation marks swapped for double ones and double marks nested
    in them swapped for single ones (same length, same offsets), or None when single marks
    are not primary here. mode True: British style; None: automatic, only for a text with
    no double marks and a pair that looks like a quotation; False: never."""
    if mode is False or not _SINGLE_RE.search(text):
        return None
    has_double = _DOUBLE_RE.search(text) is not None
    if mode is None and (has_double or "''" in text or "\u2019\u2019" in text):
        return None  # ''…'' is a double mark in some archives
    paras = paragraphs(text)
    pairs = _single_pairs(text, skip, paras)
    if not pairs or (mode is None and not _looks_like_quotation(text, pairs, paras)):
        return None
    if has_double:
        # a single pair nested inside a double quotation (“He said ‘no’”) stays nested
        outer = [(r.open_pos, r.end) for r in find_regions(text, skip)[0]]
        def inside_single(p: int) -> bool:
            return any(o < p < c for o, c, _ in pairs)
        keep_outer = [(o, e) for o, e in outer if not inside_single(o)]
        pairs = [(o, c, cl) for o, c, cl in pairs if not any(do < o and c < de for do, de in keep_outer)]
        if not pairs:
            return None
    chars = list(text)
    for o, c, closed in pairs:
        chars[o] = _SWAP[text[o]]
        for m in _DOUBLE_RE.finditer(text, o + 1, c):
            chars[m.start()] = _SWAP[m.group(0)]
        if closed:
            chars[c] = _SWAP[text[c]]
    return "".join(chars)
