#!/usr/bin/env python3
"""Tune ranking.WEIGHTS by coordinate search on the *tune* part of the PolNeAR files
(attribution_split.py; the held-out third is never read here).

    python tests/bench/attribution_tune.py [--rounds 2]

Prints the weights that maximise correctly named speakers (named + lenient pronoun/nominal
+ no-source) so they can be copied into ranking.py by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from attribution_split import _scorer, load_parts  # noqa: E402

from desk.checks.attribution import ranking  # noqa: E402
from desk.checks.engine import check_text  # noqa: E402

STEPS = (-1.0, -0.5, -0.25, 0.25, 0.5, 1.0)


def evaluate(docs, score) -> int:
    gold = {d["id"]: d for d in docs}
    pred = {}
    for d in docs:
        rep = check_text(d["text"], spelling=False)
        pred[d["id"]] = {"quotes": [{"start": q.start, "end": q.end, "speaker": q.speaker}
                                    for q in rep.quotes if not q.term]}
    res, _ = score.score(gold, pred)
    s = res["speaker"]
    return round(s["acc_named"] * s["n_named"] + s["acc_unnamed_lenient"] * s["n_unnamed"]
                 + (s["acc_no_source"] or 0) * s["n_no_source"])


def main(argv) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=1)
    a = ap.parse_args(argv)
    score = _scorer()
    docs = load_parts()["tune"]
    best = evaluate(docs, score)
    print("start", best, flush=True)
    for _ in range(a.rounds):
        for key in list(ranking.WEIGHTS):
            base = ranking.WEIGHTS[key]
            for step in STEPS:
                ranking.WEIGHTS[key] = base + step
                got = evaluate(docs, score)
                if got > best:
                    best, base = got, base + step
                    print(f"{key} -> {base:g}: {best}", flush=True)
            ranking.WEIGHTS[key] = base
    print("best", best)
    for k, v in ranking.WEIGHTS.items():
        print(f'    "{k}": {v:g},')
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
