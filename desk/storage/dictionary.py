"""Personal dictionary: words accepted everywhere (global) or in one article."""

from __future__ import annotations

from desk.model import DeskError
from desk.storage.base import Manager, now


class Dictionary(Manager):
    def add(self, word: str, article_id: int | None = None) -> bool:
        """Accept a word. Returns False if it was already there (so undo knows not to remove it)."""
        word = _clean(word)
        if article_id is not None:
            self.lib.articles.get(article_id, include_deleted=True)
        with self.lib.transaction():
            cur = self.conn.execute(
                "INSERT INTO dictionary_words (word, article_id, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (word, article_id, now()))
        return bool(cur.rowcount == 1)

    def remove(self, word: str, article_id: int | None = None) -> bool:
        word = _clean(word)
        with self.lib.transaction():
            cur = self.conn.execute(
                "DELETE FROM dictionary_words WHERE word = ? AND coalesce(article_id, 0) = ?",
                (word, article_id or 0))
        return bool(cur.rowcount == 1)

    def words(self, article_id: int | None = None) -> set[str]:
        """Global words, plus the article's own when one is given."""
        return {r["word"] for r in self._rows(
            "SELECT word FROM dictionary_words WHERE article_id IS NULL OR article_id = ?",
            (article_id if article_id is not None else -1,))}

    def list(self, article_id: int | None = None) -> list[str]:
        """Only one scope: global when article_id is None, else the article's own words."""
        return [r["word"] for r in self._rows(
            "SELECT word FROM dictionary_words WHERE coalesce(article_id, 0) = ? "
            "ORDER BY word COLLATE NOCASE", (article_id or 0,))]


def _clean(word: str) -> str:
    word = word.strip()
    if not word or any(c.isspace() for c in word):
        raise DeskError(f"not a single word: {word!r}")
    return word
