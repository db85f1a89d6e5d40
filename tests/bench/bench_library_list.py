"""The library list and its search box over 100,000 articles, as the GUI thread feels them.

    .venv/bin/python tests/bench/bench_library_list.py [--old /tmp/old-list] [--articles N]
                                                       [--runs 3]

Each figure is measured in a child process driving the real LibraryPanel (offscreen), and
with ``--old TREE`` (a ``git worktree add /tmp/old-list <commit>`` checkout) the same
figures of that tree's panel are measured in the same run, children interleaved old / new:

- GUI-thread time for a search typed into the box ("c", "co", "th" and typical words): the
  time spent in the panel's own slots on the GUI thread from the debounced search to the
  rows shown (old: the query itself; new: posting it to the worker, then showing the rows);
- the longest lateness of a 1 ms QTimer while those searches run (how long a key press
  would wait);
- until the first rows are shown (wall time, the worker's query included);
- fetching a page deep in the list (page 451, rows 90,000-90,200) through the model's
  fetchMore, and the first page.

The 100,000-article library (bench_library.fill_big_library, seed 7) takes minutes to
build, so it is cached under /tmp (desk-bench-list-N-vSCHEMA.db) between runs: built once
by the old tree's schema when ``--old`` is given, and a copy upgraded by this tree's desk.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
CACHE = Path("/tmp")
QUERIES = ("c", "co", "th", "council", "water", "market")
DEEP_PAGE_ROW = 90_000


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


# -- the library ---------------------------------------------------------------------------
def run_in(tree: Path, *args: str) -> str:
    """This script run by ``tree``'s desk (its package first on the path)."""
    env = dict(os.environ, PYTHONPATH=str(tree), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], cwd=tree,
                          env=env, check=True, capture_output=True, text=True)
    return done.stdout


def schema_of(tree: Path) -> int:
    return len(list((tree / "db").glob("[0-9][0-9][0-9][0-9]_*.sql")))


def cached_library(tree: Path, articles: int) -> Path:
    """The big library at ``tree``'s schema: built once (by the oldest tree asked for), or
    copied from an older cached one and upgraded."""
    version = schema_of(tree)
    path = CACHE / f"desk-bench-list-{articles}-v{version}.db"
    if path.exists():
        return path
    older = sorted(CACHE.glob(f"desk-bench-list-{articles}-v*.db"))
    older = [p for p in older if int(p.stem.rsplit("-v", 1)[1]) < version]
    partial = path.with_suffix(".partial")
    if older:
        shutil.copyfile(older[-1], partial)
        run_in(tree, "--upgrade", str(partial))
    else:
        t = time.perf_counter()
        run_in(tree, "--build", str(partial), "--articles", str(articles))
        print(f"  (built a library of {articles:,} articles in {time.perf_counter() - t:.0f} s,"
              f" cached as {path})", flush=True)
    partial.rename(path)
    return path


def build(path: Path, articles: int) -> None:
    import importlib.util

    from desk.storage import Library

    # this tree's builder, whichever tree's desk runs it
    spec = importlib.util.spec_from_file_location("bench_library", ROOT / "tests/bench/bench_library.py")
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    fill_big_library, vocabulary = builder.fill_big_library, builder.vocabulary
    path.unlink(missing_ok=True)
    words, weights = vocabulary()
    lib = Library.open(path, seed=False)
    fill_big_library(lib, random.Random(7), words, weights, articles)
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()


def upgrade(path: Path) -> None:
    from desk.storage import Library

    lib = Library.open(path, seed=False)
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()


def child(path: Path) -> None:
    """One measurement of this tree's panel over the library at ``path``: a JSON line."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desk.gui.library_panel import LibraryPanel
    from desk.gui.op_runner import OperationRunner
    from desk.storage import Library
    from tests.bench.stall_probe import LatencyProbe, wait_until

    app = QApplication.instance() or QApplication([])
    lib = Library.open(path, seed=False)
    panel = LibraryPanel(lib, runner=OperationRunner(lib))
    panel.resize(420, 800)
    panel.show()
    app.processEvents()
    model = panel.model
    out: dict = {"searches": {}}
    for query in QUERIES:
        probe = LatencyProbe()
        probe.start()
        t = time.perf_counter()
        panel.search.setText(query)
        panel._apply_search()  # what the debounce timer calls
        wait_until(lambda: not model.pending, timeout_s=300)
        shown = time.perf_counter() - t
        lateness = probe.stop()
        out["searches"][query] = {"shown_s": shown, "max_late_s": max(lateness, default=0.0),
                                  "rows": model.rowCount()}
        panel.search.setText("")
        panel._apply_search()
        wait_until(lambda: not model.pending, timeout_s=300)
    t = time.perf_counter()
    model.refresh()
    out["first_page_s"] = time.perf_counter() - t
    pages = []
    while model.rowCount() < DEEP_PAGE_ROW and model.canFetchMore():
        t = time.perf_counter()
        model.fetchMore()
        pages.append(time.perf_counter() - t)
    t = time.perf_counter()
    model.fetchMore()
    out["deep_page_s"] = time.perf_counter() - t
    out["page_median_s"] = statistics.median(pages) if pages else 0.0
    QTimer.singleShot(0, app.quit)
    panel.close()
    lib.close()
    print(json.dumps(out))


def parent(args: argparse.Namespace) -> None:
    trees = [("new", ROOT)] + ([("old", args.old.resolve())] if args.old else [])
    libraries = {name: None for name, _ in trees}
    # the oldest schema first, so the library is built once and upgraded by the newer tree
    for name, tree in sorted(trees, key=lambda nt: schema_of(nt[1])):
        libraries[name] = cached_library(tree, args.articles)
    results: dict[str, list[dict]] = {name: [] for name, _ in trees}
    for _ in range(args.runs):
        for name, tree in trees:
            work = CACHE / f"desk-bench-list-run-{name}.db"
            shutil.copyfile(libraries[name], work)
            results[name].append(json.loads(run_in(tree, "--child", str(work)).splitlines()[-1]))
            work.unlink(missing_ok=True)
    print(f"library list over {args.articles:,} articles, medians of {args.runs} runs")
    print(f"{'':<6} {'query':<9} {'rows shown':>11} {'max stall':>11}")
    for name, _ in trees:
        runs = results[name]
        for query in QUERIES:
            shown = statistics.median(r["searches"][query]["shown_s"] for r in runs)
            late = statistics.median(r["searches"][query]["max_late_s"] for r in runs)
            print(f"{name:<6} {query:<9} {ms(shown):>11} {ms(late):>11}")
        print(f"{name:<6} first page {ms(statistics.median(r['first_page_s'] for r in runs))}, "
              f"page {DEEP_PAGE_ROW // 200 + 1} {ms(statistics.median(r['deep_page_s'] for r in runs))}, "
              f"median page {ms(statistics.median(r['page_median_s'] for r in runs))}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--old", type=Path, help="a checkout of the old desk to compare with")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--upgrade", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        return build(args.build, args.articles)
    if args.upgrade:
        return upgrade(args.upgrade)
    if args.child:
        return child(args.child)
    parent(args)


if __name__ == "__main__":
    main()
