"""Verbs and phrases of attribution, and sentence boundaries inside a paragraph."""

from __future__ import annotations

import bisect
import re

# Verbs and phrases of attribution, as they appear in text (past, present, -ing).
_CUE_WORDS = """
said says say saying told tells telling added adds adding asked asks asking wrote writes writing
tweeted tweeting posted stated declared declares declaring explained explains explaining continued
continues noted noting argued argues arguing insisted insists insisting claimed claiming warned warns
warning replied replies replying responded responding answered recalled recalls recalling conceded
concedes conceding acknowledged acknowledges acknowledging admitted admits admitting announced
announces announcing suggested suggests suggesting predicted predicts predicting promised promising
pledged pledges pledging vowed vows vowing urged urges urging called calling described describes
describing dubbed dubbing labeled labelled labelling labeling branded branding termed praised praises
praising criticized criticised criticizes criticises criticizing criticising accused accuses accusing
mocked mocks mocking joked jokes joking quipped stressed stresses stressing emphasized emphasised
emphasizes emphasises emphasizing emphasising observed observes observing remarked concluded
concludes concluding complained complains complaining lamented laments lamenting boasted boasting
countered retorted shouted shouting yelled yelling testified testifies testifying reported offered
demurred asserted asserts asserting contended contends contending maintained maintains charged
blasted blasting slammed slamming touted touts touting cited citing exclaimed repeated repeats
repeating reiterated reiterates reiterating confirmed confirms confirming agreed disagreed mused
wondered muttered proclaimed proclaims proclaiming advised cautioned cautions cautioning recounted
recounts recounting hailed hailing decried decries dismissed dismissing denounced denounces
denouncing condemned condemns condemning defended defends defending thanked lauded lauding
welcomed questioned challenged threatened threatens threatening sang sings singing deadpanned
sighed chuckled laughed scoffed snapped screamed chanted whispered interjected pleaded opined
queried inquired cried denied denies denying read pressed demanded interrupted elaborated clarified
teased fumed raged gushed marveled marvelled echoed texted emailed messaged suggest argue insist
explain tell ask add note warn claim revealed reveals revealing
""".split()
_CUE_PHRASES = ["according to", "in the words of", "went on", "goes on", "pointed out", "points out",
                "pointing out", "put it", "puts it", "chimed in", "chimes in", "shot back", "fired back", "wrote in", "went on to say"]
CUE_FORMS: set[str] = set(_CUE_WORDS) | set(_CUE_PHRASES)

# Verbs that can introduce the speaker after them: “…,” said Ana Ruiz.
INVERSION = {"said", "says", "asked", "asks", "added", "adds", "wrote", "writes", "continued",
             "explained", "replied", "noted", "declared", "tweeted", "recalled", "responded",
             "answered", "insisted", "argued", "warned", "told", "tells", "observed", "remarked",
             "concluded", "complained", "countered", "added", "stated", "acknowledged", "conceded",
             "admitted", "quipped", "joked", "cautioned", "suggested", "announced", "claimed",
             "shouted", "yelled", "exclaimed", "posted", "reported", "reports", "mused",
             "went on", "agreed", "testified", "read", "reads", "predicted", "stressed", "notes", "states",
             "claims", "continues", "tweets", "posts", "quips", "jokes", "concludes"}

# Forms too often nouns to count as cues anywhere, but verbs right after a quotation:
# “…,” the letter reads. / “…,” reads an editorial.
POST_ONLY = {"reads", "notes", "claims", "states", "posts", "tweets", "quips", "concludes", "continues"}
POST_CUE_RE = re.compile(r"(?<![\w’'-])(?:" + "|".join(
    re.escape(f).replace(r"\ ", r"\s+") for f in sorted(CUE_FORMS | POST_ONLY, key=len, reverse=True))
    + r"|[Aa]ccording\s+to)(?![\w’'-])")

_sorted_forms = sorted(CUE_FORMS, key=len, reverse=True)
CUE_RE = re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in _sorted_forms)
                    + r"|[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of)(?![\w’'-])")
ING_CUES = {f for f in CUE_FORMS if f.split()[0].endswith("ing")}

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr",
    "inc", "co", "corp", "ltd", "no", "vs", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct",
    "nov", "dec", "mt", "prof", "rev", "ft", "adm", "cmdr", "maj", "pres", "supt", "det", "insp",
    "u.s", "u.n", "u.k", "d.c", "a.m", "p.m", "e.g", "i.e", "etc", "approx", "dept", "univ", "hon",
    "del", "atty", "amb", "msgr", "fr", "cpl", "pvt", "ald", "assn", "bros", "dist", "gens", "sens", "reps",
}
_BOUNDARY_RE = re.compile(r"([.!?\u2026])[\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018'(\[]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def sentence_starts(text: str, a: int, b: int) -> list[int]:
    """Start positions of sentences in text[a:b] (always includes a)."""
    starts = [a]
    for m in _BOUNDARY_RE.finditer(text, a, b):
        if m.group(1) == ".":
            w = _WORD_BEFORE.search(text, max(a, m.start() - 12), m.start())
            if w:
                word = w.group(1).lower().rstrip(".")
                if word in ABBREVIATIONS or (len(word) <= 1) or _INITIALS.fullmatch(word):
                    continue
        starts.append(m.end())
    return starts


def sentence_bounds(starts: list[int], b: int, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    s = starts[max(i, 0)]
    e = starts[i + 1] if i + 1 < len(starts) else b
    return s, e


def cues_in(text: str, a: int, b: int) -> list[re.Match]:
    return list(CUE_RE.finditer(text, a, b))
