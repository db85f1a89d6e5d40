"""Character ranges of Markdown that is not prose (code, link targets, HTML, front matter),
and where the block quotes are.

Shared by the attribution and spelling checks: both skip these ranges. One pass of
precompiled regexes, linear in the text. A footnote's definition (``[^1]: text``) is prose
but for its label; a reference (``[^1]``) is not.
"""

from __future__ import annotations

import bisect
import re

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(?:\n|\Z)", re.S)
# A fence or a code span is a whole run of ` or ~ (the lookaheads and the lookbehind): a
# pattern free to try a shorter run, or to start inside one, backtracked quadratically on
# long runs (20,000 backticks took 3.2 s); a tag's attributes start with one space, not
# with a run that the next part could also take (quadratic on "<a" and many spaces).
_FENCE = re.compile(r"^[ \t]{0,3}(```+(?!`)|~~~+(?!~))[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)",
                    re.S | re.M)
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*?)?/?>")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]*>")
_LINK_TARGET = re.compile(r"\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*)\)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S+.*$", re.M)
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]:?")
# A block quote: consecutive lines opening with ">" (up to three spaces before it); the
# markers are the ">" of each line (nested "> >" too) and the one space after each.
_QUOTE_LINE = re.compile(r"^[ \t]{0,3}>[^\n]*", re.M)
_MARKER = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.M)
_MARKER_INSIDE = re.compile(r"\n[ \t]{0,3}(?:>[ \t]?)+")
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"“”]+")


def non_prose_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) ranges to skip as non-prose. End exclusive."""
    spans: list[tuple[int, int]] = []
    m = _FRONT_MATTER.match(text)
    if m:
        spans.append((m.start(), m.end()))
    for rx in (_FENCE, _HTML_COMMENT):
        spans.extend(mm.span() for mm in rx.finditer(text))
    if "`" in text:
        spans.extend(mm.span() for mm in _INLINE_CODE.finditer(text))
    if "<" in text:
        spans.extend(mm.span() for mm in _AUTOLINK.finditer(text))
        spans.extend(mm.span() for mm in _HTML_TAG.finditer(text))
    if "](" in text:
        spans.extend(mm.span(1) for mm in _LINK_TARGET.finditer(text))
    if "]:" in text:
        spans.extend(mm.span() for mm in _REF_DEF.finditer(text))
    if "[^" in text:
        spans.extend(mm.span() for mm in _FOOTNOTE.finditer(text))
    if "http" in text or "www." in text:
        spans.extend(mm.span() for mm in _BARE_URL.finditer(text))
    return merge_spans(spans)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-empty, non-overlapping ranges covering the same characters."""
    spans = sorted(s for s in spans if s[1] > s[0])
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def prose_mask(text: str) -> bytearray:
    """One byte per character: 1 where the text is prose, 0 where it is skipped."""
    mask = bytearray(b"\x01") * len(text)
    for a, b in non_prose_spans(text):
        mask[a:b] = bytes(b - a)
    return mask


def in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    """True when pos lies inside one of the sorted, merged spans."""
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def blockquote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each block quote, its last line's newline excluded."""
    if ">" not in text:
        return []
    out: list[tuple[int, int]] = []
    for m in _QUOTE_LINE.finditer(text):
        if out and out[-1][1] + 1 == m.start():  # the next line: the same block quote
            out[-1] = (out[-1][0], m.end())
        else:
            out.append(m.span())
    return out


def blank_blockquote_markers(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each block quote line's ">" markers turned into spaces: same length,
    same offsets, so a quotation hard-wrapped over "> " lines reads as one run of words."""
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        for m in _MARKER.finditer(text, a, b):
            chars[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


def without_markers(words: str) -> str:
    """A piece of a block quote as a reader sees it: the ">" markers after each line break
    dropped (the piece starts after its line's own marker)."""
    return _MARKER_INSIDE.sub("\n", words) if ">" in words else words
