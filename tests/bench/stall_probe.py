"""The measuring core of the GUI stall benchmark: how late the GUI thread's event loop runs,
and what each key press costs, while a typist types into a widget.

Binding-neutral (PySide6 or PyQt6, whichever this process has), so desk, the bare floor and
novelWriter (a PyQt6 program, run in its own venv by tests/bench/stall_peers.py) are measured
by the same code:

- ``LatencyProbe``: a 1 ms precise QTimer; each firing records how much later than 1 ms after
  the previous one it came. A GUI thread busy for 200 ms shows as one ~199 ms sample.
- ``Typist``: sends QKeyEvents with ``QApplication.sendEvent`` from inside the event loop,
  one every 30-60 ms (seeded), with a short "thinking" pause every so often (long enough for
  a 300 ms debounce to fire), timing each handler; between keys the loop runs freely.
- ``summary``: p50 / p99 / max of the lateness, the key handler's median and p99, counts.
"""

from __future__ import annotations

import importlib
import random
import statistics
import time
from collections.abc import Callable

SENTENCE = " The council said it would decide on the budget next week, and residents were angry."
PACE_MS = (30, 60)   # between two keys, as a quick typist
PAUSE_EVERY = 50     # keys between two pauses
PAUSE_MS = 400       # a pause: longer than the live checks' debounce, shorter than autosave's


def qt():
    """(QtCore, QtGui, QtWidgets) of the binding this process uses."""
    for binding in ("PySide6", "PyQt6"):
        try:
            return tuple(importlib.import_module(f"{binding}.{m}") for m in ("QtCore", "QtGui", "QtWidgets"))
        except ImportError:
            continue
    raise ImportError("neither PySide6 nor PyQt6 is installed")


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[rank]


def summary(lateness: list[float], keys: list[float], extra: dict | None = None) -> dict:
    """One scenario's figures, in milliseconds."""
    out = {
        "samples": len(lateness),
        "p50_ms": percentile(lateness, 50) * 1000,
        "p99_ms": percentile(lateness, 99) * 1000,
        "max_ms": max(lateness, default=0.0) * 1000,
        "over_16ms": sum(1 for v in lateness if v > 0.016),
        "over_50ms": sum(1 for v in lateness if v > 0.050),
        "keys": len(keys),
        "key_median_ms": (statistics.median(keys) if keys else 0.0) * 1000,
        "key_p99_ms": percentile(keys, 99) * 1000,
        "key_max_ms": max(keys, default=0.0) * 1000,
    }
    out.update(extra or {})
    return out


class LatencyProbe:
    """Event-loop lateness of the GUI thread, sampled by a 1 ms timer while started."""

    def __init__(self):
        core = qt()[0]
        self.samples: list[float] = []
        self.busy: list[float] = []  # the GUI thread's own processor time in each sample
        self._timer = core.QTimer()
        self._timer.setTimerType(core.Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)
        self._last: float | None = None
        self._cpu = 0.0

    def start(self) -> None:
        self.samples, self.busy = [], []
        self._last, self._cpu = time.perf_counter(), time.thread_time()
        self._timer.start()

    def stop(self) -> list[float]:
        self._timer.stop()
        self._tick()  # a stall running up to now counts too
        self._last = None
        return self.samples

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if self._last is not None:
            self.samples.append(max(0.0, now - self._last - 0.001))
            self.busy.append(cpu - self._cpu)
        self._last, self._cpu = now, cpu

    def stall_work(self, over_s: float = 0.016) -> dict:
        """How much of the stalls over ``over_s`` the GUI thread spent working (its own
        processor time) rather than waiting (for a core, or for the GIL another thread
        holds): a stall of 40 ms with 3 ms of work is the machine's or a worker's, not
        the GUI thread's."""
        stalls = [(s, b) for s, b in zip(self.samples, self.busy) if s > over_s]
        late = sum(s + 0.001 for s, _ in stalls)  # the whole gap, the 1 ms asked for included
        return {"stall_work_share": sum(b for _, b in stalls) / late if late else 0.0,
                "worst_stall_work_ms": max(stalls)[1] * 1000 if stalls else 0.0}


def key_event(ch: str):
    """A key press as a keyboard makes it (letter keys with their code, others as text)."""
    core, gui, _ = qt()
    qt_ns = core.Qt
    if ch.isascii() and ch.isalpha():
        code = getattr(qt_ns.Key, f"Key_{ch.upper()}")
    elif ch == " ":
        code = qt_ns.Key.Key_Space
    else:
        code = qt_ns.Key.Key_unknown
    return gui.QKeyEvent(core.QEvent.Type.KeyPress, code, qt_ns.KeyboardModifier.NoModifier, ch)


class Typist:
    """Types ``keys`` characters into ``widget`` at a typist's pace, inside the event loop.

    ``on_key(n)`` runs after the n-th key (a scenario's hook: start a check, autosave);
    ``text`` is cycled. Or ``plan`` gives every key (a character or a QKeyEvent) with the
    milliseconds to wait after it. ``run()`` returns the handler time of every key, in seconds."""

    def __init__(self, widget, keys: int, *, text: str = SENTENCE, seed: int = 12,
                 on_key: Callable[[int], None] | None = None, pace_ms: tuple[int, int] = PACE_MS,
                 pause_every: int = PAUSE_EVERY, pause_ms: int = PAUSE_MS, plan=None):
        self.widget, self.keys, self.text, self.plan = widget, keys, text, plan
        self.rng = random.Random(seed)
        self.on_key, self.pace_ms = on_key, pace_ms
        self.pause_every, self.pause_ms = pause_every, pause_ms
        self.handler: list[float] = []
        self._loop = None

    def run(self, timeout_s: float = 600.0) -> list[float]:
        core, _, widgets = qt()
        self.handler = []
        self._loop = core.QEventLoop()
        core.QTimer.singleShot(0, self._next)
        guard = core.QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(self._loop.quit)
        guard.start(int(timeout_s * 1000))
        self._loop.exec()
        guard.stop()
        return self.handler

    def _next(self) -> None:
        core, _, widgets = qt()
        n = len(self.handler)
        if n >= self.keys:
            self._loop.quit()
            return
        if self.plan is not None:
            ch, delay = self.plan[n]
        else:
            ch, delay = self.text[n % len(self.text)], self.rng.randint(*self.pace_ms)
            if self.pause_every and (n + 1) % self.pause_every == 0:
                delay = self.pause_ms
        event = key_event(ch) if isinstance(ch, str) else ch
        t0 = time.perf_counter()
        widgets.QApplication.sendEvent(self.widget, event)
        self.handler.append(time.perf_counter() - t0)
        if self.on_key is not None:
            self.on_key(n + 1)
        core.QTimer.singleShot(delay, self._next)


def measure_typing(widget, keys: int, **typist_args) -> dict:
    """Type into ``widget`` with the probe running; the scenario's summary."""
    probe = LatencyProbe()
    probe.start()
    handler = Typist(widget, keys, **typist_args).run()
    return summary(probe.stop(), handler)


def wait_until(done: Callable[[], bool], timeout_s: float = 120.0, poll_ms: int = 1) -> float:
    """Run the event loop until ``done()`` (polled every ``poll_ms``); seconds waited."""
    core = qt()[0]
    loop = core.QEventLoop()
    t0 = time.perf_counter()

    def poll() -> None:
        if done() or time.perf_counter() - t0 > timeout_s:
            timer.stop()
            loop.quit()

    timer = core.QTimer()
    timer.setInterval(poll_ms)
    timer.timeout.connect(poll)
    timer.start()
    if not done():
        loop.exec()
    timer.stop()
    return time.perf_counter() - t0


def idle(ms: int) -> None:
    """Let the event loop run for ``ms`` (posted events, queued signals, paints)."""
    end = time.perf_counter() + ms / 1000
    wait_until(lambda: time.perf_counter() >= end, poll_ms=5)


def move_to_end(edit) -> None:
    gui = qt()[1]
    cursor = edit.textCursor()
    cursor.movePosition(gui.QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)
