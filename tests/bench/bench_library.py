"""Library benchmarks: import 10,000 articles; open, list and search 100,000.

Synthetic articles are drawn from pyspellchecker's English frequency list (Zipf-like, as
real text is). Prints one line per figure. Usage: python tests/bench/bench_library.py [N]
"""

from __future__ import annotations

import gzip
import json
import random
import statistics
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from desk.operations.imports import import_files
from desk.storage import Library


def vocabulary() -> tuple[list[str], list[int]]:
    path = resources.files("spellchecker") / "resources" / "en.json.gz"
    with gzip.open(str(path), "rt", encoding="utf-8") as fh:
        freq = json.load(fh)
    ranked = sorted(freq.items(), key=lambda kv: -kv[1])[:30000]
    return [w for w, _ in ranked], [c for _, c in ranked]


def make_body(rng: random.Random, words, weights, n: int) -> str:
    chosen = rng.choices(words, weights=weights, k=n)
    paras = [" ".join(chosen[i:i + 60]).capitalize() + "." for i in range(0, n, 60)]
    return "\n\n".join(paras) + "\n"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def fill_big_library(lib: Library, rng: random.Random, words: list[str], weights: list[int],
                     total: int) -> None:
    """``total`` articles of 120 words, six-word headlines, three sections, four statuses
    (bench_library_list.py builds its 100,000-article library with this too)."""
    lib.articles.create_many(
        {"headline": " ".join(rng.choices(words[:5000], k=6)).capitalize(),
         "section": rng.choice(["News", "Sport", "Business"]),
         "status": rng.choice(["draft", "editing", "ready", "published"]),
         "body": make_body(rng, words, weights, 120)}
        for _ in range(total))


def main(total: int = 100_000) -> None:
    rng = random.Random(7)
    words, weights = vocabulary()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # -- import 10,000 files through the same operation as `desk import` (rows synced too)
        files = []
        for i in range(10_000):
            f = tmp / "in" / f"{i:05d}.md"
            f.parent.mkdir(exist_ok=True)
            head = " ".join(rng.choices(words[:5000], k=6)).capitalize()
            f.write_text(f"---\nheadline: {head}\nsection: News\ntags: [bench]\n---\n\n"
                         + make_body(rng, words, weights, 150), encoding="utf-8")
            files.append(f)
        lib = Library.open(tmp / "import.db", seed=False)
        t = time.perf_counter()
        ids = import_files(lib, paths=files).article_ids  # read, batch, quotation rows synced
        elapsed = time.perf_counter() - t
        lib.close()
        print(f"import 10,000 Markdown files (150 words each): {elapsed:.2f} s "
              f"({len(ids) / elapsed:,.0f} articles/s)")

        # -- a library of `total` articles
        path = tmp / "big.db"
        lib = Library.open(path, seed=False)
        t = time.perf_counter()
        fill_big_library(lib, rng, words, weights, total)
        print(f"build a library of {total:,} articles (120 words each): "
              f"{time.perf_counter() - t:.1f} s, {path.stat().st_size / 1e6:.0f} MB")
        lib.close()

        opens = timed(lambda: Library.open(path).close(), 20)
        print(f"open a library of {total:,} articles: median {ms(statistics.median(opens))}, "
              f"worst {ms(max(opens))}")

        lib = Library.open(path)
        first = timed(lambda: lib.articles.list(limit=200), 50)
        print(f"list, first page of 200, newest change first: median {ms(statistics.median(first))}")
        deep = timed(lambda: lib.articles.list(limit=200, offset=50_000), 20)
        print(f"list, page of 200 at offset 50,000: median {ms(statistics.median(deep))}")
        counts = timed(lambda: lib.articles.count(status="ready"), 20)
        print(f"count by status: median {ms(statistics.median(counts))}")

        # typical searches: one or two words of ordinary frequency, as an editor types them
        pool = words[300:8000]
        queries = [rng.choice(pool) for _ in range(100)]
        queries += [f"{rng.choice(pool)} {rng.choice(pool)}" for _ in range(100)]
        times, hits = [], []
        for q in queries:
            t = time.perf_counter()
            rows = lib.articles.list(search=q, limit=200)
            times.append(time.perf_counter() - t)
            hits.append(len(rows))
        times.sort()
        print(f"search, 200 typical one- or two-word queries, first 200 ranked: "
              f"median {ms(statistics.median(times))}, p95 {ms(times[int(len(times) * .95)])}, "
              f"worst {ms(times[-1])} (median hits {statistics.median(hits):.0f})")
        common = timed(lambda: lib.articles.list(search="the", limit=200), 10)
        print(f"search, the most common word ('the'), first 200 ranked: "
              f"median {ms(statistics.median(common))}")
        lib.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
