"""Reading names: common given names and their sex, the sex role words give, a run of
capitalised words cut into name pieces, and what a piece's words alone say (title, full name
or one name word). people.py looks at each piece in its context."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from desk.checks.attribution.lexicon import (
    CAP_STOP,
    DETERMINERS,
    FEMALE_WORDS,
    MALE_WORDS,
    ORG_WORDS,
    PARTICLES,
    SUFFIXES,
    TITLE_WORDS,
)
from desk.checks.attribution.phrase import _is_initials, _norm, _possessive

_TOKEN = re.compile(r"\S+")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]+")
_LOWER_BEFORE = re.compile(r"[\w'\u2019-]")



_GIVEN: dict[str, str] | None = None
_LOOSE: set[str] = set()  # given names that under 99 % of their babies are of that sex
FIRM_SHARE = 99


def given_names() -> dict[str, str]:
    """Common given names → "f" or "m" (resources/words/given-names.tsv, from US SSA counts;
    see PROVENANCE.md): a hint after the text's own evidence."""
    global _GIVEN
    if _GIVEN is None:
        from desk.paths import resource_path

        found: dict[str, str] = {}
        try:
            for line in resource_path("words/given-names.tsv").read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    name, sex, share = (line.split("\t") + ["100"])[:3]
                    found[name] = sex
                    if share.isdigit() and int(share) < FIRM_SHARE:
                        _LOOSE.add(name)
        except OSError:
            pass
        _GIVEN = found
    return _GIVEN


def firm_given_name(name: str) -> bool:
    """Is the name given almost only to one sex (Greta), not also to the other (Lindsay)?"""
    return name in given_names() and name not in _LOOSE


def gender_word(word: str) -> str:
    w = word.lower().strip(".")
    return "f" if w in FEMALE_WORDS else "m" if w in MALE_WORDS else ""


@functools.lru_cache(maxsize=4096)
def run_pieces(run: str) -> tuple[tuple[tuple[str, int, int], ...], ...]:
    """A run of capitalised words cut into name pieces at full stops that end a sentence
    (not initials, titles or suffixes), each token (word, start, end) relative to the run;
    a trailing suffix is dropped and a possessive's ending cut."""
    pieces = []
    cur: list[tuple[str, int, int]] = []
    for t in _TOKEN.finditer(run):
        w = t.group()
        if w.endswith(".") and not _is_initials(w) and _norm(w) not in TITLE_WORDS \
                and _norm(w) not in SUFFIXES:
            cur.append((w[:-1], t.start(), t.end() - 1))
            pieces.append(cur)
            cur = []
        else:
            cur.append((w, t.start(), t.end()))
    if cur:
        pieces.append(cur)
    out = []
    for toks in pieces:
        while len(toks) > 1 and _norm(toks[-1][0]) in SUFFIXES:
            toks = toks[:-1]
        if _possessive(toks[-1][0]):
            w, s, e = toks[-1]
            cut = 2 if w.endswith(("'s", "\u2019s")) else 1
            toks[-1] = (w[:-cut], s, e - cut)
        out.append(tuple(toks))
    return tuple(out)


_LOWER_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz'\u2019-")


class LowerWords:
    """Is a word written in lower case somewhere in the text, as a whole word? The same answer
    as looking it up in the set of every lower-case word (_LOWER_WORD), found with str.find
    for the few words asked about instead of collecting them all."""

    def __init__(self, text: str):
        self.text = text
        self.known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.known.get(word)
        if found is None:
            found = self.known[word] = bool(_LOWER_WORD.fullmatch(word)) and self._find(word)
        return found

    def _find(self, word: str) -> bool:
        text, n = self.text, len(word)
        i = text.find(word)
        while i >= 0:
            # a match of _LOWER_WORD: nothing word-like before, no lower-case letter after
            if (i == 0 or _LOWER_BEFORE.match(text, i - 1) is None) and text[i + n:i + n + 1] not in _LOWER_AFTER:
                return True
            i = text.find(word, i + 1)
        return False


class Shape(NamedTuple):
    """What a name piece's words alone say (its context is looked at for each mention)."""

    first: int  # index of the first name token
    words: list[str]  # the name tokens, normalised
    title: str  # title words before the name
    hon: str  # the word right before the name, normalised ("mr", "senator")
    full: str | None  # a full name ("Lena Voss")
    single: str | None  # or one name word ("Voss")


def read_shape(toks: tuple[str, ...], lower_words: "LowerWords") -> Shape | None:
    """Where the name starts in a piece, its title words and whether it is a full name; None
    when the piece names nobody."""
    norms = [_norm(t) for t in toks]
    last = len(toks) - 1
    k = 0
    while k < last and (norms[k] in TITLE_WORDS or norms[k] in CAP_STOP or norms[k] in DETERMINERS
                        or (k == 0 and norms[k] in lower_words)):
        k += 1
    if k == last and norms[k] in CAP_STOP:
        return None
    # "Danish Fisheries Minister Lena Voss", "County Farmers Union Chairman Piet Maas":
    # the name follows the last title word of the run
    for j in range(last - 1, k - 1, -1):
        if norms[j] in TITLE_WORDS and norms[j] != "the":
            k = j + 1
            break
    keep = [i for i in range(k, len(toks)) if toks[i]]
    words = [norms[i] for i in keep]
    if not keep or any(w in ORG_WORDS for w in words):
        return None
    names = [toks[i] for i in keep]
    title = " ".join(toks[i] for i in range(k) if norms[i] in TITLE_WORDS)
    hon = norms[k - 1] if k else ""
    full = single = None
    if 2 <= len(names) <= 4 and all(t[0].isupper() or _norm(t.partition("-")[0]) in PARTICLES for t in names):
        full = " ".join(names)
    elif len(names) == 1:
        single = names[0]
    return Shape(keep[0], words, title, hon, full, single)
