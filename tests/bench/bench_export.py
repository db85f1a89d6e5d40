"""Export speed for a 10,000-word article: HTML (target < 100 ms), DOCX (< 500 ms),
PDF (< 1 s), plus the other formats for reference. Median of several runs, after one
warm-up (which loads python-docx / Qt once, as a running window would have).

Run: .venv/bin/python tests/bench/bench_export.py   (prints figures; asserts nothing)
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desk.export import FORMATS  # noqa: E402
from desk.export.base import ExportData, QuoteRow  # noqa: E402
from desk.model import Article  # noqa: E402
from desk.text import word_count  # noqa: E402

TARGETS_MS = {"html": 100, "docx": 500, "pdf": 1000}
RUNS = {"pdf": 5, "docx": 7}
WORDS = ("the council said on tuesday that bridge repairs would take longer than planned and "
         "residents of the harbour district should expect closures through the spring while "
         "engineers inspect every span of the structure").split()


def article_body(n_words: int, seed: int = 11) -> str:
    """News-like Markdown: paragraphs with quotations, emphasis, links, subheads, lists."""
    rng = random.Random(seed)
    parts: list[str] = []
    words = 0
    while words < n_words:
        i = len(parts)
        if i % 12 == 11:
            parts.append(f"## Section {i // 12 + 1}")
        elif i % 17 == 16:
            parts.append("- " + "\n- ".join(" ".join(rng.choices(WORDS, k=6)) for _ in range(4)))
        else:
            sentence = " ".join(rng.choices(WORDS, k=rng.randint(30, 60))).capitalize()
            parts.append(f"\u201c{sentence[:80]},\u201d said Amara Okafor, the *city engineer*. "
                         f"{sentence[80:]}. More on [the plan](https://example.org/{i}) **today**.")
        words = word_count("\n\n".join(parts))
    return "\n\n".join(parts) + "\n"


def measure(render, data, runs: int) -> tuple[float, float, int]:
    t0 = time.perf_counter()
    render(data)  # first run: loads python-docx / starts Qt
    first = time.perf_counter() - t0
    times = []
    size = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        out = render(data)
        times.append(time.perf_counter() - t0)
        size = len(out)
    return first, statistics.median(times), size


def main() -> None:
    body = article_body(10_000)
    article = Article(id=1, headline="Harbour bridge repairs to run into spring",
                      dek="Closures expected through the season", byline="Lerato Mokoena",
                      section="City", tags=["transport"], body=body,
                      created_at="2026-03-04T10:00:00+00:00", updated_at="2026-03-04T10:00:00+00:00")
    quotes = [QuoteRow(text=f"quotation {i}", speaker="Amara Okafor", start=i * 100)
              for i in range(200)]
    n = word_count(body)
    for name, fmt in FORMATS.items():
        data = ExportData(article=article, quotes=quotes)
        first, median, size = measure(fmt.render, data, RUNS.get(name, 9))
        target = TARGETS_MS.get(name)
        verdict = ""
        if target:
            verdict = f" (target < {target} ms: {'ok' if median * 1000 < target else 'SLOW'})"
        print(f"export: {n:,}-word article to {name}: median {median * 1000:.0f} ms "
              f"(first in process {first * 1000:.0f} ms), {size / 1024:.0f} KiB{verdict}")
    gather_time(body)


def gather_time(body: str) -> None:
    """What an export costs before any format runs: the checks (quotations, problems)."""
    import tempfile

    from desk.export.collect import gather
    from desk.storage import Library

    with tempfile.TemporaryDirectory() as tmp:
        with Library.open(Path(tmp) / "bench.db", seed=False) as lib:
            lib.sources.add("Amara Okafor", title="City engineer")
            article_id = lib.articles.create(headline="Bench", body=body).id
            t0 = time.perf_counter()
            data = gather(lib, article_id)
            first = time.perf_counter() - t0
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                gather(lib, article_id)
                times.append(time.perf_counter() - t0)
    print(f"export: gathering checks and {len(data.quotes)} quotations for the same article: "
          f"median {statistics.median(times) * 1000:.0f} ms (first {first * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
