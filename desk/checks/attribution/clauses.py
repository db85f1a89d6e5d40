"""Clause structure around a quotation: subjects of clauses, gerunds and relative neighbours."""

from __future__ import annotations

import re

from desk.checks.attribution.cues import CUE_FORMS, sentence_bounds
from desk.checks.attribution.following import speaker_after
from desk.checks.attribution.lexicon import PERSON_ROLES, TIME_NOUNS
from desk.checks.attribution.marks import Region
from desk.checks.attribution.phrase import Speaker

PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|been)\s+(?:[a-z]+ly\s+)?$")
PREP_BEFORE_ING = re.compile(r"\b(?:by|after|before|while|when|for|in|without|upon|since)\s+$", re.I)
_AFTER_QUOTE = re.compile(r"[\s,]*")


def _time_phrase(name: str) -> bool:
    """"A month", "Ten years", "this week": a short phrase headed by a time noun, not a
    longer one that only ends in one ("A Westby Courier poll released last week")."""
    words = name.split()
    return len(words) <= 3 and words[-1].lower() in TIME_NOUNS


def gerund_subject(text: str, r: Region, s: int, v: int) -> Speaker | None:
    """Subject of the clause a gerund phrase hangs from: "she was fined for saying …", and,
    when the phrase opens the sentence, the subject after it: "After saying “…,” she left"."""
    opening = not text[s:v].strip() or bool(re.match(r"\s*\w+\s*$", text[s:v]))
    if opening:
        p = _AFTER_QUOTE.match(text, r.end).end()
        sp = speaker_after(text, p, min(len(text), p + 120))
        if sp is not None and sp.start == p and sp.kind in ("person", "pronoun") \
                and VERBISH_AFTER.match(text, sp.end, min(len(text), sp.end + 160)):
            return sp
        return None
    sp = subject_at_start(text, s, v)
    if sp is not None and sp.kind in ("person", "pronoun", "organisation"):
        return sp
    pm = _PRONOUN_CLAUSE.search(text, s, v)
    if pm is not None and "\u201c" not in text[s:pm.start()] and '"' not in text[s:pm.start()]:
        # "On Monday they published the results by announcing …": the clause's pronoun subject
        sp = speaker_after(text, pm.start(), v)
        if sp is not None and sp.kind == "pronoun" and sp.start == pm.start():
            return sp
    return None


_PRONOUN_CLAUSE = re.compile(r"(?<![\w'\u2019-])(?:[Hh]e|[Ss]he|[Tt]hey)[ \t]+(?:[a-z]+ly[ \t]+)?[a-z]+(?:ed|ew|ent|ote|old|ade|ave|ook|aid)\b")


OBJECT_PREP = re.compile(r"\b(?:at|to|on|for|about|against|by|from|toward|towards|into|than)\s+(?:the\s+)?$")
CONJ_BEFORE = re.compile(r"\b(?:and|then|but)\s+$")


_CLAUSE_JOIN = re.compile(r"(?:[,;]|[ \t][-\u2013\u2014]{1,2})[ \t]+(?:and|but|while|whereas|yet)[ \t]+")


def clause_subject(text: str, a: int, v: int) -> Speaker | None:
    """Subject of a clause with coordinated verbs: “Okafor paused for a while and said …”;
    in a sentence of several clauses, the subject of the last one ("The guild agreed, and
    the union strongly objected and said …" → the union)."""
    last = None
    for last in _CLAUSE_JOIN.finditer(text, a, v):
        pass
    if last is not None:
        sp = subject_at_start(text, last.end(), v)
        if sp is not None:
            return sp
    sp = subject_at_start(text, a, v)
    if sp is None:
        k = text.rfind(",", a, v)
        if k >= 0:
            sp = subject_at_start(text, k + 1, v)
    return sp


_INTRO_RE = re.compile(r"(?:[A-Z][A-Z .'\u2019-]{2,}(?:,[^\u2014\u2013\n]{0,40})?\s*[\u2014\u2013-]{1,2}\s*)?"  # dateline
                       r"(?:(?:In|On|At|During|After|Before|Speaking|Asked|When|While|Writing|Later|Earlier|"
                       r"Still|But|And|However|Meanwhile|Then|Also|Yet|Now|Separately|Similarly|Last|This|"
                       r"Following|Despite|Since|As|Though|Although|Instead|First|Second|Finally|Again|Even|Indeed|Today|"
                       r"Outside|Inside|Across|Amid|Among|Throughout|Elsewhere|Somewhere|Nearby|"
                       r"Yesterday|Tonight|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|[A-Z][a-z]+ing|"
                       r"(?:Early|Late)(?=\s+(?:in|on|last|this|next)\b))"
                       r"\b[^:;.!?]{0,160}?,[\u201d\"]?\s*)?")
# (an appositive may end inside a title's closing mark: "Voss, host of “The Pier,” listed …")
VERBISH_AFTER = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:,[^,]{0,220},[\u201d\"\u2019']?\s*)?[a-z]")


_SUBORDINATE_OPEN = re.compile(r"(?:while|when|after|before|since|although|though|because|if|unless|until|"
                               r"during|despite|amid|without|upon)[ \t]+[a-z]")
_APPOSITIVE_OPEN = re.compile(r"(?:a|an|the)[ \t]+[a-z]")
# an appositive whose noun has a capitalised modifier: "a South Carolina native", "an Ohio lawyer"
_NAMED_APPOSITIVE = re.compile(r"(?:a|an)[ \t]+(?:[A-Z][\w.'\u2019-]*[ \t]+){1,3}([a-z][\w-]*)(?=[ \t,])")
_NOT_A_NOUN = {"is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "who", "which",
               "that", "and", "or", "but"}


def _appositive_open(text: str, p: int, limit: int) -> bool:
    if _APPOSITIVE_OPEN.match(text, p, limit):
        return True
    m = _NAMED_APPOSITIVE.match(text, p, limit)
    if m is None:
        return False
    w = m.group(1)
    return w not in _NOT_A_NOUN and w not in CUE_FORMS and not w.endswith("ed")


def subject_at_start(text: str, a: int, limit: int) -> Speaker | None:
    """The noun phrase opening a clause (after datelines and introductory phrases)."""
    m = _INTRO_RE.match(text, a, limit)
    starts = [m.end() if m else a]
    for _ in range(3):
        k = text.find(",", starts[-1], limit)
        if k < 0:
            break
        starts.append(k + 1)
    fronted = None  # a name opening the clause, before an appositive: "Lena Voss, a hydrologist …"
    for n, p in enumerate(starts):
        while p < limit and text[p] in " \t":
            p += 1
        if _SUBORDINATE_OPEN.match(text, p, limit):
            continue  # "Last summer, while touring the Westby plant, Ruiz called …": not the subject
        sp = speaker_after(text, p, limit)
        if sp is not None and sp.kind == "anonymous" and _time_phrase(sp.name):
            continue  # "A month later, he …": a time phrase, the subject comes after its comma
        if n == 0 and sp is not None and sp.kind == "person" and sp.start - p < 40 and text.startswith(",", sp.end):
            fronted = sp
        elif fronted is not None and _appositive_open(text, p, limit):
            # "Lena Voss, a former harbour pilot for the Westby port has written …": the
            # appositive was left open; the name before it is the subject
            fronted.title = fronted.title or None
            return fronted
        # (a long title before the name counts as the name's: "Former Republican presidential
        # candidate Omar Beck broke down …")
        near = sp is not None and (sp.start - p < 40 or sp.title is not None and sp.start - p < 80
                                   and text[p:sp.start].strip() == sp.title)
        if sp and near and (VERBISH_AFTER.match(text, sp.end, limit) or sp.title and sp.start > p
                                         and text.startswith(",", sp.end)
                                         and VERBISH_AFTER.match(text, sp.end + 1, limit)):
            # (the second: "Her chief policy aide, Lena Voss, calls …")
            if sp.kind != "person" and text.startswith(",", sp.end):
                # "His deputy harbour master, Lena Voss, calls …": the appositive names the subject
                q = sp.end + 1
                while q < limit and text[q] in " \t":
                    q += 1
                alt = speaker_after(text, q, limit)
                if alt is not None and alt.kind == "person" and alt.start == q and text.startswith(",", alt.end):
                    alt.title = alt.title or sp.name
                    return alt
            return sp
    if m is not None and m.end() > a:
        # "Yet she did not limit her attacks, also calling …", "When he returned he began by
        # saying": the opening word was read as an introductory phrase up to a comma; the
        # clause's subject comes right after the word
        w = _OPENING_WORD.match(text, a, limit)
        if w is not None:
            sp = speaker_after(text, w.end(), limit)
            if sp is not None and sp.start == w.end() and sp.kind in ("person", "pronoun") \
                    and VERBISH_AFTER.match(text, sp.end, limit):
                return sp
    return None


# a conjunction or subordinator opening a sentence without a comma after it
_OPENING_WORD = re.compile(r"\s*(?:But|And|Yet|Still|Then|Also|Now|So|When|While|After|Before|As|Once|Until)[ \t]+")


def previous_subject(text: str, r: Region, a: int, st: list[int], prev_end: int) -> Speaker | None:
    """A quotation opening a sentence with no cue, after a sentence about a person in the same
    paragraph, is that person's: Ana Ruiz called it a gamble. “We will lose the farm.”"""
    s0, _ = sentence_bounds(st, len(text), r.open_pos)
    if r.open_pos - s0 > 2 or s0 <= a:
        return None
    ps, _ = sentence_bounds(st, len(text), s0 - 1)
    ps = max(ps, a)
    if prev_end > ps:
        return None
    sp = subject_at_start(text, ps, s0)
    if sp is not None and sp.kind in ("person", "pronoun"):
        return sp
    if sp is not None and sp.kind == "anonymous" and sp.definite and sp.name.split() \
            and sp.name.split()[-1].lower() in PERSON_ROLES:
        return sp  # "The judge then turned to me. “Mr. Lang?”": a person by role
    return None
