"""Word-level differences between two versions of a quotation (for misquote messages)."""

from __future__ import annotations

import difflib
import re

_WORD_RE = re.compile(r"\S+")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text.translate(_QUOTES))


def normalise(text: str) -> str:
    """Comparable form: typographic quotes folded, whitespace collapsed, edge punctuation trimmed."""
    return " ".join(words(text)).strip(" \"',.;:!?")


def similarity(a: str, b: str) -> float:
    """0..1 word-level similarity of two quotations."""
    wa, wb = words(a.lower()), words(b.lower())
    if not wa and not wb:
        return 1.0
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def word_diff(old: str, new: str) -> str:
    """`[-removed-] {+added+}` rendering of the word changes from old to new; "" if none."""
    wa, wb = words(old), words(new)
    sm = difflib.SequenceMatcher(None, [w.lower().strip(".,;:!?\"'") for w in wa],
                                 [w.lower().strip(".,;:!?\"'") for w in wb], autojunk=False)
    parts = []
    changed = False
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            seg = wa[i1:i2]
            if len(seg) > 6:
                seg = seg[:2] + ["…"] + seg[-2:]
            parts.extend(seg)
            continue
        changed = True
        if i2 > i1:
            parts.append("[-" + " ".join(wa[i1:i2]) + "-]")
        if j2 > j1:
            parts.append("{+" + " ".join(wb[j1:j2]) + "+}")
    if not changed:
        return ""
    return " ".join(parts)
