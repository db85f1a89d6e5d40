"""Names spelled two ways in one article (Kadhimi / Khadimi): which spelling is the odd one.

Comparing every unknown name with every other was quadratic: 4,000 distinct capitalised
words (a pasted list, a hostile text) took 3.5 s. Names are indexed here by the deletion
variants of their first letters, the way the suggestion index finds dictionary words
(symmetric delete), so a name is compared only with names that share a variant, and with
at most MAX_COMPARISONS of those.
"""

from __future__ import annotations

from . import suggester as _sg
from .words import normalise

MIN_LEN = 4
MAX_LEN = 40  # longer "names" are not names: never compared
MAX_COMPARISONS = 32  # per name: real articles need a handful
MAX_NAMES = 1000  # distinct unknown names compared (most used first); an article has far fewer


def inconsistent_names(kinds) -> dict[int, str]:
    """{start of a rarer spelling: the other spelling} for names spelled two ways.
    ``kinds`` holds (start, end, stem, kind) for every flagged word."""
    groups: dict[str, list[int]] = {}
    shown: dict[str, str] = {}
    for start, _end, stem, kind in kinds:
        if kind == "unknown-name" and stem[:1].isupper():
            key = normalise(stem)
            groups.setdefault(key, []).append(start)
            shown.setdefault(key, stem)
    if len(groups) < 2:
        return {}
    out: dict[int, str] = {}
    names = sorted(groups, key=lambda k: (-len(groups[k]), groups[k][0]))[:MAX_NAMES]  # most used first
    index: dict[str, list[int]] = {}  # deletion variant of a prefix -> positions in names
    for i, rare in enumerate(names):
        if not MIN_LEN <= len(rare) <= MAX_LEN:
            continue
        limit = 1 if len(rare) <= 5 else 2
        variants = _sg.deletes(rare[:_sg.PREFIX], 2)  # indexed with two deletions
        found: set[int] = set()
        for variant in variants if limit == 2 else _sg.deletes(rare[:_sg.PREFIX], 1):
            found.update(index.get(variant, ()))
        for j in sorted(found)[:MAX_COMPARISONS]:  # the most used spelling wins
            common = names[j]
            if common[:1] == rare[:1] and _sg.osa_distance(rare, common, limit) <= limit:
                for s in groups[rare]:
                    out[s] = shown[common]
                break
        for variant in variants:
            index.setdefault(variant, []).append(i)
    return out
