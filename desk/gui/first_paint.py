"""Background work held back until the window's first paint at start-up.

Starting the check process (two new interpreters on a two-core machine), loading the
spelling index in a thread and the stale-results refresh all competed with the GUI thread
for the processor and the GIL between ``window.show()`` and the first paint: the window
appeared 100-150 ms later than with that work waiting. So desk.app.start_window holds it
(``hold``) until just after the first paint of its window (``release_after_paint``), or
RELEASE_MS at the latest; whoever would start such work asks ``later(fn)`` first. Nothing
is held unless start_window asked: the tests, the screenshot and a window opened later
(File > Open Library) run everything at once, as before.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

log = logging.getLogger(__name__)

# the held work starts by then even if no paint was seen (a hidden window); DESK_RELEASE_MS
# lengthens it for the start-up benchmark's instruction count (valgrind is ~50 times slower)
RELEASE_MS = int(os.environ.get("DESK_RELEASE_MS") or 1500)

_held: list[Callable[[], None]] | None = None  # None: nothing is held


def hold() -> None:
    """From now on ``later(fn)`` keeps ``fn`` until ``release``."""
    global _held
    if _held is None:
        _held = []


def holding() -> bool:
    return _held is not None


def later(fn: Callable[[], None], *, first: bool = False) -> bool:
    """True when ``fn`` was kept for after the first paint (``first``: before what was
    held already); False: the caller goes on now."""
    if _held is None:
        return False
    if first:
        _held.insert(0, fn)
    else:
        _held.append(fn)
    return True


def release() -> None:
    """Run what was held, in the order it was asked for; later asks run at once."""
    global _held
    held, _held = _held, None
    for fn in held or ():
        try:
            fn()
        except Exception:  # one failing start must not keep the others back
            log.exception("work held for the first paint failed")


class _FirstPaint(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
        if event.type() == QEvent.Paint and hasattr(obj, "window") and obj.window() is self.window:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            QTimer.singleShot(0, release)  # just after the paint is done
        return False


def release_after_paint(window) -> None:
    """``release`` just after the first paint of ``window`` (or RELEASE_MS from now)."""
    app = QCoreApplication.instance()
    if app is None:
        release()
        return
    app.installEventFilter(_FirstPaint(window))
    QTimer.singleShot(RELEASE_MS, release)


__all__ = ["RELEASE_MS", "hold", "holding", "later", "release", "release_after_paint"]
