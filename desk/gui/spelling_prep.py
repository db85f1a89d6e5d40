"""Preparing the spelling index off the live checker's worker, so attribution comes first.

On a new machine the suggestion index is built once (about 5 s; later starts load it from
the user cache in about 0.1 s, after the word lists' 0.6 s). A check with spelling waits
for it, so the window would show nothing, or worse "No problems found", until then. While
it is not in memory the live checker checks without spelling (quotations and attribution
at once), says "Preparing spelling — first start" when it is being built (or "Preparing
spelling…" when it is only loading) and checks again with spelling once ``ready()``.

One thread per process prepares the process-wide checker (desk.checks.spelling); it is
plain Python, no Qt: the live checker polls ``ready()`` and ``message()`` on its timer."""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)

FIRST_START = "Preparing spelling — first start"
LOADING = "Preparing spelling…"

_lock = threading.Lock()
_thread: threading.Thread | None = None
_for: object | None = None  # the checker the thread prepares
_message = LOADING
_failed = ""


def _checker():
    from desk.checks.spelling import get_checker

    return get_checker()


def ready() -> bool:
    """The shared checker's index is in memory: a check with spelling will not wait."""
    return bool(_checker().index_loaded)


def failed() -> str:
    """Why preparing failed ("" when it did not): checks then go on without spelling."""
    return _failed


def message() -> str:
    """What the window says while spelling is not ready yet."""
    return _message


def start() -> None:
    """Prepare the shared checker in the background (once; again for a new checker)."""
    global _thread, _for, _message, _failed
    checker = _checker()
    with _lock:
        if checker.index_loaded or (_for is checker and _thread is not None):
            return
        _for, _message, _failed = checker, LOADING, ""
        _thread = threading.Thread(target=_prepare, args=(checker,), daemon=True,
                                   name="desk-spelling-index")
        _thread.start()


def _prepare(checker) -> None:
    global _message, _failed
    try:
        if not checker.index_cached():
            _message = FIRST_START
            log.info("building the spelling index (first start on this machine)")
        checker.load()
    except Exception as exc:  # the checks go on without spelling; say why
        _failed = f"{type(exc).__name__}: {exc}"
        log.warning("the spelling index could not be prepared: %s", _failed)
