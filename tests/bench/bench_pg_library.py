"""The same library on SQLite and on PostgreSQL, side by side in one run.

    .venv/bin/python tests/bench/bench_pg_library.py [--articles 3000] [--rounds 5]

Starts a throwaway PostgreSQL cluster (tests/pg_cluster.py: Debian's postgresql, as the test
suite does), fills an SQLite file and a database on it with the same articles, then times
the library's everyday calls on both, rounds interleaved, and prints each median and the
ratio PostgreSQL / SQLite: a page of the list, a ranked search page, a search count, article
reads and updates. The server listens on a Unix socket of this machine, so the figures are
the engines' and one round trip per statement, not a network's.
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

WORDS = "river flood council budget school weir bridge mayor spring rain".split()


def timed(call, n: int) -> float:
    started = time.perf_counter()
    for _ in range(n):
        call()
    return (time.perf_counter() - started) / n * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    import psycopg

    from desk.storage import Library
    from tests.pg_cluster import start_cluster

    cluster = start_cluster()
    try:
        with psycopg.connect(cluster.url(), autocommit=True) as admin:
            admin.execute("CREATE DATABASE bench")
        folder = Path(tempfile.mkdtemp(prefix="desk-bench-pg-"))
        libs = {"sqlite": Library.open(folder / "bench.db", seed=False),
                "postgresql": Library.open(cluster.url("bench"), seed=False)}
        for lib in libs.values():
            lib.articles.create_many(
                {"headline": f"{WORDS[i % 10]} story {i}",
                 "body": " ".join(WORDS[(i + j) % 10] for j in range(300))}
                for i in range(args.articles))
        libs["postgresql"].conn.execute("ANALYZE")
        ids = [a.id for a in libs["sqlite"].articles.list(limit=50)]
        cases = {
            "list page (200 rows)": (lambda lib: lib.articles.list(limit=200), 20),
            "ranked search page": (lambda lib: lib.articles.list(search="river flo", limit=200), 10),
            "search count": (lambda lib: lib.articles.count(search="council"), 10),
            "50 article reads": (lambda lib: [lib.articles.get(i) for i in ids], 5),
            "20 updates": (lambda lib: [lib.articles.update(i, body=f"x {time.perf_counter()}")
                                        for i in ids[:20]], 3),
        }
        found: dict[str, dict[str, list[float]]] = {k: {} for k in libs}
        for _ in range(args.rounds):
            for name, (call, n) in cases.items():
                for engine, lib in libs.items():
                    found[engine].setdefault(name, []).append(timed(lambda c=call, lb=lib: c(lb), n))
        print(f"{args.articles} articles, medians of {args.rounds} rounds")
        for name in cases:
            s = statistics.median(found["sqlite"][name])
            p = statistics.median(found["postgresql"][name])
            print(f"  {name:22s} sqlite {s:8.2f} ms   postgresql {p:8.2f} ms   ratio {p / s:5.2f}")
        for lib in libs.values():
            lib.close()
        shutil.rmtree(folder, ignore_errors=True)
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
