"""Small text measures shared by storage, checks, export and the window."""

from __future__ import annotations

import functools
import re

WORD_RE = re.compile(r"[^\W_](?:[\w’'.-]*[^\W_])?")


BLOCK = 16_384  # characters counted in one call of the regex (which holds the GIL)


def word_count(text: str) -> int:
    """The words of ``text``. A long text is counted block by block, each cut at a space
    (no word has one): a save in a worker thread counting a 100,000-word article (30-100 ms
    in one regex call) then lets the GUI thread run between blocks."""
    if len(text) <= BLOCK:
        return len(WORD_RE.findall(text))
    count, start, end_of_text = 0, 0, len(text)
    while start < end_of_text:
        cut = text.find(" ", start + BLOCK)
        end = end_of_text if cut < 0 else cut
        count += len(WORD_RE.findall(text, start, end))
        start = end
    return count


class LineWordCounter:
    """word_count for a text that changes a little at a time (the window's counts after
    every typing pause): no word spans a line break, so the count is the sum over lines,
    and a line's count is kept until the line changes."""

    MAX_LINES = 20_000

    def __init__(self) -> None:
        self._lines: dict[str, int] = {}

    def count(self, text: str) -> int:
        cache, total = self._lines, 0
        if len(cache) > self.MAX_LINES:
            cache.clear()
        for line in text.split("\n"):
            n = cache.get(line)
            if n is None:
                n = cache[line] = len(WORD_RE.findall(line))
            total += n
        return total


def reading_minutes(words: int, per_minute: int = 230) -> int:
    return max(1, round(words / per_minute)) if words else 0


# C0 controls other than tab and newline, DEL, lone surrogates (from undecodable file
# names) and the two non-characters XML refuses: none is text an editor meant to write,
# and each one makes the .docx export (XML) fail.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


@functools.cache
def _not_xml() -> re.Pattern[str]:
    """Compiled when the .docx writer first asks (its ranges up to U+10FFFF take ~15 ms to
    compile, paid by every start of the window when done at import)."""
    return re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def strip_controls(text: str) -> str:
    """The text without control characters (tab and newline kept): applied at import."""
    return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text


def xml_safe(text: str) -> str:
    """The text without the characters XML 1.0 cannot hold (for the .docx writer)."""
    not_xml = _not_xml()
    return not_xml.sub("", text) if not_xml.search(text) else text
