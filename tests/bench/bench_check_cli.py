"""Whole-process `desk check` on a 10,000-word article against `hunspell -l`, and the
spelling index's first build (time, peak memory), this checkout against an older one.

    .venv/bin/python tests/bench/bench_check_cli.py [--old CHECKOUT] [--runs 7]

Prerequisite (Debian): `apt-get install hunspell hunspell-en-us` (benchmarks only; the
test suite does not need it). Without hunspell the ratio is skipped.

The article is real news text: ../shared/corpora/polnear-quotes/quotes-dev.jsonl's
articles joined until 10,000 words, written to a temp file at run time (nothing of it is
copied into the repository). Each program runs as a fresh process, interleaved
(hunspell, new, old, hunspell, ...), median of --runs; `desk check` with no library
(DESK_DB names no file), a warm user cache (a temp XDG_CACHE_HOME, filled once
first, as after `make .venv/.desk-installed`) and its bytecode cached (a temp
PYTHONPYCACHEPREFIX; PYTHONDONTWRITEBYTECODE is dropped), as an installed desk runs. Target: new within 1.5x of hunspell -l.

First build: a fresh process that only builds the lexicon and the suggestion index into
an empty cache folder; wall time and its own peak RSS (ru_maxrss). Target: under 150 MB.
--old CHECKOUT: an older checkout of desk (e.g. `git worktree add /tmp/old b3aeb01`),
run with this venv's Python.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpora" / "polnear-quotes" / "quotes-dev.jsonl"

BUILD = """
import resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from desk.checks.spelling.checker import SpellChecker
t = time.perf_counter()
c = SpellChecker(cache_dir=Path({cache!r}))
c.load()
wall = time.perf_counter() - t
assert c.timings["index_built"] == 1.0
print(wall, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def article(words: int = 10_000) -> str:
    out, n = [], 0
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            out.append(text)
            n += len(text.split())
            if n >= words:
                break
    return "\n\n".join(out) + "\n"


def timed(cmd: list[str], env: dict, cwd: Path) -> tuple[float, str]:
    t = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}")
    return wall, done.stdout


def first_build(checkout: Path, tmp: Path, name: str) -> tuple[float, float]:
    cache = tmp / f"build-{name}"
    shutil.rmtree(cache, ignore_errors=True)
    out = subprocess.run([sys.executable, "-c", BUILD.format(root=str(checkout), cache=str(cache))],
                         cwd=checkout, capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1]) / 1024  # Linux: ru_maxrss in kB


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", type=Path, help="an older desk checkout to compare with")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--builds", type=int, default=1, help="first builds of each (slow)")
    a = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"{CORPUS} not found: skipped")
        return 0
    checkouts = {"new": ROOT}
    if a.old:
        checkouts["old"] = a.old.resolve()
    hunspell = shutil.which("hunspell")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        path = tmp / "article.md"
        path.write_text(article(), encoding="utf-8")
        # (command, environment, working folder): each desk its own cache folder (an older
        # desk removes index files it does not know)
        runs: dict[str, tuple[list[str], dict, Path]] = {}
        if hunspell:
            runs["hunspell -l"] = ([hunspell, "-d", "en_US", "-l", str(path)], dict(os.environ), ROOT)
        for name, checkout in checkouts.items():
            env = dict(os.environ, DESK_DB=str(tmp / "no-library.db"),
                       XDG_CACHE_HOME=str(tmp / f"cache-{name}"),
                       PYTHONPYCACHEPREFIX=str(tmp / f"pycache-{name}"))
            env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached, as an installed desk has
            runs[f"desk check ({name})"] = ([sys.executable, "-m", "desk", "check", str(path)],
                                            env, checkout)
        outputs = {label: timed(*run)[1] for label, run in runs.items()}  # warm-up: the caches
        if "old" in checkouts:
            same = outputs["desk check (new)"] == outputs["desk check (old)"]
            print(f"output of new and old: {'identical' if same else 'DIFFERENT'}")
        times: dict[str, list[float]] = {label: [] for label in runs}
        for _ in range(a.runs):
            for label, run in runs.items():
                times[label].append(timed(*run)[0])
        words = len(path.read_text(encoding="utf-8").split())
        print(f"whole process on a {words:,}-word article, median of {a.runs} (interleaved):")
        floor = statistics.median(times["hunspell -l"]) if hunspell else None
        for label, got in times.items():
            med = statistics.median(got)
            ratio = f"  {med / floor:.2f}x hunspell -l" if floor else ""
            print(f"  {label:20} {med * 1000:7.0f} ms (min {min(got) * 1000:.0f}){ratio}")
        if floor:
            new = statistics.median(times["desk check (new)"]) / floor
            print(f"target: within 1.5x of hunspell -l: {'OK' if new <= 1.5 else 'SLOW'} ({new:.2f}x)")
        else:
            print("hunspell not installed (apt-get install hunspell hunspell-en-us): no ratio")

        print("spelling index, first build ever (fresh process, empty cache):")
        for name, checkout in checkouts.items() if a.builds > 0 else ():
            runs = [first_build(checkout, tmp, name) for _ in range(a.builds)]
            wall = statistics.median(r[0] for r in runs)
            rss = max(r[1] for r in runs)
            print(f"  {name:4} {wall:6.1f} s, peak RSS {rss:5.0f} MB"
                  f"{'  (target < 150 MB: ' + ('OK' if rss < 150 else 'OVER') + ')' if name == 'new' else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
