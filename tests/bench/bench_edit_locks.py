"""What the editing locks cost, on SQLite and on PostgreSQL, in one run.

    .venv/bin/python tests/bench/bench_edit_locks.py [--rounds 7] [--n 100]

Starts a throwaway PostgreSQL cluster (tests/pg_cluster.py) and times, on an SQLite file
and a database on it, rounds interleaved: an editor's save (desk.storage.edits.save_edit)
without the lock check and with it (the window's save: the lock checked and, if free, taken
in the save's transaction), taking and letting go a lock (what switching article adds on
the GUI thread), and a heartbeat (in the window's worker thread). Prints each median in ms
and the with/without ratio of the save (the calls' order flips every round).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def timed(call, n: int) -> float:
    started = time.perf_counter()
    for i in range(n):
        call(i)
    return (time.perf_counter() - started) / n * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--n", type=int, default=100)
    args = parser.parse_args()

    import psycopg

    from desk.storage import Library
    from desk.storage.edits import save_edit
    from tests.pg_cluster import start_cluster

    cluster = start_cluster()
    folder = Path(tempfile.mkdtemp(prefix="desk-bench-locks-"))
    try:
        with psycopg.connect(cluster.url(), autocommit=True) as admin:
            admin.execute("CREATE DATABASE bench")
        libs = {"sqlite": Library.open(folder / "bench.db", seed=False),
                "postgresql": Library.open(cluster.url("bench"), seed=False)}
        body = " ".join(["river flood council budget weir"] * 60)
        ids = {name: lib.articles.create(headline="Weir", body=body).id
               for name, lib in libs.items()}
        other = {name: lib.articles.create(headline="Dam").id for name, lib in libs.items()}
        results: dict[tuple[str, str], list[float]] = {}
        for round_no in range(args.rounds):
            for name, lib in libs.items():
                aid = ids[name]
                lib.locks.acquire(aid, "Bench", "s-bench")
                calls = {
                    "save, no lock check": lambda i, lib=lib, aid=aid: save_edit(
                        lib, aid, None, {"body": f"{body} {i}"}),
                    "save, lock checked": lambda i, lib=lib, aid=aid: save_edit(
                        lib, aid, None, {"body": f"{body} {i}."}, session="s-bench",
                        editor="Bench"),
                    "acquire + release": lambda i, lib=lib, name=name: (
                        lib.locks.acquire(other[name], "Bench", "s-bench"),
                        lib.locks.release(other[name], "s-bench")),
                    "heartbeat": lambda i, lib=lib, aid=aid: lib.locks.heartbeat(
                        "s-bench", [aid]),
                }
                order = list(calls.items())
                for what, call in order if round_no % 2 else order[::-1]:  # no order bias
                    results.setdefault((name, what), []).append(timed(call, args.n))
        print(f"medians of {args.rounds} rounds of {args.n} calls, ms per call")
        for what in ("save, no lock check", "save, lock checked", "acquire + release",
                     "heartbeat"):
            row = [f"{what:22}"]
            for name in libs:
                row.append(f"{name} {statistics.median(results[(name, what)]):7.3f}")
            print("  ".join(row))
        for name in libs:
            plain = statistics.median(results[(name, "save, no lock check")])
            checked = statistics.median(results[(name, "save, lock checked")])
            print(f"{name}: save with the lock check / without = {checked / plain:.2f}")
        for lib in libs.values():
            lib.close()
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
