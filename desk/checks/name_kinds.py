"""Names that never stand for one person: pronouns, countries (with their capitals and
demonyms) and organisations, from the word lists in resources/names/ (see PROVENANCE.md
there). Alias learning refuses them and ninjs lists the last two as organisations."""

from __future__ import annotations

import re
from functools import lru_cache

from desk.paths import resource_path


@lru_cache(maxsize=None)
def words(file: str) -> frozenset[str]:
    """The folded entries of resources/names/``file`` (comments and blank lines skipped)."""
    lines = resource_path(f"names/{file}").read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line) for line in lines if line.strip() and not line.startswith("#"))


def fold(text: str) -> str:
    """Lower case, straight apostrophes, single spaces, no punctuation at either end."""
    return " ".join(text.replace("\u2019", "'").lower().strip(" .,;:").split())


def body_kind(name: str) -> str | None:
    """"pronoun", "country" or "organisation" when ``name`` is one, else None."""
    folded = fold(name)
    bare = re.sub(r"^the ", "", folded)
    for kind, file in (("pronoun", "pronouns.txt"), ("country", "countries.txt")):
        if folded in words(file) or bare in words(file):
            return kind
    org_words = words("organisation-words.txt")
    tokens = set(re.findall(r"[\w'-]+", folded))
    if tokens & org_words or any(" " in w and w in folded for w in org_words):
        return "organisation"
    return None
