"""Finding a quotation in source material: the best-matching passage and a word diff.

Words are compared in a folded form (case, typographic quotes and apostrophes, dashes,
edge punctuation), so "Don’t" in the draft matches "don't" in a transcript. A quotation
is *identical* to its passage when the folded word sequences are equal: punctuation and
capitals may differ (editors repunctuate speech), words may not.

Search is two-stage so a 50,000-word transcript stays fast: candidate places are voted
for by shared words (each shared word votes for the diagonal "transcript position minus
quotation position"), then the few best regions get an exact word-level semi-global
alignment (free gaps at the passage's ends), with near-equal words (organisation /
organization) costing half.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

MIN_SCORE = 60.0  # below this the best passage is not reported as a match
_CANDIDATES = 4
# A word the quotation leaves out costs a little less than a word it adds, so a passage
# takes in one dropped word rather than losing a quoted word at its edge.
_INSERT = 0.9
_COMMON_LIMIT = 400  # words more frequent than this vote only when nothing rarer is shared

_FOLD = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ", "\u2026": "...",
})
_WORD_RE = re.compile("[^\\W_]+(?:['\u2019\u02bc\u2010\u2011-][^\\W_]+)*")


def fold(text: str) -> str:
    """The comparable form of a text: NFKC, typographic marks folded, lower case."""
    return unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()


@dataclass(frozen=True)
class Token:
    word: str  # folded
    start: int  # offsets into the original text
    end: int


def tokens(text: str) -> list[Token]:
    """Words with offsets into ``text``, each folded."""
    return [Token(fold(m.group()), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


def words(text: str) -> list[str]:
    return [t.word for t in tokens(text)]


def is_identical(quote: str, passage: str) -> bool:
    return words(quote) == words(passage)


@dataclass(frozen=True)
class DiffOp:
    """One run of a word diff. op: equal, delete (in the material, not in the quotation),
    insert (in the quotation, not in the material)."""

    op: str
    words: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"op": self.op, "words": list(self.words)}


@dataclass
class Passage:
    """Where a quotation was found in a material text."""

    text: str  # the passage as written in the material
    start: int  # str offsets into the material text, end exclusive
    end: int
    score: float  # 0..100, similarity of the folded words
    identical: bool
    diff: list[DiffOp] = field(default_factory=list)
    material_id: int | None = None
    material_title: str = ""

    @property
    def found(self) -> bool:
        return self.score >= MIN_SCORE

    def to_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k != "diff"}
        d["diff"] = [op.to_dict() for op in self.diff]
        d["diff_text"] = format_diff(self.diff)
        return d


def word_diff(material: str, quote: str) -> list[DiffOp]:
    """Word-level diff from the material's words to the quotation's, shown in their own
    spelling; comparison is on folded words."""
    mt, qt = _spoken(material, tokens(material)), tokens(quote)
    m_show = [material[t.start:t.end] for t in mt]
    q_show = [quote[t.start:t.end] for t in qt]
    out: list[DiffOp] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            out.append(DiffOp("delete", tuple(deleted)))
        if inserted:
            out.append(DiffOp("insert", tuple(inserted)))
        deleted.clear()
        inserted.clear()

    for op in Levenshtein.opcodes([t.word for t in mt], [t.word for t in qt]):
        if op.tag == "equal":
            flush()
            same = tuple(q_show[op.dest_start:op.dest_end])
            if out and out[-1].op == "equal":
                out[-1] = DiffOp("equal", out[-1].words + same)
            else:
                out.append(DiffOp("equal", same))
        else:
            deleted.extend(m_show[op.src_start:op.src_end])
            inserted.extend(q_show[op.dest_start:op.dest_end])
    flush()
    return out


def format_diff(diff: list[DiffOp]) -> str:
    """`said [-the-] {+a+} plan`: the git word-diff style the misquote check also uses."""
    parts = []
    for d in diff:
        text = " ".join(d.words)
        parts.append(text if d.op == "equal" else f"[-{text}-]" if d.op == "delete" else f"{{+{text}+}}")
    return " ".join(parts)


# -- search -----------------------------------------------------------------------------
class MaterialIndex:
    """A material text tokenised once, with word positions for voting. Build one per
    material and reuse it for every quotation checked against it."""

    def __init__(self, text: str):
        self.text = text
        self.tokens = _spoken(text, tokens(text))
        self.positions: dict[str, list[int]] = {}
        for i, t in enumerate(self.tokens):
            self.positions.setdefault(t.word, []).append(i)

    def find(self, quote: str) -> Passage | None:
        """The best-matching passage, or None when the quotation has no words or the
        material none in common with it. Check ``.found`` for a good-enough match."""
        q = [t.word for t in tokens(quote)]
        if not q or not self.tokens:
            return None
        exact = self._exact(q)
        best: tuple[float, int, int] | None = (100.0, exact, exact + len(q)) if exact is not None else None
        for lo, hi in ([] if exact is not None else self._regions(q)):
            cost, s, e = _semi_global(q, [t.word for t in self.tokens[lo:hi]])
            s, e = s + lo, e + lo
            if e <= s:
                continue
            score = _score(q, [t.word for t in self.tokens[s:e]])
            if best is None or score > best[0] or (score == best[0] and e - s < best[2] - best[1]):
                best = (score, s, e)
        if best is None:
            return None
        score, s, e = best
        start, end = _expand(self.text, self.tokens[s].start, self.tokens[e - 1].end)
        passage = self.text[start:end]
        return Passage(text=passage, start=start, end=end, score=round(score, 1),
                       identical=[t.word for t in self.tokens[s:e]] == q,
                       diff=word_diff(passage, quote))

    def _exact(self, q: list[str]) -> int | None:
        """Where the quotation's words occur verbatim, found from its rarest word: voting
        can miss a verbatim passage in material full of repeated words."""
        if any(w not in self.positions for w in q):
            return None
        i, rarest = min(enumerate(q), key=lambda iw: len(self.positions[iw[1]]))
        n = len(q)
        for p in self.positions[rarest]:
            s = p - i
            if s >= 0 and s + n <= len(self.tokens) and all(
                    self.tokens[s + k].word == q[k] for k in range(n)):
                return s
        return None

    def _regions(self, q: list[str]) -> list[tuple[int, int]]:
        n = len(q)
        pos = self.positions
        shared = [(i, w) for i, w in enumerate(q) if w in pos]
        if not shared:
            return []
        rare = [(i, w) for i, w in shared if len(pos[w]) <= _COMMON_LIMIT]
        voters = rare or shared
        bucket = max(2, n // 3)
        votes: Counter[int] = Counter()
        for i, w in voters:
            weight = 1.0 / (1 + len(pos[w]) / 50)  # rarer words weigh more
            seen = set()
            for p in pos[w]:
                b = (p - i) // bucket
                if b not in seen:
                    seen.add(b)
                    votes[b] += weight
        smoothed = Counter({b: v + 0.5 * (votes.get(b - 1, 0) + votes.get(b + 1, 0))
                            for b, v in votes.items()})
        regions: list[tuple[int, int]] = []
        for b, _ in smoothed.most_common(_CANDIDATES * 3):
            lo = max(0, b * bucket - bucket - n // 2)
            hi = min(len(self.tokens), b * bucket + 2 * bucket + n + n // 2)
            if any(lo < h and l < hi for l, h in regions):
                continue
            regions.append((lo, hi))
            if len(regions) == _CANDIDATES:
                break
        return regions


# Transcript furniture that is not speech: time codes and speaker labels at a line start.
_TIME = r"[\[(]?\b\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\b[\])]?"
_LABEL = r"(?:[A-Z][A-Z0-9.'\u2019 -]{0,40}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):(?=[ \t])"
_NOT_SPOKEN_RE = re.compile(rf"^[ \t]*(?:{_TIME}[ \t]*)?{_LABEL}|{_TIME}", re.M)


def _spoken(text: str, toks: list[Token]) -> list[Token]:
    """Drop the tokens of time codes and speaker labels, so a passage running across
    two turns of a transcript does not count them as words the quotation left out."""
    cuts = [(m.start(), m.end()) for m in _NOT_SPOKEN_RE.finditer(text)]
    if not cuts:
        return toks
    out, k = [], 0
    for t in toks:
        while k < len(cuts) and cuts[k][1] <= t.start:
            k += 1
        if k < len(cuts) and cuts[k][0] <= t.start < cuts[k][1]:
            continue
        out.append(t)
    return out


def find_passage(quote: str, material: str) -> Passage | None:
    """One-off search (build a MaterialIndex to search the same material repeatedly)."""
    return MaterialIndex(material).find(quote)


def _score(q: list[str], p: list[str]) -> float:
    return fuzz.ratio(" ".join(q), " ".join(p))


def _sub_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if len(a) > 3 and len(b) > 3 and fuzz.ratio(a, b) >= 80:
        return 0.5
    return 1.0


def _semi_global(q: list[str], r: list[str]) -> tuple[float, int, int]:
    """Align all of q to the best substring r[s:e] (free gaps at r's ends). Ties prefer
    the shorter passage. Returns (cost, s, e)."""
    n, m = len(q), len(r)
    INF = float("inf")
    # prev[j]: cost of aligning q[:i] ending at r[:j]; start[j]: where that passage starts
    prev = [0.0] * (m + 1)
    pstart = list(range(m + 1))
    cache: dict[tuple[str, str], float] = {}
    for i in range(1, n + 1):
        qi = q[i - 1]
        cur = [INF] * (m + 1)
        cstart = [0] * (m + 1)
        cur[0] = float(i)  # leading quotation words missing
        cstart[0] = 0
        for j in range(1, m + 1):
            rj = r[j - 1]
            key = (qi, rj)
            sub = cache.get(key)
            if sub is None:
                sub = cache[key] = _sub_cost(qi, rj)
            c, s = prev[j - 1] + sub, pstart[j - 1]
            d = prev[j] + 1.0  # quotation word missing from material
            if d < c or (d == c and pstart[j] > s):
                c, s = d, pstart[j]
            ins = cur[j - 1] + _INSERT  # material word left out of the quotation
            if ins < c or (ins == c and cstart[j - 1] > s):
                c, s = ins, cstart[j - 1]
            cur[j], cstart[j] = c, s
        prev, pstart = cur, cstart
    best_j, best = 0, INF
    for j in range(1, m + 1):
        if prev[j] < best or (prev[j] == best and j - pstart[j] < best_j - pstart[best_j]):
            best, best_j = prev[j], j
    return best, pstart[best_j], best_j


_OPEN = "\"'\u201c\u2018(["
_CLOSE = ".,;:!?\"'\u201d\u2019)]\u2026"


def _expand(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the punctuation that belongs to the passage's first and last words."""
    while start > 0 and text[start - 1] in _OPEN:
        start -= 1
    while end < len(text) and text[end] in _CLOSE:
        end += 1
    return start, end
