"""Which detected speakers may become a source's alias.

An alias makes every later "X said" in every article a registered quotation of that source,
so a speaker is offered as an alias only when it names a person: not a pronoun, not a
country, capital or demonym ("Iran said"), not an organisation ("the ministry said"), as
desk.checks.name_kinds tells them.
"""

from __future__ import annotations

from desk.checks.name_kinds import body_kind, fold

# The engine's kinds that never name one person.
NOT_PERSON_KINDS = ("organisation", "anonymous", "pronoun")


def refusal(name: str | None, kind: str | None = None) -> str | None:
    """Why ``name`` must not be learned as a person's alias, or None when it may be."""
    if not name or not name.strip():
        return "no speaker was detected"
    folded = fold(name)
    found = body_kind(name)
    if found == "pronoun":
        return f"“{name}” is a pronoun, not a name"
    if found == "country":
        return f"“{name}” names a country or its government, not a person"
    if found == "organisation":
        return f"“{name}” names an organisation, not a person"
    if folded.startswith(("a ", "an ")) or not any(c.isupper() for c in name):
        return f"“{name}” describes someone without naming them"
    if kind in NOT_PERSON_KINDS:
        return f"“{name}” was read as {'an' if kind[0] in 'aeiou' else 'a'} {kind}, not a person"
    return None
