"""Spelling on real news text: injected typos found, names left out of the red.

    .venv/bin/python tests/bench/bench_spelling_articles.py [--articles FILE] [--seed N]
        [--rate R] [--show N]

Reads ../shared/corpora/polnear-quotes/quotes-dev.jsonl (real political news articles,
field "text") at run time; nothing of it is copied into the repository.  For each
article, a seeded random sample of ordinary words known to the dictionary is turned
into typos:

* lower-case words and capitalised ones (sentence starts, months and weekdays, parts of
  names such as "White House"), at least four letters long;
* eligible words and "is the typo a word?" are decided on pyspellchecker's own list, so
  the sample stays the same while desk's word lists change;
* the typo is either a misspelling from Norvig's test sets (../shared/corpora/spelling)
  substituted for its correct word where that word occurs, or a realistic keyboard
  slip: a dropped, doubled or extra letter (a keyboard neighbour), a keyboard-neighbour
  or vowel substitution, or two adjacent letters swapped.  The first letter is kept
  (people rarely get it wrong).  A typo that is itself a dictionary word is not used.

Each article goes through ``desk.checks.engine.check_text`` (spelling on, as the product
does, so quoted speakers are accepted).  Reported:

* recall: injected typos reported as ``misspelling`` (and how many only as
  ``unknown-name`` / ``inconsistent-name`` / nothing), by kind of word;
* first-suggestion accuracy on the typos reported as misspellings;
* false red flags: ``misspelling`` on words that were not injected, per 1,000 words,
  split into capitalised words (names, proper nouns) and other words; the same rate on
  the clean articles.

Note: the clean articles have a few real typos of their own; they count as false flags
here (``--show`` lists the flagged words so a reader can judge).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desk.checks.engine import check_text  # noqa: E402
from desk.checks.spelling import get_checker  # noqa: E402
from desk.checks.spelling.dictionary import base_list_path  # noqa: E402
from desk.checks.spelling.words import TOKEN, is_sentence_start  # noqa: E402

KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
VOWELS = "aeiou"


def neighbours() -> dict[str, str]:
    out: dict[str, str] = {}
    for r, row in enumerate(KEYBOARD):
        for c, ch in enumerate(row):
            near = []
            for dr, dc in ((0, -1), (0, 1), (-1, 0), (-1, 1), (1, 0), (1, -1)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < 3 and 0 <= cc < len(KEYBOARD[rr]):
                    near.append(KEYBOARD[rr][cc])
            out[ch] = "".join(near)
    return out


NEAR = neighbours()


def keyboard_typo(word: str, rng: random.Random) -> str:
    """One realistic slip, never on the first letter."""
    lw = word
    n = len(lw)
    op = rng.choice(("drop", "double", "insert", "near", "vowel", "swap"))
    i = rng.randrange(1, n)
    c = lw[i]
    if op == "drop":
        return lw[:i] + lw[i + 1:]
    if op == "double":
        return lw[:i] + c + lw[i:]
    if op == "insert":
        return lw[:i] + rng.choice(NEAR.get(c.lower(), "e")) + lw[i:]
    if op == "near" and c.lower() in NEAR:
        return lw[:i] + rng.choice(NEAR[c.lower()]) + lw[i + 1:]
    if op == "vowel" and c.lower() in VOWELS:
        return lw[:i] + rng.choice([v for v in VOWELS if v != c.lower()]) + lw[i + 1:]
    if i < n - 1 and lw[i] != lw[i + 1]:
        return lw[:i] + lw[i + 1] + lw[i] + lw[i + 2:]
    return lw[:i] + lw[i + 1:]


def load_norvig(folder: Path) -> dict[str, list[str]]:
    """{right word: [misspellings]} from Norvig's sets (multi-word lines dropped)."""
    out: dict[str, list[str]] = {}
    for n in (1, 2):
        path = folder / f"spell-testset{n}.txt"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if ":" not in line:
                continue
            right, wrongs = line.split(":", 1)
            right = right.strip()
            if right.isalpha() and right.islower():
                out.setdefault(right, []).extend(w for w in wrongs.split() if w.isalpha())
    return out


@dataclass
class Injected:
    start: int  # in the new text
    end: int
    right: str
    typo: str
    group: str  # lower | cap-start | cap-mid
    source: str  # norvig | keyboard


def cased(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def inject(text: str, rng: random.Random, rate: float, known, norvig) -> tuple[str, list[Injected]]:
    """``text`` with typos in about ``rate`` of its eligible words."""
    eligible = []
    for m in TOKEN.finditer(text):
        w = m.group()
        if m.lastgroup != "w" or not w.isalpha() or len(w) < 4 or not w.isascii():
            continue
        if not (w.islower() or (w[0].isupper() and w[1:].islower())):
            continue
        if w.lower() not in known:
            continue
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before in "@#/-'’" or after in "-@/" or before.isalnum():
            continue  # handles, links, compounds
        eligible.append(m)
    if not eligible:
        return text, []
    k = max(1, round(len(eligible) * rate))
    chosen = sorted(rng.sample(eligible, min(k, len(eligible))), key=lambda m: m.start())
    out: list[str] = []
    pos = 0
    shift = 0
    injected: list[Injected] = []
    for m in chosen:
        w = m.group()
        lw = w.lower()
        typo = None
        source = "keyboard"
        if lw in norvig and rng.random() < 0.8:
            options = [t for t in norvig[lw] if t.lower() not in known]
            if options:
                typo = cased(w, rng.choice(options))
                source = "norvig"
        if typo is None:
            for _ in range(10):
                t = keyboard_typo(w, rng)
                if t.lower() not in known and t.lower() != lw:
                    typo = t
                    break
        if typo is None:
            continue
        if w.islower():
            group = "lower"
        elif is_sentence_start(text, m.start()):
            group = "cap-start"
        else:
            group = "cap-mid"
        out.append(text[pos:m.start()])
        start = m.start() + shift
        out.append(typo)
        injected.append(Injected(start, start + len(typo), w, typo, group, source))
        shift += len(typo) - len(w)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), injected


def words_in(text: str) -> int:
    return sum(1 for m in TOKEN.finditer(text))


def false_flags(text: str, problems, injected_spans: set[tuple[int, int]], flagged: Counter):
    names = other = 0
    for p in problems:
        if p.kind != "misspelling":
            continue
        if any(s < p.end and p.start < e for s, e in injected_spans):
            continue
        w = text[p.start:p.end]
        flagged[w] += 1
        if w[:1].isupper():
            names += 1
        else:
            other += 1
    return names, other


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", default=str(ROOT.parent / "shared" / "corpora" / "polnear-quotes"
                                              / "quotes-dev.jsonl"))
    ap.add_argument("--norvig", default=str(ROOT.parent / "shared" / "corpora" / "spelling"))
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--rate", type=float, default=0.02, help="share of eligible words made typos")
    ap.add_argument("--show", type=int, default=0, help="list the N most flagged words, missed typos")
    args = ap.parse_args()

    path = Path(args.articles)
    if not path.exists():
        print(f"{path} not found: nothing to measure")
        return
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    checker = get_checker()
    checker.load()
    # The sample depends only on pyspellchecker's own list (not on our supplements),
    # so that it stays the same while the checker's word lists change.
    known = set(json.loads(gzip.decompress(base_list_path().read_bytes())))
    norvig = load_norvig(Path(args.norvig))
    rng = random.Random(args.seed)

    total_words = 0
    clean_names = clean_other = 0
    clean_flagged: Counter = Counter()
    t0 = time.perf_counter()
    for text in texts:
        total_words += words_in(text)
        rep = check_text(text)
        n, o = false_flags(text, rep.problems, set(), clean_flagged)
        clean_names += n
        clean_other += o
    clean_time = time.perf_counter() - t0

    stats: dict[str, Counter] = {}
    inj_words = 0
    inj_names = inj_other = 0
    inj_flagged: Counter = Counter()
    missed: Counter = Counter()
    wrong_first: list[tuple[str, str, str]] = []
    for text in texts:
        new, injected = inject(text, rng, args.rate, known, norvig)
        inj_words += words_in(new)
        rep = check_text(new)
        spans = {(i.start, i.end) for i in injected}
        n, o = false_flags(new, rep.problems, spans, inj_flagged)
        inj_names += n
        inj_other += o
        by_span: dict[tuple[int, int], list] = {}
        for p in rep.problems:
            if p.kind in ("misspelling", "unknown-name", "inconsistent-name"):
                by_span.setdefault((p.start, p.end), []).append(p)
        for i in injected:
            found = by_span.get((i.start, i.end), [])
            kinds = {p.kind for p in found}
            for key in (i.group, i.source, "all"):
                c = stats.setdefault(key, Counter())
                c["n"] += 1
                if "misspelling" in kinds:
                    c["red"] += 1
                    p = next(p for p in found if p.kind == "misspelling")
                    if p.suggestions and p.suggestions[0] == i.right:
                        c["first"] += 1
                    elif key == "all":
                        wrong_first.append((i.typo, i.right, p.suggestions[0] if p.suggestions else ""))
                elif "inconsistent-name" in kinds:
                    c["inconsistent"] += 1
                elif "unknown-name" in kinds:
                    c["name"] += 1
                    if key == "all":
                        missed[f"{i.typo} (name; {i.right})"] += 1
                else:
                    c["none"] += 1
                    if key == "all":
                        missed[f"{i.typo} (nothing; {i.right})"] += 1

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:5.1f} %" if b else "   - "

    print(f"{len(texts)} articles, {total_words} words; typos injected at rate {args.rate} "
          f"(seed {args.seed}); clean check of all articles {1000 * clean_time:.0f} ms")
    print("injected typos: reported as misspelling (recall) | only unknown-name | "
          "inconsistent-name | nothing | first suggestion right (of misspellings)")
    for key in ("all", "lower", "cap-start", "cap-mid", "keyboard", "norvig"):
        c = stats.get(key)
        if not c:
            continue
        print(f"  {key:9s} n={c['n']:4d}  recall {pct(c['red'], c['n'])}  "
              f"name {c['name']:3d}  inconsistent {c['inconsistent']:3d}  none {c['none']:3d}  "
              f"first {pct(c['first'], c['red'])}")
    for label, words, names, other in (("clean articles", total_words, clean_names, clean_other),
                                       ("with typos", inj_words, inj_names, inj_other)):
        print(f"false red flags, {label}: {1000 * (names + other) / words:.2f} per 1,000 words "
              f"(capitalised/names {1000 * names / words:.2f}, other {1000 * other / words:.2f}; "
              f"{names + other} flags)")
    if args.show:
        print("most flagged words in the clean articles:",
              ", ".join(f"{w}×{n}" if n > 1 else w for w, n in clean_flagged.most_common(args.show)))
        print("typos not reported as misspelling:", ", ".join(list(missed)[: args.show]))
        print("wrong first suggestions (typo -> right, got):",
              ", ".join(f"{a}->{b} ({c})" for a, b, c in wrong_first[: args.show]))


if __name__ == "__main__":
    main()
