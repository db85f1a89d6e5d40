"""One slot for every change of the body's text: what a key press costs in Python.

Each part that follows the text (the live checks, autosave, the crash journal, the word
count, find's match count, the mark painter) used to connect a slot of its own to the
body's ``textChanged``: eight calls from Qt into Python on every key, with a Python
signal hop and a timer restart each, which made a key press in the window cost 1.3-1.5x
what it costs a bare QPlainTextEdit (issue 12). Now the body has one ``EditDispatcher``
(``for_body``): Qt calls it once per change, it notes the time and calls each part's
``on_edit`` callable directly; those only set flags and arm timers that are not running.

The parts hear a burst of keys, not every key (issue 12, second round): their calls cost
4 us in a loop but 55-100 us inside a key press, where Qt's layout work has left Python's
code and objects cold. So the first key after a quiet spell calls them at once; the keys in
the next HOLD_MS only count (``edits``, ``last_edit``), and when HOLD_MS is over the parts
are called once for all of them (and held again, if there were any). Whoever reads what
the parts keep about edits (autosave's ``dirty``, the checker's revision) calls ``flush()``
first, which delivers what is held at once; so does a load before and after its own edits.

The parts' "some time after the last key" timers are ``QuietTimer``s: armed by the first
key of a burst rather than restarted by every key, they look at the time of the last edit
when they fire and wait out what is left, so they still fire ``interval`` ms after the last
key, having run a few times a second while typing goes on instead of once per key.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

_ATTR = "_desk_edit_dispatcher"
HOLD_MS = 50  # keys this soon after the parts were called: called once, when it is over


class Listeners:
    """Callables run in turn, as a signal's slots are, without Qt between them; a bound
    method of a QObject leaves with its object, as a slot's connection does."""

    def __init__(self) -> None:
        self._items: tuple[Callable[[], None], ...] = ()

    def add(self, listener: Callable[[], None]) -> None:
        self._items += (listener,)
        owner = getattr(listener, "__self__", None)
        if isinstance(owner, QObject):
            owner.destroyed.connect(lambda *_: self.discard(listener))

    def discard(self, listener: Callable[[], None]) -> None:
        self._items = tuple(item for item in self._items if item != listener)

    def __len__(self) -> int:
        return len(self._items)

    def __call__(self) -> None:
        for listener in self._items:
            listener()


class EditDispatcher(QObject):
    """The body's one ``textChanged`` slot; ``last_edit``: perf_counter of the last change."""

    def __init__(self, body):
        super().__init__(body)
        self.last_edit = 0.0
        self.edits = 0  # changes seen (tests and benchmarks count the dispatch)
        self.heard = 0  # ``edits`` when the listeners were last called
        self.listeners = Listeners()
        self._held = False
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(HOLD_MS)
        self._hold.timeout.connect(self._hold_over)
        body.textChanged.connect(self._changed)

    def on_edit(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` after changes of the text, in the order registered: at once
        for the first of a burst, then at most once per HOLD_MS for the changes since (or at
        a ``flush()``). It often runs inside a key press: set flags, arm timers, nothing
        that reads the text."""
        self.listeners.add(listener)

    def pending(self) -> bool:
        """Changes the listeners have not heard of yet."""
        return self.heard != self.edits

    def flush(self) -> None:
        """Call the listeners now if changes wait for them (before reading what they keep)."""
        if self.heard != self.edits:
            self._notify()

    def settle(self) -> None:
        """Flush, and end the hold: the next change is heard at once (after a load, whose
        own changes are not the user's)."""
        self.flush()
        self._hold.stop()
        self._held = False

    def _changed(self) -> None:
        self.last_edit = time.perf_counter()
        self.edits += 1
        if not self._held:
            self._notify()

    def _notify(self) -> None:
        self.heard = self.edits
        self._held = True
        self._hold.start()
        self.listeners()

    def _hold_over(self) -> None:
        if self.heard != self.edits:
            self._notify()  # the keys of the last HOLD_MS, heard once; held again
        else:
            self._held = False


def for_body(body) -> EditDispatcher:
    """The body's dispatcher, made on first use (every part shares it)."""
    dispatcher = getattr(body, _ATTR, None)
    if dispatcher is None:
        dispatcher = EditDispatcher(body)
        setattr(body, _ATTR, dispatcher)
    return dispatcher


class QuietTimer(QTimer):
    """A single-shot timer that emits ``quiet`` ``interval`` ms after the last edit the
    dispatcher saw, though ``arm()`` starts it only when it is not running. Firing early
    (edits came since) it starts again for what is left; ``timeout`` emitted by hand counts
    as a firing."""

    quiet = Signal()

    def __init__(self, parent: QObject, interval: int, dispatcher: EditDispatcher,
                 quiet: Callable[[], None] | None = None):
        super().__init__(parent)
        self.setSingleShot(True)
        self._delay = interval
        super().setInterval(interval)
        self._dispatcher = dispatcher
        if quiet is not None:
            self.quiet.connect(quiet)
        self._armed_at = 0.0
        self.timeout.connect(self._fired)

    def setInterval(self, ms: int) -> None:  # noqa: N802 (Qt override)
        self._delay = ms
        super().setInterval(ms)

    def delay(self) -> int:
        """The interval asked for (``interval()`` is what is left while waiting out a burst)."""
        return self._delay

    def arm(self) -> None:
        """Start unless running, to fire ``interval`` ms after the last edit (armed late,
        by the dispatcher's held call, it waits only what is left)."""
        if not self.isActive():
            now = time.perf_counter()
            last = self._dispatcher.last_edit
            since = last if 0.0 < last <= now else now
            self._armed_at = since
            super().start(max(0, self._delay - round((now - since) * 1000)))

    def start(self, *args) -> None:
        """Start over now (a plain restart, as QTimer's)."""
        self._armed_at = time.perf_counter()
        super().start(*args)

    def _fired(self) -> None:
        since = max(self._dispatcher.last_edit, self._armed_at)
        left = self._delay - round((time.perf_counter() - since) * 1000)
        if left > 0:
            super().start(left)  # typing went on: wait out the rest of the pause
            return
        super().setInterval(self._delay)
        self.quiet.emit()
