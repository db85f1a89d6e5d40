"""Stored quotation tags meet the quotations found in the text.

One matcher (``best_match``) says which quotation a tag stands for, by its words: the
misquote check uses it to compare a quotation with its recorded original, and the
editor's decisions (not a quotation; who said it) use it to reach their quotation.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from desk.checks.diff import normalise, similarity, words
from desk.model import QuoteSpan, TaggedQuote

MATCH_MIN = 0.6  # word similarity from which a quotation is taken to be the tag's


def _scored(tag: TaggedQuote, candidates):
    """(sort key, candidate) for each (start, end, text, ...) candidate close enough to the
    tag's words: same words first, then more similar, then nearer where the tag was."""
    tag_norm = normalise(tag.text)
    tag_len = len(tag_norm)
    tag_list = words(tag_norm.lower())
    tag_words, tag_n = set(tag_list), len(tag_list)
    for cand in candidates:
        qn = normalise(cand[2])
        if not qn or len(qn) > 3 * tag_len + 20 or 3 * len(qn) + 20 < tag_len:
            continue
        if qn == tag_norm:
            score = 1.0
        else:
            # the words both share bound the similarity from above (as difflib's quick_ratio):
            # a candidate that cannot reach MATCH_MIN is not worth the full comparison
            cw = qn.lower().split()  # = words(qn.lower()): qn is words joined by spaces
            shared = min(sum(1 for w in cw if w in tag_words), tag_n)
            if 2.0 * shared / (len(cw) + tag_n) < MATCH_MIN:
                continue
            score = similarity(qn, tag_norm)
        if score >= MATCH_MIN:
            yield (-score, abs(cand[0] - tag.start) if tag.start is not None else 0), cand


def best_match(tag: TaggedQuote, candidates):
    """The candidate quotation standing for the tag, with its score; None when none does."""
    best = None
    for key, cand in _scored(tag, candidates):
        if best is None or key < best[0]:
            best = (key, cand)
    return None if best is None else (best[1], -best[0][0])


def has_decision(tag: TaggedQuote) -> bool:
    """Did an editor decide something the checks must honour (not a quotation, or who said it)?"""
    return tag.status == "not-a-quote" or bool(tag.speaker) or tag.source_id is not None


def match_decisions(tagged: Sequence[TaggedQuote], found: list[tuple[int, int, str]]) -> dict[int, TaggedQuote]:
    """Index into ``found`` (start, end, text) -> the tag with an editor's decision for it.

    One tag per quotation and one quotation per tag. Every tag claims a quotation with its
    exact words first (so a plain tag keeps its own quotation), nearest its last position;
    only then do the tags with a decision left over take their best match (best_match)."""
    if not any(has_decision(t) for t in tagged):
        return {}
    by_key: dict[str, list[int]] = {}
    for i, (_s, _e, qtext) in enumerate(found):
        by_key.setdefault(normalise(qtext), []).append(i)
    tags_by_key: dict[str, list[int]] = {}
    for ti, tag in enumerate(tagged):
        key = normalise(tag.text)
        if key in by_key:
            tags_by_key.setdefault(key, []).append(ti)
    taken_tags: set[int] = set()
    taken: dict[int, TaggedQuote] = {}

    def assign(candidates) -> None:
        for _key, ti, i in sorted(candidates):
            if ti not in taken_tags and i not in taken:
                taken_tags.add(ti)
                taken[i] = tagged[ti]

    for key, tis in tags_by_key.items():
        quotes = by_key[key]
        if len(tis) >= len(quotes) and not any(has_decision(tagged[ti]) for ti in tis):
            taken.update((i, tagged[tis[0]]) for i in quotes)  # all taken, by whom does not matter
            taken_tags.update(tis)
            continue
        assign([((-1.0, abs(found[i][0] - tagged[ti].start) if tagged[ti].start is not None else 0), ti, i)
                for ti in tis for i in quotes])
    free = [(s, e, t, i) for i, (s, e, t) in enumerate(found) if i not in taken]
    assign([(key, ti, cand[3]) for ti, tag in enumerate(tagged)
            if ti not in taken_tags and has_decision(tag) and tag.text
            for key, cand in _scored(tag, free)])
    return {i: tag for i, tag in taken.items() if has_decision(tag)}


def assigned_span(q: QuoteSpan, tag: TaggedQuote, index, sources_by_id: dict) -> QuoteSpan:
    """The quotation as the editor attributed it: the assigned speaker (else the assigned
    source's name) and the assigned source (else the source that speaker's name resolves to)."""
    src = sources_by_id.get(tag.source_id)
    speaker = tag.speaker or (src.name if src is not None else None)
    source_id = tag.source_id
    if source_id is None and speaker:
        source_id = index.find(speaker)
        src = sources_by_id.get(source_id)
    same = speaker is not None and speaker == q.speaker
    if src is not None:
        kind = src.kind
    else:
        kind = q.speaker_kind if same and q.speaker_kind else "person"
    return replace(q, speaker=speaker, source_id=source_id, speaker_kind=kind,
                   title=q.title if same else None,
                   speaker_start=q.speaker_start if same else None,
                   speaker_end=q.speaker_end if same else None)
