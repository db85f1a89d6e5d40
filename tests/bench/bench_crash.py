"""kill -9 of the window while an editor types: how much typing is lost.

    .venv/bin/python tests/bench/bench_crash.py [--trials 30] [--interval-ms 100] [--seed N]

Each trial starts a real desk window (offscreen) in a child process on a fresh library,
types into the article's body one key every --interval-ms (100 ms: a fast typist, about
120 words a minute), and kills it with SIGKILL after a random number of keys plus a
random fraction of a key. It then reads back what the next start would recover (the
library, and the crash journal's entry if one survived) and prints, over all trials:
kills survived (integrity_check ok, the text a prefix of what was typed), characters lost
(median, p99, worst) and the same as seconds of typing, and how often the journal held
text the library did not.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.gui.crash_helpers import TYPED, kill_trial  # noqa: E402


def percentile(values, p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument("--interval-ms", type=int, default=100)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    interval = args.interval_ms / 1000
    survived, lost, from_journal, failures = 0, [], 0, []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="desk-bench-crash-") as tmp:
        os.environ.setdefault("XDG_CACHE_HOME", str(Path(tmp) / "cache"))
        for n in range(args.trials):
            keys = rng.randrange(5, min(len(TYPED), int(6 / interval)))
            jitter = rng.uniform(0, interval)
            try:
                trial = kill_trial(Path(tmp) / f"t{n}", keys, interval_ms=args.interval_ms,
                                   jitter_s=jitter)
            except AssertionError as exc:
                failures.append(f"trial {n}: {exc}")
                continue
            if trial.integrity == "ok":
                survived += 1
            else:
                failures.append(f"trial {n}: integrity {trial.integrity}")
            lost.append(trial.lost)
            from_journal += trial.from_journal
            print(f"trial {n:2d}: killed after {trial.typed:3d} keys, recovered "
                  f"{trial.recovered:3d} ({'journal' if trial.from_journal else 'library'}), "
                  f"lost {trial.lost}", flush=True)
    print()
    print(f"kills survived: {survived}/{args.trials} (integrity_check ok, text intact)")
    if lost:
        print(f"characters lost at one key per {args.interval_ms} ms: median "
              f"{statistics.median(lost):.1f}, p99 {percentile(lost, 0.99):.1f}, "
              f"worst {max(lost)}")
        print(f"typing lost: median {statistics.median(lost) * interval:.2f} s, p99 "
              f"{percentile(lost, 0.99) * interval:.2f} s, worst {max(lost) * interval:.2f} s")
        print(f"recovered from the journal (newer than the library): {from_journal} trials")
    print(f"({time.perf_counter() - t0:.0f} s)")
    for f in failures:
        print("FAILED", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
