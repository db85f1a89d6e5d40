"""A cue before a quotation in its sentence (Ana Ruiz said “…”), with the passive's agent
("was slammed by Ruiz as “…”") and the subject shared by coordinated cues."""

from __future__ import annotations

import re

from desk.checks.attribution.clauses import (
    _CLAUSE_JOIN,
    CONJ_BEFORE,
    OBJECT_PREP,
    PREP_BEFORE_ING,
    PROGRESSIVE,
    clause_subject,
    gerund_subject,
)
from desk.checks.attribution.credit import Credit
from desk.checks.attribution.cues import CUE_RE, ING_CUES, SPEAKER_FOLLOWS, sentence_bounds
from desk.checks.attribution.following import speaker_after
from desk.checks.attribution.lexicon import HEAD_NOUNS, PERSON_ROLES, SPEECH_BASES
from desk.checks.attribution.marks import Region
from desk.checks.attribution.phrase import Speaker, _norm
from desk.checks.attribution.subjects import speaker_before

_BY_AGENT = re.compile(r"[ \t]+by[ \t]+")


def passive_agent(text: str, cue_end: int, limit: int) -> Speaker | None:
    m = _BY_AGENT.match(text, cue_end, limit)
    if m is None:
        return None
    sp = speaker_after(text, m.end(), limit)
    if sp is None or sp.start != m.end() or sp.kind not in ("person", "organisation"):
        return None
    return sp


# works that have an author: "according to a study by Dana Holt" credits Holt
_AUTHORED = {"study", "report", "paper", "survey", "analysis", "poll", "review", "book", "audit", "memo",
             "investigation", "assessment", "estimate", "article", "column", "editorial", "essay", "letter"}


def author_of(text: str, sp: Speaker | None, limit: int) -> Speaker | None:
    """The author a work names after "by" ("a 2013 study by economists Dana Holt and Omar
    Beck"): who wrote the work is its source; else the phrase itself."""
    if sp is None or sp.kind == "person" or not sp.name.split() \
            or _norm(sp.name.split()[-1]) not in _AUTHORED:
        return sp
    m = _BY_AGENT.match(text, sp.end, limit)
    agent = speaker_after(text, m.end(), limit) if m is not None else None
    if agent is None or agent.kind not in ("person", "organisation") \
            or not re.fullmatch(r"(?:[a-z-]+[ \t]+){0,2}", text[m.end():agent.start]):
        return sp  # (a title may stand before the name: "by economists Dana Holt")
    return agent


def source_after(text: str, p: int, limit: int) -> Speaker | None:
    """Who "according to" (or "in the words of") names at p: a name, a descriptor, a work's
    author, or an object pronoun ("According to her, the town needs “new blood.”")."""
    sp = author_of(text, speaker_after(text, p, limit), limit)
    if sp is None:
        om = _OBJECT_PRONOUN.match(text, p, limit + 1)
        if om is not None:
            sp = Speaker(om.group(1), "pronoun", om.start(1), om.end(1))
    return sp


_PRONOUN_VERB_HINT = re.compile(r"(?<![\w'\u2019-])(?:[Hh]e|[Ss]he|[Ii]t) [a-z]+s\b")
_PRONOUN_VERB = re.compile(r"(?:(?<=[Hh]e )|(?<=[Ss]he )|(?<=[Ii]t ))(?:reads|notes|claims|states|posts|tweets|quips|"
                           r"reports|counters|answers|remarks|promises|quotes|hints|demands|texts|messages)"
                           r"(?=[ \t]*[,:][ \t]*[\u201c\"])")
_AMBIGUOUS_THAT = re.compile(r"(?<![\w'\u2019-])(?:notes|claims|states|reports|charges|counters|argues|"
                            r"posts|tweets|quips|answers|remarks|promises|hints|demands|warns)(?=[ \t]+that\b)")
_AMBIGUOUS_COLON = re.compile(r"(?<![\w'\u2019-])(reads|notes|states|claims|reports|tweets|posts|quips|answers|"
                              r"remarks|promises|warns|declares)[ \t]*:[ \t]*$")
_WHAT_CALLS = re.compile(r"(?<![\w'\u2019-])[Ww]hat[ \t]+(?:[A-Z][\w.'\u2019-]*[ \t]+){1,3}"
                         r"((?:(?:has|had|often|once|likes[ \t]+to|liked[ \t]+to|would)[ \t]+)?"
                         r"(?:calls|terms|labels|brands|claims|call|referred[ \t]+to[ \t]+as|refers[ \t]+to[ \t]+as))(?=[ \t])")


class _Verb:
    """The verb group of a longer match, read like a cue match (group, start, end)."""

    def __init__(self, m: re.Match):
        self._m = m

    def group(self) -> str:
        return self._m.group(1)

    def start(self) -> int:
        return self._m.start(1)

    def end(self) -> int:
        return self._m.end(1)

_SPEAK = {"spoke", "speaks", "speaking"}
_BARE_END = re.compile(r"(?:[ \t]+(?:also|again|first|last|later|briefly|too))?[ \t]*[.,;:!?)\u2014]")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+$")
_POSSESSIVE_BEFORE = re.compile(r"\w(?:'s|\u2019s|s'|s\u2019)[ \t]+$")
_COMMA_ONLY = re.compile(r"[\u201d\"\u2019']?[ \t]*,[ \t]*(?:[a-z]+ly[ \t]+)?")
_APPOSITIVE_TAIL = re.compile(r"[\u201d\"\u2019']?[^.!?;:\u201c\u201d\"]{0,80},[ \t]*(?:[a-z]+ly[ \t]+)?")
_DET_BEFORE = re.compile(r"(?<![\w'\u2019-])(?:[Aa]n?|[Tt]he|his|her|their|its)[ \t]+$")
# a participle naming the noun before it, then only an article before the name: "the
# loophole called an “inversion”", "a group dubbed “the Dockers”"
_NAMING_PARTICIPLES = {"called", "dubbed", "labeled", "labelled", "termed", "branded", "nicknamed"}
_ARTICLE_ONLY = re.compile(r"[ \t]*(?:(?:an?|the)[ \t]+)?")
# "according to her," / "in the words of him": an object pronoun names the source
_OBJECT_PRONOUN = re.compile(r"[ \t]+(?:to[ \t]+|of[ \t]+)?(him|her)(?=[ \t]*[,.;:\u2014\u2013)])")
_RELATIVE_OPEN = re.compile(r",[ \t]+(?:who|which)[ \t]+")


# "The vote prompted Ruiz to call …", "All this led Ruiz to fear …": a verb that makes
# someone speak; who it makes speak is the speaker, not the verb's subject
_MAKES_SPEAK = re.compile(r"(?<![\w'\u2019-])(?:led|leads|leading|prompted|prompts|prompting|caused|causes|"
                          r"forced|forces|drove|drives|driven|compelled|compels|spurred|spurs|inspired|"
                          r"inspires|moved|moves|provoked|provokes|persuaded|convinced)[ \t]+")
_TO_VERB = re.compile(r"[ \t]+to[ \t]+(?:(?:publicly|openly|also|again|loudly|quickly|repeatedly)[ \t]+)?"
                      r"([a-z]+)(?![\w'\u2019-])")


def _made_to_speak(text: str, seg: int, open_pos: int) -> Credit | None:
    m = None
    for m in _MAKES_SPEAK.finditer(text, seg, open_pos):
        pass  # the last one
    if m is None:
        return None
    sp = speaker_after(text, m.end(), open_pos)
    if sp is None or sp.kind not in ("person", "organisation", "anonymous"):
        return None
    gap = text[m.end():sp.start].strip()
    if gap and not (sp.title and gap.endswith(sp.title) and len(gap.split()) <= 5):
        return None  # (only a title before the name: "led the Latvian journalist Mara Kell to …")
    tv = _TO_VERB.match(text, sp.end, open_pos)
    if tv is None or tv.group(1) not in SPEECH_BASES or CUE_RE.search(text, tv.end(), open_pos):
        return None
    return Credit(sp, tv.group(1), how="pre")


def pre_cue(text: str, r: Region, a: int, st: list[int], prev_end: int) -> Credit | None:
    s, _ = sentence_bounds(st, len(text), r.open_pos)
    seg = max(s, prev_end, a)
    if seg >= r.open_pos:
        return None
    if text.find(" to ", seg, r.open_pos) >= 0:
        made = _made_to_speak(text, seg, r.open_pos)
        if made is not None:
            return made
    cues = list(CUE_RE.finditer(text, seg, r.open_pos))
    if "what " in text[seg:r.open_pos]:
        # "what Lang calls “a plan”": after "what" and a name, a form often a noun is a verb
        cues.extend(_Verb(m) for m in _WHAT_CALLS.finditer(text, seg, r.open_pos))
        cues.sort(key=lambda m: m.start())
    if "that" in text[seg:r.open_pos]:
        # "Pew notes that …", "the ministry states that …": a form that is often a noun is a
        # verb right after its subject's name and before "that"
        for am in _AMBIGUOUS_THAT.finditer(text, seg, r.open_pos):
            sp = speaker_before(text, max(s, a), am.start())
            if sp is not None and sp.kind in ("person", "organisation") and sp.name[:1].isupper() \
                    and not text[sp.end:am.start()].strip():
                cues.append(am)
        cues.sort(key=lambda m: m.start())
    if _PRONOUN_VERB_HINT.search(text, seg, r.open_pos):
        # "At the bottom it reads, “…”", "she notes: “…”": after a subject pronoun a form that
        # is often a noun is a verb
        cues.extend(_PRONOUN_VERB.finditer(text, seg, r.open_pos + 1))
        cues.sort(key=lambda m: m.start())
    if text.find(":", seg, r.open_pos) >= 0:
        # "Article 33 reads: “…”", "The sign states:": a form that is often a noun, then a
        # colon right before the quotation, is a verb after its subject's name
        am = _AMBIGUOUS_COLON.search(text, seg, r.open_pos)
        if am is not None:
            cues.append(_Verb(am))
            cues.sort(key=lambda m: m.start())
    for cm in reversed(cues):
        word = cm.group()
        if word in _SPEAK and _BARE_END.match(text, cm.end(), r.open_pos):
            continue  # "As Voss spoke, the crowd chanted “…”"
        if word in ING_CUES and _DET_BEFORE.search(text, max(0, cm.start() - 8), cm.start()):
            continue  # "calls a screaming Ruiz a “fraud”": an adjective, not a cue
        if word not in ING_CUES and _PASSIVE.search(text, max(0, cm.start() - 12), cm.start()):
            agent = passive_agent(text, cm.end(), r.open_pos)
            if agent is None and not text[cm.end():r.open_pos].strip(" \t,").removeprefix("as").strip():
                # "was called “a disgrace” by Ruiz": the agent after the quotation
                agent = passive_agent(text, r.end, sentence_bounds(st, len(text), r.end)[1])
            if agent is not None:  # "was slammed by Ruiz as “…”"
                return Credit(agent, word, how="pre")
            continue  # "was called": a passive; "is calling" is not
        if word.lower().startswith(SPEAKER_FOLLOWS):
            sp = source_after(text, cm.end(), r.open_pos)
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
        if word in _NAMING_PARTICIPLES and _ARTICLE_ONLY.fullmatch(text, cm.end(), r.open_pos):
            m = _BY_AGENT.match(text, r.end, sentence_bounds(st, len(text), r.end)[1])
            agent = speaker_after(text, m.end(), m.end() + 80) if m is not None else None
            if agent is not None and agent.start == m.end() and agent.kind != "pronoun":
                # "its capital, called the “Crossroads of the West” by the locals": the agent names it
                return Credit(agent, word, how="pre")
        sp = speaker_before(text, max(s, a), cm.start())
        if sp and word in _NAMING_PARTICIPLES and sp.kind == "anonymous" \
                and _norm(sp.name.split()[-1]) not in PERSON_ROLES and not sp.anonymous_flag \
                and _ARTICLE_ONLY.fullmatch(text, cm.end(), r.open_pos):
            continue  # "They slammed the loophole called an “inversion”": a thing named, not a speaker
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
