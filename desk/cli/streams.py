"""The standard streams made safe for any argument: no argparse here, so the window's plain
start (`desk`, `desk --db PATH`: desk.cli.main's shortcut) does not import it."""

from __future__ import annotations

import sys


def safe_streams() -> None:
    """Non-UTF-8 bytes in arguments and file names reach Python as lone surrogates; print
    them escaped instead of failing with a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass
