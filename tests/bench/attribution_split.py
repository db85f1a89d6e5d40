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
written is printed too, and for pronoun/nominal gold speakers how often the engine's speaker
mention is the gold's own (its place in the text), whatever it resolves to.

--half A|B splits the tune part in two by the low bit of the same hash: rules are written
looking at half A's errors, and a change is kept only if half B (totals only) does not get
worse; the held-out part is measured once, at the end.
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


def half(doc_id: str) -> str:
    """The tune part's two halves, by the low bit of the same hash: rules are written looking
    at the errors of half A; a change is kept only if half B (totals only) does not get worse."""
    return "AB"[int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) & 1]


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
    return predict_both(doc)[1 if mention else 0]


def predict_both(doc: dict) -> tuple[dict, dict]:
    """One check, two predictions: the resolved entity and the speaker as written; each quote
    keeps where its speaker mention is (speaker_start/speaker_end; the scorer ignores them)."""
    report = check_text(doc["text"], spelling=False)
    out = []
    for mention in (False, True):
        quotes = [{"start": q.start, "end": q.end, "speaker": (q.mention or q.speaker) if mention else q.speaker,
                   "speaker_start": q.speaker_start, "speaker_end": q.speaker_end}
                  for q in report.quotes if not q.term]
        out.append({"id": doc["id"], "quotes": quotes})
    return out[0], out[1]


def same_mention(score, gold: dict, pred: dict) -> tuple[int, int]:
    """Pronoun/nominal gold speakers ("he", "the senator"): of the matched quotations, how many
    have the engine's speaker mention at the gold's own place (the spans overlap). The gold
    annotates that mention; whom it names is only checked through the corpus's automatic
    alternatives, so this says whether the right mention was chosen, whatever it resolves to."""
    ok = n = 0
    for did, gd in gold.items():
        text, gq = gd["text"], gd.get("quotes", [])
        pq = pred.get(did, {}).get("quotes", [])
        gspans = [score.norm_span(text, q["start"], q["end"]) for q in gq]
        pspans = [score.norm_span(text, q["start"], q["end"]) for q in pq]
        for gi, pi, _ in score.greedy_overlap(gspans, pspans):
            g, p = gq[gi], pq[pi]
            if not g.get("speaker") or score.has_name(g["speaker"]) or g.get("speaker_start") is None:
                continue
            n += 1
            ps, pe = p.get("speaker_start"), p.get("speaker_end")
            ok += ps is not None and min(pe, g["speaker_end"]) > max(ps, g["speaker_start"])
    return ok, n


def _scorer():
    spec = importlib.util.spec_from_file_location("polnear_score", CORPUS / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--part", default="all", choices=["tune", "heldout", "all"])
    ap.add_argument("--half", choices=["A", "B"],
                    help="only this half of the tune part (errors are printed for half A only)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    if a.half and a.part != "tune":
        ap.error("--half needs --part tune")
    if a.half == "B" and a.errors:
        ap.error("half B is for totals only: its errors are not printed")
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    score = _scorer()
    parts = load_parts()
    names = ["tune", "heldout"] if a.part == "all" else [a.part]
    out = {}
    for part in names:
        docs = [d for d in parts[part] if not a.half or half(d["id"]) == a.half]
        gold = {d["id"]: d for d in docs}
        both = {d["id"]: predict_both(d) for d in docs}
        pred = {k: v[0] for k, v in both.items()}
        res, errors = score.score(gold, pred, n_errors=a.errors)
        out[part] = res
        as_written, _ = score.score(gold, {k: v[1] for k, v in both.items()})
        out[part + "-mention"] = as_written
        placed, n_placed = same_mention(score, gold, pred)
        out[part + "-same-mention"] = {"ok": placed, "n": n_placed}
        if not a.json:
            print(f"== {part}{' half ' + a.half if a.half else ''}: {len(docs)} articles")
            print(score.fmt(res))
            s = as_written["speaker"]
            print(f"  speaker as written (the mention, not the resolved entity): named {100 * s['acc_named']:.1f}, "
                  f"pronoun/nominal lenient {100 * s['acc_unnamed_lenient']:.1f}")
            if n_placed:
                print(f"  pronoun/nominal: the speaker mention at the gold's place {100 * placed / n_placed:.1f} "
                      f"({placed} of {n_placed})")
            for e in errors:
                print(json.dumps(e, ensure_ascii=False))
    if a.json:
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
