"""Operations on the source registry that the window and the CLI share: create a source,
change its card (the aliases given as the list wanted; the operation works out what to add
and what to remove), add or remove aliases, merge two sources, delete one.

An alias typed by the editor is taken as given (they mean it); names the checks detected
are only learned through desk.operations.quotes.assign_source, which refuses pronouns,
countries and organisations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk.model import DeskError, Source
from desk.operations.changes import Changes
from desk.operations.logged import logged

if TYPE_CHECKING:
    from desk.storage import Library

__all__ = ["SourceResult", "add_aliases", "clean_aliases", "create_source", "delete_source",
           "merge_sources", "remove_aliases", "update_source"]


@dataclass
class SourceResult:
    source: Source  # the source as it is now (after a merge: the one kept; deleted: as it was)
    changes: Changes


def clean_aliases(aliases: Iterable[str]) -> list[str]:
    """Each name once (case-insensitively), inner spaces collapsed, empty ones dropped, in order."""
    seen: set[str] = set()
    out: list[str] = []
    for alias in aliases:
        alias = " ".join(alias.split())
        if alias and alias.lower() not in seen:
            seen.add(alias.lower())
            out.append(alias)
    return out


def _refuse_taken(lib: Library, source_id: int | None, aliases: Iterable[str]) -> None:
    """An alias names one source: a name or alias of another source is refused (one name,
    two people: every "X said" would be credited to whichever the engine met first)."""
    for alias in aliases:
        other = lib.sources.find(alias)
        if other is not None and other.id != source_id:
            raise DeskError(f"“{alias}” is already a name of {other.name} (source {other.id}); "
                            "nothing changed")


def _refuse_name_taken(lib: Library, source_id: int | None, name: str) -> None:
    """A source's name is no other source's name or alias (the same one-name rule)."""
    other = lib.sources.find(name)
    if other is not None and other.id != source_id:
        what = "a source named" if other.name.lower() == name.lower() else "a source that goes by"
        raise DeskError(f"there is already {what} “{name}”: {other.name} (source {other.id}); "
                        "edit that one, or add what tells them apart; nothing changed")


def _sid(source: Source) -> int:
    assert source.id is not None
    return source.id


def _quotes_of(lib: Library, source_id: int) -> list[int]:
    return [q.id for q in lib.quotes.list(source_id=source_id)]


@logged
def create_source(lib: Library, *, name: str, kind: str = "person", title: str = "",
                  organisation: str = "", role: str = "", contact: str = "", notes: str = "",
                  aliases: Iterable[str] = ()) -> SourceResult:
    """Register a source; refused (nothing stored) without a name, with a name another
    source already goes by, or with an unknown kind."""
    name = " ".join(name.split())
    if not name:
        raise DeskError("a source needs a name")
    wanted = [a for a in clean_aliases(aliases) if a.lower() != name.lower()]
    # Checked inside the write transaction: writers queue there (BEGIN IMMEDIATE, the
    # PostgreSQL writer lock), so two desks adding the same name at once store it once.
    with lib.transaction():
        _refuse_name_taken(lib, None, name)
        _refuse_taken(lib, None, wanted)
        src = lib.sources.add(name, aliases=wanted, kind=kind, title=title.strip(),
                              organisation=organisation.strip(), role=role.strip(),
                              contact=contact.strip(), notes=notes.strip())
    return SourceResult(src, Changes.of(sources=[src.id]))


@logged
def update_source(lib: Library, *, source_id: int, name: str | None = None,
                  kind: str | None = None, title: str | None = None,
                  organisation: str | None = None, role: str | None = None,
                  contact: str | None = None, notes: str | None = None,
                  aliases: Iterable[str] | None = None) -> SourceResult:
    """Change a source's card. A field left None stays; ``aliases`` is the whole list wanted
    (aliases not in it are removed, new ones added; None leaves them)."""
    old = lib.sources.get(source_id)
    values = {k: v.strip() for k, v in (("name", name), ("kind", kind), ("title", title),
                                         ("organisation", organisation), ("role", role),
                                         ("contact", contact), ("notes", notes))
              if v is not None}
    if "name" in values:
        values["name"] = " ".join(values["name"].split())
        if not values["name"]:
            raise DeskError("a source needs a name")
    if aliases is not None:
        aliases = clean_aliases(aliases)
    with lib.transaction():  # the refusals inside it, as in create_source
        old = lib.sources.get(source_id)  # the aliases as they are once this writer's turn came
        if "name" in values:
            _refuse_name_taken(lib, source_id, values["name"])
        if aliases is not None:
            _refuse_taken(lib, source_id, aliases)
        lib.sources.update(source_id, **values)
        if aliases is not None:
            wanted = clean_aliases(aliases)
            keep = {a.lower() for a in wanted}
            for alias in old.aliases:
                if alias.lower() not in keep:
                    lib.sources.remove_alias(source_id, alias)
            have = {a.lower() for a in old.aliases}
            for alias in wanted:
                if alias.lower() not in have:
                    lib.sources.add_alias(source_id, alias)
    return SourceResult(lib.sources.get(source_id), Changes.of(sources=[source_id]))


@logged
def add_aliases(lib: Library, *, source_id: int, aliases: Iterable[str]) -> SourceResult:
    """Other names the source goes by in copy (`desk sources alias`)."""
    wanted = clean_aliases(aliases)
    if not wanted:
        raise DeskError("give the alias to add")
    src = lib.sources.get(source_id)
    have = {a.lower() for a in [src.name, *src.aliases]}
    with lib.transaction():  # the refusal inside it, as in create_source
        _refuse_taken(lib, source_id, wanted)
        for alias in wanted:
            if alias.lower() not in have:
                lib.sources.add_alias(source_id, alias)
    return SourceResult(lib.sources.get(source_id), Changes.of(sources=[source_id]))


@logged
def remove_aliases(lib: Library, *, source_id: int, aliases: Iterable[str]) -> SourceResult:
    """Take names off a source; refused, before anything changes, when one is not its alias."""
    src = lib.sources.get(source_id)
    by_lower = {a.lower(): a for a in src.aliases}
    gone = clean_aliases(aliases)
    for alias in gone:
        if alias.lower() not in by_lower:
            raise DeskError(f"source {source_id} has no alias {alias!r}")
    with lib.transaction():
        for alias in gone:
            lib.sources.remove_alias(source_id, by_lower[alias.lower()])
    return SourceResult(lib.sources.get(source_id), Changes.of(sources=[source_id]))


@logged
def merge_sources(lib: Library, *, keep_id: int, other_id: int) -> SourceResult:
    """Fold ``other_id`` into ``keep_id``: its name and aliases become aliases, its
    quotations and material move over, empty fields are filled from it; it is deleted."""
    if keep_id == other_id:
        raise DeskError("cannot merge a source with itself")
    lib.sources.get(keep_id)
    lib.sources.get(other_id)
    moved = _quotes_of(lib, other_id)
    materials = [m.id for m in lib.materials.list(source_id=other_id)]
    with lib.transaction():
        kept = lib.sources.merge(keep_id, other_id)
    return SourceResult(kept, Changes.of(sources=[keep_id, other_id], quotes=moved,
                                         materials=materials))


@logged
def delete_source(lib: Library, *, source_id: int) -> SourceResult:
    """Delete a source; its quotations lose their source (the checks attribute them again)."""
    src = lib.sources.get(source_id)
    untagged = _quotes_of(lib, source_id)
    with lib.transaction():
        lib.sources.delete(source_id)
    return SourceResult(src, Changes.of(sources=[_sid(src)], quotes=untagged))
