"""Stage 4 applied to the chosen speakers: a speaker as written ("he", "Kadhimi", "the
prime minister") becomes the entity the article has told us about ("Mustafa al-Kadhimi"),
with its kind; first-surname warnings are raised here."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from desk.checks.attribution.clauses import subject_at_start
from desk.checks.attribution.credits import Credit
from desk.checks.attribution.lexicon import PERSON_ROLES, PRONOUNS
from desk.checks.attribution.names import gender_word
from desk.checks.attribution.people import People
from desk.checks.attribution.phrase import Speaker
from desk.checks.attribution.roles import PERSON_HEADS, apposed_name, nominal
from desk.checks.attribution.segment import Document
from desk.model import Problem

_DOCUMENTS = {"statement", "memo", "report", "column", "article", "editorial", "letter", "study", "survey",
              "poll", "document", "filing", "lawsuit", "complaint", "release", "ad", "tweet", "post", "book"}
# names of one body that end in -s ("the Times", "Reuters"): "it" can refer to them
_SINGULAR_S = {"times", "news", "reuters", "politics", "affairs", "services", "industries", "airlines",
               "systems", "partners", "holdings", "communications", "relations", "studies", "press"}
_DEFINITE_START = re.compile(r"[\s\"\u201c]*(?:The|the|His|Her|Their)[ \t]+\w")
# "according to her": an object pronoun as a source
_OBJECT_FORMS = {"him": "m", "her": "f", "them": "p"}
_GOING_ON = {"added", "adds", "continued", "continues", "went on"}
_GOING_ON_REACH = 1200  # characters from the last speaker's quotation
DESCRIBED_REACH = 2  # sentences back a description's person may have last been named


@dataclass
class Resolved:
    credit: Credit
    name: str | None
    kind: str | None
    title: str | None
    rival: str | None = None  # a pronoun's other possible person: the choice is a guess


@dataclass
class Resolver:
    """Walks the quotations in text order, keeping who was last named (for "they", "the
    president")."""

    doc: Document
    people: People
    dismissed: set[int] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    last_person: tuple[str, int] | None = None
    last_group: str | None = None
    last_thing: str | None = None  # the last body or document ("the ministry", "the letter")
    flagged: set[str] = field(default_factory=set)
    _quote_ranges: list[tuple[int, int]] | None = None
    _rival: str | None = None
    _cue: str | None = None
    spoken: set[str] = field(default_factory=set)  # the people credited with words so far

    def resolve(self, ri: int, at: Credit, end: int) -> Resolved:
        sp = at.speaker
        if sp is None:
            return Resolved(at, None, None, None)
        resolved = at.resolved
        if resolved is not None:
            kind = "person" if sp.kind == "pronoun" else sp.kind
            out = Resolved(at, resolved, kind, sp.title)
        else:
            self._rival, self._cue = None, at.cue
            resolved, kind = self._resolve(ri, sp)
            out = Resolved(Credit(sp, at.cue, resolved, at.how), resolved, kind, sp.title, self._rival)
        if kind == "person" and resolved:
            self.last_person = (resolved, end)
            self.spoken.add(resolved)
        elif kind in ("organisation", "anonymous") and resolved:
            if resolved.split()[-1].lower() not in _DOCUMENTS:
                self.last_group = resolved  # "they" are people or bodies, never "a statement"
            last = resolved.split()[-1].lower()
            if not last.endswith("s") or last in _DOCUMENTS or last in _SINGULAR_S:
                self.last_thing = resolved
        return out

    def _resolve(self, ri: int, sp: Speaker) -> tuple[str, str]:
        people = self.people
        if sp.kind == "pronoun":
            low = sp.name.lower()
            g = PRONOUNS.get(low, "")
            if low in _OBJECT_FORMS and (self._cue or "").lower().startswith(("according", "in the words")):
                g = _OBJECT_FORMS[low]  # "according to her"
            if low == "i":
                return sp.name, "pronoun"  # the writer: an op-ed or a letter
            if g == "p":
                return (self.last_group, "organisation") if self.last_group else (sp.name, "pronoun")
            if g == "n":
                body = self._body_subject(sp.start)
                if body is not None:
                    return body, "organisation"
                return (self.last_thing, "organisation") if self.last_thing else (sp.name, "pronoun")
            if self._quote_ranges is None:
                self._quote_ranges = [(r.open_pos, r.end) for r in self.doc.regions]
            cand = people.resolve_pronoun(sp.start, g, self.doc.all_starts(), self._quote_ranges)
            rival = people.rival
            desc = self._descriptor_subject(sp.start)
            if desc is not None:
                named = nominal(people, desc) or self._described(desc, g)
                starts = self.doc.all_starts()
                own = starts[bisect.bisect_right(starts, sp.start) - 1]
                seen = people.last_seen(cand, sp.start) if cand else -1
                fits = not (named and g and people.gender_of(named) not in ("", g))
                if fits and (cand is None or seen < own):
                    # "The harbour master also spoke. “…,” he said": the role named last; and
                    # "The senator gave Voss some credit. “…,” he said": the role is the subject
                    # of the sentence before, Voss only its object
                    return named or desc.name, "person"
            going_on = self._going_on(sp.start, cand, g)
            if going_on is not None:
                return going_on, "person"
            self._rival = rival if cand else None
            return (cand, "person") if cand else (sp.name, "pronoun")
        if sp.kind == "person":
            resolved, later = people.full_name(sp.name, sp.start)
            people.add_person(resolved)
            if later and sp.name not in self.flagged and ri not in self.dismissed:
                self.flagged.add(sp.name)
                self.problems.append(Problem(
                    "surname-before-full-name", "warning", sp.start, sp.end,
                    f"“{sp.name}” is used before the full name “{resolved}” is given", (resolved,)))
            return resolved, "person"
        if sp.kind == "anonymous":
            named = apposed_name(people, sp)
            if named is not None:
                return named, "person"
        if sp.kind == "anonymous" and sp.definite:
            found = nominal(people, sp)
            if found:
                return found, "person"
        return sp.name, sp.kind


    def _going_on(self, pos: int, cand: str | None, gender: str) -> str | None:
        """"…,” he added": "added" carries on the last speaker's words; a person named since
        who has said nothing (a photo caption's "officer Tim Holt holds up the gun") is not
        who adds them."""
        last = self.last_person
        if self._cue not in _GOING_ON or last is None or cand is None or cand == last[0] \
                or cand in self.spoken or pos - last[1] > _GOING_ON_REACH:
            return None
        g = self.people.gender_of(last[0])
        return last[0] if not (gender and g and g != gender) else None

    def _described(self, desc: Speaker, gender: str) -> str | None:
        """The person a definite description no one has as a title refers back to: news
        names someone, then calls them by a role ("Lena Voss … The former mayor"), so the
        person a pronoun in the description's place would name, if named shortly before."""
        if desc.name.split()[0].lower() in ("his", "her", "their"):
            return None  # "Her husband": someone else than the person "her" names
        starts = self.doc.all_starts()
        k = bisect.bisect_right(starts, desc.start) - 1
        if k < 1:
            return None
        g = gender_word(desc.name.split()[-1]) or gender
        found = self.people.resolve_pronoun(desc.start, g, starts, self._quote_ranges or [])
        if found is None or self.people.last_seen(found, desc.start) < starts[max(0, k - DESCRIBED_REACH)]:
            return None
        return found

    def _body_subject(self, pos: int) -> str | None:
        """"The Harbour Council on Friday condemned the plan as what it called “…”": "it" is
        the organisation opening its own sentence (or, failing that, the sentence before)."""
        starts = self.doc.all_starts()
        i = bisect.bisect_right(starts, pos) - 1
        for k in (i, i - 1):
            if k < 0:
                return None
            a = starts[k]
            sp = subject_at_start(self.doc.text, a, pos)
            if sp is not None and sp.kind == "organisation" and sp.end <= pos and sp.start - a <= 3 \
                    and sp.name[:1].isupper() and not sp.name.lower().startswith("it"):
                return sp.name
            if sp is not None and _thing(sp) and sp.end <= pos and sp.start - a <= 3:
                # "The charter makes no mention of arms, although it does say …": a document
                return sp.name
            if sp is not None and sp.start - a <= 3:
                return None  # the sentence is about someone or something else
        return None

    def _descriptor_subject(self, pos: int) -> Speaker | None:
        """A definite role ("the senator", "The Republican nominee") opening the sentence
        before the pronoun's, outside quotations."""
        starts = self.doc.all_starts()
        i = bisect.bisect_right(starts, pos) - 1
        if i < 1:
            return None
        a, b = starts[i - 1], starts[i]
        ranges = self._quote_ranges or []
        k = bisect.bisect_right(ranges, (a, float("inf"))) - 1
        if k >= 0 and ranges[k][0] <= a < ranges[k][1]:
            return None  # the sentence starts inside a quotation
        if not _DEFINITE_START.match(self.doc.text, a, b):
            return None
        sp = subject_at_start(self.doc.text, a, b)
        if sp is None or sp.kind != "anonymous" or not sp.definite or sp.start - a > 3:
            return None
        words = sp.name.split()
        if len(words) > 5 or any(w[:1].isdigit() for w in words):
            return None  # a clause read as a noun phrase ("The district saw 30 applicants")
        head = words
        for k, w in enumerate(words):
            if k and w.lower() in ("of", "for", "at", "in", "from", "with", "on"):
                head = words[:k]  # "His candidacy for president": the head is "candidacy"
                break
        return sp if head[-1].lower() in PERSON_HEADS else None


def _thing(sp: Speaker) -> bool:
    """A definite singular description of a thing opening a sentence ("The Japanese charter",
    "The lawsuit"): what "it" can name; not a person's role, not a plural."""
    words = sp.name.split()
    if sp.kind != "anonymous" or not sp.definite or not words or not words[0][:1].isupper() or len(words) > 4:
        return False
    head = words[-1].lower().strip(".,")
    return head not in PERSON_ROLES and (not head.endswith("s") or head in _SINGULAR_S) and head.isalpha()
