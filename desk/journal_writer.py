"""Journal writes off the caller's thread (issue 12: no GUI-thread stall over 16 ms).

Serialising 100,000 words to JSON and writing them takes tens of milliseconds, so the
window only hands a snapshot of its fields (strings are immutable: taking one is cheap)
to `submit`; a worker thread writes it with Journal.write (write-then-rename as before).

- Coalescing: per article only the newest pending snapshot is kept; older ones that were
  not started yet are dropped.
- Ordering: every snapshot, synchronous write and removal gets a sequence number, and
  all file operations hold one lock. A file operation is skipped when a newer one for the
  same article already ran, so an older snapshot never overwrites a newer one and never
  recreates an entry that `remove` deleted.
- `write_now` and `remove` run on the caller's thread, after any write in flight
  (quit and crash paths need the entry on disk when they return).
- Results of background writes go to `on_done(article_id, seq, error)`, called on the
  worker thread; the Qt side turns that into a signal for the GUI thread.

The worker exits when nothing is pending and is started again by the next submit, so an
idle window holds no thread. No Qt here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from desk.journal import Journal

Done = Callable[[int, int, "OSError | None"], None]


class JournalWriter:
    def __init__(self, journal: Journal, on_done: Done | None = None):
        self.journal = journal
        self.on_done = on_done
        self._lock = threading.Lock()  # guards _pending, _seq, _running
        self._io = threading.Lock()  # held by every file operation; guards _applied
        self._pending: dict[int, tuple[int, dict, dict | None]] = {}
        self._applied: dict[int, int] = {}  # article -> seq of the newest file operation
        self._seq = 0
        self._running = False
        self._idle = threading.Condition(self._lock)

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def last_seq(self) -> int:
        with self._lock:
            return self._seq

    def submit(self, article_id: int, fields: dict, base: dict | None = None) -> int:
        """Queue a snapshot for writing; returns its sequence number at once."""
        with self._lock:
            seq = self._next_seq()
            self._pending[article_id] = (seq, fields, base)
            if not self._running:
                self._running = True
                threading.Thread(target=self._run, name="desk-journal", daemon=True).start()
        return seq

    def write_now(self, article_id: int, fields: dict, base: dict | None = None) -> int:
        """Write on this thread, after any write in flight; a pending older snapshot of the
        article is dropped. Returns the sequence number; raises OSError like Journal.write."""
        with self._lock:
            self._pending.pop(article_id, None)
            seq = self._next_seq()
        with self._io:
            self.journal.write(article_id, fields, base)
            self._applied[article_id] = seq
        return seq

    def remove(self, article_id: int) -> None:
        """Delete the article's entry (after any write in flight); pending writes are dropped."""
        with self._lock:
            self._pending.pop(article_id, None)
            seq = self._next_seq()
        with self._io:
            self.journal.remove(article_id)
            self._applied[article_id] = seq

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no background write is pending or running (tests, shutdown)."""
        with self._idle:
            return self._idle.wait_for(lambda: not self._running, timeout)

    def _run(self) -> None:
        try:
            self._drain()
        except BaseException:  # a bug, not a disk error: let the next submit start a worker
            with self._lock:
                self._running = False
                self._idle.notify_all()
            raise

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._pending:  # stop in the same locked step that saw nothing left
                    self._running = False
                    self._idle.notify_all()
                    return
                article_id = next(iter(self._pending))
                seq, fields, base = self._pending.pop(article_id)
            error: OSError | None = None
            with self._io:
                if self._applied.get(article_id, 0) > seq:
                    continue  # a newer write or a removal got there first
                try:
                    self.journal.write(article_id, fields, base, in_steps=True)
                except (OSError, ValueError) as exc:  # a full disk; text that cannot be encoded
                    error = exc if isinstance(exc, OSError) else OSError(str(exc))
                else:
                    self._applied[article_id] = seq
            if self.on_done is not None:
                self.on_done(article_id, seq, error)
