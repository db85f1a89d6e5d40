"""What live updates on a team library cost, and how soon another editor's change shows.

    .venv/bin/python tests/bench/bench_team_changes.py [--rounds 7] [--writes 20] [--window]
        [--articles 3000] [--sources 200]

Starts a throwaway PostgreSQL cluster (tests/pg_cluster.py) and times, rounds interleaved:

* ``writes``: WRITES article updates, each its own write transaction (as autosaves are), with
  each commit announcing its rows on desk_changes and — the floor of the same run — with the
  announcement skipped; the median of each and the ratio.
* ``heard``: from another connection's commit returning to the listener's callback
  (desk.storage.pg_listen, its own thread and connection), the median of WRITES.
* ``--window``, on a library of ARTICLES articles (one in five with a quotation to review)
  and SOURCES sources, offscreen:
  - ``refresh``: what one notification costs the window's GUI thread, by kind (another
    editor's new source; an article's status): the targeted refresh (desk.gui.team_changes
    ``heard_changes``, then ExternalChanges ``heard``), the full one (``changed_elsewhere``),
    and the full one as before this work (``Sources.list`` reading each source with two
    queries, as it did: ``_old_sources_list``), alternated, the listener stopped so only
    these run; medians and ratios to "before".
  - ``shown``: from another editor's ``sources.add`` returning to the window's Sources panel
    listing the name, now and as before (300 ms debounce, a full refresh, the old
    ``Sources.list``), alternated.
"""

from __future__ import annotations

import argparse
import contextlib
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


def _fill(lib, n: int, sources: int) -> None:
    """N articles (every fifth with a quotation to review) and SOURCES sources."""
    quote = "\u201cWe will rebuild the harbour,\u201d said Ines Halloran."
    lib.articles.create_many(
        {"headline": f"Story {i}", "section": ("News", "Sport", "City")[i % 3],
         "body": (quote + "\n\n" if i % 5 == 0 else "") + f"The council met for the {i}th time."}
        for i in range(n))
    with lib.transaction():
        for i in range(sources):
            lib.sources.add(f"Source Number{i}")
        for a in lib.articles.list():
            if a.headline.startswith("Story") and int(a.headline.split()[1]) % 5 == 0:
                lib.quotes.add(a.id, "We will rebuild the harbour,", start=1, end=29,
                               speaker="Ines Halloran")
    lib.conn.execute("ANALYZE")


def _open_window(url: str):
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
    return app, lib, win


def _spin_until(app, test, limit_s: float = 15) -> None:
    end = time.perf_counter() + limit_s
    while not test():
        if time.perf_counter() > end:
            raise RuntimeError("the window did not show the change")
        app.processEvents()
        time.sleep(0.002)


def _settle(app, win, s: float = 0.3) -> None:
    """Let the window's own work (checks, counts, syncs) finish before the next timing."""
    end = time.perf_counter() + s
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)
    _spin_until(app, lambda: win.quote_syncer.is_idle(), 15)


def _old_sources_list(self, *, search=None):
    """Sources.list before this work: the ids, then two queries per source."""
    if search:
        query = self.lib.engine.search.sources(search)
        if query is None:
            return []
        ids = [r["id"] for r in self._rows(*query)]
    else:
        ids = [r["id"] for r in self._rows("SELECT id FROM sources ORDER BY name COLLATE NOCASE")]
    return [self.get(i) for i in ids]


@contextlib.contextmanager
def _as_before(on: bool):
    from desk.storage.sources import Sources

    new = Sources.list
    if on:
        Sources.list = _old_sources_list  # type: ignore[method-assign]
    try:
        yield
    finally:
        Sources.list = new  # type: ignore[method-assign]


ARMS = ("targeted", "full", "before")


def _refresh_costs(url: str, other, rounds: int, writes: int) -> dict[str, dict[str, list]]:
    """GUI-thread ms of one notification's refresh, by kind and arm (ARMS)."""
    from desk.gui.team_changes import heard_changes
    from desk.operations import articles as article_ops
    from desk.storage.pg_listen import Change

    app, lib, win = _open_window(url)
    try:
        _settle(app, win, 2.0)
        win.team.stop()  # only the refreshes timed here run
        external = win.external_changes
        pid = other.backend_pid
        aids = [a.id for a in other.articles.list(limit=writes)]
        statuses = ("editing", "draft")
        costs: dict[str, dict[str, list]] = {kind: {arm: [] for arm in ARMS}
                                             for kind in ("source added", "article status")}
        counter = iter(range(10**6))

        def source():
            sid = other.sources.add(f"Another Editor{next(counter)}").id
            return [Change("sources", sid, pid)]

        def status(i=[0]):  # noqa: B006 (a counter across calls)
            i[0] += 1
            aid = aids[i[0] % len(aids)]
            article_ops.change_status(other, article_id=aid, status=statuses[i[0] // len(aids) % 2])
            return [Change("articles", aid, pid), Change("status_log", None, pid)]

        for _ in range(rounds):
            for kind, write in (("source added", source), ("article status", status)):
                for arm in ARMS:
                    spent = []
                    with _as_before(arm == "before"):
                        for _ in range(writes):
                            batch = write()
                            started = time.perf_counter()
                            if arm == "targeted":
                                external.heard(heard_changes(batch))
                            else:
                                external.changed_elsewhere()
                            app.processEvents()
                            spent.append((time.perf_counter() - started) * 1000)
                    costs[kind][arm].append(statistics.median(spent))
                    _settle(app, win, 0.1)
        return costs
    finally:
        win.close()
        lib.close()


def _window(url: str, other, n: int) -> tuple[list[float], list[float]]:
    """ms from another editor's commit to the name in the Sources panel: (now, as before)."""
    from desk.gui import team_changes

    app, lib, win = _open_window(url)
    table = win.panels["sources"].table
    external = win.external_changes
    targeted = external.heard

    def names() -> set[str]:
        return {table.topLevelItem(i).text(0) for i in range(table.topLevelItemCount())}

    _spin_until(app, lambda: win.team.listener.listening.is_set())
    _settle(app, win, 2.0)
    now_ms, before_ms = [], []
    try:
        for i in range(n):
            for before in (False, True):
                # before: every notification read everything, after 300 ms of quiet
                external.heard = (lambda _c: external.changed_elsewhere()) if before else targeted
                win.team._debounce.setInterval(300 if before else team_changes.DEBOUNCE_MS)
                name = f"Editor Number{i}{'b' if before else 'a'}"
                with _as_before(before):
                    other.sources.add(name)
                    done = time.perf_counter()
                    _spin_until(app, lambda name=name: name in names())
                    (before_ms if before else now_ms).append((time.perf_counter() - done) * 1000)
                    _spin_until(app, lambda: not win.team._debounce.isActive(), 5)
                _settle(app, win, 0.1)
    finally:
        win.close()
        lib.close()
    return now_ms, before_ms


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--writes", type=int, default=20)
    parser.add_argument("--window", action="store_true")
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--sources", type=int, default=200)
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
            _fill(other, args.articles, args.sources)
            costs = _refresh_costs(url, other, args.rounds, args.writes)
            for kind, arms in costs.items():
                t, f, b = (statistics.median(arms[arm]) for arm in ARMS)
                print(f"refresh: {kind:15s} targeted {t:.1f} ms   full {f:.1f} ms   "
                      f"full as before {b:.1f} ms   targeted/before {t / b:.3f}   "
                      f"full/before {f / b:.3f}   ({args.rounds} rounds x {args.writes})")
            now_ms, before_ms = _window(url, other, args.writes)
            a, b = statistics.median(now_ms), statistics.median(before_ms)
            print(f"source shown in the window: now median {a:.0f} ms (max {max(now_ms):.0f}), "
                  f"as before {b:.0f} ms (max {max(before_ms):.0f})   ratio {a / b:.2f}   "
                  f"(n={len(now_ms)} each, alternated)")
        lib.close()
        other.close()
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
