"""Operations on the dictionary that the window and the CLI share: accept words
(everywhere, or in one article only; for everyone, or ``personal``: for the library's
editor only) and take them out again (undoing an add; a personal word only ever the
editor's own)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desk.model import DeskError
from desk.operations.changes import Changes
from desk.operations.logged import logged

if TYPE_CHECKING:
    from desk.storage import Library

__all__ = ["DictionaryResult", "add_words", "remove_words"]


@dataclass
class DictionaryResult:
    changed: list[str]  # the words added or removed
    unchanged: list[str] = field(default_factory=list)  # already in / not in the dictionary
    changes: Changes = field(default_factory=Changes)


def _words(words: Iterable[str]) -> list[str]:
    out = []
    for word in words:
        cleaned = word.strip()
        if not cleaned or any(c.isspace() for c in cleaned):
            raise DeskError(f"not a single word: {word!r}; nothing changed")
        out.append(cleaned)
    if not out:
        raise DeskError("give the word")
    return out


def _change(lib: Library, words: Iterable[str], article_id: int | None,
            add: bool, personal: bool) -> DictionaryResult:
    checked = _words(words)
    if article_id is not None:
        lib.articles.get(article_id, include_deleted=True)
    if personal and not lib.editor:
        raise DeskError("a personal word needs your name: set it in the window's Preferences "
                        "or in $DESK_EDITOR; nothing changed")
    changed: list[str] = []
    unchanged: list[str] = []
    with lib.transaction():
        for word in checked:
            done = lib.dictionary.add(word, article_id, personal=personal) if add \
                else lib.dictionary.remove(word, article_id, personal=personal)
            (changed if done else unchanged).append(word)
    return DictionaryResult(changed, unchanged, Changes.of(dictionary=bool(changed)))


@logged
def add_words(lib: Library, *, words: Iterable[str], article_id: int | None = None,
              personal: bool = False) -> DictionaryResult:
    """Accept ``words`` in every article, or only in ``article_id``; for every editor, or
    (``personal``) for the library's editor only. Every word is checked (one word, no
    spaces) before any is stored."""
    return _change(lib, words, article_id, add=True, personal=personal)


@logged
def remove_words(lib: Library, *, words: Iterable[str], article_id: int | None = None,
                 personal: bool = False) -> DictionaryResult:
    """Stop accepting ``words`` in the global dictionary, or in ``article_id``'s own: the
    shared words, or (``personal``) the library's editor's own."""
    return _change(lib, words, article_id, add=False, personal=personal)
