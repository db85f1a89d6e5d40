"""The live checks in a process of their own, so checking never holds the window's GIL.

A check run in a thread of the window's process shares the GIL with the GUI thread: even a
pure-Python loop in a thread made a bare QPlainTextEdit stall 19 ms at p99 and 72 ms at worst
while typing (1 ms switch interval, 2 cores). So one check process serves every LiveChecker
of this process (spawned once, on the first check; it imports no Qt). A service thread here
hands it one job at a time and reads the answer in slices of a few hundred records, each
unpickled on its own, so no single step holds the GIL for long; the report is put back
together here, equal to what the same check gives in this process.

When the process cannot start or dies, the check runs in the service thread instead (the
old way); `desk check` and the tests that patch the check functions use that too.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)
SLICE = 200  # records per pickled slice of an answer (about 2 ms to unpickle)
PARTS = ("quotes", "problems", "not_quotes", "explain")
QUOTES = ("quotes", "not_quotes")  # what a job wanting only the quotations gets back


def _slices(items: list) -> list[bytes]:
    import pickle  # here and in the service thread: not on the window's start-up path

    return [pickle.dumps(items[i:i + SLICE], pickle.HIGHEST_PROTOCOL)
            for i in range(0, len(items), SLICE)] or [pickle.dumps([])]


def _serve(conn) -> None:  # pragma: no cover - runs in the check process
    """The check process: (text, inputs, spelling, suggestions, parts) in, the report's
    ``parts`` in slices out (the others empty). It runs at a lower priority: on a busy
    machine the window gets the processor first."""
    import os

    from desk.checking import check_with

    try:
        os.nice(5)
    except (AttributeError, OSError):
        pass

    inputs = None
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        text, new_inputs, spelling, suggestions, wanted = job
        if new_inputs is not None:  # None: the same inputs as the last job
            inputs = new_inputs
        t0 = time.perf_counter()
        try:
            report = check_with(text, inputs, spelling=spelling, suggestions=suggestions)
        except Exception as exc:
            conn.send(("error", f"{type(exc).__name__}: {exc}"))
            continue
        parts = {name: _slices(getattr(report, name) if name in wanted else [])
                 for name in PARTS}
        conn.send(("ok", report.words, {k: len(v) for k, v in parts.items()},
                   time.perf_counter() - t0))
        for name in PARTS:
            for blob in parts[name]:
                conn.send_bytes(blob)


class CheckService:
    """One check process and the thread that talks to it; jobs run one at a time."""

    def __init__(self) -> None:
        self._jobs: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._conn = None
        self._proc = None
        self._broken = False
        self._sent_inputs = None  # what the process has as its inputs
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, text: str, inputs, spelling: bool,
               done: Callable[[object, str, float], None], local: Callable[[], object], *,
               suggestions: bool = True, parts: tuple[str, ...] = PARTS) -> None:
        """Check in the process; ``done(result, error, seconds)`` from the service thread,
        ``result`` = (report, every quotation). ``local()`` checks here if it must.
        ``parts``: the parts of the report wanted back (the others come back empty)."""
        with self._lock:
            if self._closed:
                done((), "desk is closing", 0.0)
                return
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="desk-checks", daemon=True)
                self._thread.start()
        self._jobs.put((text, inputs, (spelling, suggestions, parts), done, local))

    def check(self, text: str, inputs, *, spelling: bool, suggestions: bool,
              parts: tuple[str, ...], local: Callable[[], object],
              stop: Callable[[], bool], poll: float = 0.05):
        """The same check from a worker thread, waiting for it (the wait holds no GIL):
        (report, every quotation), or None when ``stop()`` became true meanwhile (checked
        every ``poll`` seconds) or the service closed. A failed check raises CheckFailed."""
        got: list = []
        finished = threading.Event()

        def done(result, error: str, _seconds: float) -> None:
            got.append((result, error))
            finished.set()

        self.submit(text, inputs, spelling, done, local, suggestions=suggestions, parts=parts)
        while not finished.wait(poll):
            if stop():
                return None
        result, error = got[0]
        if error:
            if self._closed:
                return None
            raise CheckFailed(error)
        return result

    def shutdown(self, timeout: float = 2.0) -> None:
        """Stop the process and the service thread, waiting at most about ``timeout``
        seconds for each (quitting never hangs on a check); a job in hand is answered
        "desk is closing", none is checked here any more."""
        with self._lock:
            self._closed = True
            thread, proc = self._thread, self._proc
        self._jobs.put(None)
        if proc is not None:
            proc.terminate()  # the service thread's read ends at once (EOF)
            proc.join(timeout)
            if proc.is_alive():
                proc.kill()
                proc.join(timeout)
        if thread is not None:
            thread.join(timeout)
        if self._conn is not None:
            self._conn.close()

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            text, inputs, options, done, local = job
            t0 = time.perf_counter()
            try:
                if self._closed:
                    raise _CheckError("desk is closing")
                result, error = self._remote(text, inputs, options), ""
                if result is None:
                    if self._closed:
                        raise _CheckError("desk is closing")
                    result, error = local(), ""
            except _CheckError as exc:
                result, error = (), str(exc)
            except Exception as exc:  # a check bug must not kill the editor; shown as a warning
                result, error = (), f"{type(exc).__name__}: {exc}"
            try:
                done(result, error, time.perf_counter() - t0)
            except Exception:  # the checker went away meanwhile
                log.debug("a check result had nobody to go to", exc_info=True)

    def _remote(self, text: str, inputs, options: tuple):
        """The result from the process, or None when there is no process to ask."""
        from desk.checks.engine import CheckReport

        conn = self._connection()
        if conn is None:
            return None
        import pickle

        try:
            # the inputs (every source, every quotation tag) only when they changed: pickling
            # them holds the GIL, 5-10 ms at 100,000 words
            spelling, suggestions, wanted = options
            conn.send((text, None if inputs is self._sent_inputs else inputs, spelling,
                       suggestions, wanted))
            self._sent_inputs = inputs
            head = conn.recv()
            if head[0] == "error":
                raise _CheckError(head[1])
            _, words, counts, _seconds = head
            parts: dict[str, list] = {}
            for name in PARTS:
                items: list = []
                for _ in range(counts[name]):
                    items.extend(pickle.loads(conn.recv_bytes()))
                parts[name] = items
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            if sys.is_finalizing() or self._closed:
                raise _CheckError("desk is closing") from exc
            log.warning("the check process stopped (%s); checking in the window's process", exc)
            self._broken = True
            return None
        report = CheckReport(words=words, quotes=parts["quotes"], problems=parts["problems"],
                             not_quotes=parts["not_quotes"], explain=parts["explain"])
        return report, report.all_quotes

    def _connection(self):
        if self._broken:
            return None
        if self._conn is None:
            if getattr(sys, "frozen", False):  # a bundle has no interpreter to spawn
                self._broken = True
                return None
            try:
                import multiprocessing  # with the process, not at start-up (~10 ms)

                ctx = multiprocessing.get_context("spawn")
                mine, theirs = ctx.Pipe()
                proc = ctx.Process(target=_serve, args=(theirs,), name="desk-checks", daemon=True)
                proc.start()
                theirs.close()
            except Exception as exc:
                log.warning("cannot start the check process (%s); checking in the window's process", exc)
                self._broken = True
                return None
            self._conn, self._proc = mine, proc
        return self._conn


class _CheckError(Exception):
    """The check itself failed in the process (its message is shown as a warning)."""


class CheckFailed(Exception):
    """A check handed to the service failed (CheckService.check)."""


_service: CheckService | None = None


def service() -> CheckService:
    """The one check process of this program."""
    global _service
    if _service is None:
        _service = CheckService()
    return _service


def shutdown(timeout: float = 2.0) -> None:
    """Quitting: the check process and its thread stopped (a later check starts anew)."""
    global _service
    current, _service = _service, None
    if current is not None:
        current.shutdown(timeout)


__all__ = ["PARTS", "QUOTES", "CheckFailed", "CheckService", "service", "shutdown"]
