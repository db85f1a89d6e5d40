"""`desk migrate` of growing libraries: a file onto a server and back, its time and its memory.

    .venv/bin/python tests/bench/bench_migrate.py [--sizes 2000,8000] [--words 600]

For each size, a library file of that many articles (bodies of --words words) with two
revisions each is built, then `desk migrate FILE postgresql://...` and `desk migrate
postgresql://... BACK.db` run as processes of their own on a throwaway server
(tests/pg_cluster.py). Printed: the time of each, rows per second, and each process's peak
memory (its maximum resident set): the copy streams in batches, so the peak should stay
about flat while the library grows (the floor is `desk --version`'s, measured the same way).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

WORDS = ("council river flood budget school bridge mayor spring rain weir harbour ferry "
         "station police court judge hospital nurse teacher union strike wage price market "
         "farmer harvest drought road repair contract tender audit report minister").split()


def desk(*argv: str) -> tuple[float, float]:
    """Run desk in a process of its own: (seconds, its peak resident memory in MB)."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "desk", *argv], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode:
        raise SystemExit(f"desk {' '.join(argv)} failed: {err}")
    return elapsed, usage.ru_maxrss / 1024


def build(path: Path, articles: int, words: int) -> int:
    from desk.storage import Library

    rng = random.Random(articles)
    with Library.open(path, seed=False) as lib:
        lib.articles.create_many(
            {"headline": f"{rng.choice(WORDS)} story {i}",
             "body": " ".join(rng.choice(WORDS) for _ in range(words))} for i in range(articles))
        stamp = "2026-12-07T12:00:00"
        lib.engine.insert_all("revisions", (
            {"article_id": a, "created_at": stamp, "label": label, "headline": f"story {a}",
             "body": " ".join(rng.choice(WORDS) for _ in range(words))}
            for a in range(1, articles + 1) for label in ("first", "second")))
    return articles * 3  # article and revision rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,8000")
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()

    import psycopg

    from tests.pg_cluster import start_cluster

    folder = Path(tempfile.mkdtemp(prefix="desk-bench-migrate-"))
    os.environ["XDG_STATE_HOME"] = str(folder / "state")  # the runs' desk.log
    cluster = start_cluster()
    try:
        floor = desk("--version")[1]
        print(f"desk migrate, bodies of {args.words} words, two revisions per article "
              f"(peak memory of `desk --version`: {floor:.0f} MB)")
        for size in (int(s) for s in args.sizes.split(",")):
            source = folder / f"lib-{size}.db"
            rows = build(source, size, args.words)
            mb = source.stat().st_size / 1e6
            name = f"bench_{size}"
            with psycopg.connect(cluster.url(), autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            onto, onto_mb = desk("migrate", str(source), cluster.url(name))
            back, back_mb = desk("migrate", cluster.url(name), str(folder / f"back-{size}.db"))
            print(f"  {size:6d} articles ({mb:5.0f} MB file): onto the server {onto:6.1f} s "
                  f"({rows / onto:6.0f} rows/s, peak {onto_mb:4.0f} MB), back into a file "
                  f"{back:6.1f} s ({rows / back:6.0f} rows/s, peak {back_mb:4.0f} MB)")
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
