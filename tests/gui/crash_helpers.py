"""Typing into a real window in a child process, killing it, and reading back what
survived (the library, then the crash journal). Shared by the crash tests and
tests/bench/bench_crash.py."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = ROOT / "tests" / "gui" / "typing_child.py"
ORIGINAL = "The council met on Tuesday."
TYPED = (" The weir held overnight, officials said, and the river fell by morning."
         " Residents returned to sweep the mud from their doors.") * 4


@dataclass
class Trial:
    typed: int  # keys the child reported typed before it died
    persisted: int  # of those, how many it had reported journalled or saved
    recovered: int  # of those, how many came back (library or journal)
    from_journal: bool
    integrity: str
    returncode: int

    @property
    def lost(self) -> int:
        return self.typed - self.recovered


def make_library(db: Path) -> int:
    from desk.storage import Library

    with Library.open(db, seed=False) as lib:
        return lib.articles.create(headline="Weir holds", body=ORIGINAL).id


class Child:
    """The typing window; its stdout read on a thread so the parent never blocks on it."""

    def __init__(self, db: Path, state: Path, article_id: int, text: str = TYPED,
                 interval_ms: int = 50, extra: tuple[str, ...] = ()):
        env = dict(os.environ, XDG_STATE_HOME=str(state), QT_QPA_PLATFORM="offscreen",
                   DESK_SETTINGS=str(state / "settings.ini"))
        env.pop("DESK_DB", None)
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(db), text, "--interval-ms", str(interval_ms),
             "--article", str(article_id), *extra],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.strip())
            if line.startswith("ready"):
                self.ready.set()
        self.ready.set()

    def last(self, what: str) -> int:
        """The last count the child reported for typed / journalled / saved."""
        counts = [int(l.split()[1]) for l in list(self.lines) if l.startswith(what + " ")]
        return counts[-1] if counts else 0

    def typed(self) -> int:
        return self.last("typed")

    def persisted(self) -> int:
        """Keys the child had journalled or saved: what a kill must never lose."""
        return max(self.last("journalled"), self.last("saved"))

    def wait_typed(self, n: int, timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while self.typed() < n and self.proc.poll() is None:
            if time.monotonic() > end:
                raise TimeoutError(f"the window typed {self.typed()} of {n} keys")
            time.sleep(0.005)

    def stop(self, sig=signal.SIGKILL, timeout: float = 30) -> int:
        self.proc.send_signal(sig)
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=10)
        return code


def read_back(db: Path, state: Path, article_id: int, typed: int, persisted: int,
              returncode: int, text: str = TYPED) -> Trial:
    """What the next start would give back: the library's text and, if an entry survived,
    the journal's (recovery keeps both: the library's version as a revision). Each must
    be the original text plus a prefix of what was typed; the longer one counts."""
    from desk.journal import Journal

    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        stored = conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    finally:
        conn.close()
    bodies = [stored] + [e.fields["body"] for e in Journal(db, state / "desk" / "journal").pending()
                         if e.article_id == article_id]
    lengths = []
    for body in bodies:
        if not body.startswith(ORIGINAL):
            raise AssertionError(f"the article lost its start: {body[:60]!r}")
        added = body[len(ORIGINAL):]
        if not text.startswith(added):
            raise AssertionError(f"recovered text is not what was typed: {added[:60]!r}")
        lengths.append(len(added))
    from_journal = len(lengths) > 1 and max(lengths[1:]) > lengths[0]
    return Trial(typed=typed, persisted=persisted, recovered=max(lengths), from_journal=from_journal,
                 integrity=integrity, returncode=returncode)


def kill_trial(folder: Path, keys_before_kill: int, interval_ms: int = 50,
               sig=signal.SIGKILL, jitter_s: float = 0.0) -> Trial:
    folder.mkdir(parents=True, exist_ok=True)
    db, state = folder / "library.db", folder / "state"
    article_id = make_library(db)
    child = Child(db, state, article_id, interval_ms=interval_ms)
    try:
        child.wait_typed(keys_before_kill)
        time.sleep(jitter_s)
    except BaseException:
        child.stop()
        raise
    code = child.stop(sig)
    return read_back(db, state, article_id, child.typed(), child.persisted(), code)
