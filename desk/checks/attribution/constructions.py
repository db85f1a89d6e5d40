"""Finders for the constructions the plain cue finders (credits.py) do not cover: asides,
trailing credits, nested reports, absolute phrases, the clause before a colon, noun cues,
and any verb after a comma-ended quotation (labels.py: credits on lines of their own). Each
takes the text and one quotation and returns a candidate credit or None."""

from __future__ import annotations

import re

from desk.checks.attribution.credit import Credit
from desk.checks.attribution.cues import CUE_RE, ING_CUES, _trie, sentence_bounds
from desk.checks.attribution.following import speaker_after
from desk.checks.attribution.lexicon import (
    CAP_STOP,
    HEARER_VERBS,
    INVERSION_FORMS,
    NOUN_CUES,
    REPORTING_VERBS,
    verbs_pattern,
)
from desk.checks.attribution.marks import Region
from desk.checks.attribution.phrase import Speaker
from desk.checks.attribution.subjects import speaker_before

_CLAUSE_LEAD = re.compile(r"[ \t]*(?:(?:with|as|and|but|while|whereas|then)[ \t]+)?")
_ING_AFTER = re.compile(r"[ \t]+(?:[a-z]+ly[ \t]+)?[a-z]+(?:ing|ed|s)\b")


def _colon_clause(text: str, r: Region, a: int, st: list[int], prev_end: int) -> Credit | None:
    """The clause right before a colon names who speaks, not the sentence's subject:
    "The council agreed, with harbour master Lena Voss warning the crews: “…”"."""
    seg = max(sentence_bounds(st, len(text), r.open_pos)[0], a, prev_end)
    before = text[seg:r.open_pos].rstrip()
    if not before.endswith(":"):
        return None
    colon = seg + len(before) - 1
    k = max(text.rfind(",", seg, colon), text.rfind(";", seg, colon), text.rfind("\u2014", seg, colon))
    if k < 0:
        return None
    p = _CLAUSE_LEAD.match(text, k + 1, colon).end()
    sp = speaker_after(text, p, colon)
    if sp is None or sp.kind not in ("person", "organisation") or sp.start - p > 40:
        return None
    if not _ING_AFTER.match(text, sp.end, colon):
        return None
    return Credit(sp, None, how="colon-clause")


_REPORTING = re.compile(r"(?<![\w'\u2019-])" + verbs_pattern(REPORTING_VERBS) + r"(?![\w'\u2019-])"
                        # any other speech verb reports a clause opened by "that": "Voss announced that"
                        r"|(?<![\w'\u2019-])(?:" + _trie(INVERSION_FORMS - set(REPORTING_VERBS))
                        + r")(?=[ \t]+that[ \t])"
                        # "Voss issued a statement saying Beck had …"
                        r"|(?<=statement[ ])(?:saying|stating)(?![\w'\u2019-])"
                        # after an auxiliary, the bare form: "it does say that Voss agreed to …"
                        r"|(?:(?<=does )|(?<=did )|(?<=would )|(?<=will )|(?<=could )|(?<=can ))(?:say|tell|write|note|argue|claim|insist|warn|"
                        r"suggest|acknowledge|concede|predict)(?![\w'\u2019-])")


def _outer_speaker(text: str, r: Region, a: int, st: list[int], prev_end: int, inner: Credit) -> Credit | None:
    """Nested attribution: "Ana Ruiz said the council members were calling it “a farce”" — the
    quotation reaches us through Ruiz, whose reporting verb comes before the inner speaker."""
    s, _ = sentence_bounds(st, len(text), r.open_pos)
    seg = max(s, a, prev_end)
    if inner.speaker is None:
        return None
    poll = _IN_POLL.match(text, seg, inner.speaker.start) if text.startswith("In ", seg) else None
    if poll is not None and "," not in text[poll.end():inner.speaker.start] \
            and len(text[poll.end():inner.speaker.start].split()) <= 8:
        # "In a Westby poll released Monday, 31 percent of voters said …": the poll reports them
        sp = speaker_after(text, poll.start(1), poll.end(1))
        if sp is not None and sp.kind != "pronoun" and any(w.lower() in _FINDING_HEADS for w in sp.name.split()):
            return Credit(sp, "in", how="outer")
    m = None
    for m in _REPORTING.finditer(text, seg, inner.speaker.start):
        pass
    finding = None
    if text.find(" that", seg, inner.speaker.end) >= 0:
        for fm in _FINDING.finditer(text, seg, inner.speaker.end):
            if fm.start() < inner.speaker.start:
                finding = fm
    # (the inner phrase may have been read with the "that" opening it: "shows that 60 percent")
    if finding is not None and (m is None or finding.start() > m.start()):
        source = _finding_source(text, seg, finding, inner)
        if source is not None:
            return source
    if m is None:
        return None
    between = text[m.end():inner.speaker.start]
    if "," in between or ";" in between or len(between.split()) > 12:
        return None  # "While not all Voss says is true, Ruiz said …": not a report of Voss's
    if _PASSIVE_BEFORE.search(text, max(seg, m.start() - 12), m.start()) and _BY_START.match(between):
        return None  # "Holt was told by Ruiz that …": the subject heard it; the agent speaks
    sp = speaker_before(text, seg, m.start())
    if sp is None or sp.kind not in ("person", "pronoun", "organisation") or sp.name == inner.speaker.name:
        return None
    cue = m.group()
    return Credit(sp, "statement " + cue if cue.endswith("ing") else cue, how="outer")


# "the Westby poll finds that 37 percent of voters say …": a poll, survey or study reports
# what the people it asked say
_FINDING = re.compile(r"(?<![\w'\u2019-])(?:finds|found|shows|showed|shown)[ \t]+that(?=[ \t,])")
_FINDING_HEADS = {"poll", "polls", "survey", "surveys", "study", "studies", "report", "analysis", "audit",
                  "review", "census", "research", "data"}


# "In a new Westby poll released Monday," opening the sentence
_IN_POLL = re.compile(r"In[ \t]+((?:a|an|the|this|that|its|their)[ \t]+[^,;:.!?\u201c\u201d\"\n]{0,60}?"
                      r"(?:poll|survey|study|report|census)(?:[ \t]+[^,;:.!?\u201c\u201d\"\n]{1,40})?),[ \t]*")


def _finding_source(text: str, seg: int, m: re.Match, inner: Credit) -> Credit | None:
    between = text[m.end():max(m.end(), inner.speaker.start)].lstrip(" \t")
    if between.startswith(","):  # "finds that, while 37 percent say …": one clause set off
        between = between[1:]
    if ";" in between or len(between.split()) > 12:
        return None
    sp = speaker_before(text, seg, m.start())
    if sp is None or sp.kind == "pronoun" or not sp.name.split() \
            or sp.name.split()[-1].lower() not in _FINDING_HEADS or sp.name == inner.speaker.name:
        return None
    return Credit(sp, m.group(), how="outer")


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)[ \t]+$")
_BY_START = re.compile(r"[ \t]*by[ \t]")
_WITH_ING = re.compile(r"(?<![\w'\u2019-])(?:with|as)[ \t]+")


def _with_ing(text: str, r: Region, a: int, st: list[int], prev_end: int) -> Credit | None:
    """An absolute phrase: "…, with the teachers' union calling her “the champion”" — the
    noun phrase after "with" is the subject of the -ing cue."""
    s, _ = sentence_bounds(st, len(text), r.open_pos)
    seg = max(s, a, prev_end)
    if _WITH_ING.search(text, seg, r.open_pos) is None:
        # "…, with Voss tweeting that it was a “disaster” and asking, “…”": the second
        # participle shares the absolute phrase's subject, before the earlier quotation
        second = _AND_ING.search(text, seg, r.open_pos)
        if second is None or second.group(1) not in ING_CUES or seg <= max(s, a) \
                or CUE_RE.search(text, seg, second.start()):
            return None
        first = _with_ing_at(text, max(s, a), prev_end)
        if first is None:
            return None
        return Credit(first.speaker, second.group(1), how="absolute")
    return _with_ing_at(text, seg, r.open_pos)


_AND_ING = re.compile(r"(?<![\w'\u2019-])and[ \t]+([a-z]{2,}ing)(?![\w'\u2019-])")


def _with_ing_at(text: str, seg: int, limit: int) -> Credit | None:
    if _WITH_ING.search(text, seg, limit) is None:
        return None
    found = None
    for cm in CUE_RE.finditer(text, seg, limit):
        if cm.group() in ING_CUES:
            found = cm
    if found is None:
        return None
    w = None
    for w in _WITH_ING.finditer(text, seg, found.start()):
        pass
    if w is None or found.start() - w.end() > 80:
        return None
    sp = speaker_after(text, w.end(), found.start())
    between = text[sp.end:found.start()] if sp is not None else ""
    if sp is None or sp.start - w.end() > 4 or len(between.split()) > 5 or re.search(r"[,;:\u201c\"]", between):
        return None
    return Credit(sp, found.group(), how="absolute")


_ASIDE = re.compile(r",[ \t]+([^,;:\u201c\u201d\"]{2,60}?)[ \t]+(" + verbs_pattern(REPORTING_VERBS) + r")[ \t]*,")


_ASIDE_HINT = re.compile(verbs_pattern(REPORTING_VERBS) + r"[ \t]*,")


def _parenthetical(text: str, r: Region, a: int, st: list[int], prev_end: int) -> Credit | None:
    """An aside inside the sentence: "The plan, Ana Ruiz said, was “dead on arrival.”"."""
    s, _ = sentence_bounds(st, len(text), r.open_pos)
    seg = max(s, a, prev_end)
    if _ASIDE_HINT.search(text, seg, r.open_pos) is None:
        return None
    m = None
    for m in _ASIDE.finditer(text, seg, r.open_pos):
        pass
    if m is None:
        return None
    sp = speaker_after(text, m.start(1), m.end(1))
    if sp is None or sp.end != m.end(1) or sp.kind == "anonymous" and not sp.definite:
        return None
    return Credit(sp, m.group(2), how="aside")


_TRAIL_RE = re.compile(r",[ \t]+(" + verbs_pattern(REPORTING_VERBS) + r")[ \t]+")
_TITLE_NAME = re.compile(r"(?:[a-z][\w-]*[ \t]+){1,5}?(?=[A-Z])")


def _trailing(text: str, r: Region, b: int, st: list[int], nxt_open: int) -> Credit | None:
    """A credit at the end of the sentence, after more words: “…” if the vote fails, said
    Ana Ruiz, a hydrologist."""
    if r.end >= b:
        return None
    _, e = sentence_bounds(st, b, r.end + 1)
    limit = e if e > r.end + 1 else b
    m = None
    for m in _TRAIL_RE.finditer(text, r.end, limit):
        pass
    if m is not None and m.start() > nxt_open and _after_last_mark(text, m.start(), limit):
        pass  # “A,” … “B,” …, said Ana Ruiz.: the credit closing the sentence covers both
    elif m is not None and m.start() > nxt_open:
        return None
    else:
        limit = min(limit, nxt_open)
    if m is None:
        return _closing_subject_credit(text, r.end, limit)
    if m.start() == r.end or m.group(1) in HEARER_VERBS:
        return None  # ", told the Courier": the hearer follows, not the speaker
    p = m.end()
    sp = speaker_after(text, p, limit)
    if sp is None:  # "said master of ceremonies Lena Voss"
        t = _TITLE_NAME.match(text, p, limit)
        if t is not None:
            sp = speaker_after(text, t.end(), limit)
    if sp is None or sp.kind == "pronoun":
        return None
    return Credit(sp, m.group(1), how="trailing")


# the subject-first form closing a sentence: ", she said in a video message."
_CLOSING_CUE = re.compile(r"[ \t]+(said|says|added|adds|wrote|writes|told|tells)(?![\w'\u2019-])")
_CLOSING_TAIL = re.compile(r"(?:[ \t]+(?:in|on|at|during|after|before|to|from|last|this|earlier|later|yesterday|"
                           r"today|tonight|recently|again|also|then|via|through|while|when|Monday|Tuesday|"
                           r"Wednesday|Thursday|Friday|Saturday|Sunday)(?![\w'\u2019-])[^.;!?\u201c\u201d\"]{0,80})?"
                           r"[ \t]*[.!?]")
_HEARER_TAIL = re.compile(r"[ \t]+(?:the[ \t]+)?(?:reporters|journalists|[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3}|"
                          r"him|her|them|us|me|supporters|the[ \t]+crowd|an?[ \t]+\w+[ \t]+\w+)")


def _closing_subject_credit(text: str, end: int, limit: int) -> Credit | None:
    """"Members had “put the biggest dent” yet in the rules for women, she said in a video
    message.": the credit after the sentence's last comma, subject first, reports the whole
    sentence; only an adverbial (or the hearer of "told") may follow the cue."""
    k = text.rfind(",", end, limit)
    if k < 0 or any(ch in text[k:limit] for ch in "\u201c\u201d\""):
        return None
    p = k + 1
    while p < limit and text[p] in " \t":
        p += 1
    sp = speaker_after(text, p, limit)
    if sp is None or sp.start != p or sp.kind not in ("pronoun", "person", "organisation") \
            or (sp.kind == "pronoun" and sp.name.lower() not in ("he", "she", "they", "it")):
        return None
    cm = _CLOSING_CUE.match(text, sp.end, limit)
    if cm is None:
        return None
    q = cm.end()
    if cm.group(1) in HEARER_VERBS:
        hm = _HEARER_TAIL.match(text, q, limit + 1)
        if hm is None:
            return None
        q = hm.end()
    if _CLOSING_TAIL.match(text, q, limit + 1) is None:
        return None
    return Credit(sp, cm.group(1), how="trailing")


def _after_last_mark(text: str, p: int, limit: int) -> bool:
    """No quotation mark between p and the end of the sentence."""
    return not any(ch in text[p:limit] for ch in "\u201c\u201d\"")


_SAID_FIRST = re.compile(r"(Said|Says|Added|Wrote)[ \t]+")


def _said_first(text: str, r: Region, a: int, st: list[int], prev_end: int) -> Credit | None:
    """An inverted credit opening the sentence: Said Ana Ruiz, who runs the clinic, “…”"""
    s, _ = sentence_bounds(st, len(text), r.open_pos)
    seg = max(s, a, prev_end)
    while seg < r.open_pos and text[seg] in " \t\n":
        seg += 1
    if not text.startswith(("Said ", "Says ", "Added ", "Wrote "), seg):
        return None
    m = _SAID_FIRST.match(text, seg, r.open_pos)
    if m is None:
        return None
    sp = speaker_after(text, m.end(), r.open_pos)
    if sp is None:
        return None
    return Credit(sp, m.group(1).lower(), how="said-first")


# “…,” Ana Ruiz barked. / “…?” the minister wondered aloud: a name and a verb the lexicon
# does not list, right after a quotation that ends with a comma, ? or !
_ANY_VERB = re.compile(r"[ \t]+(?:also[ \t]+|then[ \t]+|later[ \t]+)?([a-z]+(?:ed|s))\b(?![\w'\u2019-])")


def _post_any_verb(text: str, r: Region, b: int, nxt_open: int) -> Credit | None:
    inner = text[r.text_start:r.text_end].rstrip()
    if not inner or inner[-1] not in ",?!":
        return None
    p = r.end
    while p < b and text[p] in " \t\u00a0":
        p += 1
    limit = min(b, nxt_open, p + 200)
    inv = _INVERTED_VERB.match(text, p, limit)
    if inv is not None and inv.group(1) not in _NOT_VERBS:
        # “…!” beamed Lena Voss. / “…?” reacted Omar Beck: a verb the lexicon does not list,
        # inverted before a name that ends the clause
        sp = speaker_after(text, inv.end(), limit)
        if sp is not None and sp.kind == "person" and sp.start == inv.end() \
                and _CLAUSE_END.match(text, sp.end, limit):
            return Credit(sp, inv.group(1), how="post-verb")
    sp = speaker_after(text, p, limit)
    da = _DET_ADJ.match(text, p, limit)
    adjective = da is not None and (sp is None or sp.kind != "person")
    if adjective:
        # “…,” an angry Lena Voss grumbled: a name after an article and an adjective
        p = da.end()
        sp = speaker_after(text, p, limit)
    if sp is None or adjective and sp.kind != "person":
        nm = _NAME_RUN.match(text, p, limit)
        if nm is None or nm.group().split()[0].lower() in CAP_STOP:
            return None
        sp = Speaker(nm.group(), "person", p, nm.end())
    if sp.start != p:
        return None
    if sp.kind == "anonymous" and not sp.definite:
        return None
    m = _ANY_VERB.match(text, sp.end, limit)
    if not m or m.group(1) in _NOT_VERBS:
        return None
    return Credit(sp, m.group(1), how="post-verb")


_DET_ADJ = re.compile(r"(?:an?|the)[ \t]+(?:[a-z][a-z-]*[ \t]+){1,2}(?=[A-Z])")
_INVERTED_VERB = re.compile(r"([a-z]{3,}ed)[ \t]+(?=[A-Z])")
_CLAUSE_END = re.compile(r"[ \t]*(?:[,.;!?]|$|(?:of|from)[ \t]+[A-Z])")
_NAME_RUN = re.compile(r"[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019.-]+){0,3}")
_NOT_VERBS = {"is", "was", "has", "as", "us", "this", "its", "his", "hers", "yes", "less", "unless", "thus",
              "always", "perhaps", "towards", "afterwards", "besides", "whereas", "needed", "used"}

# "her allegation of a “rigged” vote", "Ruiz’s claim that …": a noun cue owned by a speaker
_NOUN_CUE_RE = re.compile(r"(?<![\w'\u2019-])(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w.'\u2019-]*(?:'s|\u2019s|s'|s\u2019))"
                          # (modifiers between: "her repeated claim", "his March comment")
                          r"[ \t]+(?:(?:[a-z-]+|[A-Z][a-z]+)[ \t]+){0,2}?(" + "|".join(sorted(NOUN_CUES, key=len, reverse=True))
                          + r")\b")


_OWNER_HINT = re.compile(r"[Hh]is |[Hh]er |[Tt]heir |['\u2019]s |s['\u2019] ")


def _noun_cue(text: str, r: Region, a: int, st: list[int], prev_end: int) -> Credit | None:
    s, _ = sentence_bounds(st, len(text), r.open_pos)
    seg = max(s, prev_end, a)
    found = None
    if not _OWNER_HINT.search(text, seg, r.open_pos):
        return None
    for m in _NOUN_CUE_RE.finditer(text, seg, r.open_pos):
        found = m
    if found is None or r.open_pos - found.end() > 60:
        return None
    owner = text[found.start():found.start(1)].split()[0]
    if owner.lower() in ("his", "her", "their"):
        sp = Speaker(owner, "pronoun", found.start(), found.start() + len(owner))
    else:
        # the owner's phrase starts after the last comma ("The town, in Voss's words, …")
        k = text.rfind(",", seg, found.start())
        sp = speaker_before(text, seg if k < 0 else k + 1, found.start() + len(owner))
        if sp is None:
            return None
    return Credit(sp, found.group(1), how="noun")
