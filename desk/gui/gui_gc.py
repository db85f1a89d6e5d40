"""The garbage collector runs on the GUI thread only.

CPython collects reference cycles on whichever thread happens to allocate when a threshold
is crossed: with the checks, the stale-results refresh, the library search and the quotation
sync working in threads, a full collection ran in a worker thread about once per GUI test
run. Collecting there frees the Python side of Qt objects off the thread they live on (a
closed window's ExtraSelections and their QTextCursors, a panel without a parent), which
corrupts Qt's state: the GUI test suite crashed with a segmentation fault about one run in
four, in ~QTextCursor or in a later collection. So the window's process switches the
automatic collector off and collects from a timer on the GUI thread, generation by
generation with CPython's own thresholds (the pattern pyqtgraph uses for the same reason).
Reference counting still frees everything outside cycles at once, on any thread.

The timer runs every frame: a young generation left to grow for 200 ms (a check's answer
unpickled in the service thread is tens of thousands of objects) took 20-200 ms to collect
on the GUI thread. A full collection waits, as CPython's does, until the objects moved into
the oldest generation since the last one are a quarter of those it kept then, so a big
library or article does not make every tenth collection walk the whole heap.

While someone types (``typing()``, called by the autosaver at every edit), only the young
generation is collected: the older generations (a 100,000-word article's check report, some
25,000 objects, moves through them; walking them took 30-75 ms of processor time, several
times that on a loaded machine) wait until QUIET_MS after the last key, or MAX_DEFER_MS at
most, so a long stretch of typing cannot grow them without bound.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from desk.gui import first_paint

INTERVAL_MS = 16  # how often the thresholds are looked at (a look costs microseconds)
QUIET_MS = 1000  # after the last key press: the older generations may be collected again
MAX_DEFER_MS = 10_000  # the longest they wait while typing goes on

_last_typed = -1e9  # time.monotonic() of the last edit


def typing() -> None:
    """Someone is typing: collections of the older generations wait (cheap: a clock read)."""
    global _last_typed
    _last_typed = time.monotonic()


class GuiThreadCollector(QObject):
    """Collects like CPython's automatic collector would, from the GUI thread's timer."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.collections = 0  # collections this collector ran (tests)
        self._long_lived = 0  # objects the last full collection kept
        self._pending = 0  # objects moved to the oldest generation since (at most)
        self._deferred_since: float | None = None  # an older generation's turn came, typing
        self.deferred = 0  # older collections put off while typing (tests, benchmarks)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Collect the oldest generation whose threshold is crossed (and the younger ones);
        nothing while start-up holds its work for the first paint (desk.app freezes what
        start-up made then, rather than walk it)."""
        if first_paint.holding():
            return
        threshold, count = gc.get_threshold(), gc.get_count()
        full = count[2] > threshold[2] and self._pending > self._long_lived // 4
        middle = count[1] > threshold[1]
        if (full or middle) and self._typing_goes_on():
            full = middle = False  # only the young generation, this time
        if full:
            gc.collect(2)
            self._long_lived, self._pending = len(gc.get_objects(2)), 0
        elif middle:
            self._pending += len(gc.get_objects(0)) + len(gc.get_objects(1))  # survivors go up
            gc.collect(1)
        elif count[0] > threshold[0]:
            gc.collect(0)
        else:
            return
        self.collections += 1

    def _typing_goes_on(self) -> bool:
        """An older generation is due: put off while typing, up to MAX_DEFER_MS."""
        now = time.monotonic()
        if (now - _last_typed) * 1000 >= QUIET_MS:
            self._deferred_since = None
            return False
        if self._deferred_since is None:
            self._deferred_since = now
        if (now - self._deferred_since) * 1000 >= MAX_DEFER_MS:
            self._deferred_since = None
            return False
        self.deferred += 1
        return True

    def stop(self) -> None:
        """Hand collecting back to CPython (as it was before)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()


def install(app: QCoreApplication | None = None) -> GuiThreadCollector | None:
    """The application's collector (made once, a child of the application); None without
    an application."""
    app = app or QCoreApplication.instance()
    if app is None:
        return None
    found = app.findChild(GuiThreadCollector)
    if isinstance(found, GuiThreadCollector):
        return found
    return GuiThreadCollector(app)


__all__ = ["GuiThreadCollector", "install", "typing"]
