"""`desk check --explain`: per quotation, the candidates, the features that scored them."""

from __future__ import annotations

from desk.checks.attribution.ranking import Choice
from desk.model import QuoteSpan


def explanation(span: QuoteSpan, choice: Choice) -> dict:
    cands = []
    for s in choice.ranked:
        sp = s.credit.speaker
        cands.append({
            "speaker": sp.name if sp else None,
            "how": s.credit.how,
            "cue": s.credit.cue,
            "score": round(s.score, 3),
            "features": {k: round(v, 3) for k, v in s.features.items()},
        })
    return {"start": span.start, "end": span.end, "speaker": span.speaker,
            "confidence": round(choice.confidence, 3), "candidates": cands}


def explain_lines(entry: dict, text: str, name: str = "") -> list[str]:
    """Human-readable form: where the quotation is, its first words and the chosen speaker,
    then one line per candidate, best first."""
    words = " ".join(text[entry["start"]:entry["end"]].split()[:8])
    line = text.count("\n", 0, entry["start"]) + 1
    where = f"{name}:{line}: " if name else ""
    out = [f"{where}{words} -> {entry['speaker'] or '(nobody)'} ({round(100 * entry['confidence'])} % sure)"]
    for c in entry["candidates"]:
        feats = ", ".join(f"{k}={v:g}" for k, v in c["features"].items())
        out.append(f"    {c['score']:6.2f}  {c['speaker'] or '(nobody)'} [{c['how']}] {feats}")
    return out
