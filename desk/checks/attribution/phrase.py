"""A speaker phrase (Speaker) and the word tests every reader of one uses: tokens, name
tokens, possessives, initials."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desk.checks.attribution.cues import CUE_FORMS
from desk.checks.attribution.lexicon import (
    BASE_CUES,
    CAP_STOP,
    PARTICLES,
    SUFFIXES,
    TITLE_WORDS,
)


@dataclass
class Speaker:
    name: str  # display form: full name, descriptor or pronoun as written
    kind: str  # person, organisation, anonymous, pronoun
    start: int
    end: int
    title: str | None = None
    anonymous_flag: bool = False  # "who spoke on condition of anonymity" or an unnamed descriptor
    definite: bool = False

    def clone(self) -> "Speaker":
        return Speaker(self.name, self.kind, self.start, self.end, self.title, self.anonymous_flag, self.definite)


_TOKEN_RE = re.compile(r"[^\s,;:()\[\]\u201c\u201d\"\u2014\u2013]+|[,;:()\[\]\u201c\u201d\"\u2014\u2013]")


@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    return word.lower().replace("\u2019", "'").strip(".'")


def _is_cap(tok: str) -> bool:
    c = tok[0]
    return c.isupper() or (c.isdigit() is False and len(tok) > 1 and tok[0] in "'\u2019" and tok[1].isupper())


@lru_cache(maxsize=65536)
def _is_name_tok(tok: str) -> bool:
    if not tok:
        return False
    low = _norm(tok)
    if low in PARTICLES or low in SUFFIXES:
        return True
    if "-" in tok:
        first, _, rest = tok.partition("-")
        if first.lower() in PARTICLES and rest[:1].isupper():
            return True
    if len(tok) == 2 and tok[0].isupper() and tok[1] == ".":
        return True  # a middle initial: "Julie A. Diaz"
    if (low in CAP_STOP and low not in TITLE_WORDS) or low in CUE_FORMS and low not in BASE_CUES:
        return False  # (a capitalised base form may be a surname: "“…,” Read said")
    return tok[0].isupper() and not tok.endswith(("\u2019s", "'s", "s\u2019", "s'"))


def _possessive(tok: str) -> bool:
    return tok.endswith(("\u2019s", "'s", "s\u2019", "s'"))


def tokens(text: str, a: int, b: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, a, b)]


def _strip_paren(toks: list) -> list:
    if toks and toks[-1][0] == ")":
        depth = 0
        for i in range(len(toks) - 1, -1, -1):
            if toks[i][0] == ")":
                depth += 1
            elif toks[i][0] == "(":
                depth -= 1
                if depth == 0:
                    return toks[:i]
        return []
    return toks


def _is_initials(tok: str) -> bool:
    return bool(_INITIALS_RE.fullmatch(tok))


_INITIALS_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?")
