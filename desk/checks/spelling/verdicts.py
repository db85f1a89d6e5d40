"""The verdict on one token before its context is looked at: known (or not a word to
check: numbers, acronyms, other scripts), or which kind of unknown word it is."""

from __future__ import annotations

from .words import is_latin

_OK = 0
_LOWER = 1  # unknown lower-case word: misspelling
_CAP = 2  # unknown capitalised word: misspelling or name, decided in context
_NAME = 3  # unknown word with capitals inside (iPhone, DeSantis): a name


def classify(tok: str, known, accepted, known_lower) -> int:
    """A token's verdict: _OK, or unknown lower-case, capitalised or with capitals inside."""
    if tok.isalpha():  # the common case: letters only
        lw = tok.lower()
        if lw in known or lw in accepted or len(tok) == 1 or not is_latin(tok):
            return _OK
        if tok.isupper() or (len(tok) > 2 and tok[-1] == "s" and tok[:-1].isupper()):
            return _OK  # OPEC, COVAX, MPs, NGOs
        if tok[0].isupper():
            return _NAME if not tok[1:].islower() else _CAP
        return _LOWER if tok.islower() else _NAME
    if len(tok) == 1 or not is_latin(tok):
        return _OK
    if "_" in tok or any(c.isdigit() for c in tok):
        return _OK  # numbers, ordinals, 1990s, G7, mp3
    t = tok.replace("’", "'")
    core = t[:-2] if t[-2:] in ("'s", "'S") else t
    if core.isupper() and len(core) > 1:
        return _OK  # OPEC, COVAX, OPEC's
    if len(core) > 2 and core[-1] == "s" and core[:-1].isupper():
        return _OK  # MPs, NGOs
    lw = t.lower()
    if known_lower(lw, known, accepted):
        return _OK
    if t[0].isupper():
        return _NAME if any(c.isupper() for c in core[1:]) else _CAP
    if any(c.isupper() for c in core):
        return _NAME  # iPhone, eBay
    return _LOWER
