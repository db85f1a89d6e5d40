"""Which quotation a stored tag stands for: the shared-words bound never changes the answer."""

import itertools
import random

from desk.checks.attribution.tags import MATCH_MIN, best_match
from desk.checks.diff import normalise, similarity
from desk.model import TaggedQuote

WORDS = ["the", "levee", "will", "hold", "for", "now", "but", "west", "bank", "is", "another", "story",
         "River", "“quoted”", "again,", "the."]


def _brute(tag, cands):
    """best_match without the bound: every candidate compared in full."""
    best = None
    tn = normalise(tag.text)
    for c in cands:
        qn = normalise(c[2])
        if not qn or len(qn) > 3 * len(tn) + 20 or 3 * len(qn) + 20 < len(tn):
            continue
        score = 1.0 if qn == tn else similarity(qn, tn)
        if score >= MATCH_MIN:
            key = (-score, abs(c[0] - tag.start) if tag.start is not None else 0)
            if best is None or key < best[0]:
                best = (key, c)
    return None if best is None else (best[1], -best[0][0])


def test_a_candidate_sharing_too_few_words_is_never_the_match():
    tag = TaggedQuote(id=1, text="the west bank is another story")
    cands = [(0, 10, "the levee will hold for now"), (20, 40, "the west bank is a different story")]
    found = best_match(tag, cands)
    assert found is not None and found[0] == cands[1]
    assert best_match(tag, cands[:1]) is None


def test_the_bound_gives_the_same_match_as_comparing_every_candidate():
    rng = random.Random(3)
    for n in range(300):
        tag = TaggedQuote(id=n, text=" ".join(rng.choices(WORDS, k=rng.randint(1, 9))),
                          start=rng.choice([None, 0, 50, 400]))
        cands = [(i * 37, i * 37 + 20, " ".join(rng.choices(WORDS, k=rng.randint(1, 12))))
                 for i in range(12)]
        cands += [(999, 1010, tag.text.upper()), (1200, 1220, tag.text + " again")][: n % 3]
        assert best_match(tag, cands) == _brute(tag, cands)
    # near the threshold: one, two, three words of five changed
    base = "alpha beta gamma delta epsilon".split()
    for k in range(4):
        for swap in itertools.combinations(range(5), k):
            words = [("x" + w if i in swap else w) for i, w in enumerate(base)]
            tag = TaggedQuote(id=1, text=" ".join(base))
            cands = [(0, 5, " ".join(words))]
            assert best_match(tag, cands) == _brute(tag, cands)
