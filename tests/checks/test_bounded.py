"""The checkers' work is bounded on random and mutated texts: asserted on counted
operations and on the shape of the regexes, never on time (tests/bench/bench_hostile.py
reports the times)."""

from __future__ import annotations

import random
import re
import sys
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.checks import boilerplate, markdown_spans
from desk.checks.boilerplate import boilerplate_problems
from desk.checks.markdown_spans import non_prose_spans
from desk.checks.spelling import check_spelling, get_checker, inconsistent
from desk.checks.spelling import suggester as _sg
from desk.checks.spelling import words as spelling_words
from desk.checks.spelling.checker import MAX_NEIGHBOUR_SEARCHES
from desk.export import links, render
from desk.importing import archive, html_file, markdown_file
from tests.checks import hostile_texts

try:  # Python 3.11+
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre_c
    import sre_parse

SEEDS = st.integers(min_value=0, max_value=2**32 - 1)
PROPERTY = settings(max_examples=8, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


# -- the shape of every pattern ----------------------------------------------------------
_MODULES = [markdown_spans, boilerplate, spelling_words, render, links, html_file,
            markdown_file, archive, sys.modules["desk.text"]]
# Nested unbounded repeats that cannot backtrack: each inner repeat is fenced by a
# character the outer one needs (parentheses, a separator), so every character has one way
# to be matched.
_UNAMBIGUOUS = {
    "_LINK_TARGET",  # [^()\s]*(?:\([^()\s]*\)[^()\s]*)*: runs split by literal parentheses
    "_LINE_RE",  # (?:\s*[|/,•·]\s*(?:share|...))+: each round starts with a separator
}
_REPEATS = {sre_c.MAX_REPEAT, sre_c.MIN_REPEAT}
if hasattr(sre_c, "POSSESSIVE_REPEAT"):
    _REPEATS.add(sre_c.POSSESSIVE_REPEAT)


def _patterns():
    for module in _MODULES:
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                yield f"{module.__name__}.{name}", name, value


def _has_unbounded(items) -> bool:
    for op, arg in items:
        if op in _REPEATS and (arg[1] == sre_c.MAXREPEAT or _has_unbounded(arg[2])):
            return True
        if op in (sre_c.SUBPATTERN,):
            if _has_unbounded(arg[-1]):
                return True
        elif op == sre_c.BRANCH:
            if any(_has_unbounded(b) for b in arg[1]):
                return True
    return False


def _nested_unbounded(items) -> bool:
    """An unbounded repeat holding another unbounded repeat: (a+)+, (?:\\w+\\s?)*."""
    for op, arg in items:
        if op in _REPEATS:
            if arg[1] == sre_c.MAXREPEAT and _has_unbounded(arg[2]):
                return True
            if _nested_unbounded(arg[2]):
                return True
        elif op == sre_c.SUBPATTERN:
            if _nested_unbounded(arg[-1]):
                return True
        elif op == sre_c.BRANCH:
            if any(_nested_unbounded(b) for b in arg[1]):
                return True
        elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
            if _nested_unbounded(arg[1]):
                return True
    return False


_CHECKED = [p for p in _patterns() if p[1] not in _UNAMBIGUOUS]


@pytest.mark.parametrize("qualname,name,pattern", _CHECKED, ids=[q for q, _, _ in _CHECKED])
def test_no_pattern_nests_unbounded_repeats(qualname, name, pattern):
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    assert not _nested_unbounded(list(tree)), f"{qualname}: {pattern.pattern}"


def test_every_listed_exception_is_a_real_nested_pattern():
    # the exceptions are patterns that do nest repeats (unambiguously): the list stays honest
    found = {name: pattern for _, name, pattern in _patterns() if name in _UNAMBIGUOUS}
    assert set(found) == set(_UNAMBIGUOUS)
    for pattern in found.values():
        assert _nested_unbounded(list(sre_parse.parse(pattern.pattern, pattern.flags)))


def test_email_pattern_is_bounded_and_starts_only_where_a_run_starts():
    tree = list(sre_parse.parse(spelling_words.EMAIL.pattern))
    assert tree[0][0] == sre_c.ASSERT_NOT  # the lookbehind: no start inside a run
    assert not _has_unbounded(tree)


@pytest.mark.parametrize("pattern", [markdown_spans._INLINE_CODE, markdown_spans._FENCE,
                                     render._HIDDEN_HTML])
def test_code_patterns_take_whole_runs_of_backticks(pattern):
    """A run of 2,000 backticks has one way to be a fence or a code span: none here."""
    assert pattern.search("`" * 2000) is None or pattern is render._HIDDEN_HTML
    # a code span opens only at the start of a run: "x``y" has no span starting at index 2
    match = markdown_spans._INLINE_CODE.search("a``b`c``d")
    assert match and match.span() == (1, 8)


# -- counted work on random and mutated articles ----------------------------------------
def _texts(seed: int, size: int) -> tuple[str, str]:
    rng = random.Random(seed)
    make = (hostile_texts.random_text, hostile_texts.mutated, hostile_texts.name_list)[seed % 3]
    return make(size, rng), make(size, rng)


class _Calls:
    """Python and C function calls made while the block runs: a step count."""

    def __enter__(self):
        self.n = 0

        def count(frame, event, arg):
            if event in ("call", "c_call"):
                self.n += 1
        sys.setprofile(count)
        return self

    def __exit__(self, *exc):
        sys.setprofile(None)


def _steps(fn, text: str) -> int:
    get_checker().clear_caches()
    with _Calls() as calls:
        fn(text)
    return calls.n


_LINEAR = [
    ("spelling", lambda t: check_spelling(t, suggest=False)),
    ("boilerplate", boilerplate_problems),
    ("markdown spans", non_prose_spans),
    ("markdown front matter and heading", lambda t: markdown_file.parse_markdown(t, "x.md")),
]


@pytest.mark.parametrize("name,fn", _LINEAR, ids=[n for n, _ in _LINEAR])
@PROPERTY
@given(seed=SEEDS)
def test_work_grows_linearly_with_the_text(name, fn, seed):
    """Two texts joined cost about what the two cost apart (a quadratic path would cost
    about twice that). Distinct texts, so no cache hides the growth."""
    first, second = _texts(seed, 3_000)
    apart = _steps(fn, first) + _steps(fn, second)
    assert _steps(fn, first + "\n\n" + second) <= 1.5 * apart + 2_000


@PROPERTY
@given(seed=SEEDS)
def test_few_words_a_check_are_looked_up_in_the_suggestion_index(seed):
    lookups = []
    original = _sg.CandidateIndex.candidates
    text = hostile_texts.random_text(20_000, random.Random(seed))
    get_checker().clear_caches()
    with mock.patch.object(_sg.CandidateIndex, "candidates",
                           lambda self, typed, limit=2: lookups.append(typed)
                           or original(self, typed, limit)):
        check_spelling(text)
    # suggest() may look a short word up twice (one edit, then two)
    assert len(lookups) <= 2 * MAX_NEIGHBOUR_SEARCHES


def _names(rng: random.Random, n: int) -> list[str]:
    prefix = rng.choice(["", "Abcdefg"])  # a shared prefix: every name shares variants
    return [prefix + "".join(rng.choice("aeioubcdklmnrst") for _ in range(rng.randrange(4, 12)))
            for _ in range(n)]


@PROPERTY
@given(seed=SEEDS, n=st.integers(min_value=2, max_value=600))
def test_inconsistent_names_compare_each_name_a_bounded_number_of_times(seed, n):
    calls = []
    original = _sg.osa_distance
    names = [w.capitalize() for w in _names(random.Random(seed), n)]
    kinds = [(i * 20, i * 20 + len(w), w, "unknown-name") for i, w in enumerate(names)]
    with mock.patch.object(_sg, "osa_distance", lambda a, b, limit=2: calls.append(1)
                           or original(a, b, limit)):
        inconsistent.inconsistent_names(kinds)
    assert len(calls) <= inconsistent.MAX_COMPARISONS * len(set(names))


def test_inconsistent_names_still_finds_the_odd_spelling():
    kinds = [(0, 7, "Kadhimi", "unknown-name"), (20, 27, "Kadhimi", "unknown-name"),
             (40, 47, "Khadimi", "unknown-name"), (60, 66, "Sudani", "unknown-name")]
    assert inconsistent.inconsistent_names(kinds) == {40: "Kadhimi"}


@PROPERTY
@given(seed=SEEDS)
def test_markdown_link_parsing_is_bounded_in_every_block(seed):
    rng = random.Random(seed)
    piece = rng.choice(["[", "[a](", "![", "[[a]]", "](", "[x](y)"])
    text = hostile_texts.article(3_000, rng) + piece * rng.randrange(100, 20_000)
    guarded, _ = render._guard_links(text)
    for block in render._BLANK_LINE.split(guarded):
        assert render.link_scan_cost(block) <= render.MAX_LINK_SCAN


def test_real_links_are_not_guarded():
    text = "\n".join(f"- [Story {n}](https://example.com/{n})" for n in range(500))
    assert render._guard_links(text) == (text, False)
    assert render.markdown_html(text).count("<a href=") == 500


def test_twenty_thousand_brackets_render_as_text():
    out = render.markdown_html("[" * 20_000 + "x](javascript:alert(1))")
    assert out.count("[") == 20_000 and "<a" not in out


def test_attribution_work_is_linear_in_the_quotations():
    """Doubling an article of quotations at most about doubles the engine's function calls
    (the per-paragraph scans and the surname look-ups must not grow with the whole text)."""
    import cProfile
    import pstats

    from desk.checks.attribution import analyse

    para = "“We will rebuild,” said Ana Ruiz. Ruiz added: “Nobody will pay more.”\n\n"

    def calls(text):
        prof = cProfile.Profile()
        prof.enable()
        analyse(text + " ")  # a fresh string: nothing remembered from an earlier call
        prof.disable()
        return pstats.Stats(prof).total_calls

    small, big = calls(para * 200), calls(para * 400)
    assert big <= 2.3 * small


def test_a_flood_of_quotation_marks_is_cut_off_with_a_warning():
    from desk.checks.attribution import MAX_QUOTATIONS, analyse

    result = analyse("“" * (4 * MAX_QUOTATIONS))
    assert any(p.kind == "too-many-quotations" for p in result.problems)
    assert len(result.quotes) <= MAX_QUOTATIONS
