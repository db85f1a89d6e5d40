"""Stage 6: for each quotation, the candidates in reach — what the finders propose around
it, the next quotation's cue, the speaker it continues, the previous speaker in the
paragraph or the previous paragraph — are scored (ranking.py) and the best one chosen."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from desk.checks.attribution.clauses import _INTRO_RE as INTRO_RE
from desk.checks.attribution.clauses import subject_at_start
from desk.checks.attribution.credits import FINDERS, Around, Credit, last_cue, local_candidates, paragraph_hints
from desk.checks.attribution.cues import CUE_RE
from desk.checks.attribution.following import speaker_after
from desk.checks.attribution.marks import Region
from desk.checks.attribution.people import People
from desk.checks.attribution.problems import is_statement
from desk.checks.attribution.ranking import WEIGHTS, Choice, Scored, ceiling, choose, features, same_entity, score
from desk.checks.attribution.segment import Document
from desk.checks.attribution.terms import _title_case as title_case
from desk.checks.attribution.terms import is_term

_NOBODY = Credit(how="none")
_WORDY = re.compile(r"[^\W_]")
_CONTEXT_HOWS = ("next", "next-and", "continued", "same-para", "prev-para")
_CONJ_GAP = re.compile(r"[ \t,]*(?:and|or|but|then)[ \t,]*")


def choose_speakers(doc: Document, people: People, weights: dict[str, float] | None = None) -> dict[int, Choice]:
    """id(region) → the chosen credit, its confidence and the ranked candidates."""
    text = doc.text
    terms = {id(r) for r in doc.regions
             if r.closed and is_term(text, r.open_pos, r.end, text[r.text_start:r.text_end])}
    salience = Counter(name.split()[-1].lower() for _, name in people.mentions if name.split())
    w = WEIGHTS if weights is None else weights
    top = _tops(w)
    f_none = features("", "", 0, 0, _NOBODY, 0, None)
    nobody = Scored(_NOBODY, f_none, score(f_none, w))
    local: dict[int, list[Scored]] = {}
    best_local = _BestLocal(local, nobody)
    context_top = max(top.get(h, 0.0) for h in _CONTEXT_HOWS)  # the best a context candidate can do
    ceilings = [max(top.get(h) or ceiling((h,), w) for h in hows) for hows, _ in FINDERS]
    best = [0.0]
    for pi, regs in doc.by_para.items():
        a, b = doc.paras[pi]
        st = doc.starts_of(pi)
        real = [r for r in regs if id(r) not in terms]  # a title is no boundary for its neighbours
        hints = paragraph_hints(text, a, b)
        for n, r in enumerate(real):
            prev_end = real[n - 1].end if n else a
            nxt_open = real[n + 1].open_pos if n + 1 < len(real) else b
            scored: list[Scored] = []
            local[id(r)] = scored
            if not _WORDY.search(text, r.text_start, r.text_end):
                continue  # nothing but marks and spaces: nobody's words, no finder needed
            around = Around(text, r, a, b, st, prev_end, nxt_open, doc.paras, doc.starts_of, hints)
            best[0] = float("-inf")
            for c in local_candidates(around, ceilings, best):
                sc = _scored(doc, people, r, c, salience, None, weights)
                scored.append(sc)
                if sc.score > best[0]:
                    best[0] = sc.score
            local[id(r)] = scored

    chosen: dict[int, Choice] = {}
    place = {id(r): k for regs in doc.by_para.values() for k, r in enumerate(regs)}  # index in its paragraph
    last: tuple[int, Credit] | None = None  # (paragraph, credit) of the last quotation with a speaker
    for r in doc.regions:
        if id(r) in terms:
            chosen[id(r)] = Choice(Credit(how="term"), 1.0, [])
            continue
        previous = last[1] if last is not None and last[0] == r.para else None
        prev_name = previous.speaker.name if previous is not None else None
        scored = [_agreeing(s, prev_name, w) for s in local[id(r)]]
        if not scored or max(x.score for x in scored) <= context_top:
            ctx = [_scored(doc, people, r, c, salience, prev_name, weights)
                   for c in _context(doc, r, place[id(r)], previous, chosen, best_local, terms)]
            if ctx and previous is not None and _one_report(doc, r, place[id(r)], previous, chosen):
                ctx = [_same_sentence(s, w) if s.credit.how == "same-para" else s for s in ctx]
            scored += ctx
        scored.append(nobody)
        choice = chosen[id(r)] = choose(scored)
        if choice.credit.speaker is None and r.closed and _unclaimed_title(doc.text, r):
            # a short Title-Case name nobody in reach says (“The Walking Dead”, “Gang of
            # Eight”): a title, not a quotation
            chosen[id(r)] = Choice(Credit(how="term"), choice.confidence, choice.ranked)
            continue
        if choice.credit.speaker is not None:
            last = (r.para, choice.credit)
    return chosen


class _BestLocal:
    """The best local candidate of a quotation, chosen only when a neighbour asks."""

    def __init__(self, local: dict[int, list[Scored]], nobody: Scored):
        self.local, self.nobody, self.done = local, nobody, {}

    def get(self, key: int) -> Choice | None:
        found = self.done.get(key)
        if found is None and key in self.local:
            found = self.done[key] = choose([*self.local[key], self.nobody])
        return found


_TOPS: dict[frozenset, dict[str, float]] = {}


def _tops(w: dict[str, float]) -> dict[str, float]:
    """Each way of finding a candidate → the best score it can reach (for these weights)."""
    key = frozenset(w.items())
    found = _TOPS.get(key)
    if found is None:
        found = _TOPS[key] = {k[4:]: ceiling((k[4:],), w) for k in w if k.startswith("how:")}
    return found


def _unclaimed_title(text: str, r: Region) -> bool:
    inner = text[r.text_start:r.text_end].strip()
    # (a full stop or comma inside the marks often ends a spoken fragment: not taken)
    return 0 < len(inner.split()) <= 5 and inner[-1:] not in ".!?,\u2026" and title_case(inner) \
        and not is_statement(inner)


def _one_report(doc: Document, r: Region, k: int, previous: Credit, chosen) -> bool:
    """The quotation just before this one, in the same sentence, was credited by a cue before
    it, and no cue stands between them: "Brand claimed that locals “cannot work” but Ardenian
    crews “can come in”" — the second fragment is in the same report."""
    if k == 0:
        return False
    before = doc.by_para[r.para][k - 1]
    c = chosen.get(id(before))
    if c is None or c.credit is not previous or previous.how not in ("pre", "outer") or before.end > r.open_pos:
        return False
    starts = doc.all_starts()
    i = bisect.bisect_right(starts, before.open_pos)
    if i < len(starts) and starts[i] < r.open_pos:
        return False  # a sentence ends between them
    return CUE_RE.search(doc.text, before.end, r.open_pos) is None


def _same_sentence(s: Scored, w: dict[str, float]) -> Scored:
    f = dict(s.features, same_sentence=1.0)
    return Scored(s.credit, f, s.score + w.get("same_sentence", 0.0))


def _agreeing(s: Scored, previous: str | None, w: dict[str, float]) -> Scored:
    """A local candidate's score once the previous speaker in the paragraph is known."""
    sp = s.credit.speaker
    if previous is None or sp is None or not same_entity(sp.name, previous):
        return s
    f = dict(s.features, agrees_previous=1.0)
    return Scored(s.credit, f, s.score + w.get("agrees_previous", 0.0))


def _scored(doc: Document, people: People, r: Region, c: Credit, salience: Counter, previous: str | None,
            weights) -> Scored:
    text = doc.text
    sal = salience.get(c.speaker.name.split()[-1].lower(), 0) if c.speaker and c.speaker.name.split() else 0
    place = c.speaker is not None and people.place_like(c.speaker.name)
    f = features(text, text[r.text_start:r.text_end], r.open_pos, r.end, c, sal, previous, place)
    return Scored(c, f, score(f, weights))


def _context(doc: Document, r: Region, k: int, previous: Credit | None, chosen, best_local,
             terms) -> list[Credit]:
    """Candidates from the quotations around this one (k: its index in the paragraph;
    previous: the last credit with a speaker in the paragraph)."""
    text = doc.text
    out: list[Credit] = []
    regs = doc.by_para.get(r.para, [])
    # “A.” “B,” she said: the next quotation's cue, with nothing but space between them
    if k + 1 < len(regs) and id(regs[k + 1]) not in terms:
        nx = best_local.get(id(regs[k + 1]))
        gap = text[r.end:regs[k + 1].open_pos]
        if nx and nx.credit.speaker is not None and nx.credit.how in ("post", "post-verb"):
            if not gap.strip(" \t,"):
                out.append(Credit(nx.credit.speaker, nx.credit.cue, how="next"))
            elif _CONJ_GAP.fullmatch(gap):  # “A” and “B,” she said
                out.append(Credit(nx.credit.speaker, nx.credit.cue, how="next-and"))
    # a quotation left open for the next paragraph takes that paragraph's speaker
    if r.continued and r.continues is None and r.para + 1 in doc.by_para:
        nxt = doc.by_para[r.para + 1][0]
        nx = best_local.get(id(nxt))
        if nxt.continues is r and nx and nx.credit.speaker is not None and nx.credit.how in ("post", "pre"):
            out.append(Credit(nx.credit.speaker, nx.credit.cue, how="continued"))
    # the quotation it continues, the previous quotation in the paragraph, the previous paragraph
    src = None
    how = ""
    if r.continues is not None and id(r.continues) in chosen:
        src, how = chosen[id(r.continues)].credit, "continued"
    elif k > 0:
        resumed = _resumed(doc, regs, k, chosen)
        if resumed is not None:
            src, how = resumed, "same-para"
        elif previous is not None:
            src, how = previous, "same-para"
    elif r.para > 0 and not text[doc.paras[r.para][0]:r.open_pos].strip(" \t>*-#"):
        src, how = _previous_paragraph(doc, r.para - 1, chosen), "prev-para"
    if src is not None and src.speaker is not None:
        out.append(Credit(src.speaker, src.cue, src.resolved, how=how))
    return out


_DASH = re.compile(r"[ \t]*[-\u2013\u2014]{1,2}[ \t]*")


def _resumed(doc: Document, regs, k: int, chosen) -> Credit | None:
    """“We will build it” - at which point the crowd chanted “Build it!” - “and we will pay”:
    a quotation going on in lower case after a dash resumes the one before the interruption."""
    text = doc.text
    r, before = regs[k], regs[k - 1]
    if k < 2 or not _DASH.fullmatch(text, before.end, r.open_pos):
        return None
    first = text[r.text_start:r.text_end].lstrip()[:1]
    if not first.islower():
        return None
    earlier = regs[k - 2]
    gap = text[earlier.end:before.open_pos]
    if not _DASH.match(gap) or len(gap.split()) > 12:
        return None
    c = chosen.get(id(earlier))
    return c.credit if c is not None and c.credit.speaker is not None else None


def _previous_paragraph(doc: Document, pi: int, chosen) -> Credit | None:
    """Who was speaking at the end of the previous paragraph, for a quote paragraph with no cue."""
    pa, pb = doc.paras[pi]
    regs = doc.by_para.get(pi, [])
    tail_start = regs[-1].end if regs else pa
    near = last_cue(doc.text, tail_start, pb)
    st = doc.starts_of(pi)
    s = st[-1] if st else pa
    if near is not None:
        # "Beck said the town was ready. Voss was not so sure." then a quotation paragraph:
        # the person the last sentence is about, after the cue's sentence
        last = _last_subject(doc, s, pb) if near.speaker is not None and near.speaker.end < s else None
        return last if last is not None else near
    if regs:
        c = chosen.get(id(regs[-1]))
        return c.credit if c else None
    # "Lena Voss, the guild chair, was blunt." then a quotation paragraph: the person the
    # last sentence is about ("She pauses.": he or she, too)
    return _last_subject(doc, s, pb) or _headline_label(doc.text, pa, pb)


def _headline_label(text: str, pa: int, pb: int) -> Credit | None:
    """A headline labelled with a name ("Lena Voss: ‘We Will Not Sell’") before a quotation
    paragraph with no cue: the labelled person is speaking."""
    colon = text.find(":", pa, min(pb, pa + 60))
    if colon < 0 or not text[colon + 1:pb].strip():
        return None
    sp = speaker_after(text, pa, colon)
    if sp is None or sp.kind != "person" or sp.start != pa or sp.end != colon:
        return None
    return Credit(sp, None, how="prev-para")


def _last_subject(doc: Document, s: int, pb: int) -> Credit | None:
    sp = subject_at_start(doc.text, s, pb)
    if sp is not None and (sp.kind == "person" or sp.kind == "pronoun" and sp.name.lower() in ("he", "she")) \
            and (sp.start - s < 3 or _opening_only(doc.text, s, sp.start)
                 or sp.title and doc.text[s:sp.start].strip(" \t\n,") == sp.title):
        # (after an opening phrase too: "Asked about the river, Lena Voss was blunt."; after
        # her role: "The harbour master, Lena Voss, was blunt.")
        return Credit(sp, None, how="prev-para")
    return None


def _opening_only(text: str, s: int, p: int) -> bool:
    m = INTRO_RE.match(text, s, p)
    return m is not None and m.end() > s and not text[m.end():p].strip()
