"""One way to check an article: what the library knows about it, handed to the engine.

Every face that checks an article — `desk check`, export, the status gate, the
quotation sync and the window's live checker — reads its inputs here, so they all see
the same problems. It only reads the library.

What an article is checked with (one behaviour for every caller):

- sources: every registered source with its aliases (deleted ones are not registered);
- tagged: the article's *attached* quotation tags (orphans left out: they stand for no
  text and would raise misquotes against a similar quotation); they carry the editors'
  decisions, "not a quotation" and an assigned speaker or source, which the engine honours;
- dictionary: the dictionary's global words plus the article's own, the shared ones and
  the library's editor's personal ones (desk.storage.dictionary);
- language: the article's, unless the caller names one (a file's front matter, the
  window's box before it is saved); the checks read it through desk.languages.

A text that is no article (`desk check FILE`) gets the sources and the global words,
and no tags; with no library at all it is checked against nothing but the word lists.

The engine (desk.checks.engine, with attribution: 30-60 ms to import) is imported by the
first check, not with this module: the window imports this module before its first paint
and checks only after it, in its check process (desk.app warms the import in a thread).
``check_text`` and ``CheckReport`` are still this module's names.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from desk.checks import regex_cache
from desk.languages import DEFAULT_LANGUAGE
from desk.model import Article, SourceRef, TaggedQuote

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from desk.checks.engine import CheckReport, check_text
    from desk.storage import Library

_ENGINE_NAMES = ("CheckReport", "check_text")
_engine_lock = threading.Lock()  # one import at a time: serving() patches re.compile


def load_engine() -> None:
    """Import the engine (once; from any thread) and give this module its names."""
    with _engine_lock:
        if "check_text" in globals():
            return
        with regex_cache.serving():  # the checks' ~160 patterns, compiled in an earlier run
            from desk.checks import engine
        for name in _ENGINE_NAMES:
            globals().setdefault(name, getattr(engine, name))


def __getattr__(name: str) -> Any:
    if name in _ENGINE_NAMES:
        load_engine()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class CheckInputs:
    """Everything a check reads from the library; equal inputs give equal reports, so the
    live checker compares them to skip a check that would change nothing."""

    sources: tuple[SourceRef, ...] = ()
    tagged: tuple[TaggedQuote, ...] = ()
    dictionary: frozenset[str] = frozenset()
    language: str = DEFAULT_LANGUAGE

    def with_words(self, words: Iterable[str]) -> "CheckInputs":
        """The same inputs accepting more words (the window's "ignore for now")."""
        extra = frozenset(words)
        if extra <= self.dictionary:
            return self
        return CheckInputs(self.sources, self.tagged, self.dictionary | extra, self.language)


def check_inputs(lib: "Library | None", article: Article | int | None, *,
                 language: str | None = None,
                 tagged: Sequence[TaggedQuote] | None = None) -> CheckInputs:
    """The inputs for an article (an Article, or its id), or for a text that is no article
    (None). ``language`` overrides the article's; the default is en-US. ``tagged``: the
    article's attached tags when already read (desk.storage.quotes.tagged_of)."""
    article_id = article.id if isinstance(article, Article) else article
    if language is None and isinstance(article, Article):
        language = article.language
    if language is None and article_id is not None and lib is not None:
        language = lib.articles.get(article_id, include_deleted=True).language
    language = language or DEFAULT_LANGUAGE
    if lib is None:
        return CheckInputs(language=language)
    if tagged is None:
        tagged = lib.quotes.tagged(article_id) if article_id is not None else ()
    return CheckInputs(sources=tuple(lib.sources.refs()), tagged=tuple(tagged),
                       dictionary=frozenset(lib.dictionary.words(article_id)), language=language)


def check_with(text: str, inputs: CheckInputs, *, spelling: bool = True, suggestions: bool = False,
               explain: bool = False) -> CheckReport:
    """Check ``text`` with inputs already read (the live checker's worker calls this)."""
    started = time.perf_counter()
    if "check_text" not in globals():
        load_engine()
    report = check_text(text, sources=inputs.sources, tagged=inputs.tagged,
                        dictionary=inputs.dictionary, language=inputs.language,
                        spelling=spelling, suggestions=suggestions, explain=explain)
    if log.isEnabledFor(logging.DEBUG):
        log.debug("checked %d characters (%s%s) in %.3f s: %d problems, %d quotations",
                  len(text), inputs.language, "" if spelling else ", no spelling",
                  time.perf_counter() - started, len(report.problems), len(report.all_quotes))
    return report


def check_article(lib: "Library | None", article: Article, *, text: str | None = None,
                  language: str | None = None, spelling: bool = True, suggestions: bool = False,
                  explain: bool = False) -> CheckReport:
    """The article checked the one way. ``text``: check this instead of the stored body
    (the window's text not yet saved). ``spelling=False`` when only the quotations are
    wanted (they do not depend on spelling or the dictionary)."""
    inputs = check_inputs(lib, article, language=language)
    return check_with(article.body if text is None else text, inputs, spelling=spelling,
                      suggestions=suggestions, explain=explain)


__all__ = ["CheckInputs", "check_article", "check_inputs", "check_with", "load_engine"]
