"""Hostile inputs: the worst `check_text` time on 50 kB random and mutated texts, and the
hostile-file corpus run through every importer and material reader.

    .venv/bin/python tests/bench/bench_hostile.py [--texts N] [--seed S] [--size BYTES]

Texts come from tests/checks/hostile_texts.py (random characters; articles with long runs
without spaces, one character repeated thousands of times, slices repeated, line breaks
removed...). Each is checked three times with spelling and suggestions on; the median
counts. Target: no 50 kB text over 200 ms. The corpus is written by
tests/data/hostile/make_corpus.py into a temporary folder: every file must end in a clean
import or a one-line DeskError (crashes: 0).
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # after PYTHONPATH: an older desk can be measured too


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = sys.modules.setdefault(name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


def bench_texts(count: int, seed: int, size: int) -> None:
    from desk.checks.engine import check_text

    texts = _load("hostile_texts", ROOT / "tests" / "checks" / "hostile_texts.py")
    check_text("Warm up teh dictionray and the Suggestion index, Tusday.")
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        kind = "random" if i % 5 == 0 else "mutated"
        text = texts.random_text(size, rng) if kind == "random" else texts.mutated(size, rng)
        if i % 10 == 9:
            kind, text = "names", texts.name_list(size, rng)
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            check_text(text)
            times.append((time.perf_counter() - t0) * 1000)
        rows.append((statistics.median(times), kind, i, text[:40]))
    rows.sort(reverse=True)
    by_kind = {k: [r[0] for r in rows if r[1] == k] for k in ("random", "mutated", "names")}
    for kind, ms in by_kind.items():
        print(f"check_text on {len(ms)} {kind} texts of {size:,} characters: "
              f"median {statistics.median(ms):.0f} ms, worst {max(ms):.0f} ms")
    worst = rows[0]
    print(f"worst: {worst[0]:.0f} ms ({worst[1]} text #{worst[2]}: {worst[3]!r}) "
          f"(target: none over 200 ms) {'OK' if worst[0] <= 200 else 'SLOW'}")


def bench_corpus() -> None:
    from desk.importing import read_article
    from desk.model import DeskError
    from desk.review import read_material

    corpus = _load("make_corpus", ROOT / "tests" / "data" / "hostile" / "make_corpus.py")
    with tempfile.TemporaryDirectory() as folder:
        cases = corpus.build(folder)
        tried = errors = clean = crashes = 0
        slowest = (0.0, "")
        for case in cases:
            for reader in (read_article, read_material):
                tried += 1
                t0 = time.perf_counter()
                try:
                    reader(Path(folder) / case.name)
                    clean += 1
                except DeskError as exc:
                    errors += 1
                    if "\n" in str(exc):
                        crashes += 1
                        print(f"  multi-line error from {reader.__name__}: {case.name}")
                except Exception as exc:  # noqa: BLE001 - what the benchmark counts
                    crashes += 1
                    print(f"  CRASH {reader.__name__} {case.name}: {exc.__class__.__name__}")
                slowest = max(slowest, (time.perf_counter() - t0, f"{reader.__name__} {case.name}"))
    print(f"hostile corpus: {len(cases)} files, {tried} reads (importer + material reader): "
          f"{clean} clean imports, {errors} one-line errors, {crashes} crashes; slowest "
          f"{slowest[0] * 1000:.0f} ms ({slowest[1].encode('utf-8', 'backslashreplace').decode()})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--texts", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size", type=int, default=50_000)
    ap.add_argument("--texts-only", action="store_true")
    a = ap.parse_args(argv)
    bench_texts(a.texts, a.seed, a.size)
    if not a.texts_only:
        bench_corpus()
    return 0


if __name__ == "__main__":
    sys.exit(main())
