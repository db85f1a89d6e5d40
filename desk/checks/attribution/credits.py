"""Candidate credits for one quotation: a cue before it, after it, a colon clause, a trailing
credit, the sentence subject. Each finder proposes; ranking.py decides."""

from __future__ import annotations

import re
from typing import Iterator

from desk.checks.attribution.according import according_source
from desk.checks.attribution.appositives import post_past_inner, subject_past_inner
from desk.checks.attribution.clauses import (
    _CLAUSE_JOIN,
    CONJ_BEFORE,
    OBJECT_PREP,
    PREP_BEFORE_ING,
    PROGRESSIVE,
    clause_subject,
    gerund_subject,
    previous_subject,
    subject_at_start,
)
from desk.checks.attribution.constructions import (
    _ASIDE_HINT,
    _TITLE_NAME,
    _TRAIL_RE,
    _colon_clause,
    _headline_label,
    _noun_cue,
    _outer_speaker,
    _parenthetical,
    _post_any_verb,
    _roundup_label,
    _said_first,
    _signature,
    _trailing,
    _with_ing,
)
from desk.checks.attribution.credit import Credit
from desk.checks.attribution.cues import CUE_RE, ING_CUES, INVERSION, POST_CUE_RE, POST_ONLY, sentence_bounds
from desk.checks.attribution.following import speaker_after
from desk.checks.attribution.lexicon import HEAD_NOUNS, HEARER_VERBS, PASSIVE_CREDITS, PERSON_ROLES
from desk.checks.attribution.marks import Region
from desk.checks.attribution.speakers import Speaker, _norm
from desk.checks.attribution.subjects import speaker_before
from desk.checks.attribution.titlelines import title_line

_LEAD_RE = re.compile(r"[\s,\u2014\u2013-]*(?:as\s+)?")


_LABEL_RE = re.compile(r"\s*([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}):\s")
_DASH_RE = re.compile(r"[ \t\u00a0]*[\u2015\u2014\u2013-]{1,2}[ \t\u00a0]*(?=[A-Z@])")


class Around:
    """What every finder needs to know about one quotation and its paragraph; hints says
    which rare constructions the paragraph could hold at all (looked for once per paragraph)."""

    __slots__ = ("text", "r", "a", "b", "st", "prev_end", "nxt_open", "paras", "starts_of", "hints")

    def __init__(self, text, r: Region, a, b, st, prev_end, nxt_open, paras, starts_of, hints=None):
        self.text, self.r, self.a, self.b, self.st = text, r, a, b, st
        self.prev_end, self.nxt_open, self.paras, self.starts_of = prev_end, nxt_open, paras, starts_of
        self.hints = hints if hints is not None else paragraph_hints(text, a, b)


def paragraph_hints(text: str, a: int, b: int) -> frozenset[str]:
    """Cheap tests on a paragraph: which of the rare finders could find anything in it."""
    para = text[a:b]
    found = set()
    if ":" in para:
        found.update(("roundup", "colon-clause"))
    if _ASIDE_HINT.search(para):
        found.add("aside")
    if "Said " in para or "Says " in para or "Added " in para or "Wrote " in para:
        found.add("said-first")
    if "with " in para or "as " in para:
        found.add("absolute")
    if _TRAIL_RE.search(para):
        found.add("trailing")
    return frozenset(found)


def _hinted(how: str, finder):
    """A finder run only when its paragraph hint is there."""
    return lambda c: finder(c) if how in c.hints else None


# The finders, strongest first, with the kinds of credit each can propose.
FINDERS = (
    (("roundup",), _hinted("roundup", lambda c: _roundup_label(c.text, c.r, c.a, c.prev_end))),
    (("aside",), _hinted("aside", lambda c: _parenthetical(c.text, c.r, c.a, c.st, c.prev_end))),
    (("said-first",), _hinted("said-first", lambda c: _said_first(c.text, c.r, c.a, c.st, c.prev_end))),
    (("post", "post-sub"), lambda c: _post_cue(c.text, c.r, c.b, c.st, c.nxt_open)
     or post_past_inner(c.text, c.r, c.b, c.st, c.nxt_open, _post_cue)),
    (("absolute",), _hinted("absolute", lambda c: _with_ing(c.text, c.r, c.a, c.st, c.prev_end))),
    (("colon-clause",), _hinted("colon-clause", lambda c: _colon_clause(c.text, c.r, c.a, c.st, c.prev_end))),
    (("pre", "outer"), lambda c: _pre_cue(c.text, c.r, c.a, c.st, c.prev_end)),
    (("trailing",), _hinted("trailing", lambda c: _trailing(c.text, c.r, c.b, c.st, c.nxt_open))),
    (("post-verb",), lambda c: _post_any_verb(c.text, c.r, c.b, c.nxt_open)),
    (("colon-para",), lambda c: _colon_cue(c.text, c.r, c.a, c.paras, c.starts_of)),
    (("colon",), lambda c: _colon_before(c.text, c.r, c.a, c.st, c.prev_end)),
    (("noun",), lambda c: _noun_cue(c.text, c.r, c.a, c.st, c.prev_end)),
    (("subject",), lambda c: _subject_fallback(c.text, c.r, c.a, c.st, c.prev_end)),
    (("headline",), lambda c: _headline_label(c.text, c.r, c.a)),
    (("title-line",), lambda c: title_line(c.text, c.r, c.a, c.b)),
    (("nearby",), lambda c: last_cue(c.text, max(c.a, c.prev_end), c.r.open_pos)),
    (("previous",), lambda c: _previous(c.text, c.r, c.a, c.st, c.prev_end)),
    (("signature",), lambda c: _signature(c.text, c.r, c.b, c.paras)),
)


def local_candidates(around: Around, ceilings=None, best=None) -> Iterator[Credit]:
    """Every credit the text around one quotation offers, one per finder (a transcript label,
    a cue after or before it, a colon introduction, the sentence's subject, the last cue
    before it, …). Finders run strongest first; with ceilings (the best score each finder
    could reach) and best (a one-item list the caller keeps at the best score so far), a
    finder that cannot win is not run. The ranking stage chooses."""
    text, r = around.text, around.r
    label = _LABEL_RE.match(text, r.text_start, r.text_end)
    if label:  # transcript: “WALLACE: …”
        name = label.group(1).title()
        yield Credit(Speaker(name, "person", label.start(1), label.end(1)), ":", how="label")
        return
    for k, (_, finder) in enumerate(FINDERS):
        if ceilings is not None and ceilings[k] <= best[0]:
            continue
        found = finder(around)
        if found is None:
            continue
        if found.how == "pre":
            outer = _outer_speaker(text, r, around.a, around.st, around.prev_end, found)
            if outer:
                found.nested = True
                yield outer
        if found.how in ("post", "pre", "subject"):
            # “…,” Voss said, according to the Courier: the source it came through
            source = according_source(text, r, around.a, around.b, around.st, around.prev_end, found)
            if source:
                found.nested = True
                yield source
        yield found


def _previous(text, r, a, st, prev_end) -> Credit | None:
    prev = previous_subject(text, r, a, st, prev_end)
    return Credit(prev, None, how="previous") if prev else None


def _colon_before(text: str, r: Region, a: int, st: list[int], prev_end: int) -> Credit | None:
    """A quotation introduced by a clause ending in a colon in its own paragraph."""
    before = text[max(a, prev_end):r.open_pos].rstrip()
    if not before.endswith(":"):
        return None
    s0, _ = sentence_bounds(st, len(text), r.open_pos)
    colon = text.rfind(":", 0, r.open_pos)
    sp = subject_at_start(text, max(s0, a, prev_end), r.open_pos)
    if sp is None:
        # "Voss, on the plan: “…”": a name and its topic introduce her words
        lead = max(s0, a, prev_end)
        while lead < colon and text[lead] in " \t\n":
            lead += 1
        name = speaker_after(text, lead, colon)
        if name is not None and name.kind in ("person", "organisation") and name.start == lead \
                and _ON_TOPIC.fullmatch(text, name.end, colon):
            return Credit(name, None, how="colon")
    if sp is None or sp.kind not in ("person", "organisation"):
        sp2 = speaker_before(text, max(s0, a, prev_end), colon, allow_descriptor=False)
        if sp2 is not None and sp2.kind == "person":
            sp = sp2
    if sp is not None and not text[sp.end:colon].strip(" 	,") \
            and _PREP_OBJECT.search(text, max(s0, a, sp.start - 60), sp.start):
        # "Voss explained it to the weekly Harbour Post:", "… contrasted him with Beck:": the
        # noun phrase ending the clause is a preposition's object; the clause's subject speaks
        sp = subject_at_start(text, max(s0, a), colon)
        if sp is None or sp.kind not in ("person", "organisation") or sp.end >= colon - 1:
            return None
    return Credit(sp, None, how="colon") if sp else None


_PREP_OBJECT = re.compile(r"(?<![\w'\u2019-])(?:to|with|at|against|about|toward|towards|into|than|for)[ \t]+"
                          r"(?:(?:the|a|an)[ \t]+)?(?:[\w'\u2019-]+[ \t]+){0,3}$")


def last_cue(text: str, a: int, b: int) -> Credit | None:
    """The most recent attribution in text[a:b] (a paraphrase: “Okafor said. “…”)."""
    if b <= a:
        return None
    for cm in reversed(list(CUE_RE.finditer(text, a, b))):
        word = cm.group()
        if word in ("went on", "goes on") and not _WENT_ON_SPEECH.match(text, cm.end(), b):
            continue  # "The meeting went on.": no speech
        if word in _SPEAK and _BARE_END.match(text, cm.end(), b):
            continue  # "Hooton said after Rubio spoke.": speaking, not these words
        passive = _PASSIVE.search(text, max(a, cm.start() - 12), cm.start()) is not None
        if word.lower().startswith(("according", "in the words")):
            sp = speaker_after(text, cm.end(), b)
        elif passive:  # "was slammed by Ruiz": the agent speaks; with no agent, nobody here
            sp = _passive_agent(text, cm.end(), b)
        elif word not in INVERSION:
            continue
        else:
            k = max(text.rfind(". ", a, cm.start()), text.rfind("\n", a, cm.start()))
            sp = speaker_before(text, a if k < 0 else k + 1, cm.start())
        if sp:
            return Credit(sp, word, how="nearby")
    return None


def _subject_fallback(text: str, r: Region, a: int, st: list[int], prev_end: int) -> Credit | None:
    """No cue: a quoted fragment in a sentence takes the sentence's subject (Okafor urged the council to “…”)."""
    s, _ = sentence_bounds(st, len(text), r.open_pos)
    s = max(s, a)
    if prev_end > s:
        # after an earlier quotation in the sentence: that quotation's speaker continues, unless
        # it sits in the subject's appositive ("Kerry Lind, star of “Harbour Lights,” thanked …")
        sp = subject_past_inner(text, s, r.open_pos, prev_end)
        if sp is None:
            # Lang calls her “Ana,” while Ruiz refers to him as “Mr. Lang.”: a new clause's subject
            j = _JOIN_AFTER_QUOTE.match(text, prev_end, r.open_pos)
            if j is not None:
                sp = subject_at_start(text, j.end(), r.open_pos)
                if sp is not None and (sp.kind != "person" or sp.start != j.end()
                                       or _BE_AFTER.match(text, sp.end, r.open_pos)):
                    sp = None  # (not “…” and Ruiz was hurt by going “…”: what befell her, no words of hers)
        return Credit(sp, None, how="subject") if sp else None
    if r.open_pos - s < 3:
        return None
    last = None
    for last in _CLAUSE_JOIN.finditer(text, s, r.open_pos):
        pass
    if last is not None and not _ING_WORD.match(text, last.end(), r.open_pos):
        # "Voss signed the order, while Omar Beck, the mayor, proposed “…”": the clause's own subject
        # (not ", while touring the Westby plant, Beck called …": a participle has no subject)
        sp = subject_at_start(text, last.end(), r.open_pos)
        if sp is not None and sp.kind in ("person", "organisation"):
            return Credit(sp, None, how="subject")
    sp = subject_at_start(text, s, r.open_pos) or subject_past_inner(text, s, r.open_pos)
    if sp:  # any kind: a descriptor ("Voss supporters") scores lower than a name
        return Credit(sp, None, how="subject")
    return None


def _post_cue(text: str, r: Region, b: int, st: list[int], nxt_open: int) -> Credit | None:
    if r.end >= b:
        return None
    s, e = sentence_bounds(st, b, r.end + 1)
    limit = min(nxt_open, e if e > r.end + 1 else b)
    dm = _DASH_RE.match(text, r.end, b)
    if dm:
        sp = speaker_after(text, dm.end(), b)
        if sp and sp.kind in ("person", "organisation"):
            return Credit(sp, text[dm.start():dm.end()].strip(), how="post")
    m = _LEAD_RE.match(text, r.end, limit)
    w0 = m.end() if m else r.end
    if w0 >= limit:
        return None
    pm = _PASSIVE_BY.match(text, w0, limit)
    if pm:  # “…” was written by Ana Ruiz
        sp = speaker_after(text, pm.end(), limit)
        if sp and sp.kind in ("person", "organisation"):
            return Credit(sp, pm.group(1), how="post")
    qm = _QUOTED_AS.search(text, w0, limit)
    if qm is not None and len(text[w0:qm.start()].split()) <= 6:
        # “…,” the Courier quoted Ana Ruiz as saying: who is quoted speaks, not who quotes
        sp = speaker_after(text, qm.end(), limit)
        if sp is not None and sp.kind in ("person", "organisation", "anonymous") and sp.start == qm.end() \
                and _AS_SAYING.match(text, sp.end, limit):
            return Credit(sp, qm.group(1), how="post")
    inner = text[r.text_start:r.text_end].rstrip()
    weak = not inner or inner[-1] in ".\u2026" or inner[-1].isalnum()
    final = bool(inner) and inner[-1] in ".!?\u2026"
    cm = POST_CUE_RE.match(text, w0, limit)
    if cm:
        word = cm.group()
        if (word in INVERSION and word not in _HEARER_VERBS) or word.lower().startswith(("according", "in the words")):
            sp = speaker_after(text, cm.end(), limit)
            if sp is None:  # “…,” said master of ceremonies Lena Voss
                t = _TITLE_NAME.match(text, cm.end() + 1, limit)
                if t is not None:
                    sp = speaker_after(text, t.end(), limit)
            if sp:
                return Credit(sp, word, how="post")
        if word not in POST_ONLY:
            return None
        # a word that is more often a noun or a title ("state Sen. Ruiz said"): read on
    for cm in POST_CUE_RE.finditer(text, w0, min(limit, w0 + 320)):
        if cm.group() in ING_CUES:
            break
        if cm.group().lower().startswith("according"):
            sp = speaker_after(text, cm.end(), limit)
            if sp and len(text[w0:cm.start()].split()) <= 6 and not (final and text[w0:cm.start()].strip()):
                return Credit(sp, cm.group(), how="post")
            break  # (“…comment.” The shop sells gifts, according to its website: a new sentence)
        if weak and not _short_tail(text, cm.end(), limit):
            break  # “…end.” He says the court … (a new statement, not a credit)
        sp = speaker_before(text, w0, cm.start())
        if cm.group() in POST_ONLY and (sp is None or len(text[w0:sp.start].split()) > 1
                                        and not _OWNER_GAP.fullmatch(text, w0, sp.start)
                                        or text[sp.end:cm.start()].strip() or _AUX_AFTER.match(text, cm.end(), limit)
                                        or _PREP_OR_ING_LEAD.match(text, w0, sp.end)
                                        or _ADJECTIVE_BEFORE.search(text, max(w0, cm.start() - 20), cm.start())):
            continue  # "one of the states suing", "the work messages were": a noun, not a credit
            # (nor “…” in his home state, “…,” meaning it was spared the charges)
        if sp is None:
            break
        gap = text[w0:sp.start]
        if sp.title and sp.title in gap:  # “…,” the port's chief of staff, Joe Kasper, told …
            gap = gap.replace(sp.title, " ")
        if len(gap.split()) > 6:
            break
        if _CONJ_GAP.search(gap) and (not _short_tail(text, cm.end(), limit)
                                      or r.open_pos - sentence_bounds(st, b, r.open_pos)[0] > 3):
            break  # “…,” but he said that …; Ruiz said “…,” and Voss agreed: a new clause, not a credit
        between = text[sp.end:cm.start()]
        # an appositive set off by commas may run long: “…,” Ana Ruiz, the director of …, told …
        appositive = between.lstrip().startswith(",") and between.rstrip().endswith(",")
        if len(between.split()) > (32 if appositive else 16) or re.search(r"[.!?;:]\s", between):
            break
        if _SAID_YES.match(text, cm.end(), limit):
            break  # “…,” Mara said yes, over and over: her words are "yes", not the quotation
        # “…,” when Ruiz blasted him: a subordinate clause, a credit only when nothing before is
        return Credit(sp, cm.group(), how="post-sub" if _SUBORD_GAP.match(gap) else "post")
    if final and _NEW_SENTENCE.match(text, w0, limit):
        return None  # “…comment.” The shop sells gifts, according to its website: a new sentence
    return _tail_credit(text, w0, limit)


# "quoted Ana Ruiz as saying", "cited the ministry as saying"
_QUOTED_AS = re.compile(r"(?<![\w'\u2019-])(quoted|cited)[ \t]+")
_AS_SAYING = re.compile(r"[ \t]*(?:\([^)]{0,40}\)[ \t]*)?(?:,[^,]{0,80},[ \t]*)?as[ \t]+(?:saying|telling|writing)\b")
# "the council was slammed by Ruiz as “…”": the agent of a passive cue speaks
_ON_TOPIC = re.compile(r",?[ \t]+(?:on|about)[ \t]+[^,;:.!?\u201c\u201d\"\n]{1,60}")
_BY_AGENT = re.compile(r"[ \t]+by[ \t]+")


def _passive_agent(text: str, cue_end: int, limit: int) -> Speaker | None:
    m = _BY_AGENT.match(text, cue_end, limit)
    if m is None:
        return None
    sp = speaker_after(text, m.end(), limit)
    if sp is None or sp.start != m.end() or sp.kind not in ("person", "organisation"):
        return None
    return sp
_PASSIVE_BY = re.compile(r"(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:[a-z]+ly\s+)?"
                         r"(" + "|".join(PASSIVE_CREDITS) + r")\s+(?:[a-z]+\s+){0,3}?by\s+")
# “…,” told the Gazette: who follows "told" is the hearer, never the speaker
_HEARER_VERBS = HEARER_VERBS
_CONJ_GAP = re.compile(r"\b(?:but|and|yet)\b", re.I)
# "… disrespectful comments", "her repeated claims": an adjective makes the form a noun
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w'\u2019-])[a-z]+(?:ful|ous|ive|ic|able|ible|less|ed)[ \t]+$")
_SAID_YES = re.compile(r"[ \t]+(?:yes|no)\b")
_NEW_SENTENCE = re.compile(r"[A-Z]")
_PREP_OR_ING_LEAD = re.compile(r"(?:in|on|at|of|for|from|with|by|to|into|over|under|about|across|through|"
                               r"[a-z]+ing)(?![\w'\u2019-])")
_SUBORD_GAP = re.compile(r"(?:when|while|after|before|because|since|although|though|until|unless|whereas|if)\b", re.I)
_TAIL_END = re.compile(r"[^.,;!?\u201c\u201d\"]*")


def _short_tail(text: str, p: int, b: int) -> bool:
    """After a credit verb, only a short adverbial before the sentence or clause ends."""
    m = _TAIL_END.match(text, p, b)
    tail = m.group() if m else ""
    words = tail.split()
    return len(words) <= 8 and "that" not in words


def _tail_credit(text: str, a: int, b: int) -> Credit | None:
    """“…” in its talks with the river towns, said Lena Voss. (credit after the last comma)"""
    k = text.rfind(",", a, b)
    if k < 0 or k == a:
        return None
    p = k + 1
    while p < b and text[p] in " \t\u00a0":
        p += 1
    cm = CUE_RE.match(text, p, b)
    if cm and ((cm.group() in INVERSION and cm.group() not in _HEARER_VERBS) or cm.group().lower().startswith("according")):
        sp = speaker_after(text, cm.end(), b)
        if sp and sp.kind != "pronoun":
            return Credit(sp, cm.group(), how="post")
        return None
    cm = POST_CUE_RE.search(text, p, b)  # a form that is often a noun ends the sentence: a verb
    if cm and cm.group() in INVERSION and not text[cm.end():b].strip(" .!?\t\n"):
        sp = speaker_before(text, p, cm.start())
        if sp and len(text[p:sp.start].split()) <= 3:
            return Credit(sp, cm.group(), how="post")
    return None


# “…,” the Courier’s Ana Ruiz reports: an owner before the name, not a noun phrase of its own
_OWNER_GAP = re.compile(r"(?:the[ \t]+)?[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}(?:'s|\u2019s)[ \t]+")
_AMBIGUOUS_THAT = re.compile(r"(?<![\w'\u2019-])(?:notes|claims|states|reports|charges|counters|argues|"
                            r"posts|tweets|quips|answers|remarks|promises|hints|demands|warns)(?=[ \t]+that\b)")
_SPEAK = {"spoke", "speaks", "speaking"}
_BARE_END = re.compile(r"(?:[ \t]+(?:also|again|first|last|later|briefly|too))?[ \t]*[.,;:!?)\u2014]")
_WENT_ON_SPEECH = re.compile(r"[ \t]*(?:[:,\u201c\"]|(?:to|about)[ \t]|\n)")
_AUX_AFTER = re.compile(r"[ \t]+(?:were|was|are|is|have|has|had|will|would|can|could|may|might|must|should)\b")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+$")
_POSSESSIVE_BEFORE = re.compile(r"\w(?:'s|\u2019s|s'|s\u2019)[ \t]+$")
_COMMA_ONLY = re.compile(r"[\u201d\"\u2019']?[ \t]*,[ \t]*(?:[a-z]+ly[ \t]+)?")
_APPOSITIVE_TAIL = re.compile(r"[\u201d\"\u2019']?[^.!?;:\u201c\u201d\"]{0,80},[ \t]*(?:[a-z]+ly[ \t]+)?")
_BE_AFTER = re.compile(r"[ \t]+(?:was|were|is|are|has|had|have|be|been|got|gets)\b")
_JOIN_AFTER_QUOTE = re.compile(r"[ \t]*,?[ \t]+(?:and|but|while|whereas|yet)[ \t]+(?=[A-Z])")
_ING_WORD = re.compile(r"[a-z]{2,}ing(?![\w'\u2019-])")
_DET_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:[Aa]n?|[Tt]he|his|her|their|its)[ \t]+$")
_RELATIVE_OPEN = re.compile(r",[ \t]+(?:who|which)[ \t]+")


def _pre_cue(text: str, r: Region, a: int, st: list[int], prev_end: int) -> Credit | None:
    s, _ = sentence_bounds(st, len(text), r.open_pos)
    seg = max(s, prev_end, a)
    if seg >= r.open_pos:
        return None
    cues = list(CUE_RE.finditer(text, seg, r.open_pos))
    if "that" in text[seg:r.open_pos]:
        # "Pew notes that …", "the ministry states that …": a form that is often a noun is a
        # verb right after its subject's name and before "that"
        for am in _AMBIGUOUS_THAT.finditer(text, seg, r.open_pos):
            sp = speaker_before(text, max(s, a), am.start())
            if sp is not None and sp.kind in ("person", "organisation") and sp.name[:1].isupper() \
                    and not text[sp.end:am.start()].strip():
                cues.append(am)
        cues.sort(key=lambda m: m.start())
    for cm in reversed(cues):
        word = cm.group()
        if word in _SPEAK and _BARE_END.match(text, cm.end(), r.open_pos):
            continue  # "As Voss spoke, the crowd chanted “…”"
        if word in ING_CUES and _DET_BEFORE.search(text, max(0, cm.start() - 8), cm.start()):
            continue  # "calls a screaming Ruiz a “fraud”": an adjective, not a cue
        if word not in ING_CUES and _PASSIVE.search(text, max(0, cm.start() - 12), cm.start()):
            agent = _passive_agent(text, cm.end(), r.open_pos)
            if agent is not None:  # "was slammed by Ruiz as “…”"
                return Credit(agent, word, how="pre")
            continue  # "was called": a passive; "is calling" is not
        if word.lower().startswith(("according", "in the words")):
            sp = speaker_after(text, cm.end(), r.open_pos)
            if sp:
                return Credit(sp, word, how="pre")
            continue
        if word in ING_CUES and PREP_BEFORE_ING.search(text, max(s, a, cm.start() - 10), cm.start()):
            # "by announcing", "after saying": the gerund's subject is the main clause's
            sp = gerund_subject(text, r, max(s, a), cm.start())
            if sp is not None:
                return Credit(sp, word, how="pre")
        if word in ING_CUES:
            # "a recording of Okafor saying “…”": the phrase right before the verb
            if not text[max(s, a):cm.start()].rstrip().endswith(","):
                sp = speaker_before(text, max(s, a), cm.start())
                # a progressive ("the doctor is calling …") makes any noun phrase the subject
                progressive = PROGRESSIVE.search(text, max(s, a, cm.start() - 30), cm.start())
                if sp is not None and (sp.kind in ("person", "pronoun", "organisation") or progressive) \
                        and not OBJECT_PREP.search(text, max(s, a, sp.start - 12), sp.start):
                    return Credit(sp, word, how="pre")
            # "…, calling for “…”": the subject of the main clause, else the phrase before the comma
            for cm2 in reversed(list(CUE_RE.finditer(text, max(s, a), cm.start()))):
                if cm2.group() in ING_CUES or _POSSESSIVE_BEFORE.search(text, max(s, a, cm2.start() - 4), cm2.start()):
                    continue  # (“Voss’s repeated warnings”: a possessive, then an adjective, not a verb)
                sp = speaker_before(text, max(s, a), cm2.start())
                if sp and not (sp.kind == "anonymous" and _norm(sp.name.split()[-1]) not in HEAD_NOUNS
                               and _norm(sp.name.split()[-1]) not in PERSON_ROLES):
                    # (not "She sounded a rare note of doubt, saying": "note" is a noun there)
                    return Credit(sp, word, how="pre")
            # (of the last clause: "The plan stalled, and he has battled …, calling …")
            sp = clause_subject(text, max(s, a), cm.start())
            if sp:
                return Credit(sp, word, how="pre")
            sp = speaker_before(text, max(s, a), cm.start())
            if sp is not None and sp.kind == "person":
                return Credit(sp, word, how="pre")
            continue
        sp = speaker_before(text, max(s, a), cm.start())
        if sp:
            return Credit(sp, word, how="pre")
        if seg > max(s, a) and _COMMA_ONLY.fullmatch(text, seg, cm.start()):
            # "Voss, who wore a cape reading “Docks Forever”, shouted, “…”": the subject is
            # before the relative clause that holds the earlier quotation
            rel = None
            for rel in _RELATIVE_OPEN.finditer(text, max(s, a, seg - 200), seg):
                pass  # the last one
            if rel is not None:
                sp = speaker_before(text, max(s, a), rel.start())
                if sp is not None and sp.kind != "pronoun":
                    return Credit(sp, word, how="pre")
        if seg > max(s, a) and _APPOSITIVE_TAIL.fullmatch(text, seg, cm.start()):
            # "Voss, the author of “Wide Water,” about the port, said …": the name opening
            # the sentence, before an appositive that holds the earlier quotation
            p = max(s, a)
            while p < seg and text[p] in " \t\n":
                p += 1
            sp = speaker_after(text, p, seg)
            if sp is not None and sp.kind == "person" and sp.start == p and text.startswith(",", sp.end):
                return Credit(sp, word, how="pre")
        if CONJ_BEFORE.search(text, max(s, a, cm.start() - 6), cm.start()):
            sp = _coordinated_subject(text, max(s, a), cm)
            if sp is not None:
                return Credit(sp, word, how="pre")
            sp = clause_subject(text, max(s, a), cm.start())
            if sp:
                return Credit(sp, word, how="pre")
    return None


def _coordinated_subject(text: str, s: int, cm: re.Match) -> Speaker | None:
    """"… when Ana Ruiz lamented the “sad” state of the docks and criticized the “empty promises”":
    the second of two coordinated speech verbs shares the first one's subject."""
    for earlier in reversed(list(CUE_RE.finditer(text, s, cm.start()))):
        w = earlier.group()
        if w in ING_CUES or w.lower().startswith(("according", "in the words")) \
                or _CLAUSE_JOIN.search(text, earlier.end(), cm.start()):
            return None
        sp = speaker_before(text, s, earlier.start())
        if sp is not None and sp.kind in ("person", "organisation"):
            return sp
        return None
    return None


def _colon_cue(text: str, r: Region, a: int, paras, starts_of) -> Credit | None:
    """A quotation opening its paragraph after a paragraph that ends with a colon."""
    if r.para == 0 or text[a:r.open_pos].strip(" \t>*-#"):
        return None
    pa, pb = paras[r.para - 1]
    if text[pb - 1] != ":":
        return None
    st = starts_of(r.para - 1)
    s, _ = sentence_bounds(st, pb, pb - 1)
    for cm in reversed(list(CUE_RE.finditer(text, s, pb))):
        if cm.group().lower().startswith("according"):
            sp = speaker_after(text, cm.end(), pb)
        else:
            sp = speaker_before(text, s, cm.start())
        if sp:
            return Credit(sp, cm.group(), how="colon-para")
    sp = subject_at_start(text, s, pb)
    if sp:
        return Credit(sp, None, how="colon-para")
    return None
