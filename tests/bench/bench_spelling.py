"""Spelling benchmark: accuracy on Norvig's test sets, speed, load times, article scan.

    .venv/bin/python tests/bench/bench_spelling.py [--corpora DIR]

Norvig's sets are read at run time from ../shared/corpora/spelling (relative to the
repository root) and never copied into the repository.  Scoring is the standard
one: for each ``right: wrong1 wrong2`` line, the first suggestion for each wrong
word must equal ``right``; a wrong word that is in the dictionary counts as its own
suggestion (as pyspellchecker does).  Targets: set 1 >= 78 %, set 2 >= 74 %,
median < 1 ms and worst < 10 ms a word, dictionary ready < 0.5 s (from the disk
cache), 10,000-word article scanned (no suggestions) in < 30 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desk.checks.spelling import SpellChecker  # noqa: E402


def load_set(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if ":" not in line:
            continue
        right, wrongs = line.split(":", 1)
        pairs.extend((right.strip(), w) for w in wrongs.split())
    return pairs


def first_suggestion(checker: SpellChecker, word: str) -> str:
    if checker.is_known(word):
        return word
    s = checker.suggest(word, limit=1)
    return s[0] if s else word


COLD = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from desk.checks.spelling import SpellChecker
t = time.perf_counter()
cpu = time.process_time()
c = SpellChecker(cache_dir=Path({cache!r}))
c.load()
print(time.perf_counter() - t, int(c.timings['index_built']), time.process_time() - cpu)
"""


def article(checker: SpellChecker, n_words: int, typos: list[str]) -> str:
    """A synthetic article: common words in sentences, with 1 % typos."""
    lex = checker.lexicon
    rng = random.Random(7)
    common = sorted((w for w in lex.known("en-US") if "'" not in w),
                    key=lambda w: -lex.freq[w])[:20000]
    out = []
    start = True
    for i in range(n_words):
        w = rng.choice(typos) if rng.random() < 0.01 else rng.choice(common)
        if start:
            w = w[:1].upper() + w[1:]
        start = False
        r = rng.random()
        if r < 0.07:
            w += "."
            start = True
        elif r < 0.12:
            w += ","
        out.append(w)
        if start and rng.random() < 0.2:
            out.append("\n\n")
    return " ".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora" / "spelling"))
    args = ap.parse_args()
    corpora = Path(args.corpora)

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        checker = SpellChecker(cache_dir=Path(tmp))
        checker.load()
        build = time.perf_counter() - t
        print(f"dictionary ready, first-ever build: {build:.3f} s "
              f"(lexicon {checker.timings['lexicon']:.3f} s, index {checker.timings['index']:.3f} s)")
        colds = []
        for _ in range(3):
            out = subprocess.run([sys.executable, "-c", COLD.format(root=str(ROOT), cache=tmp)],
                                 capture_output=True, text=True, check=True).stdout.split()
            assert out[1] == "0", "the disk cache was not used"
            colds.append((float(out[0]), float(out[2])))
        print(f"dictionary ready, from disk cache (fresh process): best {min(colds)[0]:.3f} s, "
              f"worst {max(colds)[0]:.3f} s (cpu {min(c for _, c in colds):.3f} s)")

        all_typos: list[str] = []
        for n in (1, 2):
            path = corpora / f"spell-testset{n}.txt"
            if not path.exists():
                print(f"set {n}: {path} not found, skipped")
                continue
            pairs = load_set(path)
            ok = 0
            walls, cpus = [], []
            for right, wrong in pairs:
                c = time.thread_time()
                t = time.perf_counter()
                got = first_suggestion(checker, wrong)
                walls.append((time.perf_counter() - t, wrong))
                cpus.append((time.thread_time() - c, wrong))
                ok += got == right
                all_typos.append(wrong)
            print(f"set {n}: {ok}/{len(pairs)} first suggestion right = {100 * ok / len(pairs):.1f} %")
            for label, times in (("wall", walls), ("cpu", cpus)):
                times.sort()
                worst_word = times[-1][1]
                times = [x for x, _ in times]
                p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
                print(f"  per word ({label}): median {1000 * statistics.median(times):.2f} ms, "
                      f"p99 {1000 * p99:.2f} ms, worst {1000 * times[-1]:.2f} ms ({worst_word!r})")

        adversarial = ["pneumonoultramicroscopicsilicovolcanoconiosis", "aaaaaaaaaaaaaaaaaaaaaaaa",
                       "qwertyuiopasdfghjkl", "e", "xq", "internationalisationally",
                       "antidisestablishmentarianismx", "ssssssssss", "unnnecessaryyy"]
        worst = 0.0
        for w in adversarial:
            t = time.perf_counter()
            checker.suggest(w)
            worst = max(worst, time.perf_counter() - t)
        print(f"adversarial words ({len(adversarial)}): worst {1000 * worst:.2f} ms")

        text = article(checker, 10000, all_typos or ["recieve"])
        runs, cpus = [], []
        for _ in range(7):  # cold: the per-word verdict cache is cleared before each run
            checker.clear_caches()
            c = time.thread_time()
            t = time.perf_counter()
            problems = checker.check(text, suggest=False)
            runs.append(time.perf_counter() - t)
            cpus.append(time.thread_time() - c)
        print(f"10,000-word article, no suggestions: median {1000 * statistics.median(runs):.1f} ms "
              f"(cpu {1000 * statistics.median(cpus):.1f} ms), worst {1000 * max(runs):.1f} ms, "
              f"{len(problems)} problems")
        t = time.perf_counter()
        checker.check(text, suggest=False)
        print(f"10,000-word article again (verdicts cached, as when re-checking while typing): "
              f"{1000 * (time.perf_counter() - t):.1f} ms")
        t = time.perf_counter()
        problems = checker.check(text, suggest=True)
        print(f"10,000-word article, with suggestions: {1000 * (time.perf_counter() - t):.1f} ms")


if __name__ == "__main__":
    main()
