"""Speed of the quotation and attribution engine on a synthetic 10,000-word article.

    .venv/bin/python tests/bench/bench_check.py [--runs N] [--against CHECKOUT]

The article is built from our own sentences (no corpus text). Spelling is off: this
measures `check_text(..., spelling=False)`, i.e. marks, cues, speakers, problems and
boilerplate. Target: median under 50 ms.

--against: a checkout of older code (`git worktree add /tmp/old COMMIT`); both engines run
in their own process, one check each in turn, timed in CPU time (process_time, steadier
than wall time on a shared machine), and the medians and their ratio are printed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desk.checks.engine import check_text  # noqa: E402
from desk.model import SourceRef, TaggedQuote  # noqa: E402
from desk.text import word_count  # noqa: E402

PARAGRAPHS = [
    "The river authority met on Tuesday to discuss the spring floods and the cost of new levees.",
    "\u201cWe have never seen the water rise this quickly,\u201d said Ana Ruiz, a hydrologist at the river authority.",
    "Ruiz said the northern districts were \u201cthe most exposed\u201d and asked for more pumps.",
    "Mayor Peter Lang told reporters: \u201cThe town will pay its share, but not more.\u201d",
    "\u201cWe are ready,\u201d he said, \u201cto talk to anyone who brings a plan.\u201d",
    "According to the ministry, the budget for repairs is \u201cfixed for this year.\u201d",
    "A senior official, who spoke on condition of anonymity, said the deal was \u201calmost done.\u201d",
    "\u201cThe levee on the east bank will hold for now. It was rebuilt in 2019 and tested last month.",
    "\u201cBut the west bank is another story,\u201d Lang added.",
    "Farmers called the plan \u201ca reckless gamble\u201d and demanded a vote.",
    "Dalton, who runs the clinic, warned that \u201cwater-borne illness is the next risk.\u201d Ruth Dalton has run it since 2010.",
    "The so-called \u201crecovery fund\u201d has not paid out a single claim, records show.",
    "Sen. Bill Hagerty wrote on social media that the response was \u201cslow and confused.\u201d",
    "She said: \u201cNobody in this valley will be left behind, whatever it costs.\u201d",
    "Residents of the lower town, many of whom lost their cellars, said they felt ignored.",
]


def build_article(words: int = 10_000, seed: int = 7) -> str:
    rng = random.Random(seed)
    paras: list[str] = []
    n = 0
    while n < words:
        p = rng.choice(PARAGRAPHS)
        paras.append(p)
        n += word_count(p)
    return "\n\n".join(paras) + "\n"


def _inputs():
    sources = [SourceRef(id=1, name="Ana Ruiz"), SourceRef(id=2, name="Peter Lang", aliases=("Lang",)),
               SourceRef(id=3, name="Mustafa al-Kadhimi", aliases=("Kadhimi", "al-Kadhimi"))]
    tagged = [TaggedQuote(id=1, text="But the west bank is another story,", original="But the west bank is a different story")]
    return build_article(), sources, tagged


def _worker() -> int:
    """One timed check per line read from stdin; prints its CPU milliseconds."""
    text, sources, tagged = _inputs()
    check_text(text, sources=sources, tagged=tagged, spelling=False)  # warm-up
    print("ready", flush=True)
    for _ in sys.stdin:
        t0 = time.process_time()
        check_text(text, sources=sources, tagged=tagged, spelling=False)
        print(f"{(time.process_time() - t0) * 1000:.3f}", flush=True)
    return 0


def _spawn(checkout: Path) -> subprocess.Popen:
    """This script's worker with desk imported from checkout first (its submodules then come
    from there too); the article is this script's."""
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import desk; sys.path.insert(1, sys.argv[2]); "
            "import bench_check; assert desk.__file__.startswith(sys.argv[1]), desk.__file__; "
            "sys.exit(bench_check._worker())")
    p = subprocess.Popen([sys.executable, "-c", code, str(checkout.resolve()), str(Path(__file__).parent)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    return p


def _compare(old: Path, runs: int) -> int:
    new = Path(__file__).resolve().parents[2]
    procs = {"new": _spawn(new), "old": _spawn(old)}
    times: dict[str, list[float]] = {"new": [], "old": []}
    for _ in range(runs):
        for name, p in procs.items():  # one each in turn: both see the same machine load
            assert p.stdin is not None and p.stdout is not None
            p.stdin.write("\n")
            p.stdin.flush()
            times[name].append(float(p.stdout.readline()))
    for p in procs.values():
        assert p.stdin is not None
        p.stdin.close()
        p.wait()
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"check_text (spelling off), CPU median over {runs} interleaved runs: "
          f"this tree {med['new']:.1f} ms, {old} {med['old']:.1f} ms, ratio {med['new'] / med['old']:.2f}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--against", type=Path, help="a checkout of older code to compare with")
    a = ap.parse_args(argv)
    if a.against is not None:
        return _compare(a.against, a.runs)
    text, sources, tagged = _inputs()
    check_text(text, sources=sources, tagged=tagged, spelling=False)  # warm-up
    times = []
    for _ in range(a.runs):
        t0 = time.perf_counter()
        report = check_text(text, sources=sources, tagged=tagged, spelling=False)
        times.append((time.perf_counter() - t0) * 1000)
    med, worst = statistics.median(times), max(times)
    print(f"article: {word_count(text)} words, {len(text)} chars, {len(report.quotes)} quotes, "
          f"{len(report.problems)} problems")
    print(f"check_text (spelling off): median {med:.1f} ms, worst {worst:.1f} ms over {a.runs} runs "
          f"(target: median < 50 ms) {'OK' if med < 50 else 'SLOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
