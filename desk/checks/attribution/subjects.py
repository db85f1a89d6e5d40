"""The subject noun phrase that ends right before a cue (speakers.py reads the phrase),
and the rules that look past what may stand between the subject and its cue: a relative
clause, a dash interrupter, a statement someone issued, a place, the agent of a participle."""

from __future__ import annotations

import re
from functools import lru_cache

from desk.checks.attribution.following import PARTICIPLES
from desk.checks.attribution.lexicon import DETERMINERS, TIME_NOUNS
from desk.checks.attribution.phrase import Speaker, tokens
from desk.checks.attribution.speakers import _np_from_end


def speaker_before(text: str, a: int, v: int, *, allow_descriptor: bool = True) -> Speaker | None:
    """The subject noun phrase that ends just before position v (a cue verb), not before a.
    Several finders ask the same question: answers are remembered (a copy is returned, so a
    caller may set a title on it)."""
    sp = _speaker_before(text, a, v, allow_descriptor)
    return sp.clone() if sp is not None else None


@lru_cache(maxsize=8192)
def _speaker_before(text: str, a: int, v: int, allow_descriptor: bool) -> Speaker | None:
    adv = _TIME_BEFORE.search(text, max(a, v - 60), v)
    if adv is not None and adv.start() > a:
        # "the senator on Tuesday accused", "Voss in a statement said": the adverbial stands
        # between the subject and its verb
        dated = _DATED.search(text, max(a, adv.start() - 14), adv.start())
        if dated is not None:
            # "the order released Friday said": the date belongs to the participle's phrase
            sp = speaker_before(text, a, dated.start(), allow_descriptor=allow_descriptor)
            if sp is not None and sp.kind in ("anonymous", "organisation") and not text[sp.end:dated.start()].strip():
                end = len(text[:adv.end()].rstrip(" \t,"))
                sp.end, sp.name = end, text[sp.start:end]
                return sp
        v = adv.start()
    pm = _POSTMOD_BEFORE.search(text, max(a, v - 80), v)
    if pm is not None and pm.start() > a:
        # "a person familiar with the talks said", "people close to Voss said": the adjective
        # phrase belongs to the descriptor before it
        head = speaker_before(text, a, pm.start(), allow_descriptor=allow_descriptor)
        if head is not None and head.kind == "anonymous" and not text[head.end:pm.start()].strip():
            end = len(text[:v].rstrip(" \t,"))
            head.end, head.name = end, text[head.start:end]
            return head
    pp = _PP_BEFORE.search(text, max(a, v - 90), v)
    if pp is not None and pp.start() > a and not _PP_VERBISH.search(text, pp.start(), v):
        # "Voss at a rally in Dunmore on Tuesday accused", "Voss in remarks to reporters said":
        # a prepositional phrase between a name and its verb; the name is the subject
        head = speaker_before(text, a, pp.start(), allow_descriptor=allow_descriptor)
        if head is not None and head.kind in ("person", "organisation") \
                and (not text[head.end:pp.start()].strip() or _TIME_BEFORE.fullmatch(text, head.end, pp.start())) \
                and _clause_start(text, a, head.start) and head.name.lower() not in TIME_NOUNS:
            return head  # (not "Days after Lang called …": a time phrase, no name)
    rel = _WHO_CLAUSE.search(text, max(a, v - 120), v)
    if rel is not None:
        # "Voss, who has long described the plan as …": the relative pronoun's antecedent
        ante = speaker_before(text, a, rel.start(), allow_descriptor=allow_descriptor)
        if ante is not None and ante.kind != "pronoun":
            return ante
    sp = _np_from_end(text, tokens(text, max(a, v - 300), v), allow_descriptor)
    if sp is None and text[max(a, v - 3):v].strip() in ("\u2014", "--", "\u2013"):
        # "Okafor — named by the paper as the favourite — told …": skip the interrupter
        k = max(text.rfind("\u2014", a, v - 3), text.rfind("--", a, v - 4), text.rfind("\u2013", a, v - 3))
        if k > a and v - k < 240:
            return speaker_before(text, a, k, allow_descriptor=allow_descriptor)
    if sp is None or sp.kind == "pronoun":
        return sp
    if sp.kind != "person" and sp.name.split()[-1].lower() in _ISSUED_THINGS:
        # "the guild issued a statement calling it …": the statement's issuer speaks
        m = _ISSUED_BEFORE.search(text, max(a, sp.start - 40), sp.start)
        if m is not None:
            issuer = speaker_before(text, a, m.start(), allow_descriptor=allow_descriptor)
            if issuer is not None:
                return issuer
    # "Lena Voss of Ardena, Westshire says" (a place), "a letter from the guild obtained by
    # the Courier warns" (a participle's agent): the noun phrase before them is the subject
    for modifier in (_PLACE_BEFORE, _AGENT_BEFORE):
        m = modifier.search(text, max(a, sp.start - 60), sp.start)
        if m is not None:
            head = _np_from_end(text, tokens(text, max(a, m.start() - 300), m.start()), allow_descriptor)
            if modifier is _AGENT_BEFORE and _AUTHORED_BY.search(text, m.start(), m.end()):
                break  # "a letter signed by Voss calls …": who signed it wrote the words
            if modifier is _AGENT_BEFORE and _ISSUED_BY.search(text, m.start(), m.end()) and head is not None \
                    and head.name.split() and head.name.split()[-1].lower() in _STATEMENTS:
                break  # "a statement released by Voss calls …": whose statement it is speaks
            if head is not None and head.kind != "pronoun" and (modifier is _AGENT_BEFORE or head.kind == "person"):
                # (a place after a name: "Voss of Ardena, Westshire"; not an opening phrase,
                # "In a talk this week in Ardena, Voss said")
                return head
            if modifier is _PLACE_BEFORE and head is not None and head.kind == "anonymous" and len(sp.name.split()) == 1 \
                    and head.name.split()[0].lower() in DETERMINERS and _clause_start(text, a, head.start):
                # "a farmer in Dunmore, Westshire, told": the place is inside the phrase
                head.end = sp.end
                head.name = text[head.start:sp.end]
                return head
    if sp.kind == "anonymous" and text[max(a, sp.start - 3):sp.start].rstrip().endswith(","):
        # "Lena Voss, chairwoman of the river guild stated": a name, then its appositive
        k = text.rfind(",", a, sp.start)
        ante = _np_from_end(text, tokens(text, max(a, k - 200), k), False)
        if ante is not None and ante.kind == "person" and _clause_start(text, a, ante.start):
            ante.title = ante.title or sp.name
            return ante
    m = _OPEN_APPOSITION.search(text, max(a, sp.start - 160), sp.start)
    if m is not None and sp.kind in ("person", "organisation") and not text[m.end():sp.start].strip():
        # "Lena Voss, chairwoman of the Harbour League said": an appositive left open
        # before the verb; the name before it speaks, the rest is her title
        ante = _np_from_end(text, tokens(text, max(a, m.start() - 200), m.start()), False)
        if ante is not None and ante.kind == "person" and _clause_start(text, a, ante.start):
            ante.title = ante.title or text[m.start() + 1:sp.end].strip()
            return ante
    return sp


def _clause_start(text: str, a: int, p: int) -> bool:
    """Nothing but an opening phrase or conjunction before p in its clause."""
    before = text[max(a, p - 40):p]
    k = max(before.rfind(","), before.rfind(";"), before.rfind("."), before.rfind("\n"))
    lead = before[k + 1:].strip().lower()
    return p - 40 <= a and not text[a:p].strip() or lead in ("", "and", "but", "as", "then", "while", "when")


_PLACE_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:of|in|from)[ \t]+[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*)?,[ \t]*$")
_ISSUED_THINGS = {"statement", "letter", "memo", "release", "report", "tweet", "post", "video", "ad", "email",
                  "article", "story", "clip", "mailer", "flyer", "notice", "message", "campaign", "commercial",
                  "spot", "petition", "op-ed", "editorial", "column", "note", "appeal"}
# "issued a statement", "sent Lang a letter", "began a $1 million ad campaign": who put it out
_ISSUED_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:issued|released|published|sent|posted|put[ \t]+out|"
                            r"circulated|shared|aired|retweeted|tweeted|forwarded|emailed|sent[ \t]+out|"
                            r"launched|began|started|ran|unveiled|wrote|penned|signed|filed)"
                            r"(?:[ \t]+(?:him|her|them|us|me|[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,2}))?"
                            r"(?:[ \t]+(?:a|an|the|his|her|their|its))?[ \t]+(?:[\w$.,-]+[ \t]+){0,3}?$")
# ", who is chairman of the Harbour League said": a relative clause, closed or not
_WHO_CLAUSE = re.compile(r",[ \t]+who[ \t]+(?:[a-z]+[ \t]+){0,6}$|,[ \t]+who[ \t]+[a-z][^,;:.!?\u201c\u201d\"()\n]{0,80}$")
POSTMOD_ADJECTIVES = ("familiar", "close", "briefed", "knowledgeable", "privy", "involved")
_POSTMOD_BEFORE = re.compile(r"[ \t]+(?:" + "|".join(POSTMOD_ADJECTIVES) + r")[ \t]+(?:with|to|on|about|in)[ \t]+"
                             r"[^,;:.!?\u201c\u201d\"()\n]{1,60}$")
_DATED = re.compile(r"[ \t]+(?:" + "|".join(sorted(PARTICIPLES)) + r")$")
# a prepositional phrase (no "of") between a name and its verb, up to the verb
_PP_BEFORE = re.compile(r"(?<=[\w.)])[ \t]+(?:in|at|during|on|after|before|amid|via|through|over|under|from|for|with)"
                        r"[ \t]+[^,;:.!?\u201c\u201d\"()\n\u2014\u2013]{1,70}$")
# what a prepositional phrase does not hold: a verb ("on Thursday blamed the media for …"), a
# conjunction or relative, a possessive asked about ("… out of Voss’s claim")
_PP_VERBISH = re.compile(r"(?<![\w'\u2019-])(?:[a-z]+ed|and|but|or|that|who|which|whom|where|when)(?![\w'\u2019-])"
                         r"|(?:'s|\u2019s|s'|s\u2019)[ \t]*$")
# between a subject and its verb: "on Tuesday", "late on Friday", "last week", "in a statement"
_TIME_BEFORE = re.compile(
    r"[ \t]+(?:(?:late|early|earlier|again)[ \t]+)?(?:(?:on|last|this|next)[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|night|week|weekend|month|year|morning)(?:[ \t]+(?:night|morning|afternoon|evening))?"
    r"(?:[ \t]+(?:again|also|too))?[ \t]*$"
    r"|[ \t]+(?:yesterday|today|tonight)[ \t]*$"
    r"|[ \t]+(?:(?:had|has|have)[ \t]+)?(?:at[ \t]+(?:last|first|once|times)|in[ \t]+(?:turn|fact)|of[ \t]+course)[ \t]*$"
    r"|[ \t]+in[ \t]+(?:a|an|his|her|their|its)[ \t]+(?:[a-z]+[ \t]+)?(?:statement|interview|email|letter|speech|"
    r"post|tweet|video|memo)[ \t]*,?[ \t]*$")
# ", chairwoman of the Harbour League" left open before the verb (no closing comma)
_OPEN_APPOSITION = re.compile(r",[ \t]+(?:(?:a|an|the)[ \t]+)?[a-z][\w-]*(?:[ \t]+(?:and[ \t]+)?[\w-]+){0,4}?[ \t]+"
                              r"(?:of|at|for|with)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w-]*(?:'s|\u2019s)[ \t]+)?"
                              r"(?:[a-z][\w-]*[ \t]+){0,2}$")
_ISSUED_BY = re.compile(r"(?:issued|released|sent|posted|shared)[ \t]+by")
_STATEMENTS = {"statement", "letter", "memo", "release", "tweet", "post", "email", "message", "note"}
_AUTHORED_BY = re.compile(r"(?:signed|written|penned|authored|co-signed)[ \t]+by")
_AGENT_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:penned|authored|co-signed|obtained|seen|reviewed|released|published|filed|signed|sent|"
                           r"written|issued|commissioned|funded|paid|run|backed|led|cited|quoted|aired|"
                           r"posted|shared|conducted|prepared)[ \t]+by[ \t]+$")
