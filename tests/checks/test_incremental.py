"""Checking again after an edit reuses what the unchanged lines gave (desk.checks.spelling
caches each line's unknown words, neighbour searches and suggestions); the result must be
exactly that of a full check with nothing kept. A seeded random walk of edits (characters
typed and deleted, paragraphs split and joined, quotation marks added and removed) and a
few hand cases compare the two after every edit."""

from __future__ import annotations

import random

import pytest

import desk.checks.spelling as spelling
from desk.checks.engine import check_text
from desk.checks.spelling.checker import SpellChecker
from desk.model import SourceRef

PARAGRAPHS = [
    "“We will rebuild the bridge,” said Maria Lopez, the mayor of Riverton.",
    "The council met on Tuesday after the electon and voted on the budgett.",
    "Lopez said the the plan was “a first step”. Okafor disagreed: “It is too late.”",
    "Dr. Amar Okafro, a professor at the university, called it “reckless”, he said.",
    "Read it at https://example.org/plan or write to office@example.org [sic] today.",
    "Use `recieve()` in code; the pre-emptive co-operate e-mail isn't Lyin' at all.",
    "‘Single marks,’ she said. The Kennedys and the Clintons met Mr. Smyth in Febuary.",
    "# A heading with a typpo\n\n> A block quote, “quoted”, he said.",
    "```\nfenced code with wrods\n```",
    "Okafor said: “We are still here.” Then he left. “And we stay,” he added.",
]
PIECES = ["a", "e", " ", "s", ".", ",", "’", "-", "“", "”", '"', "\n", "\n\n", "the ", "Okafor ",
          "electon", "said ", "Lopez", "[sic]", "`", "‘", "’s"]
SOURCES = (SourceRef(id=1, name="Maria Lopez", aliases=("Lopez",)),)


@pytest.fixture()
def fresh_checker(monkeypatch):
    """A second checker on the same word lists, with nothing kept from any earlier check:
    swapped in for the full check, swapped back for the incremental one."""
    warm = spelling.get_checker()
    warm.load()
    clean = SpellChecker()
    clean._lex, clean._index = warm.lexicon, warm.index

    def full(text: str, **kw):
        clean.clear_caches()
        monkeypatch.setattr(spelling, "_checker", clean)
        try:
            return check_text(text, **kw)
        finally:
            monkeypatch.setattr(spelling, "_checker", warm)

    return full


def same(full, text: str, **kw) -> None:
    incremental = check_text(text, **kw)
    expected = full(text, **kw)
    assert incremental.to_dict() == expected.to_dict(), text
    assert incremental.not_quotes == expected.not_quotes


def edit(rng: random.Random, text: str) -> str:
    """One random edit: type or delete a few characters, split or join paragraphs, add
    or remove a quotation mark."""
    at = rng.randint(0, len(text))
    what = rng.random()
    if what < 0.35:
        return text[:at] + rng.choice(PIECES) + text[at:]
    if what < 0.55:
        return text[:at] + text[at + rng.randint(1, 6):]
    if what < 0.65:
        return text[:at] + "\n\n" + text[at:]  # split a paragraph
    if what < 0.75:
        breaks = [i for i in range(len(text) - 1) if text[i:i + 2] == "\n\n"]
        if breaks:
            i = rng.choice(breaks)
            return text[:i] + " " + text[i + 2:]  # join two paragraphs
        return text
    marks = [i for i, c in enumerate(text) if c in "“”\"‘’"]
    if what < 0.87 or not marks:
        return text[:at] + rng.choice("“”\"‘’") + text[at:]  # add a quotation mark
    i = rng.choice(marks)
    return text[:i] + text[i + 1:]  # remove one


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edits_give_the_results_of_a_full_check(fresh_checker, seed):
    rng = random.Random(seed)
    text = "\n\n".join(rng.sample(PARAGRAPHS, len(PARAGRAPHS)))
    for _ in range(60):
        text = edit(rng, text)
        same(fresh_checker, text, sources=SOURCES)


def test_random_edits_in_british_style_and_with_words_accepted(fresh_checker):
    rng = random.Random(9)
    text = "\n\n".join(PARAGRAPHS)
    for step in range(40):
        text = edit(rng, text)
        words = frozenset({"budgett"}) if step % 2 else frozenset()
        same(fresh_checker, text, language="en-GB", dictionary=words)


@pytest.mark.parametrize("before, after", [
    ("The electon was close.", "The electon was close. The electon again."),
    ("A line\nwith the\nthe repeat.", "A line\nwith the\n\nthe repeat."),  # across a break
    ("Write to me: x@example.org now.", "Write to me: x@example.org\nnow."),
    ("```\ncode wrods\n```\n\nprose wrods", "```\ncode wrods\n\nprose wrods"),  # fence opened
    ("Okafor spoke. Okafro spoke.", "Okafor spoke.\n\nOkafro spoke."),
    ("pre-\nemptive", "pre-emptive"),
    ("“Open quote\n\nstill open", "“Open quote”\n\nstill open"),
    ("Mr.\nSmyth said it.", "Mr. Smyth said it."),
])
def test_hand_cases_give_the_results_of_a_full_check(fresh_checker, before, after):
    same(fresh_checker, before)
    same(fresh_checker, after)
    same(fresh_checker, before)


def test_an_unchanged_line_is_not_scanned_again():
    checker = spelling.get_checker()
    text = "\n\n".join(PARAGRAPHS)
    checker.check(text)
    caches = next(reversed(checker._verdict_caches.values()))
    lines_before = len(caches.lines)
    checker.check(text.replace("budgett", "budget"))
    assert len(caches.lines) == lines_before + 1  # only the edited line is new
