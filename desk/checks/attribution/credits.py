"""Candidate credits for one quotation: a cue before it, after it, a colon clause, a trailing
credit, the sentence subject. Each finder proposes; ranking.py decides."""

from __future__ import annotations

import re
from typing import Iterator

from desk.checks.attribution.according import according_source
from desk.checks.attribution.appositives import post_past_inner, subject_past_inner
from desk.checks.attribution.clauses import (
    _CLAUSE_JOIN,
    previous_subject,
    subject_at_start,
)
from desk.checks.attribution.constructions import (
    _NOUN_CUE_RE,
    _colon_clause,
    _noun_cue,
    _outer_speaker,
    _parenthetical,
    _post_any_verb,
    _said_first,
    _trailing,
    _with_ing,
)
from desk.checks.attribution.credit import Credit
from desk.checks.attribution.cues import CUE_RE, INVERSION, SPEAKER_FOLLOWS, sentence_bounds
from desk.checks.attribution.following import speaker_after
from desk.checks.attribution.labels import _afterword, _headline_label, _roundup_label, _signature
from desk.checks.attribution.lexicon import REPORTING_VERBS
from desk.checks.attribution.marks import Region
from desk.checks.attribution.phrase import Speaker
from desk.checks.attribution.post import post_cue
from desk.checks.attribution.pre import _BARE_END, _PASSIVE, _SPEAK, passive_agent, pre_cue
from desk.checks.attribution.subjects import speaker_before
from desk.checks.attribution.titlelines import title_line

_LABEL_RE = re.compile(r"\s*([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}):\s")


# ", she said in …." closing a sentence (constructions._closing_subject_credit)
_CLOSING_HINT = re.compile(r",[ \t]+[\w.'\u2019-]+(?:[ \t]+[\w.'\u2019-]+){0,3}[ \t]+(?:said|says|added|adds|wrote|writes|told|tells)"
                           r"(?![\w'\u2019-])")


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
    aside, trailing = _comma_verbs(para)
    if aside:
        found.add("aside")
    if "Said " in para or "Says " in para or "Added " in para or "Wrote " in para:
        found.add("said-first")
    if "with " in para or "as " in para:
        found.add("absolute")
    if trailing or _CLOSING_HINT.search(para):
        found.add("trailing")
    return frozenset(found)


_REPORTING_WORDS = frozenset(REPORTING_VERBS)


def _comma_verbs(para: str) -> tuple[bool, bool]:
    """A reporting verb right before a comma ("…, Voss said, …": an aside) and right after one
    and a space (", said Voss": a trailing credit): the _ASIDE_HINT and _TRAIL_RE tests, read
    at the paragraph's commas only (faster than running both patterns over every character)."""
    aside = trailing = False
    k = para.find(",")
    while k >= 0 and not (aside and trailing):
        if not aside:
            w = para[max(0, k - 16):k].rstrip(" \t")
            j = len(w)
            while j > 0 and (w[j - 1].isalnum() or w[j - 1] == "_"):
                j -= 1
            aside = w[j:] in _REPORTING_WORDS
        if not trailing:
            after = para[k + 1:k + 20]
            m = after.lstrip(" \t")
            if len(m) < len(after):
                i = 0
                while i < len(m) and (m[i].isalnum() or m[i] == "_"):
                    i += 1
                trailing = m[:i] in _REPORTING_WORDS and i < len(m) and m[i] in " \t"
        k = para.find(",", k + 1)
    return aside, trailing


def _hinted(how: str, finder):
    """A finder run only when its paragraph hint is there."""
    return lambda c: finder(c) if how in c.hints else None


# The finders, strongest first, with the kinds of credit each can propose.
FINDERS = (
    (("roundup",), _hinted("roundup", lambda c: _roundup_label(c.text, c.r, c.a, c.prev_end))),
    (("aside",), _hinted("aside", lambda c: _parenthetical(c.text, c.r, c.a, c.st, c.prev_end))),
    (("said-first",), _hinted("said-first", lambda c: _said_first(c.text, c.r, c.a, c.st, c.prev_end))),
    (("post", "post-sub"), lambda c: post_cue(c.text, c.r, c.b, c.st, c.nxt_open)
     or post_past_inner(c.text, c.r, c.b, c.st, c.nxt_open, post_cue)),
    (("absolute",), _hinted("absolute", lambda c: _with_ing(c.text, c.r, c.a, c.st, c.prev_end))),
    (("colon-clause",), _hinted("colon-clause", lambda c: _colon_clause(c.text, c.r, c.a, c.st, c.prev_end))),
    (("pre", "outer"), lambda c: pre_cue(c.text, c.r, c.a, c.st, c.prev_end)),
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
    (("afterword",), lambda c: _afterword(c.text, c.r, c.b, c.paras)),
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
        if word.lower().startswith(SPEAKER_FOLLOWS):
            sp = speaker_after(text, cm.end(), b)
        elif passive:  # "was slammed by Ruiz": the agent speaks; with no agent, nobody here
            sp = passive_agent(text, cm.end(), b)
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


# "Voss, on the plan: “…”": a name and its topic before a colon
_ON_TOPIC = re.compile(r",?[ \t]+(?:on|about)[ \t]+[^,;:.!?\u201c\u201d\"\n]{1,60}")
_WENT_ON_SPEECH = re.compile(r"[ \t]*(?:[:,\u201c\"]|(?:to|about)[ \t]|\n)")
_BE_AFTER = re.compile(r"[ \t]+(?:was|were|is|are|has|had|have|be|been|got|gets)\b")
_JOIN_AFTER_QUOTE = re.compile(r"[ \t]*,?[ \t]+(?:and|but|while|whereas|yet)[ \t]+(?=[A-Z])")
_ING_WORD = re.compile(r"[a-z]{2,}ing(?![\w'\u2019-])")


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
        if cm.group().lower().startswith(SPEAKER_FOLLOWS):
            sp = speaker_after(text, cm.end(), pb)
        else:
            sp = speaker_before(text, s, cm.start())
        if sp:
            return Credit(sp, cm.group(), how="colon-para")
    sp = subject_at_start(text, s, pb)
    if sp:
        return Credit(sp, None, how="colon-para")
    return _colon_label(text, s, pb - 1)


def _colon_label(text: str, s: int, colon: int) -> Credit | None:
    """A paragraph that is only a label before the quotation paragraph: a name ("Lena Voss:"),
    a name and its occasion ("Voss, in an interview:", "Voss on the plan:"), or the words a
    name owns ("Voss’s full statement:", "Read Voss’s statement below:")."""
    lead = s
    while lead < colon and text[lead] in " \t\n":
        lead += 1
    m = _LABEL_LEAD.match(text, lead, colon)
    lead = m.end() if m else lead
    own = None
    for own in _NOUN_CUE_RE.finditer(text, lead, colon):
        pass
    if own is not None and _LABEL_TAIL.fullmatch(text, own.end(), colon):
        owner = text[own.start():own.start(1)].split()[0]
        if owner[:1].isupper() and owner.lower() not in ("his", "her", "their"):
            sp = speaker_before(text, lead, own.start() + len(owner))
            if sp is not None and sp.kind in ("person", "organisation"):
                return Credit(sp, own.group(1), how="colon-para")
    name = speaker_after(text, lead, colon)
    if name is not None and name.kind in ("person", "organisation") and name.start == lead \
            and (name.end == colon or _ON_OCCASION.fullmatch(text, name.end, colon)
                 or _APPOSED_ROLE.fullmatch(text, name.end, colon)):
        return Credit(name, None, how="colon-para")
    return None


# "Read Voss’s statement below:", "Here is Voss’s reply:"
_LABEL_LEAD = re.compile(r"(?:Read|See|Watch|Here[ \t]+is|Here['\u2019]s|Below[ \t]+is)[ \t]+")
# after the owned words, before the colon: "below", "in full", "on Monday"
_LABEL_TAIL = re.compile(r"(?:[ \t]+(?:below|here|in[ \t]+full|follows|reads))?[ \t]*")
# a name's occasion before a colon: ", in an interview", " on the plan"
_ON_OCCASION = re.compile(r",?[ \t]+(?:on|about|in|during|at)[ \t]+[^,;:.!?\u201c\u201d\"\n]{1,60}")
# a name's role set off by a comma before the colon: "Lena Voss, union president:"
_APPOSED_ROLE = re.compile(r",[ \t]+(?:(?:the|a|an|[A-Z][\w.'\u2019-]*(?:'s|\u2019s))[ \t]+)?[a-z][\w-]*"
                           r"(?:[ \t]+(?:[a-z][\w-]*|[A-Z][\w.'\u2019-]*)){0,6}")
