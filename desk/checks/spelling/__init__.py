"""Spelling check over pyspellchecker's English word list (no Qt, no SQL).

Public API::

    check_spelling(text, *, accepted=(), language="en-US", suggest=True, skip=())
        -> list[Problem]
    suggest(word, language="en-US", limit=5) -> list[str]
    suggestions_for(word, language="en-US", accepted=()) -> tuple[str, ...]   (cached)
    is_known(word, language="en-US") -> bool

``check_spelling(..., suggest=False)`` leaves a misspelling's suggestions empty, and
``suggestions_for`` gives them for one word when they are asked for, equal to what the check would give a word its article does not capitalise
elsewhere.

The word lists and the suggestion index are built once into the cache folder
(``python -m desk.checks.spelling.build``, run by ``make``) and memory-mapped from there.

Kinds: ``misspelling`` (warning, with suggestions), ``unknown-name`` (info),
``inconsistent-name`` (warning), ``repeated-word`` (warning).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence

from desk.model import Problem

from .checker import SpellChecker
from .context import likely_names as _likely_names
from .dictionary import normalise_language

__all__ = ["check_spelling", "suggest", "suggestions_for", "is_known", "likely_names",
           "SpellChecker", "get_checker"]


# ---------------------------------------------------------------- module API
_checker: SpellChecker | None = None
_checker_lock = threading.Lock()


def get_checker() -> SpellChecker:
    """The shared checker (built lazily, once, under a lock)."""
    global _checker
    c = _checker
    if c is None:
        with _checker_lock:
            if _checker is None:
                _checker = SpellChecker()
            c = _checker
    return c


def check_spelling(text: str, *, accepted: Iterable[str] = (), language: str = "en-US",
                   suggest: bool = True, skip: Sequence[tuple[int, int]] = ()
                   ) -> list[Problem]:
    """Spelling problems in ``text`` (offsets are Python string offsets, end exclusive).

    ``accepted``: personal-dictionary words, source names and aliases, speakers.
    ``skip``: character ranges not to check; when not given, Markdown's non-prose
    spans (code, link targets, HTML, front matter) are skipped.
    """
    return get_checker().check(text, accepted=accepted, language=language, suggest=suggest,
                               skip=skip)


def suggest(word: str, language: str = "en-US", limit: int = 5) -> list[str]:
    return get_checker().suggest(word, language, limit)


def suggestions_for(word: str, language: str = "en-US", accepted: Iterable[str] = ()
                    ) -> tuple[str, ...]:
    """A misspelled word's suggestions, asked for later (a menu): cached per word."""
    return get_checker().suggestions_for(word, language, accepted)


def is_known(word: str, language: str = "en-US") -> bool:
    return get_checker().is_known(word, language)



def likely_names(words: Iterable[str], language: str = "en-US") -> set[str]:
    """The words of found speakers' names worth accepting (see context.likely_names)."""
    return _likely_names(get_checker(), words, normalise_language(language))
