"""The dictionary: words the spelling check accepts, everywhere (global) or in one article,
and for everyone (shared) or for one editor (personal, schema 10).

A shared word has editor '' (every word before schema 10 was shared); a personal one the
name of the editor who added it. The checks accept the shared words plus the library's
editor's own (``words``); another editor's personal words are theirs alone, and adding or
removing a personal word only ever touches the library's editor's."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from typing import Any

from desk.model import DeskError
from desk.storage.base import Manager, now


@dataclass(frozen=True)
class DictionaryWord:
    word: str
    article_id: int | None  # None: every article
    editor: str  # '' shared, else whose personal word it is
    created_at: str = ""

    @property
    def personal(self) -> bool:
        return bool(self.editor)

    @property
    def scope(self) -> str:
        return "personal" if self.editor else "shared"

    def to_dict(self) -> dict[str, Any]:
        return {"word": self.word, "scope": self.scope, "editor": self.editor,
                "article_id": self.article_id, "created_at": self.created_at}


class Dictionary(Manager):
    def add(self, word: str, article_id: int | None = None, *, personal: bool = False) -> bool:
        """Accept a word, for everyone or (``personal``) for the library's editor only.
        Returns False if it was already there (so undo knows not to remove it)."""
        word = _clean(word)
        editor = self._owner(personal)
        if article_id is not None:
            self.lib.articles.get(article_id, include_deleted=True)
        with self.lib.transaction():
            cur = self.conn.execute(
                "INSERT INTO dictionary_words (word, article_id, created_at, editor) "
                "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (word, article_id, now(), editor))
        return bool(cur.rowcount == 1)

    def remove(self, word: str, article_id: int | None = None, *, personal: bool = False) -> bool:
        """Stop accepting a shared word, or (``personal``) one of the editor's own words."""
        word = _clean(word)
        editor = self._owner(personal)
        with self.lib.transaction():
            cur = self.conn.execute(
                "DELETE FROM dictionary_words WHERE word = ? AND coalesce(article_id, 0) = ? "
                "AND editor = ?", (word, article_id or 0, editor))
        return bool(cur.rowcount == 1)

    def words(self, article_id: int | None = None) -> set[str]:
        """What the checks accept: the global words, plus the article's own when one is
        given; shared ones and the library's editor's personal ones."""
        return {r["word"] for r in self._rows(
            "SELECT word FROM dictionary_words WHERE (article_id IS NULL OR article_id = ?) "
            "AND editor IN ('', ?)",
            (article_id if article_id is not None else -1, self.lib.editor))}

    def list(self, article_id: int | None = None, *, personal: bool = False) -> list[str]:
        """Only one scope: global when article_id is None, else the article's own words;
        the shared ones, or (``personal``) the library's editor's."""
        return [r["word"] for r in self._rows(
            "SELECT word FROM dictionary_words WHERE coalesce(article_id, 0) = ? AND editor = ? "
            "ORDER BY word COLLATE NOCASE", (article_id or 0, self._owner(personal)))]

    def entries(self, article_id: int | None = None, *,
                everyone: bool = False) -> builtins.list[DictionaryWord]:
        """The words of one scope (global, or the article's own), shared and the editor's
        personal ones; ``everyone``: every editor's personal words too. By word, shared
        first."""
        where = "" if everyone else " AND editor IN ('', ?)"
        params: tuple[object, ...] = (article_id or 0,) if everyone else (article_id or 0,
                                                                           self.lib.editor)
        return [DictionaryWord(r["word"], r["article_id"], r["editor"], r["created_at"])
                for r in self._rows(
                    "SELECT word, article_id, editor, created_at FROM dictionary_words "
                    f"WHERE coalesce(article_id, 0) = ?{where} "
                    "ORDER BY word COLLATE NOCASE, editor COLLATE NOCASE", params)]

    def _owner(self, personal: bool) -> str:
        if not personal:
            return ""
        if not self.lib.editor:
            raise DeskError("a personal word needs your name: set it in the window's "
                            "Preferences or in $DESK_EDITOR")
        return self.lib.editor


def _clean(word: str) -> str:
    word = word.strip()
    if not word or any(c.isspace() for c in word):
        raise DeskError(f"not a single word: {word!r}")
    return word
