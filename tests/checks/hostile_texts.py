"""Random and mutated article texts for the bounded-checker property test and benchmark.

The mutations are the shapes that made checkers super-linear before: long runs without a
space, one character repeated thousands of times (quotes, brackets, backticks, asterisks,
"@"), slices repeated, line breaks removed, odd whitespace, everything capitalised.
"""

from __future__ import annotations

import random

PARAGRAPHS = [
    "CAPE TOWN — The city council voted on Tuesday to close the old harbour bridge.",
    "“The bridge is no longer safe for traffic,” said Amara Okafor, the city engineer.",
    "Okafor added: “We will publish a timetable for the repairs next week.”",
    "“We were not consulted,” said Pieter de Wet, who runs a ferry service. “Nobody asked.”",
    "The mayor, Ruth Dalton, told reporters the decision was “painful but necessary”.",
    "According to the council's statement, buses will take the ring road until March.",
    "‘It is a disgrace,’ one resident said. Write to desk@example.com or see www.example.org.",
    "## What happens next\n\n- Buses take the ring road\n- Ferries run every hour",
    "> A quoted block of text, with [a link](https://example.org/bridge) and `code`.",
    "Officials said the U.S. and the U.K. had offered help, Mr. Smith reportedly said.",
]
HOSTILE_CHARS = "\"“”‘’'@.-_*[]()<>#`\n>:,;!?&=|~\\ \t\u00a0"
REPEATABLE = ["“", "\"", "'", "‘", "[", "]", "(", "<", "`", "*", "_", "@", "-", ".", ",",
              "a", "A", " ", "\n", "> ", "- ", "# ", "said ", "“a,” said ", "a@", "@a.",
              "http://", "](", "<a ", "<!--", "---\n", "\u00a0"]


def article(size: int, rng: random.Random) -> str:
    """A plausible news text of about ``size`` characters."""
    out: list[str] = []
    total = 0
    while total < size:
        p = rng.choice(PARAGRAPHS)
        out.append(p)
        total += len(p) + 2
    return "\n\n".join(out)[:size]


def random_text(size: int, rng: random.Random) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ     " + HOSTILE_CHARS
    return "".join(rng.choice(alphabet) for _ in range(size))


def _no_spaces(text: str, rng: random.Random) -> str:
    a = rng.randrange(len(text))
    b = min(len(text), a + rng.randrange(1000, 40000))
    return text[:a] + text[a:b].replace(" ", "").replace("\n", "") + text[b:]


def _sprinkle(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(len(chars) // rng.choice((5, 20, 100))):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(HOSTILE_CHARS))
    return "".join(chars)


def _repeat_char(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    piece = rng.choice(REPEATABLE)
    return text[:at] + piece * (rng.randrange(2000, 30000) // len(piece)) + text[at:]


def _repeat_slice(text: str, rng: random.Random) -> str:
    a = rng.randrange(len(text))
    piece = text[a:a + rng.randrange(1, 200)] or "x"
    return text[:a] + piece * (20000 // len(piece)) + text[a:]


def _whitespace(text: str, rng: random.Random) -> str:
    return text.replace(" ", rng.choice(("\u00a0", "\t", "  ", "\n", "")))


def _one_line(text: str, rng: random.Random) -> str:
    return text.replace("\n", " ")


def _case(text: str, rng: random.Random) -> str:
    return text.upper() if rng.random() < 0.5 else text.lower()


MUTATIONS = [_no_spaces, _sprinkle, _repeat_char, _repeat_slice, _whitespace, _one_line, _case]


def mutated(size: int, rng: random.Random, rounds: int = 2) -> str:
    """An article put through ``rounds`` random mutations, cut or padded to ``size``."""
    text = article(size, rng)
    for _ in range(rounds):
        text = rng.choice(MUTATIONS)(text, rng)
    if len(text) < size:
        text += article(size - len(text), rng)
    return text[:size]


def name_list(size: int, rng: random.Random) -> str:
    """Distinct capitalised unknown words, as in a pasted list of names: what made the
    inconsistent-name check quadratic."""
    out: list[str] = []
    total = 0
    while total < size:
        word = rng.choice("BCDFGKLMPRST") + "".join(rng.choice("aeiouxzqkvbn")
                                                    for _ in range(rng.randrange(4, 9)))
        out.append(f"and {word}")
        total += len(word) + 5
    return " ".join(out)[:size]
