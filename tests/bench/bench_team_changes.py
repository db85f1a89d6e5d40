"""What live updates on a team library cost, and how soon another editor's change shows.

    .venv/bin/python tests/bench/bench_team_changes.py [--rounds 7] [--writes 20] [--window]

Starts a throwaway PostgreSQL cluster (tests/pg_cluster.py) and times, rounds interleaved:

* ``writes``: WRITES article updates, each its own write transaction (as autosaves are), with
  each commit announcing its rows on desk_changes and — the floor of the same run — with the
  announcement skipped; the median of each and the ratio.
* ``heard``: from another connection's commit returning to the listener's callback
  (desk.storage.pg_listen, its own thread and connection), the median of WRITES.
* ``--window``: from another editor's ``sources.add`` returning to the window's Sources panel
  listing the name (offscreen; includes the window's 300 ms debounce and the panel's read).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _writes(lib, aid: int, n: int) -> float:
    started = time.perf_counter()
    for i in range(n):
        with lib.transaction():
            lib.articles.update(aid, body=f"Draft number {i}.")
    return (time.perf_counter() - started) / n * 1000


def _heard(lib, other, n: int) -> list[float]:
    arrived = threading.Event()
    delays: list[float] = []

    listener = lib.listen(lambda changes: arrived.set())
    try:
        if not listener.listening.wait(10):
            raise RuntimeError("the listener did not start")
        for i in range(n):
            arrived.clear()
            other.articles.create(headline=f"Heard {i}")
            done = time.perf_counter()
            if not arrived.wait(10):
                raise RuntimeError("a notification did not arrive")
            delays.append((time.perf_counter() - done) * 1000)
    finally:
        listener.stop()
    return delays


def _window(url: str, other, n: int) -> list[float]:
    import os
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desk.gui.settings import WindowSettings
    from desk.gui.window_parts import build_window
    from desk.storage import Library

    app = QApplication.instance() or QApplication([])
    lib = Library.open(url)
    win = build_window(lib, WindowSettings.at(Path(tempfile.mkdtemp()) / "s.ini"))
    win.show()
    table = win.panels["sources"].table

    def names() -> set[str]:
        return {table.topLevelItem(i).text(0) for i in range(table.topLevelItemCount())}

    def spin_until(test, limit_s: float = 15) -> None:
        end = time.perf_counter() + limit_s
        while not test():
            if time.perf_counter() > end:
                raise RuntimeError("the window did not show the change")
            app.processEvents()
            time.sleep(0.002)

    spin_until(lambda: win.team.listener.listening.is_set())
    delays = []
    try:
        for i in range(n):
            name = f"Editor Number{i}"
            other.sources.add(name)
            done = time.perf_counter()
            spin_until(lambda name=name: name in names())
            delays.append((time.perf_counter() - done) * 1000)
            spin_until(lambda: not win.team._debounce.isActive(), 5)
    finally:
        win.close()
        lib.close()
    return delays


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--writes", type=int, default=20)
    parser.add_argument("--window", action="store_true")
    args = parser.parse_args()

    import psycopg

    from desk.storage import Library
    from desk.storage.postgres import PgConnection
    from tests.pg_cluster import start_cluster

    cluster = start_cluster()
    try:
        with psycopg.connect(cluster.url(), autocommit=True) as admin:
            admin.execute("CREATE DATABASE bench")
        url = cluster.url("bench")
        lib = Library.open(url, seed=False)
        other = Library.open(url, seed=False)
        aid = lib.articles.create(headline="Benchmark", body="First draft.").id
        announce = PgConnection.announce

        def silent(self, *, then: str = "") -> None:  # the floor: COMMIT alone
            self.changed = {}
            if then:
                self.raw.execute(then)

        with_notify, without = [], []
        for _ in range(args.rounds):
            PgConnection.announce = silent  # type: ignore[method-assign]
            without.append(_writes(lib, aid, args.writes))
            PgConnection.announce = announce  # type: ignore[method-assign]
            with_notify.append(_writes(lib, aid, args.writes))
        heard = _heard(lib, other, args.writes * args.rounds)
        a, b = statistics.median(with_notify), statistics.median(without)
        print(f"write transaction   announced {a:.2f} ms   not announced {b:.2f} ms   "
              f"ratio {a / b:.2f}")
        print(f"heard by listener   median {statistics.median(heard):.2f} ms   "
              f"max {max(heard):.2f} ms   (n={len(heard)})")
        if args.window:
            shown = _window(url, other, args.writes)
            print(f"shown in the window median {statistics.median(shown):.0f} ms   "
                  f"max {max(shown):.0f} ms   (n={len(shown)}, debounce 300 ms included)")
        lib.close()
        other.close()
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
