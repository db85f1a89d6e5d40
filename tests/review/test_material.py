import random

from desk.review.material import MaterialIndex, find_passage, format_diff, is_identical, word_diff

TRANSCRIPT = (
    "Q: What about the bridge?\n"
    "RUIZ: Well, we will rebuild the bridge by the spring. And nobody will pay more, I promise.\n"
    "Q: And the budget?\n"
    "RUIZ: The budget is balanced. It\u2019s been balanced for three years.\n"
)


def test_identical_quotation_is_found_with_its_offsets():
    p = find_passage("Nobody will pay more.", TRANSCRIPT)
    assert p.identical and p.score == 100
    assert TRANSCRIPT[p.start:p.end] == p.text
    assert p.text.lower().startswith("nobody will pay more")


def test_case_quotes_and_apostrophes_do_not_count_as_differences():
    p = find_passage("it's been balanced for three years", TRANSCRIPT)
    assert p.identical
    assert "\u2019" in p.text  # shown as the material writes it


def test_different_words_give_a_word_diff():
    p = find_passage("We will rebuild the bridge by spring,", TRANSCRIPT)
    assert p.found and not p.identical
    assert p.text == "we will rebuild the bridge by the spring."
    assert format_diff(p.diff) == "We will rebuild the bridge by [-the-] spring"
    assert [d.op for d in p.diff] == ["equal", "delete", "equal"]


def test_replaced_word_shows_as_delete_then_insert():
    diff = word_diff("the budget is balanced", "the budget was balanced")
    assert [(d.op, d.words) for d in diff] == [("equal", ("the", "budget")), ("delete", ("is",)),
                                               ("insert", ("was",)), ("equal", ("balanced",))]


def test_quotation_not_in_material_is_not_found():
    p = find_passage("Taxes will rise sharply next year", TRANSCRIPT)
    assert p is None or not p.found


def test_quotation_sharing_no_word_gives_none():
    assert find_passage("Zebras quarrel", TRANSCRIPT) is None


def test_is_identical_ignores_punctuation_only():
    assert is_identical("\u201cNobody will pay more!\u201d", "nobody will pay more.")
    assert not is_identical("Nobody will pay more", "Nobody will pay any more")


def test_finds_an_edited_quotation_deep_in_a_long_transcript():
    rng = random.Random(5)
    vocab = "the of and to a in that it is was council budget road school we they said".split()
    filler = [rng.choice(vocab) for _ in range(30_000)]
    planted = "residents deserve a straight answer about the flood defences this winter".split()
    at = 21_000
    text = " ".join(filler[:at] + planted + filler[at:])
    quote = "Residents deserve a clear answer about the flood defences this winter."
    p = MaterialIndex(text).find(quote)
    assert p.found and not p.identical
    assert p.text == " ".join(planted)
    assert format_diff(p.diff).count("[-straight-] {+clear+}") == 1


def test_index_is_reusable_for_many_quotations():
    index = MaterialIndex(TRANSCRIPT)
    assert index.find("The budget is balanced.").identical
    assert index.find("nobody will pay more").identical


def test_time_codes_and_speaker_labels_are_not_counted_as_words():
    transcript = ("[00:12:31] RUIZ: We will rebuild the bridge.\n"
                  "[00:12:40] RUIZ: And nobody will pay more.\n"
                  "Interviewer: Thank you.\n")
    p = find_passage("We will rebuild the bridge. And nobody will pay more.", transcript)
    assert p.identical
    assert p.text.startswith("We will") and p.text.endswith("pay more.")


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_VOCAB = ["the", "bridge", "will", "be", "rebuilt", "by", "spring", "nobody", "pays", "more", "council",
          "budget", "we", "said", "it", "was", "a", "long", "night"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), min_size=20, max_size=300), st.data())
def test_a_verbatim_slice_is_always_found_identical(words, data):
    length = data.draw(st.integers(min_value=3, max_value=12))
    at = data.draw(st.integers(min_value=0, max_value=len(words) - length))
    quote = " ".join(words[at:at + length])
    p = find_passage(quote.capitalize() + ".", " ".join(words))
    assert p.identical and p.score == 100
    assert p.text.lower() == quote


def test_verbatim_passage_found_among_repeated_words():
    material = "the " * 40 + "the the bridge was closed " + "the " * 40 + "bridge"
    p = find_passage("The the bridge.", material)
    assert p.identical and p.text.lower().startswith("the the bridge")
