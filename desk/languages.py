"""The languages desk supports: one table, read by the checks, the window and importing.

Each language names its primary quotation marks and the spelling word list it is checked
against. The spelling index has two English lists (desk.checks.spelling.dictionary):
en-US and en-GB; a language is listed here only when one of them fits it honestly.

- ``quotes="single"``: single marks are the primary quotation marks ('like this'), as in
  British and Australian house styles; ``"double"``: double marks, and a text with no
  double marks at all is still read for single-quoted quotations.
- en-CA is not listed: Canadian spelling takes -our and -re from British English but -ize
  from American English, so either list would flag correct Canadian words.

A code is matched without regard to case or to ``_`` for ``-`` (en_gb, EN-gb → en-GB);
a bare ``en`` is desk's default, en-US. Anything else is refused with UnknownLanguage.
"""

from __future__ import annotations

from dataclasses import dataclass

from desk.model import DeskError

DEFAULT_LANGUAGE = "en-US"


@dataclass(frozen=True)
class Language:
    code: str      # as stored on an article: en-GB
    label: str     # as the window lists it
    quotes: str    # "double" or "single": the primary quotation marks
    spelling: str  # the word list: "en-US" or "en-GB"

    @property
    def single_quotes(self) -> bool:
        return self.quotes == "single"


LANGUAGES: tuple[Language, ...] = (
    Language("en-US", "English (US)", "double", "en-US"),
    Language("en-GB", "English (UK)", "single", "en-GB"),
    Language("en-AU", "English (Australia)", "single", "en-GB"),
    Language("en-NZ", "English (New Zealand)", "double", "en-GB"),
    Language("en-IE", "English (Ireland)", "double", "en-GB"),
    Language("en-IN", "English (India)", "double", "en-GB"),
    Language("en-ZA", "English (South Africa)", "double", "en-GB"),
)

_BY_KEY = {lang.code.lower(): lang for lang in LANGUAGES}
_ALIASES = {"en": DEFAULT_LANGUAGE, "en-uk": "en-GB"}


class UnknownLanguage(DeskError):
    """A language code desk has no table entry for."""


def codes() -> tuple[str, ...]:
    return tuple(lang.code for lang in LANGUAGES)


def _key(code: str) -> str:
    return code.strip().replace("_", "-").lower()


def lookup(code: str | None) -> Language | None:
    """The table entry for ``code`` (aliases normalised), or None when desk has none."""
    if not isinstance(code, str) or not code.strip():
        return None
    key = _key(code)
    key = _ALIASES.get(key, key).lower()
    return _BY_KEY.get(key)


def unknown_message(code: object) -> str:
    return (f"unknown language {str(code)!r}; desk supports {', '.join(codes())}")


def canonical(code: str | None) -> str:
    """The stored form of a language code ('en_gb' → 'en-GB'); UnknownLanguage (one line,
    naming the code and the supported ones) for any other code."""
    lang = lookup(code)
    if lang is None:
        raise UnknownLanguage(unknown_message(code))
    return lang.code


def language(code: str | None) -> Language:
    """The entry the checks use. Lenient, unlike canonical(): a code stored before the
    table existed is checked as desk's default rather than failing the check."""
    return lookup(code) or _BY_KEY[DEFAULT_LANGUAGE.lower()]


__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Language", "UnknownLanguage", "canonical", "codes",
           "language", "lookup", "unknown_message"]
