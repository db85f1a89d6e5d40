"""Library review from stored check results, against the code before them (same run).

    .venv/bin/python tests/bench/bench_review_library.py [--old /tmp/old-review] [--runs 3]
        [--sizes 1000,10000] [--old-runs-big 1]

The old code is a checkout of main before stored results (``git worktree add /tmp/old-review
b3aeb01``). Libraries of quoted articles (vocabulary bodies from bench_library, four or five
attributed quotations each, rows synced as a save does) are built once by the old code and
cached under /tmp; every run works on a fresh copy. Figures (whole process, wall, medians):

- `desk review --library` on 1,000 and 10,000 articles: old (checks every article, every
  time); new on a library never reviewed (every article checked, results stored); new on the
  same library again, unchanged (a query; target < 1 s at 10,000); new after one article
  edited. The outputs of old and new are compared (they must be identical).
- window start with the 10,000-article library: process launch until the window is shown
  with the Review panel's first page filled (DESK_EXIT_WHEN_READY), old vs new.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path("/tmp/desk-bench-review")
SOURCES = [("Ana Ruiz", "person", "City of Springfield", "mayor"),
           ("Tom Hardy", "person", "Union", "leader"),
           ("Maria Lopez", "person", "Library", "librarian"),
           ("John Smith", "person", "Council", "councillor"),
           ("Li Wei", "person", "University", "professor"),
           ("Sara Cohen", "person", "Hospital", "doctor"),
           ("Omar Haddad", "person", "", "shop owner"),
           ("Greta Berg", "person", "Police", "chief"),
           ("a senior official", "anonymous", "", "")]
SPEAKERS = ["Ana Ruiz", "Tom Hardy", "Maria Lopez", "John Smith", "Li Wei", "Sara Cohen",
            "Omar Haddad", "Greta Berg", "Peter Unknown", "one official"]


def build(path: Path, n: int) -> None:
    """Run by the OLD code (cwd = the old checkout): a schema-7 library, rows synced."""
    sys.path.insert(0, os.getcwd())
    from desk.review.reattach import sync_quotes
    from desk.storage import Library
    from tests.bench.bench_library import make_body, vocabulary

    words, weights = vocabulary()
    rng = random.Random(12)
    lib = Library.open(path, seed=False)
    for name, kind, org, role in SOURCES:
        lib.sources.add(name, kind=kind, organisation=org, role=role)
    rows = []
    for i in range(n):
        paras = make_body(rng, words, weights, rng.randint(150, 400)).split("\n\n")
        for _ in range(rng.choice((4, 4, 5))):
            quote = " ".join(rng.choices(words[:3000], k=rng.randint(6, 14))).capitalize()
            speaker = rng.choice(SPEAKERS)
            paras.insert(rng.randint(0, len(paras)), f"\u201c{quote},\u201d said {speaker}.")
        rows.append({"headline": f"Story {i}", "body": "\n\n".join(p.strip() for p in paras) + "\n",
                     "section": "News"})
    lib.articles.create_many(rows)
    for a in lib.articles.list():
        sync_quotes(lib, a.id)
    print(f"built {n} articles, {len(lib.quotes.list())} quotations", flush=True)
    lib.close()


def cached(old: Path, n: int) -> Path:
    path = CACHE / f"quoted-{n}.db"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--build", str(tmp), str(n)],
                       cwd=old, check=True)
        tmp.rename(path)
        print(f"  (built {path} in {time.perf_counter() - t0:.0f} s)", flush=True)
    return path


def copy_of(src: Path, name: str) -> Path:
    dst = CACHE / "runs" / name
    dst.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(src, dst)
    return dst


def env() -> dict:
    e = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(CACHE / "pycache"))
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    e.pop("DESK_DB", None)
    return e


def review(code: Path, db: Path) -> tuple[float, str]:
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "desk", "--db", str(db), "review", "--library"],
                          cwd=code, env=env(), capture_output=True, text=True)
    took = time.perf_counter() - t0
    if done.returncode:
        raise SystemExit(f"desk review failed in {code}: {done.stderr.strip()}")
    return took, done.stdout


def window_start(code: Path, db: Path) -> float:
    e = dict(env(), DESK_EXIT_WHEN_READY="1", DESK_SETTINGS=str(db) + ".ini")
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "desk", "--db", str(db)], cwd=code, env=e,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    took = time.perf_counter() - t0
    proc.wait(timeout=600)
    if not line.startswith("ready"):
        raise SystemExit(f"the window did not report ready: {line!r}")
    return took


def edit_one(db: Path) -> None:
    """One article edited (as a save by another process would): new code runs."""
    code = ("import sys; from desk.storage import Library\n"
            "lib = Library.open(sys.argv[1], seed=False)\n"
            "a = lib.articles.list()[-1]\n"
            "lib.articles.update(a.id, body=lib.articles.get(a.id).body + '\\n\\u201cMore words,\\u201d said Li Wei.\\n')\n"
            "lib.close()\n")
    subprocess.run([sys.executable, "-c", code, str(db)], cwd=ROOT, env=env(), check=True)


def med(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s"


def bench_size(old: Path, n: int, runs: int, old_runs: int) -> None:
    src = cached(old, n)
    olds, colds, warms, edited = [], [], [], []
    same = True
    for r in range(max(runs, old_runs)):  # interleaved: old, new cold, new warm, new edited
        if r < old_runs:
            t, old_out = review(old, copy_of(src, f"old-{n}.db"))
            olds.append(t)
        if r < runs:
            db = copy_of(src, f"new-{n}.db")
            t, new_out = review(ROOT, db)
            colds.append(t)
            t, warm_out = review(ROOT, db)
            warms.append(t)
            edit_one(db)
            edited.append(review(ROOT, db)[0])
            same = same and warm_out == new_out
            if r < old_runs:
                same = same and new_out == old_out
    print(f"desk review --library, {n:,} articles: old {med(olds)} ({len(olds)} run(s)); "
          f"new, never reviewed {med(colds)}; new, unchanged {med(warms)} "
          f"(old/new {statistics.median(olds) / statistics.median(warms):.0f}x); "
          f"new, one article edited {med(edited)}; outputs identical: {same}", flush=True)


def bench_window(old: Path, n: int, runs: int, old_runs: int) -> None:
    src = cached(old, n)
    olds, news = [], []
    new_db = copy_of(src, f"win-new-{n}.db")
    review(ROOT, new_db)  # upgraded once and its results stored, as after a first start
    for r in range(max(runs, old_runs)):
        if r < old_runs:
            olds.append(window_start(old, copy_of(src, f"win-old-{n}.db")))
        if r < runs:
            news.append(window_start(ROOT, new_db))
    print(f"window start to the Review panel's first page, {n:,} quoted articles: old "
          f"{med(olds)} ({len(olds)} run(s)), new {med(news)} "
          f"({statistics.median(olds) / statistics.median(news):.1f}x faster)", flush=True)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--build":
        build(Path(sys.argv[2]), int(sys.argv[3]))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", type=Path, default=Path("/tmp/old-review"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--old-runs-big", type=int, default=1, help="old-code runs at 10,000 articles")
    ap.add_argument("--sizes", default="1000,10000")
    args = ap.parse_args()
    if not (args.old / "desk").is_dir():
        print(f"no old checkout at {args.old}: git worktree add {args.old} b3aeb01")
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    for n in sizes:
        bench_size(args.old, n, args.runs, args.runs if n < 10_000 else args.old_runs_big)
    big = max(sizes)
    bench_window(args.old, big, args.runs, args.runs if big < 10_000 else args.old_runs_big)


if __name__ == "__main__":
    main()
