"""Problems raised by quotations: marks, attribution, sources, misquotes."""

from __future__ import annotations

import re
from typing import Sequence

from desk.checks.attribution.marks import MarkIssue, Region
from desk.checks.attribution.tags import best_match
from desk.checks.diff import normalise, word_diff
from desk.model import Problem, QuoteSpan, TaggedQuote

_WORDS = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|am|will|would|can|could|should|must|may|might|have|has|had|do|does|did|"
    r"don't|won't|can't|i|we|you|i'm|we're|it's|isn't|wasn't|aren't|[a-z]+ed|[a-z]+n't)\b", re.I)


def is_statement(quote: str) -> bool:
    """A clause or sentence, as opposed to a short term, nickname, title or scare quote."""
    ws = _WORDS.findall(quote)
    if len(ws) >= 8:
        return True
    if len(ws) < 3:
        return False
    stripped = quote.strip()
    ends = stripped[-1:] in ".!?,\u2026" if stripped else False
    if ends and stripped[:1].isupper() and _VERBISH.search(quote):
        return True
    return len(ws) >= 5 and bool(_VERBISH.search(quote)) and ends


def quote_problems(text: str, regions: list[Region], quotes: list[QuoteSpan], issues: list[MarkIssue],
                   anon: list[bool], have_sources: bool, tagged: Sequence[TaggedQuote]) -> list[Problem]:
    out: list[Problem] = []
    for iss in issues:
        if iss.kind == "unclosed":
            out.append(Problem("unclosed-quote", "error", iss.start, iss.end,
                               "quotation is not closed before the end of its paragraph"))
        elif iss.kind == "stray-close":
            out.append(Problem("unclosed-quote", "error", iss.start, iss.end,
                               "closing quotation mark with no opening mark"))
        else:
            out.append(Problem("mismatched-marks", "warning", iss.start, iss.end,
                               f"mismatched quotation marks ({iss.detail or 'opening and closing differ'})"))
    unknown_seen: set[str] = set()
    for r, q, is_anon in zip(regions, quotes, anon):
        if q.speaker is None and q.source_id is None:
            statement = is_statement(q.text)
            if r.continues is not None or (statement and not q.text.strip()):
                continue
            if q.term:
                message = "quoted title or nickname: not treated as a quotation"
            elif statement:
                message = "quotation has no speaker"
            else:
                message = "quoted term with no speaker (scare quote, title or nickname?)"
            out.append(Problem("unattributed-quote", "error" if statement else "info", q.start, q.end, message))
            continue
        if is_anon:
            a = q.speaker_start if q.speaker_start is not None else q.start
            b = q.speaker_end if q.speaker_end is not None else q.end
            out.append(Problem("anonymous-source", "warning", a, b,
                               f"anonymous source: {q.speaker}"))
        if q.speaker_kind in ("person", "organisation") and q.source_id is None \
                and q.speaker not in unknown_seen and _named(q.speaker):
            unknown_seen.add(q.speaker)
            a = q.speaker_start if q.speaker_start is not None else q.start
            b = q.speaker_end if q.speaker_end is not None else q.end
            out.append(Problem("unknown-source", "warning", a, b,
                               f"{q.speaker} is not in the library's sources", (q.speaker,)))
    out.extend(misquotes(quotes, tagged))
    return out


def _named(name: str | None) -> bool:
    return bool(name) and any(w[:1].isupper() for w in name.split())


def _candidates(quotes: list[QuoteSpan]):
    """Each quotation, and each statement split by its attribution (“We are ready,” she said, “to talk.”)."""
    for i, q in enumerate(quotes):
        yield q.start, q.end, q.text
        if i + 1 < len(quotes):
            n = quotes[i + 1]
            if n.start - q.end <= 80 and q.speaker and n.speaker == q.speaker and n.cue == q.cue:
                yield q.start, n.end, q.text.rstrip(" ,") + " " + n.text


def misquotes(quotes: list[QuoteSpan], tagged: Sequence[TaggedQuote]) -> list[Problem]:
    """Tagged quotations whose words now differ from the recorded original: an error, or
    a warning once an editor verified the quotation anyway (they vouched for its words, so
    it no longer blocks the gate or export, but the difference stays in sight)."""
    out = []
    for tag in tagged:
        if not tag.original or not tag.text:
            continue
        found = best_match(tag, _candidates(quotes))
        if found is None:
            continue
        (start, end, qtext), _score = found
        if normalise(qtext).lower() == normalise(tag.original).lower():
            continue
        diff = word_diff(tag.original, qtext)
        if not diff:
            continue
        if tag.status == "verified":  # the editor looked at the difference and vouched
            out.append(Problem("misquote", "warning", start, end,
                               f"quotation differs from the recorded original (verified "
                               f"anyway): {diff}", (tag.original,)))
            continue
        out.append(Problem("misquote", "error", start, end,
                           f"quotation differs from the recorded original: {diff}",
                           (tag.original,)))
    return out
