"""Stage 1 and 2: the text cut once into paragraphs and sentences, Markdown non-prose
marked, and the quotation regions found. Every later stage reads this record."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from desk.checks.attribution.cues import sentence_starts
from desk.checks.attribution.labels import signature_line
from desk.checks.attribution.marks import (
    MarkIssue,
    Region,
    blockquote_paras,
    find_regions,
    single_quote_view,
)
from desk.checks.markdown_spans import (
    blank_blockquote_markers,
    blockquote_spans,
    non_prose_spans,
    without_markers,
)


@dataclass
class Document:
    original: str  # the text as given
    text: str  # the same offsets; single marks turned into double ones in British style,
    # block quotes' ">" markers turned into spaces
    skip: list[tuple[int, int]]  # Markdown non-prose: code, links, front matter
    regions: list[Region]
    issues: list[MarkIssue]
    paras: list[tuple[int, int]]
    by_para: dict[int, list[Region]] = field(default_factory=dict)
    _starts: dict[int, list[int]] = field(default_factory=dict)
    _all_starts: list[int] | None = None

    def starts_of(self, pi: int) -> list[int]:
        """Sentence starts of paragraph pi (computed once, on demand)."""
        s = self._starts.get(pi)
        if s is None:
            a, b = self.paras[pi]
            s = self._starts[pi] = sentence_starts(self.text, a, b)
        return s

    def all_starts(self) -> list[int]:
        if self._all_starts is None:
            self._all_starts = sorted({x for pi in range(len(self.paras)) for x in self.starts_of(pi)})
        return self._all_starts

    def words(self, start: int, end: int) -> str:
        """The original text from start to end as a reader sees it (no block quote markers)."""
        return without_markers(self.original[start:end])

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right([a for a, _ in self.paras], pos) - 1)


# A real article has tens of quotations, a long transcript a few hundred; past this many the
# rest of a text (a pasted list of marks, a mangled file) is not worth a check that never ends.
MAX_QUOTATIONS = 3000


def cap_regions(doc: Document, limit: int) -> int | None:
    """Keep the first limit quotation regions; where the next one starts, or None."""
    if len(doc.regions) <= limit:
        return None
    cut = doc.regions[limit].open_pos
    doc.regions = doc.regions[:limit]
    doc.issues = [i for i in doc.issues if i.start < cut]
    doc.by_para = {}
    for r in doc.regions:
        doc.by_para.setdefault(r.para, []).append(r)
    return cut


def _signed_blockquotes(text: str, paras: list[tuple[int, int]], quoted: set[int],
                        regions: list[Region]) -> list[Region]:
    """A block quote with no quotation marks, signed on the line after it ("— Mara Quell"),
    is a quotation as a whole: the block quote's own way of quoting."""
    marked = {r.para for r in regions}
    added = []
    for pi in sorted(quoted - marked):
        if pi + 1 >= len(paras) or not signature_line(text, *paras[pi + 1]):
            continue
        a, b = paras[pi]
        while a < b and text[a] in " \t\n":
            a += 1
        added.append(Region(open_pos=a, end=b, para=pi, text_start=a, text_end=b,
                            extra={"blockquote": True, "unmarked": True}))
    return sorted(regions + added, key=lambda r: r.open_pos) if added else regions


# no-break and thin spaces read as spaces ("the\u00a0Post said"): one character for one, so
# every position stays the original's
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " "})


def segment(text: str, single_quotes: bool | None = None) -> Document:
    skip = non_prose_spans(text)
    view = single_quote_view(text, skip, single_quotes)
    work = view if view is not None else text
    if "\u00a0" in work or "\u2009" in work or "\u202f" in work or "\u2007" in work or "\u200a" in work:
        work = work.translate(_SPACES)
    regions, issues, paras = find_regions(work, skip)
    quotes = blockquote_spans(work)
    if quotes:
        quoted = blockquote_paras(work, paras)
        work = blank_blockquote_markers(work, quotes)
        regions = _signed_blockquotes(work, paras, quoted, regions)
    doc = Document(text, work, skip, regions, issues, paras)
    for r in regions:
        doc.by_para.setdefault(r.para, []).append(r)
    return doc
