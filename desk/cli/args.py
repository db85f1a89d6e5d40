"""The parser's own habits: one-line argument errors, and ids SQLite can hold."""

from __future__ import annotations

import argparse

MAX_ID = 2**63 - 1  # SQLite's largest integer


def ident(text: str) -> int:
    """An id argument: a whole number SQLite can store (1e30 is an error, not an overflow)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an id: {text!r}") from None
    if not 1 <= number <= MAX_ID:
        raise argparse.ArgumentTypeError(f"no such id: {text} (ids run from 1 to {MAX_ID})")
    return number


def count(text: str) -> int:
    """A count argument (--limit, --top): 0 up to SQLite's largest integer."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= number <= MAX_ID:
        raise argparse.ArgumentTypeError(f"out of range: {text} (0 to {MAX_ID})")
    return number


class Parser(argparse.ArgumentParser):
    """Argument errors are one line on stderr, `desk: error: ...`, with where to look."""

    def error(self, message: str):
        message = " ".join(message.split())
        hint = f" (see `{self.prog} --help`)"
        self.exit(2, f"desk: error: {message}{hint}\n")
