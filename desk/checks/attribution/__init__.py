"""Quotation and attribution engine: a pure function from text (plus the library's
sources and quote tags) to the quotations found and the problems they raise.

Used alike by `desk check`, the live editor and export. No Qt, no SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from desk.checks.attribution.clauses import (
    CONJ_BEFORE,
    OBJECT_PREP,
    PREP_BEFORE_ING,
    PROGRESSIVE,
    clause_subject,
    gerund_subject,
    previous_subject,
    subject_at_start,
)
from desk.checks.attribution.cues import CUE_RE, ING_CUES, INVERSION, POST_CUE_RE, POST_ONLY, sentence_bounds, sentence_starts
from desk.checks.attribution.marks import Region, find_regions, single_quote_view
from desk.checks.attribution.problems import quote_problems
from desk.checks.attribution.tags import assigned_span, match_decisions
from desk.checks.attribution.terms import is_term
from desk.checks.attribution.people import People, SourceIndex
from desk.checks.attribution.lexicon import PRONOUNS
from desk.checks.attribution.speakers import Speaker, speaker_after, speaker_before
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


@dataclass
class _Attr:
    speaker: Speaker | None = None
    cue: str | None = None
    resolved: str | None = None
    how: str = ""  # post, pre, colon, continued, next


_LEAD_RE = re.compile(r"[\s,\u2014\u2013-]*(?:as\s+)?")
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
    attrs: dict[int, _Attr] = {}
    for pi, regs in by_para.items():
        a, b = paras[pi]
        st = starts_of(pi)
        real = [r for r in regs if id(r) not in terms]  # a title is no boundary for its neighbours
        for r in regs:
            if id(r) in terms:
                attrs[id(r)] = _Attr(how="term")
        for n, r in enumerate(real):
            prev_end = real[n - 1].end if n else a
            nxt_open = real[n + 1].open_pos if n + 1 < len(real) else b
            attrs[id(r)] = _attribute(text, r, a, b, st, prev_end, nxt_open, paras, starts_of)
        # a quotation with no cue followed at once by one with a cue after it: “A.” “B,” she said.
        for n in range(len(regs) - 2, -1, -1):
            cur, nx = attrs[id(regs[n])], attrs[id(regs[n + 1])]
            if cur.speaker is None and cur.how != "term" and nx.speaker is not None and nx.how == "post" \
                    and not text[regs[n].end:regs[n + 1].open_pos].strip(" \t,"):
                attrs[id(regs[n])] = _Attr(nx.speaker, nx.cue, how="next")

    # a quotation left open for the next paragraph takes that paragraph's speaker
    for r in reversed(regions):
        if r.continued and attrs[id(r)].speaker is None and r.para + 1 in by_para:
            nxt = by_para[r.para + 1][0]
            if nxt.continues is r and r.continues is None and attrs[id(nxt)].speaker is not None \
                    and attrs[id(nxt)].how in ("post", "pre"):
                src = attrs[id(nxt)]
                attrs[id(r)] = _Attr(src.speaker, src.cue, how="continued")

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
    prev_by_para: dict[int, _Attr] = {}
    result_for: dict[int, _Attr] = {}
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
                at = _Attr(src.speaker, src.cue, src.resolved, how="continued")
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
            at = _Attr(sp, at.cue, resolved, at.how)
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


def _previous_paragraph(text, pi, paras, by_para, result_for) -> _Attr | None:
    """Who was speaking at the end of the previous paragraph, for a quote paragraph with no cue."""
    pa, pb = paras[pi]
    regs = by_para.get(pi, [])
    tail_start = regs[-1].end if regs else pa
    near = _last_cue(text, tail_start, pb)
    if near is not None:
        return near
    if regs:
        return result_for.get(id(regs[-1]))
    return None


def attrs_anon(regions: list[Region], result_for: dict[int, _Attr]) -> list[bool]:
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


_LABEL_RE = re.compile(r"\s*([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}):\s")
_DASH_RE = re.compile(r"[ \t\u00a0]*[\u2015\u2014\u2013-]{1,2}[ \t\u00a0]*(?=[A-Z@])")


def _attribute(text, r: Region, a, b, st, prev_end, nxt_open, paras, starts_of) -> _Attr:
    label = _LABEL_RE.match(text, r.text_start, r.text_end)
    if label:  # transcript: “WALLACE: …”
        name = label.group(1).title()
        return _Attr(Speaker(name, "person", label.start(1), label.end(1)), ":", how="label")
    post = _post_cue(text, r, b, st, nxt_open)
    pre = _pre_cue(text, r, a, st, prev_end)
    inner_end = text[r.text_start:r.text_end].rstrip()
    strong_post = bool(inner_end) and inner_end[-1] in ",?!\u2014-"
    if post and post.how == "post-sub":
        if pre:
            return pre
        post.how = "post"
    if post and (strong_post or not pre):
        return post
    if pre:
        return pre
    if post:
        return post
    col = _colon_cue(text, r, a, paras, starts_of)
    if col:
        return col
    before = text[max(a, prev_end):r.open_pos].rstrip()
    if before.endswith(":"):
        s0, _ = sentence_bounds(st, len(text), r.open_pos)
        colon = text.rfind(":", 0, r.open_pos)
        sp = subject_at_start(text, max(s0, a, prev_end), r.open_pos)
        if sp is None or sp.kind not in ("person", "organisation"):
            sp2 = speaker_before(text, max(s0, a, prev_end), colon, allow_descriptor=False)
            if sp2 is not None and sp2.kind == "person":
                sp = sp2
        if sp:
            return _Attr(sp, None, how="colon")
    subj = _subject_fallback(text, r, a, st, prev_end)
    if subj:
        return subj
    near = _last_cue(text, max(a, prev_end), r.open_pos)
    if near:
        return near
    prev = previous_subject(text, r, a, st, prev_end)
    if prev:
        return _Attr(prev, None, how="nearby")
    return _Attr()


def _last_cue(text: str, a: int, b: int) -> _Attr | None:
    """The most recent attribution in text[a:b] (a paraphrase: “Schiff said. “…”)."""
    if b <= a:
        return None
    for cm in reversed(list(CUE_RE.finditer(text, a, b))):
        word = cm.group()
        if word.lower().startswith(("according", "in the words")):
            sp = speaker_after(text, cm.end(), b)
        elif word not in INVERSION:
            continue
        else:
            k = max(text.rfind(". ", a, cm.start()), text.rfind("\n", a, cm.start()))
            sp = speaker_before(text, a if k < 0 else k + 1, cm.start())
        if sp:
            return _Attr(sp, word, how="nearby")
    return None


def _subject_fallback(text: str, r: Region, a: int, st: list[int], prev_end: int) -> _Attr | None:
    """No cue: a quoted fragment in a sentence takes the sentence's subject (Cruz coached Trump to “…”)."""
    s, _ = sentence_bounds(st, len(text), r.open_pos)
    s = max(s, a)
    if prev_end > s:
        return None  # after an earlier quotation in the sentence: that quotation's speaker continues
    if r.open_pos - s < 3:
        return None
    sp = subject_at_start(text, s, r.open_pos)
    if sp and sp.kind in ("person", "pronoun", "organisation"):
        return _Attr(sp, None, how="subject")
    return None


def _post_cue(text: str, r: Region, b: int, st: list[int], nxt_open: int) -> _Attr | None:
    if r.end >= b:
        return None
    s, e = sentence_bounds(st, b, r.end + 1)
    limit = min(nxt_open, e if e > r.end + 1 else b)
    dm = _DASH_RE.match(text, r.end, b)
    if dm:
        sp = speaker_after(text, dm.end(), b)
        if sp and sp.kind in ("person", "organisation"):
            return _Attr(sp, text[dm.start():dm.end()].strip(), how="post")
    m = _LEAD_RE.match(text, r.end, limit)
    w0 = m.end() if m else r.end
    if w0 >= limit:
        return None
    pm = _PASSIVE_BY.match(text, w0, limit)
    if pm:  # “…” was written by Ana Ruiz
        sp = speaker_after(text, pm.end(), limit)
        if sp and sp.kind in ("person", "organisation"):
            return _Attr(sp, pm.group(1), how="post")
    inner = text[r.text_start:r.text_end].rstrip()
    weak = not inner or inner[-1] in ".\u2026" or inner[-1].isalnum()
    cm = POST_CUE_RE.match(text, w0, limit)
    if cm:
        word = cm.group()
        if (word in INVERSION and word not in _HEARER_VERBS) or word.lower().startswith(("according", "in the words")):
            sp = speaker_after(text, cm.end(), limit)
            if sp:
                return _Attr(sp, word, how="post")
        return None
    for cm in POST_CUE_RE.finditer(text, w0, min(limit, w0 + 320)):
        if cm.group() in ING_CUES:
            break
        if cm.group().lower().startswith("according"):
            sp = speaker_after(text, cm.end(), limit)
            if sp and len(text[w0:cm.start()].split()) <= 6:
                return _Attr(sp, cm.group(), how="post")
            break
        if weak and not _short_tail(text, cm.end(), limit):
            break  # “…end.” He says the court … (a new statement, not a credit)
        sp = speaker_before(text, w0, cm.start())
        if cm.group() in POST_ONLY and (sp is None or len(text[w0:sp.start].split()) > 1
                                        or text[sp.end:cm.start()].strip()):
            continue  # "one of the states suing": a noun, not a credit
        if sp is None:
            break
        gap = text[w0:sp.start]
        if len(gap.split()) > 6:
            break
        if _CONJ_GAP.search(gap) and not _short_tail(text, cm.end(), limit):
            break  # “…,” but he said that …: a new clause, not a credit
        between = text[sp.end:cm.start()]
        # an appositive set off by commas may run long: “…,” Ana Ruiz, the director of …, told …
        appositive = between.lstrip().startswith(",") and between.rstrip().endswith(",")
        if len(between.split()) > (32 if appositive else 16) or re.search(r"[.!?;:]\s", between):
            break
        # “…,” when Ruiz blasted him: a subordinate clause, a credit only when nothing before is
        return _Attr(sp, cm.group(), how="post-sub" if _SUBORD_GAP.match(gap) else "post")
    return _tail_credit(text, w0, limit)


_PASSIVE_BY = re.compile(r"(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:[a-z]+ly\s+)?"
                         r"(written|said|spoken|uttered|tweeted|posted|coined|penned|sung|shouted|voiced|quoted)"
                         r"\s+(?:[a-z]+\s+){0,3}?by\s+")
# “…,” told the Gazette: who follows "told" is the hearer, never the speaker
_HEARER_VERBS = {"told", "tells"}
_CONJ_GAP = re.compile(r"\b(?:but|and|yet)\b", re.I)
_SUBORD_GAP = re.compile(r"(?:when|while|after|before|because|since|although|though|until|unless|whereas|if)\b", re.I)
_TAIL_END = re.compile(r"[^.,;!?\u201c\u201d\"]*")


def _short_tail(text: str, p: int, b: int) -> bool:
    """After a credit verb, only a short adverbial before the sentence or clause ends."""
    m = _TAIL_END.match(text, p, b)
    tail = m.group() if m else ""
    words = tail.split()
    return len(words) <= 8 and "that" not in words


def _tail_credit(text: str, a: int, b: int) -> _Attr | None:
    """“…” in its dealings with Central Asia, said Nargis Kassenova. (credit after the last comma)"""
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
            return _Attr(sp, cm.group(), how="post")
        return None
    cm = CUE_RE.search(text, p, b)
    if cm and cm.group() in INVERSION and not text[cm.end():b].strip(" .!?\t\n"):
        sp = speaker_before(text, p, cm.start())
        if sp and len(text[p:sp.start].split()) <= 3:
            return _Attr(sp, cm.group(), how="post")
    return None


_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+$")


def _pre_cue(text: str, r: Region, a: int, st: list[int], prev_end: int) -> _Attr | None:
    s, _ = sentence_bounds(st, len(text), r.open_pos)
    seg = max(s, prev_end, a)
    if seg >= r.open_pos:
        return None
    cues = list(CUE_RE.finditer(text, seg, r.open_pos))
    for cm in reversed(cues):
        word = cm.group()
        if word not in ING_CUES and _PASSIVE.search(text, max(0, cm.start() - 12), cm.start()):
            continue  # "was called": a passive; "is calling" is not
        if word.lower().startswith(("according", "in the words")):
            sp = speaker_after(text, cm.end(), r.open_pos)
            if sp:
                return _Attr(sp, word, how="pre")
            continue
        if word in ING_CUES and PREP_BEFORE_ING.search(text, max(s, a, cm.start() - 10), cm.start()):
            # "by announcing", "after saying": the gerund's subject is the main clause's
            sp = gerund_subject(text, r, max(s, a), cm.start())
            if sp is not None:
                return _Attr(sp, word, how="pre")
        if word in ING_CUES:
            # "footage of Trump saying “…”": the phrase right before the verb
            if not text[max(s, a):cm.start()].rstrip().endswith(","):
                sp = speaker_before(text, max(s, a), cm.start())
                # a progressive ("the doctor is calling …") makes any noun phrase the subject
                progressive = PROGRESSIVE.search(text, max(s, a, cm.start() - 30), cm.start())
                if sp is not None and (sp.kind in ("person", "pronoun", "organisation") or progressive) \
                        and not OBJECT_PREP.search(text, max(s, a, sp.start - 12), sp.start):
                    return _Attr(sp, word, how="pre")
            # "…, calling for “…”": the subject of the main clause, else the phrase before the comma
            for cm2 in reversed(list(CUE_RE.finditer(text, max(s, a), cm.start()))):
                if cm2.group() in ING_CUES:
                    continue
                sp = speaker_before(text, max(s, a), cm2.start())
                if sp:
                    return _Attr(sp, word, how="pre")
            sp = subject_at_start(text, max(s, a), cm.start())
            if sp:
                return _Attr(sp, word, how="pre")
            sp = speaker_before(text, max(s, a), cm.start())
            if sp is not None and sp.kind == "person":
                return _Attr(sp, word, how="pre")
            continue
        sp = speaker_before(text, max(s, a), cm.start())
        if sp:
            return _Attr(sp, word, how="pre")
        if CONJ_BEFORE.search(text, max(s, a, cm.start() - 6), cm.start()):
            sp = clause_subject(text, max(s, a), cm.start())
            if sp:
                return _Attr(sp, word, how="pre")
    return None


def _colon_cue(text: str, r: Region, a: int, paras, starts_of) -> _Attr | None:
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
            return _Attr(sp, cm.group(), how="colon")
    sp = subject_at_start(text, s, pb)
    if sp:
        return _Attr(sp, None, how="colon")
    return None
