"""Quotation and attribution engine: a pure function from text (plus the library's
sources and quote tags) to the quotations found and the problems they raise.

Used alike by `desk check`, the live editor and export. No Qt, no SQL.

The engine is a pipeline, one job per stage:
1-2. segment.py   paragraphs, sentences, Markdown non-prose; marks.py finds the quotation regions
3-4. people.py    the people the article names, clustered by surname (mentions and entities;
                  names.py reads name pieces, pronouns.py finds a pronoun's person);
                  speakers.py reads a noun phrase (name, title, pronoun, descriptor) ending at a
                  position (phrase.py: the Speaker and its word tests; nameruns.py: a name
                  run), following.py one starting at a position;
                  subjects.py the subject before a cue, past clauses and modifiers between
5.   cues.py      speech verbs and phrases (lexicon.py), sentence boundaries
     credits.py   the finder table and the plain cue finders (pre.py a cue before, post.py a
                  cue after, a colon);
                  constructions.py the rest (asides, trailing and nested credits, …);
                  labels.py credits on lines of their own (signatures, roundup labels);
                  according.py the source a report came through ("…,” Voss said, according
                  to the Courier"); appositives.py credits past a quotation in an appositive;
                  each proposes a candidate credit (credit.py) for one quotation
6.   assign.py    candidates in reach, scored by ranking.py's features and weights
7.   resolve.py   chosen speakers resolved to entities (sources.py: the library's sources);
                  problems.py raises the problems
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from desk.checks.attribution.assign import choose_speakers
from desk.checks.attribution.credits import Credit
from desk.checks.attribution.explain import explanation
from desk.checks.attribution.lexicon import PARTICLES
from desk.checks.attribution.people import People
from desk.checks.attribution.problems import quote_problems
from desk.checks.attribution.ranking import UNCERTAIN_BELOW, Choice
from desk.checks.attribution.resolve import Resolver
from desk.checks.attribution.segment import MAX_QUOTATIONS, Document, cap_regions, segment
from desk.checks.attribution.sources import SourceIndex
from desk.checks.attribution.tags import assigned_span, match_decisions
from desk.checks.markdown_spans import non_prose_spans
from desk.model import Problem, QuoteSpan, SourceRef, TaggedQuote

__all__ = ["MAX_QUOTATIONS", "AttributionResult", "analyse", "non_prose_spans"]


@dataclass
class AttributionResult:
    quotes: list[QuoteSpan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # quotations an editor marked "not a quotation": no problems, not in quotes; kept so
    # the tag-following sync still sees them in the text
    not_quotes: list[QuoteSpan] = field(default_factory=list)
    # with explain=True: per quotation, the candidates, their features and scores
    explain: list[dict] = field(default_factory=list)
    # name words of the people the article introduces by full name (Mustafa al-Kadhimi →
    # Mustafa, al-Kadhimi, Kadhimi): the spelling check accepts them
    names: set[str] = field(default_factory=set)


def analyse(text: str, sources: Sequence[SourceRef] = (), tagged: Sequence[TaggedQuote] = (),
            single_quotes: bool | None = None, explain: bool = False) -> "AttributionResult":
    """Find quotations in text, name their speakers and report problems. single_quotes: True
    for British style (‘…’ primary), None to detect it in a text with no double marks.
    explain: keep, per quotation, the ranked candidates and their features."""
    if not text:
        return AttributionResult()
    doc = segment(text, single_quotes)  # stages 1-2
    overflow = cap_regions(doc, MAX_QUOTATIONS)
    people = People(doc.text, doc.skip, [(r.open_pos, r.end) for r in doc.regions])  # stages 3-4: who the article names
    people.seed(sources)  # and who the library knows
    index = SourceIndex(sources)
    chosen = choose_speakers(doc, people)  # stages 5-6
    for c in chosen.values():  # every named speaker is a person pronouns can refer to
        sp = c.credit.speaker
        if sp is not None and sp.kind == "person":
            people.add_person(people.full_name(sp.name, sp.start)[0])
    result = _report(doc, people, index, chosen, sources, tagged, explain)
    if overflow is not None:
        result.problems.append(Problem(
            "too-many-quotations", "warning", overflow, len(text),
            f"more than {MAX_QUOTATIONS:,} quotation marks pairs: quotations after this point are not checked"))
        result.problems.sort(key=lambda p: (p.start, p.end, p.kind))
    return result


def _report(doc: Document, people: People, index: SourceIndex, chosen: dict[int, Choice],
            sources: Sequence[SourceRef], tagged: Sequence[TaggedQuote], explain: bool) -> AttributionResult:
    """Stage 7: resolved speakers, the editor's decisions, and the problems they raise."""
    regions, original = doc.regions, doc.original
    decisions = match_decisions(tagged, [(r.open_pos, r.end, doc.words(r.text_start, r.text_end))
                                         for r in regions])
    dismissed = {i for i, t in decisions.items() if t.status == "not-a-quote"}
    sources_by_id = {s.id: s for s in sources}
    resolver = Resolver(doc, people, dismissed)
    result = AttributionResult()
    credits: list[Credit] = []
    uncertain: list[Problem] = []
    for ri, r in enumerate(regions):
        choice = chosen[id(r)]
        res = resolver.resolve(ri, choice.credit, r.end)
        at, sp = res.credit, res.credit.speaker
        credits.append(at)
        source_id = index.find(res.name) if res.name and res.kind in ("person", "organisation") else None
        span = QuoteSpan(
            start=r.open_pos, end=r.end, text=doc.words(r.text_start, r.text_end),
            speaker=res.name, source_id=source_id, cue=at.cue, closed=r.closed or r.continued,
            speaker_kind=res.kind, title=res.title, speaker_start=sp.start if sp else None,
            speaker_end=sp.end if sp else None, term=at.how == "term",
            mention=_mention(original, sp))
        if explain:
            result.explain.append(explanation(span, choice))
        if ri in dismissed:
            result.not_quotes.append(span)
            continue
        if ri in decisions:
            span = assigned_span(span, decisions[ri], index, sources_by_id)
        elif sp is not None and choice.confidence < UNCERTAIN_BELOW and span.source_id is None:
            uncertain.append(Problem(
                "uncertain-speaker", "info", r.open_pos, r.end,
                f"speaker uncertain: {span.speaker} ({round(100 * choice.confidence)} % sure)"))
        elif sp is not None and res.rival:
            # “…,” he said, after two men named as fit: the pronoun's person is a guess
            uncertain.append(Problem(
                "uncertain-speaker", "info", r.open_pos, r.end,
                f"speaker uncertain: “{sp.name}” taken as {span.speaker}, but it could be {res.rival}"))
        result.quotes.append(span)
    anon = [a and i not in decisions for i, a in enumerate(_anonymous(credits))]
    kept = [i for i in range(len(regions)) if i not in dismissed]
    issues = doc.issues
    if dismissed:
        issues = [iss for iss in issues if not any(regions[i].open_pos <= iss.start < regions[i].end
                                                   for i in dismissed)]
        tagged = [t for t in tagged if t.status != "not-a-quote"]
    problems = resolver.problems + uncertain
    problems.extend(quote_problems(doc.text, [regions[i] for i in kept], result.quotes, issues,
                                   [anon[i] for i in kept], bool(sources), tagged))
    problems.sort(key=lambda p: (p.start, p.end, p.kind))
    result.problems = problems
    result.names = _name_words(doc.text, people, result.quotes)
    return result


_CAPITALISED = re.compile(r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]*[\w]")


def _name_words(text: str, people: People, quotes: list[QuoteSpan]) -> set[str]:
    """Words of full names the article gives a person (a speaker's, or one with a title) that
    the spelling check should accept: particles (Abu, al-), the surname without its particle
    once the article has given it (Kadhimi after al-Kadhimi), and name words the article
    repeats (a typo rarely comes twice the same way)."""
    fulls = {q.speaker for q in quotes if q.speaker and q.speaker_kind == "person" and " " in q.speaker}
    fulls.update(people.titles)
    out: set[str] = set()
    counts: Counter | None = None
    for full in fulls:
        for w in full.split():
            w = w.strip(".,;:()\"'\u2019")
            if len(w) < 2:
                continue
            head, dash, rest = w.partition("-")
            if w.lower() in PARTICLES:
                out.add(w)
            elif dash and head.lower() in PARTICLES and rest[:1].isupper():
                out.update((w, rest))  # "Kadhimi" once the article has said "al-Kadhimi"
            elif w[:1].isupper():
                if counts is None:
                    counts = Counter(_CAPITALISED.findall(text))
                if counts[w] >= 2:
                    out.add(w)
    return out


def _mention(text: str, sp) -> str | None:
    if sp is None or not 0 <= sp.start < sp.end <= len(text):
        return None
    return text[sp.start:sp.end]


def _anonymous(credits: list[Credit]) -> list[bool]:
    return [bool(at.speaker and at.speaker.anonymous_flag and at.how in ("post", "pre") and at.cue
                 and at.speaker.kind == "anonymous") for at in credits]
