"""The spelling check line by line, each line's unknown words kept by its text (no Qt).

No token and none of the context a word is judged in (the character before it; the
apostrophe, hyphen, domain or "[sic]" after it) reaches across a line break, so a line
gives the same unknown words wherever it stands in the article. A check after an edit
therefore scans only the new or changed lines and takes the rest from what the last
check kept; what depends on the whole article (names used mid-sentence, how often a
word comes, inconsistent spellings, the search budget, repeated words across a line
break) is still decided over the whole text, from these words, every time.
"""

from __future__ import annotations

from collections.abc import Callable

Flagged = tuple[int, int, str, int]  # start, end, stem, verdict


class Kept:
    """One language and set of accepted words' results, kept across checks."""

    MAX_ENTRIES = 200_000

    def __init__(self) -> None:
        self.verdicts: dict[str, int] = {}  # token -> verdict
        self.lines: dict = {}  # line text (with the skipped spans in it) -> its unknown words
        self.near: dict[str, tuple] = {}  # capitalised word -> (sure, candidates)
        self.suggestions: dict[str, tuple[str, ...]] = {}  # misspelled stem -> suggestions

    def too_big(self) -> bool:
        return len(self.verdicts) + len(self.lines) > self.MAX_ENTRIES


def flag_lines(text: str, spans: list[tuple[int, int]], kept: Kept,
               flag: Callable[[str, list[tuple[int, int]]], list[Flagged]]) -> list[Flagged]:
    """The unknown words of ``text`` outside the sorted, merged ``spans``, in text order:
    ``flag(line, spans in it)`` for each line not seen before (offsets in the line)."""
    flagged: list[Flagged] = []
    lines = kept.lines
    si, n_spans = 0, len(spans)
    pos, n = 0, len(text)
    while pos <= n:
        cut = text.find("\n", pos)
        stop = n if cut < 0 else cut
        if stop > pos:
            while si < n_spans and spans[si][1] <= pos:
                si += 1
            inside = []
            j = si
            while j < n_spans and spans[j][0] < stop:  # clipped to the line: same overlaps
                inside.append((max(spans[j][0], pos) - pos, min(spans[j][1], stop) - pos))
                j += 1
            line = text[pos:stop]
            key = (line, tuple(inside)) if inside else line
            got = lines.get(key)
            if got is None:
                got = lines[key] = tuple(flag(line, inside))
            if got:
                flagged.extend((a + pos, b + pos, stem, v) for a, b, stem, v in got)
        pos = stop + 1
    return flagged
