"""Suggestions only when asked: a check without suggestions finds the same problems, and
suggestions asked for later are the ones the check would have given. The suggestion
index built in buckets equals the one built by a plain global sort."""

from __future__ import annotations

import random
import zlib
from array import array
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.checks.engine import check_text
from desk.checks.spelling import check_spelling, get_checker, suggest, suggestions_for
from desk.checks.spelling import suggester as sg

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = [ROOT / "tests" / "data" / "seed_wire_story.md", ROOT / "resources" / "welcome.md"]
TYPOS = ["recieve", "speling", "tset", "becuase", "definately", "goverment", "wich",
         "accomodate", "seperate", "occured", "untill", "beleive", "Ths", "Febuary",
         "colour", "programme", "teh", "thier", "Wendsday", "adress"]


def without_suggestions(problems):
    return [(p.kind, p.severity, p.start, p.end, p.message,
             () if p.kind == "misspelling" else p.suggestions) for p in problems]


def typo_text(seed: int) -> str:
    rng = random.Random(seed)
    words = ["the", "council", "said", "on", "Tuesday", "that", "budget", "Kadhimi", "Okafor",
             "would", "be", "cut", "“", "”", ",", ".", "\n\n", "Mr.", "Ruiz", "told"] + TYPOS
    return " ".join(rng.choice(words) for _ in range(rng.randint(5, 400)))


def test_sample_files_have_the_same_problems_without_suggestions():
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        eager = check_text(text, suggestions=True)
        lazy = check_text(text, suggestions=False)
        assert without_suggestions(lazy.problems) == without_suggestions(eager.problems)
        assert all(not p.suggestions for p in lazy.problems if p.kind == "misspelling")


def test_random_texts_have_the_same_problems_without_suggestions():
    for seed in range(25):
        text = typo_text(seed)
        for lang in ("en-US", "en-GB"):
            eager = check_spelling(text, language=lang, suggest=True, accepted=["Ana Ruiz"])
            lazy = check_spelling(text, language=lang, suggest=False, accepted=["Ana Ruiz"])
            assert without_suggestions(lazy) == without_suggestions(eager), (seed, lang)


prose_bits = st.sampled_from(TYPOS + ["the", "The", "Kadhimi", "Kadhemi", "’s", " ", "\n",
                                      "\n\n", ".", "“", "”", "said", "OPEC", "U.S.", "é"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(prose_bits, max_size=80).map(" ".join), st.sampled_from(["en-US", "en-GB"]))
def test_any_text_has_the_same_problems_without_suggestions(text, lang):
    eager = check_spelling(text, language=lang, suggest=True)
    lazy = check_spelling(text, language=lang, suggest=False)
    assert without_suggestions(lazy) == without_suggestions(eager)


def test_suggestions_for_equal_what_the_check_gives():
    for lang in ("en-US", "en-GB"):
        for word in TYPOS:
            found = [p for p in check_spelling(f"We saw that {word} today.", language=lang)
                     if p.kind == "misspelling"]
            asked = suggestions_for(word, lang)
            assert asked == tuple(suggest(word, lang, 5))
            if found:  # a typo that is right in this language is not flagged
                assert found[0].suggestions == asked, (word, lang)
    assert suggestions_for("recieve")[0] == "receive"
    assert suggestions_for("Recieve")[0] == "Receive"  # the word's own case


def test_suggestions_for_are_cached_and_take_accepted_words():
    checker = get_checker()
    first = checker.suggestions_for("Kadhemi", "en-US", ["kadhimi"])
    assert first[0] == "Kadhimi"
    assert checker.suggestions_for("Kadhemi", "en-US", ["kadhimi"]) is first  # the cached tuple
    assert "Kadhimi" not in checker.suggestions_for("Kadhemi", "en-US")


def reference_index(words):
    """The index as the first version built it: every entry in one list, one sort."""
    entries = []
    for wid, w in enumerate(words):
        depth = 1 if len(w) <= 4 else 2
        for d in sg.deletes(w[:sg.PREFIX], depth):
            entries.append((zlib.crc32(d.encode("utf-8", "surrogatepass")) << 32) | wid)
    entries.sort()
    return array("I", [e >> 32 for e in entries]), array("I", [e & 0xFFFFFFFF for e in entries])


def test_bucketed_build_equals_a_global_sort():
    lex = get_checker().lexicon
    words = sorted(list(lex.words)[::23] + ["naïve", "café", "a", "ab", "abc", "abcd"])
    keys, ids = sg.build_index(words)
    ref_keys, ref_ids = reference_index(words)
    assert keys == ref_keys and ids == ref_ids


def test_mapped_index_gives_the_same_candidates_as_the_built_one(tmp_path):
    words = sorted(set(list(get_checker().lexicon.words)[::41]))
    built = sg.CandidateIndex(words, reference_index(words))
    mapped = sg.CandidateIndex.load_or_build(words, "m" * 64, tmp_path)
    again = sg.CandidateIndex.load_or_build(words, "m" * 64, tmp_path)
    assert mapped.built and not again.built
    assert isinstance(again.keys, memoryview)  # mapped from the file, not copied
    rng = random.Random(3)
    for w in rng.sample(words, 150) + ["recieve", "goverment", "kadhimi"]:
        typed = w[:2] + w[3:] if len(w) > 3 else w + "x"
        assert again.candidates(typed) == built.candidates(typed), typed
        assert again.candidates(typed, 1) == built.candidates(typed, 1), typed


def test_damaged_middle_of_the_index_gives_no_word_out_of_range(tmp_path):
    words = sorted(set(list(get_checker().lexicon.words)[::97]))
    sg.CandidateIndex.load_or_build(words, "d" * 64, tmp_path)
    (path,) = tmp_path.glob("spelling-index-*.bin")
    data = bytearray(path.read_bytes())
    n = (len(data) - sg._HEADER.size) // 8
    assert n > 4 * 4096  # only the ends are summed
    ids_start = sg._HEADER.size + 4 * n
    for i in range(n // 4, 3 * n // 4):  # every id of the middle half out of range
        data[ids_start + 4 * i:ids_start + 4 * i + 4] = b"\xff\xff\xff\x7f"
    path.write_bytes(bytes(data))
    idx = sg.CandidateIndex.load_or_build(words, "d" * 64, tmp_path)
    assert not idx.built  # the damage is not seen on loading...
    for w in words[::50]:
        assert set(idx.candidates(w[1:] or "x")) <= set(words)  # ...and does no harm
