"""The source a report comes through: "“…,” Voss said, according to the Courier" and
"According to the Courier, Voss said “…”" — the quotation reaches the reader through the
Courier, the outermost source, as with any nested attribution (constructions.py's outer)."""

from __future__ import annotations

import re

from desk.checks.attribution.credit import Credit
from desk.checks.attribution.cues import sentence_bounds
from desk.checks.attribution.following import speaker_after
from desk.checks.attribution.marks import Region
from desk.checks.attribution.phrase import Speaker

# ", according to" after the credit, with at most a short adverbial between: "Voss said at a
# press conference, according to"
_AFTER = re.compile(r"[^.;:!?\n\u201c\u201d\"]{0,60}?,[ \t]+according[ \t]+to[ \t]+")
# "According to the Courier, …" opening the sentence (after a conjunction or an adverb at most)
_OPENING = re.compile(r"[ \t\n>*-]*(?:(?:And|But|Yet|Now|Still|Also|However),?[ \t]+)?According[ \t]+to[ \t]+")
_KINDS = ("person", "organisation", "anonymous")
# "…, the Courier reported." closing the sentence after the quotation
_REPORTED_TAIL = re.compile(r",[ \t]+([^,;:.!?\u201c\u201d\"\n]{2,60}?)[ \t]+(?:reported|reports)[ \t]*\.")


_PHRASE = re.compile(r"[a-z][\w'\u2019-]*(?:[ \t]+[\w'\u2019.-]+){0,11}?(?=[ \t]*(?:[,;.!?)\n]|$))")


# a name's own reckoning, not a source that vouches for the words: "Voss's own count of …"
_OWN_COUNT = re.compile(r"(?:[A-Z][\w.'\u2019-]*[ \t]+){0,3}[A-Z][\w.-]*(?:'s|\u2019s)[ \t]+own[ \t]")


def _phrase(text: str, p: int, limit: int) -> Speaker | None:
    """What "according to" names when it is no name or descriptor the readers know: "court
    documents", "excerpts of his speech released by the White House"."""
    m = _PHRASE.match(text, p, limit)
    if m is None:
        return None
    name = m.group().rstrip(".")
    return Speaker(name, "anonymous", m.start(), m.start() + len(name))


def according_source(text: str, r: Region, a: int, b: int, st: list[int], prev_end: int,
                     found: Credit) -> Credit | None:
    """The source an "according to" phrase names for a credit found around the quotation, when
    that credit is itself no "according to" cue. found.how: post (the phrase must follow the
    credit) or pre/subject (the phrase must open the sentence, before the credit, or an
    outlet's "…, the Courier reported." close it)."""
    sp = found.speaker
    if sp is None or (found.cue or "").lower().startswith(("according", "in the words")):
        return None
    s, e = sentence_bounds(st, b, r.open_pos)
    if found.how == "post":
        if sp.start < r.end:
            return None
        end = sp.end
        if found.cue:
            k = text.find(found.cue, r.end, min(b, sp.end + 200))
            end = max(end, k + len(found.cue)) if k >= 0 else end
        limit = min(b, max(e, end + 1) + 200)
        if "according" not in text[end:end + 70]:
            return None
        m = _AFTER.match(text, end, limit)
        if m is None:
            return None
        src = speaker_after(text, m.end(), limit) or _phrase(text, m.end(), limit)
    elif found.how in ("pre", "subject"):
        start = max(s, a)
        if prev_end > start or sp.start < start or sp.end > r.open_pos:
            return None
        tail = None
        if "report" in text[r.end:min(b, e + 1)]:
            for tail in _REPORTED_TAIL.finditer(text, r.end, min(b, e + 1)):
                pass  # the last one, ending the sentence
        if tail is not None and not text[tail.end():min(b, e)].strip():
            # "Voss welcomed the news, saying “…”, the Courier reported."
            src = speaker_after(text, tail.start(1), tail.end(1))
            if src is not None and src.end == tail.end(1) and src.kind in _KINDS and src.name != sp.name:
                return Credit(src, "reported", how="source")
        m = _OPENING.match(text, start, sp.start) if "ccording" in text[start:sp.start] else None
        if m is None:
            return None
        comma = text.find(",", m.end(), sp.start)
        if comma < 0:
            return None
        src = speaker_after(text, m.end(), comma) or _phrase(text, m.end(), comma)
        if src is not None and src.end < comma - 1 and text[src.end:comma].split()[0:1] not in (["of"], ["by"]):
            # the phrase runs on past the name: "According to Voss's own count of the ballots"
            return None
        if src is not None and src.kind == "anonymous" and _OWN_COUNT.match(src.name):
            return None  # (read as one descriptor: "Lena Voss's own count of the ballots")
    else:
        return None
    if src is None or src.kind not in _KINDS or src.name == sp.name:
        return None
    return Credit(src, "according to", how="source")
