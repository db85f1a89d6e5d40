"""The spell checker: word classification, names versus typos, suggestions (see the
package docstring for the public API)."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from desk.checks.markdown_spans import merge_spans
from desk.model import Problem

from . import suggester as _sg
from .context import fine_in_context
from .dictionary import Lexicon, normalise_language
from .inconsistent import inconsistent_names
from .lines import Kept, flag_lines
from .repeated import repeated_words
from .typos import SHORT, TypoOrName
from .verdicts import _CAP, _LOWER, _NAME, _OK, classify
from .words import (
    CONTRACTIONS,
    EMAIL,
    SIC,
    TOKEN,
    URL,
    case_like,
    is_sentence_start,
    normalise,
    overlaps,
)

ACCEPTED_FREQ = 50000



def _default_cache_dir() -> Path | None:
    try:
        from desk.paths import cache_dir

        return cache_dir()
    except Exception:  # pragma: no cover
        return None


def _default_prebuilt_dir() -> Path | None:
    try:
        from desk.paths import prebuilt_index_dir

        return prebuilt_index_dir()
    except Exception:  # pragma: no cover
        return None


class SpellChecker(TypoOrName):
    """The lexicon and the candidate index, loaded once and shared (thread-safe)."""

    def __init__(self, cache_dir: Path | None | bool = True, words_folder: Path | None = None):
        self._cache_dir = _default_cache_dir() if cache_dir is True else (cache_dir or None)
        # a bundle's prebuilt index, read first, with the default locations only
        self._prebuilt_dir = _default_prebuilt_dir() if cache_dir is True else None
        self._words_folder = words_folder
        self._lock = threading.Lock()
        self._lex: Lexicon | None = None
        self._index: _sg.CandidateIndex | None = None
        self.timings: dict[str, float] = {}
        self._verdict_caches: dict[tuple[str, frozenset[str]], Kept] = {}
        self._suggestions: dict[tuple[str, str, frozenset[str]], tuple[str, ...]] = {}

    @property
    def cache_dir(self) -> Path | None:
        """Where the compiled word lists and the suggestion index are kept (None: nowhere)."""
        return self._cache_dir

    # ------------------------------------------------------------ loading
    @property
    def lexicon(self) -> Lexicon:
        lex = self._lex
        if lex is None:
            with self._lock:
                if self._lex is None:
                    t = time.perf_counter()
                    self._lex = Lexicon(self._words_folder, cache_dir=self._cache_dir,
                                        prebuilt_dir=self._prebuilt_dir)
                    self.timings["lexicon"] = time.perf_counter() - t
                    self.timings["lexicon_compiled"] = float(self._lex.compiled)
                lex = self._lex
        return lex

    @property
    def index(self) -> _sg.CandidateIndex:
        idx = self._index
        if idx is None:
            lex = self.lexicon
            with self._lock:
                if self._index is None:
                    t = time.perf_counter()
                    self._index = _sg.CandidateIndex.load_or_build(lex.words, lex.key,
                                                                   self._cache_dir,
                                                                   self._prebuilt_dir)
                    self.timings["index_built"] = float(self._index.built)
                    self.timings["index"] = time.perf_counter() - t
                idx = self._index
        return idx

    @property
    def index_loaded(self) -> bool:
        """True once the suggestion index is in memory (a check no longer waits for it)."""
        return self._index is not None

    def index_cached(self) -> bool:
        """Whether loading the index will find it on disk (False: it must be built, the
        first start on this machine). Loads the word lists, not the index."""
        if self._cache_dir is None:
            return False
        return _sg._cache_file(self._cache_dir, self.lexicon.key).is_file()

    def load(self) -> None:
        """Load everything now (otherwise it happens on first use)."""
        _ = self.index  # the property loads or builds the suggestion index
        self.lexicon.known("en-US")

    # ------------------------------------------------------------ words
    def _known_lower(self, lw: str, known, accepted) -> bool:
        if lw in known or lw in accepted:
            return True
        for suf in CONTRACTIONS:
            if lw.endswith(suf) and len(lw) > len(suf):
                stem = lw[: -len(suf)]
                if stem in known or stem in accepted:
                    return True
        return False

    def is_known(self, word: str, language: str = "en-US", accepted=frozenset()) -> bool:
        if not word:
            return False
        w = word.replace("’", "'")
        if len(w) == 1 or (len(w) > 1 and w.isupper()):
            return True
        return self._known_lower(normalise(w), self.lexicon.known(language), accepted)

    def suggest(self, word: str, language: str = "en-US", limit: int = 5,
                accepted: Iterable[str] = ()) -> list[str]:
        """Best-first corrections for ``word`` (its own case kept)."""
        if not word or limit <= 0:
            return []
        lang = normalise_language(language)
        lex = self.lexicon
        lw = normalise(word)
        known = lex.known(lang)
        out: list[str] = []
        variant = lex.other_variant(lw, lang)
        if variant:
            out.append(variant)
        acc = {normalise(a) for a in accepted if a}
        cands = self._candidates(lw, known)
        freq = lex.freq
        if acc:
            for a in acc:
                if abs(len(a) - len(lw)) <= 2:
                    d = _sg.osa_distance(lw, a, 2)
                    if d <= 2:
                        cands[a] = d
            freq = _AcceptedFreq(freq, acc)
        cands.pop(lw, None)
        if "'" not in lw:  # no possessives or contractions for a plain word
            cands = {w: d for w, d in cands.items() if "'" not in w}
        for w in _sg.rank(lw, cands, freq, limit + 1):
            if w not in out:
                out.append(w)
        return [case_like(word, w) for w in out[:limit]]

    def suggestions_for(self, word: str, language: str = "en-US",
                        accepted: Iterable[str] = ()) -> tuple[str, ...]:
        """The suggestions a check gives a misspelled ``word`` (``accepted``: the check's
        accepted words), computed on demand and cached: a check run with
        ``suggest=False`` leaves them to this, for the one word a menu shows."""
        key = (word, normalise_language(language), frozenset(accepted))
        got = self._suggestions.get(key)
        if got is None:
            got = tuple(self.suggest(word, key[1], 5, key[2]))
            with self._lock:
                if len(self._suggestions) >= MAX_CACHED_SUGGESTIONS:
                    self._suggestions.clear()
                self._suggestions[key] = got
        return got

    def _candidates(self, lw: str, known) -> dict[str, int]:
        """Known words within two edits; for short words, one edit when there are some
        (two edits from a four-letter word reach hundreds of words)."""
        idx = self.index
        if len(lw) <= SHORT:
            near = {w: d for w, d in idx.candidates(lw, 1).items() if w in known}
            if len(near) > 1 or (near and lw not in near):
                return near
        return {w: d for w, d in idx.candidates(lw, 2).items() if w in known}

    # ------------------------------------------------------------ the check
    def check(self, text: str, *, accepted: Iterable[str] = (), language: str = "en-US",
              suggest: bool = True, skip: Sequence[tuple[int, int]] = ()
              ) -> list[Problem]:
        lang = normalise_language(language)
        lex = self.lexicon
        known = lex.known(lang)
        acc_words: set[str] = set()
        acc_names: list[str] = []
        for a in accepted:
            if not a:
                continue
            for m in TOKEN.finditer(a):
                t = m.group()
                lw = normalise(t)
                if lw.endswith("'s"):
                    lw = lw[:-2]
                acc_words.add(lw)
                acc_names.append(lw)
        accepted_set = frozenset(acc_words)
        if not skip:
            spans = _non_prose(text)
        else:
            spans = sorted((int(a), int(b)) for a, b in skip if b > a)
        if "@" in text or "://" in text or "www." in text:
            extra = [m.span() for m in EMAIL.finditer(text)] + [m.span() for m in URL.finditer(text)]
            if extra:
                spans = merge_spans(spans + extra)
        else:
            spans = merge_spans(spans)

        caches = self._caches(lang, accepted_set)
        flagged = flag_lines(text, spans, caches,
                             lambda line, inside: self._flag(line, inside, known, accepted_set,
                                                             caches.verdicts))

        problems: list[Problem] = []
        # names: capitalised unknown words used mid-sentence somewhere in the article
        mid_names: set[str] = set()
        starts: dict[int, bool] = {}
        for start, _end, stem, v in flagged:
            if v == _CAP or v == _NAME:
                s = is_sentence_start(text, start)
                starts[start] = s
                if not s:
                    mid_names.add(stem)
        counts: dict[str, int] = {}
        for _s, _e, stem, v in flagged:
            if v == _CAP:
                counts[stem] = counts.get(stem, 0) + 1
        near_cache: dict[str, tuple] = {}
        preferred: dict[int, str] = {}  # a typo's word that the article capitalises
        caps: set[str] | None = None
        kinds: list[tuple[int, int, str, str]] = []
        for start, end, stem, v in flagged:
            if v == _CAP:
                sent = starts[start]
                if caps is None:  # the capitalised words of the article, once
                    caps = set(_CAPITALISED.findall(text))
                if len(near_cache) >= MAX_NEIGHBOUR_SEARCHES // 2 and normalise(stem) not in near_cache:
                    typo = False  # past the budget: an unknown name, not searched
                else:
                    typo = self._capital_typo(text, start, end, stem, sent, stem in mid_names,
                                              counts[stem], lang, acc_names, near_cache, caps,
                                              caches.near)
                kind = "misspelling" if typo else "unknown-name"
                if isinstance(typo, str):
                    preferred[start] = typo
            elif v == _NAME:
                kind = "unknown-name"
            else:
                kind = "misspelling"
            kinds.append((start, end, stem, kind))

        renamed = inconsistent_names(kinds)
        sugg_cache: dict[str, tuple[str, ...]] = {}
        for start, end, stem, kind in kinds:
            if start in renamed:
                canon = renamed[start]
                problems.append(Problem("inconsistent-name", "warning", start, end,
                                        f"“{stem}” is spelled “{canon}” elsewhere in this article",
                                        (canon,)))
                continue
            if kind == "unknown-name":
                problems.append(Problem("unknown-name", "info", start, end,
                                        f"Unknown name “{stem}”: add it to the dictionary if it is right"))
                continue
            sugg: tuple[str, ...] = ()
            if suggest:
                sugg = sugg_cache.get(stem)  # type: ignore[assignment]
                if sugg is None:
                    if len(sugg_cache) + len(near_cache) < MAX_NEIGHBOUR_SEARCHES:
                        sugg = caches.suggestions.get(stem)  # type: ignore[assignment]
                        if sugg is None:
                            sugg = caches.suggestions[stem] = tuple(self.suggest(stem, lang, 5, acc_names))
                    else:
                        sugg = ()
                    sugg_cache[stem] = sugg
                first = preferred.get(start)
                if first:
                    first = case_like(stem, first)
                    sugg = (first, *[x for x in sugg if x != first])[:5]
            variant = lex.other_variant(normalise(stem), lang)
            if variant:
                label = "British" if lang == "en-US" else "American"
                msg = f"“{stem}” is the {label} spelling; {lang} uses “{case_like(stem, variant)}”"
            else:
                msg = f"Possible misspelling: “{stem}”"
            problems.append(Problem("misspelling", "warning", start, end, msg, sugg))

        problems.extend(repeated_words(text, known, spans))
        problems.sort(key=lambda p: (p.start, p.end, p.kind))
        return problems

    def _caches(self, lang: str, accepted: frozenset[str]) -> Kept:
        """What is kept across calls for the same language and words (desk.checks.
        spelling.lines: verdicts per token, unknown words per line, neighbour searches
        and suggestions per word)."""
        with self._lock:
            key = (lang, accepted)
            cache = self._verdict_caches.pop(key, None)
            if cache is None or cache.too_big():
                cache = Kept()
            self._verdict_caches[key] = cache  # most recently used last
            while len(self._verdict_caches) > 4:
                del self._verdict_caches[next(iter(self._verdict_caches))]
            return cache

    def _flag(self, text: str, spans: list[tuple[int, int]], known, accepted: frozenset[str],
              verdicts: dict[str, int]) -> list[tuple[int, int, str, int]]:
        """(start, end, stem, verdict) of the unknown words of one line outside ``spans``."""
        flagged: list[tuple[int, int, str, int]] = []
        known_lower = self._known_lower
        for m in TOKEN.finditer(text):
            tok = m.group()
            v = verdicts.get(tok)
            if v is None:
                v = _OK if m.lastgroup == "ini" else classify(tok, known, accepted, self._known_lower)
                verdicts[tok] = v
            if v == _OK:
                continue
            start, end = m.span()
            if spans and overlaps(spans, start, end):
                continue
            if SIC.match(text, end):
                continue
            stem = tok
            if normalise(tok[-2:]) == "'s":
                stem = tok[:-2]
                end -= 2
            if (v == _LOWER or v == _CAP) and fine_in_context(
                    text, start, end, stem, lambda w: known_lower(w, known, accepted)):
                continue
            flagged.append((start, end, stem, v))
        return flagged

    def clear_caches(self) -> None:
        with self._lock:
            self._verdict_caches.clear()



#: Distinct words per check looked up in the suggestion index (0.5-1 ms each), for
#: suggestions and for telling a capitalised typo from a name. A real article needs a few
#: dozen; a pasted word list or gibberish would need thousands (50 kB took 0.7-1 s).
#: Past the budget a misspelling is flagged without suggestions, and a capitalised
#: unknown word is an unknown name.
MAX_NEIGHBOUR_SEARCHES = 120  # half of them at most for capitalised words
#: Words whose on-demand suggestions are kept (SpellChecker.suggestions_for).
MAX_CACHED_SUGGESTIONS = 2000

_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][^\W\d_]+(?![\w])")


class _AcceptedFreq(dict):
    """The lexicon's frequencies, with accepted words ranked as common."""

    def __init__(self, base: dict[str, int], accepted: set[str]):
        super().__init__()
        self._base = base
        self._acc = accepted

    def get(self, key, default=None):  # type: ignore[override]
        if key in self._acc:
            return max(ACCEPTED_FREQ, self._base.get(key, 0))
        return self._base.get(key, default)


def _non_prose(text: str) -> list[tuple[int, int]]:
    try:
        from desk.checks.markdown_spans import non_prose_spans
    except ImportError:  # pragma: no cover - the shared module is part of desk
        return []
    return non_prose_spans(text)
