"""Every operation says in the log what it did, from either face (issue 11: a bug report
carries what happened). The window's runner and the CLI call the same decorated functions,
so `desk -v quotes tag ...` and a click in the editor menu leave the same line."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from desk.model import DeskError

P = ParamSpec("P")
R = TypeVar("R")


def _arguments(kwargs: dict[str, object]) -> str:
    """The ids and short values an operation was called with (long text is left out)."""
    shown = []
    for key, value in kwargs.items():
        if isinstance(value, (bool, int)) or (isinstance(value, str) and len(value) <= 40):
            shown.append(f"{key}={value!r}")
    return ", ".join(shown)


_depth = threading.local()  # operations calling operations (dispute -> set_status)


def logged(op: Callable[P, R]) -> Callable[P, R]:
    """One INFO line per user action: an operation run by another one logs at DEBUG."""
    log = logging.getLogger(op.__module__)

    @wraps(op)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        depth = getattr(_depth, "n", 0)
        level = logging.INFO if depth == 0 else logging.DEBUG
        _depth.n = depth + 1
        try:
            result = op(*args, **kwargs)
        except DeskError as exc:
            log.log(level, "%s(%s) refused: %s", op.__name__, _arguments(kwargs), exc)
            raise
        finally:
            _depth.n = depth
        changes = getattr(result, "changes", None)
        log.log(level, "%s(%s) changed %s", op.__name__, _arguments(kwargs),
                changes.describe() if changes is not None else "nothing")
        return result
    return run
