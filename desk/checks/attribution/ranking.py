"""Choosing a quotation's speaker: every candidate the finders (credits.py) and the
document's context offer is described by explicit features and scored with one weight
table; the best wins and keeps its confidence.

A feature is a name and a value (mostly 0/1). The weights are the only knobs: they were set
by hand from the order the finders used to be tried in, then tuned by coordinate search on
the tune part of the PolNeAR development articles (never on the held-out part) with
tests/bench/attribution_tune.py (one round: +16 correct speakers of 3,904).
`desk check --explain` prints the features and scores that decided each quotation.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from desk.checks.attribution.credits import Credit
from desk.checks.attribution.lexicon import PLACEISH, PRONOUNS, REPORTING_VERBS, verbs_pattern

# how: which finder proposed the candidate.
#   label       a transcript label inside the quotation (“SMITH: …”)
#   post        a cue right after the quotation (“…,” Ana Ruiz said / said Ana Ruiz)
#   post-sub    the same, but in a subordinate clause (“…,” when Ruiz told him)
#   pre         a cue before the quotation in its sentence (Ana Ruiz said “…”)
#   source      the source a report came through ("…,” Voss said, according to the Courier)
#   outer       nested attribution: the earlier speaker who reports the inner one
#               (Ruiz said the members were calling it “a farce”)
#   aside       a parenthetical credit in the sentence (The plan, Ruiz said, was “dead”)
#   absolute    an absolute phrase (…, with the union calling her “the champion”)
#   trailing    a credit after more words: “…” if it fails, said Ana Ruiz, a hydrologist
#   said-first  an inverted credit opening the sentence: Said Ana Ruiz, “…”
#   post-verb   a name and any verb after a quotation ending with a comma (“…,” Ruiz barked)
#   noun        a noun cue with its owner (her allegation of a “rigged” vote)
#   roundup     a roundup line's label: "Polls tighten - Lena Voss: “…”"
#   signature   a quotation alone in its paragraph, signed on the next line (— Lena Voss)
#   afterword   a credit pointing back at a finished quotation (“…” was Voss’s reply;
#               “…” / That's what Voss told them.)
#   headline    an upper-case headline line right before the quotation (roundups)
#   title-line  a Title-Case summary line: the name before its capitalised cue (Voss Calls It “A Farce”)
#   colon-clause the clause right before a colon (…, with Voss warning them: “…”)
#   colon-para  the previous paragraph ends with a colon and names the speaker
#   colon       a clause ending in a colon just before the quotation
#   subject     the subject of the sentence holding a quoted fragment (Ruiz called it “…”)
#   nearby      the last cue in the text before the quotation (Ruiz said. “…”)
#   previous    the subject of the sentence before (Ruiz frowned. “No.”)
#   next        the next quotation's cue, with nothing between them (“A.” “B,” she said.)
#   next-and    the same across "and": “A” and “B,” she said
#   continued   the speaker of the quotation this one continues (paragraph after paragraph)
#   same-para   the speaker of the previous quotation in the paragraph
#   prev-para   the speaker at the end of the previous paragraph
#   none        nobody said it
WEIGHTS: dict[str, float] = {
    "how:label": 10.0,
    "how:post": 6.05,
    "how:post-sub": 6.5,
    "how:pre": 7.0,
    "how:post-verb": 5.5,
    "how:trailing": 6.0,
    "how:said-first": 7.5,
    "how:outer": 6.7,
    "how:source": 9.0,
    "how:aside": 7.6,
    "how:absolute": 7.9,
    "how:noun": 5.5,
    "how:headline": 3.5,
    "how:title-line": 6.0,
    "how:roundup": 7.8,
    "how:signature": 6.5,
    "how:afterword": 6.0,
    "how:colon-clause": 7.3,
    "how:colon-para": 5.0,
    "how:colon": 4.5,
    "how:subject": 4.0,
    "how:nearby": 4.5,
    "how:previous": 1.0,
    "how:next": 1.6,
    "how:next-and": 4.6,
    "how:continued": 1.5,
    "how:same-para": 2.15,
    "how:prev-para": 2.2,
    # nobody: wins when every candidate is weak (a scare quote, a title)
    "how:none": 0.8,
    # a quotation ending with a comma, ? or ! is completed by what follows it (“…,” she said)
    "post_after_comma": 1.5,
    # a quotation ending with a full stop usually is not (“…end.” He says …)
    "post_after_stop": -0.3,
    "cue:none": 0.0,
    "cue:ing": -0.2,
    # (the -ing test used to catch "according" first: the weights were tuned with -0.2 here)
    "cue:according": -0.2,
    "kind:person": 0.3,
    "kind:organisation": 1.0,
    "kind:pronoun": 0.1,
    "kind:anonymous": 0.15,
    # words between the quotation and the speaker's mention, per ten words
    "distance": -0.1,
    # a one-word name the article uses as a place ("in Texas") as speaker
    "placeish": -1.5,
    # the speaker phrase starts lower-case and is not a pronoun or descriptor
    "lowercase": -1.0,
    # the speaker's mention is a possessive ("Ruiz’s plan"): rarely the subject of a cue
    "possessive": -1.0,
    # a descriptor or organisation as the sentence subject: weaker than a name
    "subject&anonymous": -0.5,
    "subject&organisation": -0.3,
    "pre&anonymous": 0.0,
    # the candidate sits inside the reported clause of an earlier cue (X said Y were calling “…”)
    "inside_report": -0.5,
    # "Ruiz claimed that “…”": a cue and "that" right before the quotation
    "pre_that": 0.5,
    # a trailing cue followed by a clause of its own ("…,” Voss said the two cases differ):
    # more likely a new statement than the quotation's credit
    "post_long_tail": -1.0,
    # an -ing cue inside a relative clause ("the senator who is challenging X … enjoys “…”"):
    # the clause describes the speaker, it does not introduce the quotation
    "relative_cue": -2.5,
    # the candidate is the inner speaker of a nested attribution
    "nested": -0.5,
    # "Lang promised “a full account” of the costs, Holt said.": the closing credit reports it
    "post_closes_sentence": 1.5,
    # "Days after Lang called her “a liar,” Ruiz hit back": the quotation is the opening
    # clause's, the cue after it the main clause's
    "post_after_opening_clause": -1.5,
    # “…,” Ruiz called it “…”: the cue introduces the next quotation, not this one
    "post_before_quote": -1.5,
    # “…,” while Ruiz suggested she would wait: the clause contrasts another speaker with
    # the quotation's, it does not credit the quotation
    "post_contrast": -5.0,
    # "… he is not tired - as Lang has said - and he can “guarantee” a win": the aside credits
    # the clause before it; the quotation is in the clause after it
    "as_aside": -4.0,
    # the previous quotation's speaker, in the same sentence with no cue between: one report
    # of two fragments ("Brand claimed that locals “cannot work” but crews “can come in”")
    "same_sentence": 2.5,
    # how often the article names this entity again (log scale): salient people speak
    "salience": 0.2,
    # the last cue before the quotation is in an earlier sentence, and the quotation's own
    # sentence names someone before it (its subject is a candidate too)
    "nearby_other_sentence": -1.0,
    # the same entity spoke the previous quotation in this paragraph
    "agrees_previous": 0.4,
}

# salience saturates: twenty mentions or a hundred make no difference
SALIENCE_CAP = math.log(20)

# A chosen speaker below this confidence is reported to the editor as uncertain.
UNCERTAIN_BELOW = 0.6

_WORD = re.compile(r"\S+")
_RELATIVE = re.compile(r"\b(?:who|which|that|whose)\b")
_ADVERBIAL = {"on", "at", "in", "during", "after", "before", "to", "while", "when", "as", "last", "this",
              "earlier", "later", "recently", "yesterday", "today", "tonight", "from", "by", "with", "of",
              "for", "about", "through", "via", "over", "under", "outside", "inside", "near", "since",
              "because", "adding", "according", "in", "speaking", "referring", "noting", "citing",
              "told", "telling", "who", "which", "a", "an", "monday", "tuesday", "wednesday", "thursday",
              "friday", "saturday", "sunday"}
_TAIL = re.compile(r"[^.!?;\n\u201c\"]{0,300}")
_THAT_BEFORE = re.compile(r"\bthat[ \t]+$")
# a speech verb, then perhaps "that", right before a mention: the mention is reported speech
_REPORTED = re.compile(r"\b" + verbs_pattern(REPORTING_VERBS) + r"(?:[ \t]+that)?[ \t]+(?:the[ \t]+)?$")


@dataclass
class Scored:
    credit: Credit
    features: dict[str, float]
    score: float


@dataclass
class Choice:
    credit: Credit
    confidence: float
    ranked: list[Scored] = field(default_factory=list)  # best first, for --explain


def features(text: str, inner: str, open_pos: int, end: int, cand: Credit, salience: int,
             previous: str | None, place: bool = False) -> dict[str, float]:
    sp = cand.speaker
    f: dict[str, float] = {"how:" + cand.how: 1.0}
    tail = inner.rstrip()[-1:] if inner.strip() else ""
    if cand.how == "post":
        if tail in (",", "?", "!", "\u2014", "-"):
            f["post_after_comma"] = 1.0
        elif tail in (".", "\u2026"):
            f["post_after_stop"] = 1.0
    cue = (cand.cue or "").lower()
    if not cue:
        f["cue:none"] = 1.0
    elif cue.startswith(("according", "in the words")):
        f["cue:according"] = 1.0
    elif cue.split()[0].endswith("ing"):
        f["cue:ing"] = 1.0
    if sp is None:
        return f
    f["kind:" + sp.kind] = 1.0
    if sp.start >= end:
        gap = text[end:min(sp.start, end + 600)]
    elif sp.end <= open_pos:
        gap = text[max(sp.end, open_pos - 600):open_pos]
    else:
        gap = ""
    f["distance"] = min(gap.count(" ") + gap.count("\n"), 60) / 10.0 if gap.strip() else 0.0
    words = sp.name.split()
    if place or len(words) == 1 and words[0].lower().strip(".,") in PLACEISH:
        f["placeish"] = 1.0
    if sp.name[:1].islower() and sp.kind not in ("pronoun", "anonymous") \
            and sp.name.split()[0].lower() not in PRONOUNS:
        f["lowercase"] = 1.0
    if cand.how in ("subject", "pre") and sp.kind in ("anonymous", "organisation"):
        f[f"{cand.how}&{sp.kind}"] = 1.0
    if cand.how != "noun" and text.startswith(("\u2019s", "'s", "s\u2019", "s'"), sp.end):
        f["possessive"] = 1.0
    if cand.how == "pre" and sp.end <= open_pos and _REPORTED.search(text, max(0, sp.start - 60), sp.start):
        f["inside_report"] = 1.0
    if cand.nested:
        f["nested"] = 1.0
    if cand.how == "pre" and f.get("cue:ing") and sp.end <= open_pos:
        k = text.find(cand.cue, sp.end, open_pos)
        if k > 0 and _RELATIVE.search(text, sp.end, k):
            f["relative_cue"] = 1.0
    if cand.how == "pre" and _THAT_BEFORE.search(text, max(0, open_pos - 12), open_pos):
        f["pre_that"] = 1.0
    if cand.how == "post" and sp.start >= end and cand.cue:
        k = text.find(cand.cue, end, end + 300)
        tail = _TAIL.match(text, max(sp.end, k + len(cand.cue) if k >= 0 else sp.end))
        words = tail.group().split() if tail else []
        # (not an appositive after an inverted credit: “…,” said Dana Holt, a member of …)
        if len(words) >= 5 and words[0].lower() not in _ADVERBIAL and not tail.group().lstrip().startswith(","):
            f["post_long_tail"] = 1.0
    if cand.how == "post" and sp.start >= end and cue in _PLAIN_REPORTING \
            and _CREDIT_ENDS.match(text, max(sp.end, text.find(cand.cue, end, end + 300) + len(cand.cue))) \
            and text[end:sp.start].strip(" \t,") and not f.get("post_after_comma"):
        # "Lang promised “a full account” of the costs, Holt said.": the credit closing the
        # sentence reports all of it (the outer speaker, as for “…,” Holt said)
        f["post_closes_sentence"] = 1.0
    if cand.how in ("post", "post-verb") and sp.start >= end and _in_opening_clause(text, open_pos):
        f["post_after_opening_clause"] = 1.0
    if cand.how in ("post", "post-sub", "post-verb") and sp.start >= end and cand.cue:
        k = text.find(cand.cue, end, end + 300)
        if k >= 0 and _NEXT_QUOTE.match(text, max(sp.end, k + len(cand.cue))):
            f["post_before_quote"] = 1.0
    if cand.how == "post-sub" and sp.start >= end and _CONTRAST.match(text, end, sp.start):
        f["post_contrast"] = 1.0
    if sp.end <= open_pos and cand.cue and _AS_BEFORE.search(text, max(0, sp.start - 6), sp.start):
        k = text.find(cand.cue, sp.end, open_pos)
        if k >= 0 and _ASIDE_THEN_CLAUSE.match(text, k + len(cand.cue), open_pos):
            f["as_aside"] = 1.0
    if cand.how == "nearby" and sp.end <= open_pos and _mid_sentence_after(text, sp.end, open_pos):
        f["nearby_other_sentence"] = 1.0
    if salience > 1:
        f["salience"] = min(math.log(salience), SALIENCE_CAP)
    if previous and same_entity(sp.name, previous):
        f["agrees_previous"] = 1.0
    return f


_PLAIN_REPORTING = {"said", "says", "wrote", "writes", "added", "adds", "reported", "reports", "told", "tells"}
# the credit ends the sentence: "…, Holt said." / "…, said Holt."
_CREDIT_ENDS = re.compile(r"[ \t]*(?:[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3})?[ \t]*[.!?]")
# a cue followed by a few words and another quotation: “…,” Ruiz called it “…”
_NEXT_QUOTE = re.compile(r"[ \t]+(?:[\w'\u2019-]+[ \t]+){0,4}[\u201c\"]")
# “…,” while Ruiz suggested …: a contrasting clause of someone else's
_CONTRAST = re.compile(r"[^\w]*(?:while|whereas)\b", re.I)
# a comparative aside after a clause (", as Lang has said," / " - as Lang claimed - ") …
_AS_BEFORE = re.compile(r"[,\u2013\u2014-][ \t]*as[ \t]+$")
# … closed before a new clause that holds the quotation: " - and he can “…”"
_ASIDE_THEN_CLAUSE = re.compile(r"[ \t]*[,)\u2013\u2014-][ \t]*(?:and|but|yet|while)[ \t]+\w")
# a sentence ends and the next begins
_SENTENCE_END = re.compile(r"[.!?\u2026][\"\u201d\u2019')]*[ \t\n]+(?=[\"\u201c\u2018(]?[A-Z])")


# a sentence opening with a subordinate clause: "Days after Lang called her …", "While Lang …"
_OPENING_CLAUSE = re.compile(r"(?:[A-Z][a-z]+[ \t]+)?(?:[Aa]fter|[Ww]hen|[Ww]hile|[Bb]efore|[Ss]ince|[Aa]lthough|"
                             r"[Tt]hough|[Bb]ecause|[Oo]nce|[Uu]ntil|[Ww]hereas)[ \t]+[^,;:\u201c\u201d\"\n]+$")


def _mid_sentence_after(text: str, p: int, open_pos: int) -> bool:
    """A sentence ends between p and the quotation, and the quotation's own sentence names
    someone before it ("Lang joked. Reading from a text, Ruiz pronounced “…”")."""
    last = None
    for last in _SENTENCE_END.finditer(text, max(p, open_pos - 400), open_pos):
        pass
    words = text[last.end():open_pos].split() if last is not None else []
    return len(words) >= 3 and any(w[:1].isupper() for w in words[1:])


def _in_opening_clause(text: str, open_pos: int) -> bool:
    """The quotation sits inside a subordinate clause opening its sentence ("Days after Lang
    called her “a liar,” Ruiz hit back"): the main clause's cue after it is not its credit."""
    last = None
    for last in _SENTENCE_END.finditer(text, max(0, open_pos - 300), open_pos):
        pass
    s = last.end() if last is not None else max(0, text.rfind("\n", 0, open_pos) + 1)
    return open_pos - s < 200 and _OPENING_CLAUSE.match(text, s, open_pos) is not None


def ceiling(hows, weights: dict[str, float] | None = None) -> float:
    """The best score a candidate found in one of these ways could reach: the finder is not
    worth running when a candidate already beats it."""
    w = WEIGHTS if weights is None else weights
    kinds = max(max(0.0, v) for k, v in w.items() if k.startswith("kind:"))
    cues = max(max(0.0, v) for k, v in w.items() if k.startswith("cue:"))
    bonus = kinds + cues + max(0.0, w.get("agrees_previous", 0.0)) + max(0.0, w.get("salience", 0.0)) * SALIENCE_CAP
    best = float("-inf")
    for h in hows:
        extra = max(0.0, w.get("post_after_comma", 0.0)) if h == "post" else 0.0
        best = max(best, w.get("how:" + h, 0.0) + extra)
    return best + bonus


def score(f: dict[str, float], weights: dict[str, float] | None = None) -> float:
    w = WEIGHTS if weights is None else weights
    total = 0.0
    for k, v in f.items():
        wk = w.get(k)
        if wk:
            total += wk * v
    return total


def choose(scored: list[Scored]) -> Choice | None:
    """The best candidate; confidence from its margin over the best rival naming someone else."""
    if not scored:
        return None
    ranked = sorted(scored, key=lambda s: -s.score)
    best = ranked[0]
    rival = next((s for s in ranked[1:] if not _same(s.credit, best.credit)), None)
    margin = best.score - rival.score if rival is not None else best.score
    confidence = 1.0 / (1.0 + math.exp(-margin))
    return Choice(best.credit, confidence, ranked)


def _same(a: Credit, b: Credit) -> bool:
    if a.speaker is None or b.speaker is None:
        return a.speaker is None and b.speaker is None
    return same_entity(a.speaker.name, b.speaker.name)


def same_entity(a: str, b: str) -> bool:
    if a == b:
        return True
    wa, wb = a.lower().split(), b.lower().split()
    return bool(wa) and bool(wb) and wa[-1].strip(".,’'s") == wb[-1].strip(".,’'s")
