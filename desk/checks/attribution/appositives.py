"""Quotations inside an appositive: a short quoted title or nickname between a name and its
verb ("Kerry Lind, star of “Harbour Lights,” thanked …", "“…,” Omar Beck, wearing a “Beck
for Mayor” badge, said"). The plain finders stop at the inner quotation; these read past it."""

from __future__ import annotations

import re
from typing import Callable

from desk.checks.attribution.credit import Credit
from desk.checks.attribution.cues import CUE_RE, sentence_bounds
from desk.checks.attribution.following import speaker_after
from desk.checks.attribution.marks import Region
from desk.checks.attribution.phrase import Speaker

# ", star of the film “Harbour Lights,” thanked": an appositive holding a short quotation
_QUOTED_APPOSITIVE = re.compile(r",[ \t]+[^,;:.!?\u201c\u201d\"\n]{0,60}[\u201c\"][^\u201c\u201d\"\n]{1,60}[\u201d\"]"
                                r"[ \t]*,?[ \t]*(?=[a-z])")
_INNER_CLOSE = re.compile(r"[^\u201c\u201d\"\n]{1,60}[\u201d\"]")


def subject_past_inner(text: str, s: int, limit: int, prev_end: int | None = None) -> Speaker | None:
    """The name opening the sentence before an appositive that holds a short quotation (the
    earlier quotation ending at prev_end, when given)."""
    p = s
    while p < limit and text[p] in " \t\n":
        p += 1
    sp = speaker_after(text, p, limit)
    if sp is None or sp.kind != "person" or sp.start != p:
        return None
    m = _QUOTED_APPOSITIVE.match(text, sp.end, limit)
    if m is None or prev_end is not None and not sp.end < prev_end <= m.end():
        return None
    return sp


def post_past_inner(text: str, r: Region, b: int, st: list[int], nxt_open: int,
                    post_cue: Callable[..., Credit | None]) -> Credit | None:
    """“…,” Omar Beck, wearing a “Beck for Mayor” badge, said: the credit runs past a short
    quotation inside the speaker's appositive (the plain finder stops at the next quotation)."""
    _, e = sentence_bounds(st, b, r.end + 1)
    if nxt_open >= min(e, b) or "," not in text[r.end + 1:nxt_open]:
        return None
    close = _INNER_CLOSE.match(text, nxt_open + 1, min(e, b))
    if close is None or len(text[nxt_open:close.end()].split()) > 6 or CUE_RE.search(text, r.end, nxt_open):
        return None
    nxt = text.find("\u201c", close.end(), e)
    nxt = min(nxt if nxt >= 0 else e, text.find('"', close.end(), e) if '"' in text[close.end():e] else e)
    # read on as if the inner quotation had no marks (same positions, one copy of the text)
    plain = text[:nxt_open] + " " + text[nxt_open + 1:close.end() - 1] + " " + text[close.end():]
    found = post_cue(plain, r, b, st, nxt)
    if found is None or found.speaker is None or found.speaker.start >= nxt_open or not found.cue:
        return None
    if text.find(found.cue, close.end(), nxt) < 0:
        return None
    found.speaker.name = " ".join(found.speaker.name.split())  # (a nickname's marks were blanked)
    return found
