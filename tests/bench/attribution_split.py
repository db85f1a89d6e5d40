#!/usr/bin/env python3
"""Score the attribution engine on the PolNeAR files with a fixed held-out part.

    python tests/bench/attribution_split.py [--errors N] [--part tune|heldout|all] [--half A|B]

The 570 articles of ../shared/corpora/polnear-quotes/ are split by a hash of their id:
one article in three of quotes-train-extra.jsonl is *held out* (never looked at while the
rules were written); the rest (quotes-dev.jsonl and the other two thirds) is the *tune*
part. Both are scored with the corpus's own score.py; only the held-out figure estimates
how the engine does on news it has never seen. Corpus text is read at run time only.

The speaker scored is the resolved entity, as the editor sees it ("he" → "Peter Lang");
the gold annotates the mention in the text ("he"), so the figure with the speaker as
written is printed too.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpora" / "polnear-quotes"

from desk.checks.engine import check_text  # noqa: E402


def held_out(doc_id: str) -> bool:
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 3 == 0


def tune_half(doc_id: str) -> str:
    """Half A or B of the tune part, by a second hash: rules are written looking at A's errors
    and kept only if B (whose errors are never printed) does not get worse."""
    return "A" if int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "B"


def load_parts() -> dict[str, list[dict]]:
    parts: dict[str, list[dict]] = {"tune": [], "heldout": []}
    for name in ("quotes-dev.jsonl", "quotes-train-extra.jsonl"):
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = json.loads(line)
                extra = name.startswith("quotes-train-extra")
                parts["heldout" if extra and held_out(doc["id"]) else "tune"].append(doc)
    return parts


def predict(doc: dict, mention: bool = False) -> dict:
    """The engine's quotations; speaker is the resolved entity (what the editor sees), or with
    mention=True the speaker as the text names them at that place ("he", "the senator")."""
    report = check_text(doc["text"], spelling=False)
    quotes = [{"start": q.start, "end": q.end, "speaker": (q.mention or q.speaker) if mention else q.speaker}
              for q in report.quotes if not q.term]
    return {"id": doc["id"], "quotes": quotes}


def _scorer():
    spec = importlib.util.spec_from_file_location("polnear_score", CORPUS / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--part", default="all", choices=["tune", "heldout", "all"])
    ap.add_argument("--half", choices=["A", "B"], help="score one half of the tune part only "
                    "(errors are printed for half A only)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    if a.half:
        a.part = "tune"
        if a.half == "B":
            a.errors = 0
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    score = _scorer()
    parts = load_parts()
    names = ["tune", "heldout"] if a.part == "all" else [a.part]
    out = {}
    for part in names:
        docs = parts[part]
        if a.half:
            docs = [d for d in docs if tune_half(d["id"]) == a.half]
            part = f"{part}-{a.half}"
        gold = {d["id"]: d for d in docs}
        pred = {d["id"]: predict(d) for d in docs}
        res, errors = score.score(gold, pred, n_errors=a.errors)
        out[part] = res
        as_written, _ = score.score(gold, {d["id"]: predict(d, mention=True) for d in docs})
        out[part + "-mention"] = as_written
        if not a.json:
            print(f"== {part}: {len(docs)} articles")
            print(score.fmt(res))
            s = as_written["speaker"]
            print(f"  speaker as written (the mention, not the resolved entity): named {100 * s['acc_named']:.1f}, "
                  f"pronoun/nominal lenient {100 * s['acc_unnamed_lenient']:.1f}")
            for e in errors:
                print(json.dumps(e, ensure_ascii=False))
    if a.json:
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
