"""What an operation changed: the one record the window's "library changed" signal carries.

Every operation in desk.operations returns a result with a ``changes`` attribute of this
type; the GUI runner (desk.gui.op_runner) emits it once the operation's transaction has
committed, and each panel refreshes only when the change concerns what it shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


def _ids(values: Iterable[int | None]) -> frozenset[int]:
    return frozenset(int(v) for v in values if v is not None)


@dataclass(frozen=True)
class Changes:
    articles: frozenset[int] = field(default_factory=frozenset)  # rows, status, trash
    sources: frozenset[int] = field(default_factory=frozenset)  # names, aliases, merges
    quotes: frozenset[int] = field(default_factory=frozenset)  # tags, verification
    dictionary: bool = False  # the personal dictionary (any article's or the global one)
    materials: frozenset[int] = field(default_factory=frozenset)
    # Another process (a second window, the CLI) committed something: which rows is not
    # known, so whoever hears it re-reads what it shows (desk.gui.external_changes).
    external: bool = False
    # Another editor committed it, heard on a team library (desk.gui.team_changes): the rows
    # named are those written; ``unnamed`` holds the kinds ("articles", "sources", "quotes",
    # "materials", "tags") some rows of which were written without being named (a bulk write).
    elsewhere: bool = False
    unnamed: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *, articles: Iterable[int | None] = (), sources: Iterable[int | None] = (),
           quotes: Iterable[int | None] = (), dictionary: bool = False,
           materials: Iterable[int | None] = ()) -> Changes:
        return cls(_ids(articles), _ids(sources), _ids(quotes), dictionary, _ids(materials))

    @classmethod
    def outside(cls) -> Changes:
        """Something changed outside this process; anything may have."""
        return cls(external=True)

    def touches(self, kind: str) -> bool:
        """Rows of ``kind`` ("articles", "sources", "quotes", "materials") changed, named or not."""
        return bool(getattr(self, kind, None)) or kind in self.unnamed

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.articles | other.articles, self.sources | other.sources,
                       self.quotes | other.quotes, self.dictionary or other.dictionary,
                       self.materials | other.materials, self.external or other.external,
                       self.elsewhere or other.elsewhere, self.unnamed | other.unnamed)

    def __bool__(self) -> bool:
        return bool(self.articles or self.sources or self.quotes or self.dictionary
                    or self.materials or self.external or self.unnamed)

    def describe(self) -> str:
        """"2 articles, 1 source" — for logs and tests."""
        parts = [f"{len(ids)} {name}{'s' if len(ids) != 1 else ''}"
                 for name, ids in (("article", self.articles), ("source", self.sources),
                                   ("quotation", self.quotes), ("material", self.materials))
                 if ids]
        parts += [f"some {kind}" for kind in sorted(self.unnamed)]
        if self.dictionary:
            parts.append("the dictionary")
        if self.external:
            parts.append("changes made outside this window")
        elif self.elsewhere:
            parts.append("by another editor")
        return ", ".join(parts) or "nothing"


NOTHING = Changes()
