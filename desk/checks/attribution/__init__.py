"""Quotation and attribution engine: a pure function from text (plus the library's
sources and quote tags) to the quotations found and the problems they raise.

Used alike by `desk check`, the live editor and export. No Qt, no SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from desk.checks.attribution.credits import Credit, attribute, last_cue
from desk.checks.attribution.cues import sentence_starts
from desk.checks.attribution.lexicon import PRONOUNS
from desk.checks.attribution.marks import Region, find_regions, single_quote_view
from desk.checks.attribution.people import People, SourceIndex
from desk.checks.attribution.problems import quote_problems
from desk.checks.attribution.speakers import Speaker
from desk.checks.attribution.tags import assigned_span, match_decisions
from desk.checks.attribution.terms import is_term
from desk.checks.markdown_spans import non_prose_spans
from desk.model import Problem, QuoteSpan, SourceRef, TaggedQuote


__all__ = ["AttributionResult", "analyse", "non_prose_spans"]


@dataclass
class AttributionResult:
    quotes: list[QuoteSpan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # quotations an editor marked "not a quotation": no problems, not in quotes; kept so
    # the tag-following sync still sees them in the text
    not_quotes: list[QuoteSpan] = field(default_factory=list)


_STATEMENT_END = re.compile(r"[,.!?\u2026\u2014;:-]\s*$")


def analyse(text: str, sources: Sequence[SourceRef] = (), tagged: Sequence[TaggedQuote] = (),
            single_quotes: bool | None = None) -> "AttributionResult":
    """Find quotations in text, name their speakers and report problems. single_quotes: True
    for British style (‘…’ primary), None to detect it in a text with no double marks."""
    if not text:
        return AttributionResult()
    skip = non_prose_spans(text)
    original = text
    view = single_quote_view(text, skip, single_quotes)
    if view is not None:
        text = view  # same offsets; quoted text is still taken from the original below
    regions, issues, paras = find_regions(text, skip)
    people = People(text, skip)
    index = SourceIndex(sources)
    by_para: dict[int, list[Region]] = {}
    for r in regions:
        by_para.setdefault(r.para, []).append(r)
    starts_cache: dict[int, list[int]] = {}

    def starts_of(pi: int) -> list[int]:
        s = starts_cache.get(pi)
        if s is None:
            a, b = paras[pi]
            s = starts_cache[pi] = sentence_starts(text, a, b)
        return s

    terms = {id(r) for r in regions if r.closed and is_term(text, r.open_pos, r.end, text[r.text_start:r.text_end])}
    attrs: dict[int, Credit] = {}
    for pi, regs in by_para.items():
        a, b = paras[pi]
        st = starts_of(pi)
        real = [r for r in regs if id(r) not in terms]  # a title is no boundary for its neighbours
        for r in regs:
            if id(r) in terms:
                attrs[id(r)] = Credit(how="term")
        for n, r in enumerate(real):
            prev_end = real[n - 1].end if n else a
            nxt_open = real[n + 1].open_pos if n + 1 < len(real) else b
            attrs[id(r)] = attribute(text, r, a, b, st, prev_end, nxt_open, paras, starts_of)
        # a quotation with no cue followed at once by one with a cue after it: “A.” “B,” she said.
        for n in range(len(regs) - 2, -1, -1):
            cur, nx = attrs[id(regs[n])], attrs[id(regs[n + 1])]
            if cur.speaker is None and cur.how != "term" and nx.speaker is not None and nx.how == "post" \
                    and not text[regs[n].end:regs[n + 1].open_pos].strip(" \t,"):
                attrs[id(regs[n])] = Credit(nx.speaker, nx.cue, how="next")

    # a quotation left open for the next paragraph takes that paragraph's speaker
    for r in reversed(regions):
        if r.continued and attrs[id(r)].speaker is None and r.para + 1 in by_para:
            nxt = by_para[r.para + 1][0]
            if nxt.continues is r and r.continues is None and attrs[id(nxt)].speaker is not None \
                    and attrs[id(nxt)].how in ("post", "pre"):
                src = attrs[id(nxt)]
                attrs[id(r)] = Credit(src.speaker, src.cue, how="continued")

    for at in attrs.values():  # every named speaker is a person pronouns can refer to
        if at.speaker is not None and at.speaker.kind == "person":
            people.add_person(people.full_name(at.speaker.name, at.speaker.start)[0])

    # The editor's decisions on stored tags: "not a quotation", or who said it.
    decisions = match_decisions(tagged, [(r.open_pos, r.end, original[r.text_start:r.text_end]) for r in regions])
    dismissed = {i for i, t in decisions.items() if t.status == "not-a-quote"}
    sources_by_id = {s.id: s for s in sources}
    quotes: list[QuoteSpan] = []
    not_quotes: list[QuoteSpan] = []
    problems: list[Problem] = []
    global_starts: list[int] | None = None
    quote_ranges = [(r.open_pos, r.end) for r in regions]
    last_person: tuple[str, int] | None = None
    last_group: str | None = None
    first_surname_flagged: set[str] = set()
    prev_by_para: dict[int, Credit] = {}
    result_for: dict[int, Credit] = {}
    for ri, r in enumerate(regions):
        at = attrs[id(r)]
        if at.speaker is None and at.how != "term":
            src = None
            if r.continues is not None and id(r.continues) in result_for:
                src = result_for[id(r.continues)]
            elif r.para in prev_by_para:
                src = prev_by_para[r.para]
            elif r.para > 0 and not text[paras[r.para][0]:r.open_pos].strip(" \t>*-#"):
                src = _previous_paragraph(text, r.para - 1, paras, by_para, result_for)
            if src is not None and src.speaker is not None:
                at = Credit(src.speaker, src.cue, src.resolved, how="continued")
        sp = at.speaker
        resolved = at.resolved
        kind = None
        title = None
        if sp is not None and resolved is None:
            kind = sp.kind
            title = sp.title
            if sp.kind == "pronoun":
                low = sp.name.lower()
                g = PRONOUNS.get(low, "")
                if low == "i":
                    resolved = sp.name  # the writer: an op-ed or a letter
                elif g == "p":
                    resolved = last_group or sp.name
                    kind = "organisation" if last_group else "pronoun"
                else:
                    if global_starts is None:
                        global_starts = sorted({x for pi in range(len(paras)) for x in starts_of(pi)})
                    cand = people.resolve_pronoun(sp.start, g, global_starts, quote_ranges)
                    resolved = cand or sp.name
                    kind = "person" if cand else "pronoun"
            elif sp.kind == "person":
                resolved, later = people.full_name(sp.name, sp.start)
                people.add_person(resolved)
                if later and sp.name not in first_surname_flagged and ri not in dismissed:
                    first_surname_flagged.add(sp.name)
                    problems.append(Problem(
                        "surname-before-full-name", "warning", sp.start, sp.end,
                        f"“{sp.name}” is used before the full name “{resolved}” is given",
                        (resolved,)))
            elif sp.kind == "anonymous" and sp.definite:
                resolved = _nominal(people, sp, last_person) or sp.name
                if resolved != sp.name:
                    kind = "person"
            else:
                resolved = sp.name
            at = Credit(sp, at.cue, resolved, at.how)
        elif sp is not None:
            kind = "person" if at.how == "continued" else sp.kind
            kind = _kind_for(sp, resolved)
            title = sp.title
        result_for[id(r)] = at
        if sp is not None:
            prev_by_para[r.para] = at
            if kind == "person" and resolved:
                last_person = (resolved, r.end)
            elif kind in ("organisation", "anonymous") and resolved \
                    and resolved.split()[-1].lower() not in _DOCUMENTS:
                last_group = resolved  # "they" are people or bodies, never "a statement"
        source_id = index.find(resolved) if resolved and kind in ("person", "organisation") else None
        span = QuoteSpan(
            start=r.open_pos, end=r.end, text=original[r.text_start:r.text_end],
            speaker=resolved if sp is not None else None, source_id=source_id, cue=at.cue,
            closed=r.closed or r.continued, speaker_kind=kind if sp is not None else None,
            title=title, speaker_start=sp.start if sp else None, speaker_end=sp.end if sp else None,
            term=at.how == "term")
        if ri in dismissed:
            not_quotes.append(span)
            continue
        if ri in decisions:
            span = assigned_span(span, decisions[ri], index, sources_by_id)
        quotes.append(span)
    anon = [a and i not in decisions for i, a in enumerate(attrs_anon(regions, result_for))]
    kept = [i for i in range(len(regions)) if i not in dismissed]
    if dismissed:
        issues = [iss for iss in issues if not any(regions[i].open_pos <= iss.start < regions[i].end
                                                   for i in dismissed)]
        tagged = [t for t in tagged if t.status != "not-a-quote"]
    problems.extend(quote_problems(text, [regions[i] for i in kept], quotes, issues,
                                   [anon[i] for i in kept], bool(sources), tagged))
    problems.sort(key=lambda p: (p.start, p.end, p.kind))
    return AttributionResult(quotes=quotes, problems=problems, not_quotes=not_quotes)


def _previous_paragraph(text, pi, paras, by_para, result_for) -> Credit | None:
    """Who was speaking at the end of the previous paragraph, for a quote paragraph with no cue."""
    pa, pb = paras[pi]
    regs = by_para.get(pi, [])
    tail_start = regs[-1].end if regs else pa
    near = last_cue(text, tail_start, pb)
    if near is not None:
        return near
    if regs:
        return result_for.get(id(regs[-1]))
    return None


def attrs_anon(regions: list[Region], result_for: dict[int, Credit]) -> list[bool]:
    out = []
    for r in regions:
        at = result_for.get(id(r))
        out.append(bool(at and at.speaker and at.speaker.anonymous_flag and at.how in ("post", "pre")
                        and at.cue
                        and (at.speaker.kind == "anonymous")))
    return out


def _kind_for(sp: Speaker, resolved: str | None) -> str:
    if sp.kind == "pronoun":
        return "person" if resolved else "pronoun"
    return sp.kind


_DOCUMENTS = {"statement", "memo", "report", "column", "article", "editorial", "letter", "study", "survey",
              "poll", "document", "filing", "lawsuit", "complaint", "release", "ad", "tweet", "post", "book"}
_ABBR = {"sen": "senator", "gov": "governor", "rep": "representative", "pres": "president", "gen": "general",
         "sec": "secretary", "dr": "doctor", "prof": "professor", "lt": "lieutenant", "col": "colonel"}
_DESC_SKIP = {"the", "his", "her", "their", "its", "a", "an", "former", "then", "current"}


def _nominal(people: People, sp: Speaker, last_person) -> str | None:
    """“the president” → the person introduced with that title, when every word fits the title."""
    words = [w.lower().strip(".,") for w in sp.name.split()]
    words = [w for w in words if w and w not in _DESC_SKIP]
    if not words or len(words) > 4:
        return None
    best = None
    for full, title in people.titles.items():
        tw = {_ABBR.get(w.lower().strip("."), w.lower().strip(".")) for w in title.split()}
        if all(w in tw for w in words):
            best = full
    return best
