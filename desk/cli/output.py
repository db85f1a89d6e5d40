"""Printing records for people (aligned text, coloured on a terminal) and for programs (JSON)."""

from __future__ import annotations

import json
import os
import sys

# SGR codes: gcc's choices (bold red errors, bold magenta warnings, bold cyan notes).
_SEVERITY_SGR = {"error": "1;31", "warning": "1;35", "info": "1;36", "note": "1;36"}
COLOR_CHOICES = ("auto", "always", "never")


def print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    if not rows:
        return
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(headers)]
    line = "  ".join(str(h).ljust(w) for h, w in zip(headers, widths))
    print(line.rstrip())
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())


def local_stamp(stamp: str) -> str:
    """A stored UTC time stamp as the reader's local clock shows it ("2026-12-08 14:02"):
    the tables show local time, as `desk locks` does; JSON keeps the stored UTC stamp."""
    from datetime import datetime, timezone

    try:
        when = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return str(stamp)[:16].replace("T", " ")
    if when.tzinfo is None:  # stored without a zone: desk stores UTC
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def add_format(parser, default: str = "text") -> None:
    parser.add_argument("--format", choices=("text", "json"), default=default,
                        help=f"output format (default: {default})")


def add_color(parser) -> None:
    parser.add_argument("--color", choices=COLOR_CHOICES, default="auto",
                        help="colour the output: auto (on a terminal, unless NO_COLOR is set), "
                             "always or never (default: auto)")


def use_color(choice: str = "auto", stream=None, environ=None) -> bool:
    """Whether to colour what goes to ``stream``. `auto` colours a terminal only, and not when
    NO_COLOR has any non-empty value (https://no-color.org) or TERM is `dumb`; `always` and
    `never` are the user's word for this run and beat the environment."""
    if choice != "auto":
        return choice == "always"
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    stream = sys.stdout if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):  # a closed or odd stream
        return False


class Paint:
    """ANSI styles, or none at all: the same calls for a terminal and for a pipe."""

    def __init__(self, enabled: bool):
        self.enabled = enabled

    def _sgr(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled and text else text

    def bold(self, text: str) -> str:
        return self._sgr("1", text)

    def severity(self, text: str, severity: str) -> str:
        return self._sgr(_SEVERITY_SGR.get(severity, "1"), text)
