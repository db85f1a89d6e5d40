"""Which detected speakers may become a source's alias.

An alias makes every later "X said" in every article a registered quotation of that source,
so a speaker is offered as an alias only when it names a person: not a pronoun, not a
country, capital or demonym ("Iran said"), not an organisation ("the ministry said"). The
word lists live in resources/names/ (see PROVENANCE.md there).
"""

from __future__ import annotations

import re
from functools import lru_cache

from desk.paths import resource_path

# The engine's kinds that never name one person.
NOT_PERSON_KINDS = ("organisation", "anonymous", "pronoun")


@lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    lines = resource_path(f"names/{name}").read_text(encoding="utf-8").splitlines()
    return frozenset(_fold(line) for line in lines if line.strip() and not line.startswith("#"))


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def refusal(name: str | None, kind: str | None = None) -> str | None:
    """Why ``name`` must not be learned as a person's alias, or None when it may be."""
    if not name or not name.strip():
        return "no speaker was detected"
    folded = _fold(name)
    bare = re.sub(r"^the ", "", folded)
    if folded in _words("pronouns.txt") or bare in _words("pronouns.txt"):
        return f"“{name}” is a pronoun, not a name"
    if folded in _words("countries.txt") or bare in _words("countries.txt"):
        return f"“{name}” names a country or its government, not a person"
    tokens = set(re.findall(r"[\w'-]+", folded))
    org_words = _words("organisation-words.txt")
    if tokens & org_words or any(" " in w and w in folded for w in org_words):
        return f"“{name}” names an organisation, not a person"
    if folded.startswith(("a ", "an ")) or not any(c.isupper() for c in name):
        return f"“{name}” describes someone without naming them"
    if kind in NOT_PERSON_KINDS:
        return f"“{name}” was read as {'an' if kind[0] in 'aeiou' else 'a'} {kind}, not a person"
    return None
