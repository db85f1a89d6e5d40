"""desk.text: the counts the window shows."""

import random

from desk.text import LineWordCounter, word_count


def test_line_counter_equals_word_count_through_random_edits():
    rng = random.Random(3)
    text = "The mayor’s plan, U.S.-backed, costs $3.5m.\n\nShe said: “no”.\n- item one\n\n"
    counter = LineWordCounter()
    pieces = ["word ", "\n", "\n\n", "-", "’", ".", " ", "x", "3.5", "e-mail"]
    for _ in range(400):
        at = rng.randint(0, len(text))
        if rng.random() < 0.6:
            text = text[:at] + rng.choice(pieces) + text[at:]
        else:
            text = text[:at] + text[at + rng.randint(1, 4):]
        assert counter.count(text) == word_count(text)


def test_a_long_text_counted_in_blocks_has_the_words_of_one_count():
    """Cut at spaces, never inside a word: every block boundary lands between words."""
    import desk.text as text_module

    rng = random.Random(8)
    pieces = ["word", " ", "\n", "e-mail", "’s", "U.S.", "x", "  ", "3.5", "_"]
    text = "".join(rng.choice(pieces) for _ in range(60_000))
    assert len(text) > 4 * text_module.BLOCK
    whole = len(text_module.WORD_RE.findall(text))
    assert word_count(text) == whole
    assert word_count("a" * (3 * text_module.BLOCK)) == 1  # a block without a space to cut at
