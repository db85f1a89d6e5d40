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
