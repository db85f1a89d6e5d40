"""A Title-Case summary line holding a quotation: "Voss Calls Count “A Farce”" — the name
before the capitalised speech verb is the speaker (a headline or a roundup item, no full stop)."""

from __future__ import annotations

import re

from desk.checks.attribution.credit import Credit
from desk.checks.attribution.cues import CUE_FORMS, POST_ONLY
from desk.checks.attribution.marks import Region
from desk.checks.attribution.subjects import speaker_before

_SMALL = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "as", "at", "by", "with", "or", "from", "is",
          "be", "but", "vs", "vs.", "over", "after", "into"}
_WORD = re.compile(r"[A-Za-z][\w'\u2019.-]*")
_LEAD = re.compile(r"[ \t>#*-]*")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019.-])(?!(?:" + "|".join(sorted(_SMALL, key=len, reverse=True)).replace(".", r"\.")
                         + r")(?![\w'\u2019-]))[a-z]")


def title_line(text: str, r: Region, a: int, b: int) -> Credit | None:
    hi = text.find("\n", r.end, b)
    hi = b if hi < 0 else hi
    line_end = text[r.end:hi].rstrip()
    if line_end.endswith("."):
        return None  # a summary line has no full stop
    lo = max(a, text.rfind("\n", a, r.open_pos) + 1)
    if r.open_pos - lo > 120 or hi - lo > 200 or _LOWER_WORD.search(text, lo, r.open_pos):
        return None  # short and capitalised before its quotation
    lo = _LEAD.match(text, lo, r.open_pos).end()
    words = list(_WORD.finditer(text, lo, r.open_pos))
    if len(words) < 2 or len(text[lo:hi].split()) > 16:
        return None
    for w in words[1:]:
        low = w.group().lower()
        if w.group()[0].isupper() and (low in CUE_FORMS or low in POST_ONLY):
            sp = speaker_before(text, lo, w.start(), allow_descriptor=False)
            if sp is not None and sp.kind in ("person", "organisation") and sp.start - lo < 40:
                return Credit(sp, w.group(), how="title-line")
            return None
    return None
