"""Hearing what other desks commit to a team library: LISTEN on desk_changes.

Every write transaction on PostgreSQL announces the rows it wrote, ``<table>:<id>``
(``<table>:`` when it cannot name them), just before its COMMIT (desk.storage.postgres
``PgConnection.announce``); the server delivers them when — and only if — it commits.
``ChangeListener`` holds a connection of its own in a daemon thread, waits for them at most
WAIT_S at a time (so ``stop`` ends it promptly) and hands each batch to ``on_changes`` on its
thread, as soon as they arrive: the caller moves them where it needs them (the window: a Qt signal). A lost
connection is said (``on_state(False)``) and retried with back-off; once it is back
``on_state(True)`` says so, and as notifications sent meanwhile are gone, the caller should
read everything again. Qt-free: the window wraps it (desk.gui.team_changes)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

import psycopg

from desk.storage.pg_errors import redacted
from desk.storage.postgres import CHANGES_CHANNEL

log = logging.getLogger(__name__)

WAIT_S = 0.25  # the longest one wait for a notification lasts: how soon ``stop`` is heard
GATHER_S = 0.005  # after one arrived, what else arrives this soon joins its batch
RETRY_S = (0.5, 1.0, 2.0, 4.0)  # back-off while the server is unreachable, then every 4 s


@dataclass(frozen=True)
class Change:
    """One row another connection committed: ``row_id`` None when it was not named."""

    table: str
    row_id: int | None
    pid: int  # the server process of the connection that wrote it

    @classmethod
    def parse(cls, payload: str, pid: int) -> Change:
        table, _, row = payload.partition(":")
        return cls(table, int(row) if row.isdigit() else None, pid)


class ChangeListener:
    def __init__(self, url: str, on_changes: Callable[[list[Change]], None], *,
                 on_state: Callable[[bool], None] | None = None, wait_s: float = WAIT_S):
        self.url = url
        self.on_changes = on_changes
        self.on_state = on_state or (lambda _online: None)
        self.wait_s = wait_s
        self.listening = threading.Event()  # set while LISTEN is in force
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="desk-team-listener",
                                        daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    # -- the listener's thread ---------------------------------------------------------
    def _run(self) -> None:
        failures = 0
        lost = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.url, autocommit=True, application_name="desk listener",
                                     connect_timeout=10) as conn:
                    conn.execute(f"LISTEN {CHANGES_CHANNEL}")
                    self.listening.set()
                    failures = 0
                    if lost:
                        lost = False
                        self.on_state(True)
                    self._listen(conn)
            except psycopg.Error as exc:
                self.listening.clear()
                if not lost:
                    lost = True
                    log.info("the team library %s is unreachable: %s", redacted(self.url),
                             " ".join(str(exc).split()))
                    self.on_state(False)
                self._stop.wait(RETRY_S[min(failures, len(RETRY_S) - 1)])
                failures += 1
        self.listening.clear()

    def _listen(self, conn: psycopg.Connection) -> None:
        while not self._stop.is_set():
            first = list(conn.notifies(timeout=self.wait_s, stop_after=1))
            if not first:
                continue
            # what the same commit (or a burst) sent with it, without waiting on
            rest = list(conn.notifies(timeout=GATHER_S))
            batch = [Change.parse(n.payload, n.pid) for n in first + rest]
            if batch:
                try:
                    self.on_changes(batch)
                except Exception:  # the receiver's bug must not end the listening
                    log.exception("a change notification was not handled")
