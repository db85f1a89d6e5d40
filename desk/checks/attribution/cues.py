"""Cue patterns compiled from the one lexicon of speech verbs (lexicon.py), and sentence
boundaries inside a paragraph."""

from __future__ import annotations

import bisect
import re

from desk.checks.attribution.lexicon import (
    AMBIGUOUS_FORMS,
    INVERSION_FORMS,
    REPORTING_VERBS,
    SPEECH_FORMS,
    verbs_pattern,
)

CUE_FORMS: set[str] = SPEECH_FORMS
INVERSION = INVERSION_FORMS
POST_ONLY = AMBIGUOUS_FORMS
# cues whose speaker follows them, before or after the quotation: "according to Voss",
# "in the words of Voss", "came the reply from Voss"
SPEAKER_FOLLOWS = ("according", "in the words", "came the", "to quote")
# a reporting verb after a name ("Voss said", "Voss also says") and an inverted credit before
# one, after a comma ("…, said Voss"): the name is credited with words
SPEECH_AFTER = re.compile(r"[ \t]+(?:also[ \t]+|then[ \t]+|later[ \t]+)?" + verbs_pattern(REPORTING_VERBS) + r"\b")
SPEECH_BEFORE = re.compile(r",[ \t]+" + verbs_pattern(REPORTING_VERBS) + r"[ \t]+$")


def _trie(forms) -> str:
    """One regex for many literal forms, shared prefixes factored out (a plain alternation
    of ~450 forms is tried one by one at every position; a trie is not)."""
    root: dict = {}
    for f in forms:
        node = root
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if ends else body

    return emit(root)


POST_CUE_RE = re.compile(r"(?<![\w’'-])(?:" + _trie(CUE_FORMS | POST_ONLY)
                         + r"|[Aa]ccording\s+to)(?![\w’'-])")
CUE_RE = re.compile(r"(?<![\w’'-])(?:" + _trie(CUE_FORMS)
                    + r"|[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of)(?![\w’'-])")
ING_CUES = {f for f in CUE_FORMS if f.split()[0].endswith("ing")}

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr",
    "inc", "co", "corp", "ltd", "no", "vs", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct",
    "nov", "dec", "mt", "prof", "rev", "ft", "adm", "cmdr", "maj", "pres", "supt", "det", "insp",
    "u.s", "u.n", "u.k", "d.c", "a.m", "p.m", "e.g", "i.e", "etc", "approx", "dept", "univ", "hon",
    "del", "atty", "amb", "msgr", "fr", "cpl", "pvt", "ald", "assn", "bros", "dist", "gens", "sens", "reps",
    "govs", "drs", "profs", "messrs",
}
# (or a closing quotation mark run into the next sentence, a space lost: "…Dover!”Former …")
_BOUNDARY_RE = re.compile(r"([.!?\u2026])(?:[\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018'(\[]?[A-Z0-9])"
                          r"|\u201d(?=[A-Z][a-z]))")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def sentence_starts(text: str, a: int, b: int) -> list[int]:
    """Start positions of sentences in text[a:b] (always includes a)."""
    starts = [a]
    for m in _BOUNDARY_RE.finditer(text, a, b):
        if m.group(1) == ".":
            w = _WORD_BEFORE.search(text, max(a, m.start() - 12), m.start())
            if w:
                word = w.group(1).lower().rstrip(".")
                if word in ABBREVIATIONS or (len(word) <= 1) or _INITIALS.fullmatch(word):
                    continue
        starts.append(m.end())
    return starts


def sentence_bounds(starts: list[int], b: int, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    s = starts[max(i, 0)]
    e = starts[i + 1] if i + 1 < len(starts) else b
    return s, e


def cues_in(text: str, a: int, b: int) -> list[re.Match]:
    return list(CUE_RE.finditer(text, a, b))
