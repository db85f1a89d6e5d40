"""Reading name pieces (names.py)."""

from desk.checks.attribution.names import _LOWER_WORD, LowerWords


def test_lower_case_words_are_found_as_whole_words_only():
    text = "The farmer's fair-minded view: fair prices, unfairly low, Fair Oaks, don’t, x-ray."
    words = LowerWords(text)
    every = set(_LOWER_WORD.findall(text))
    for w in ("fair", "farmer", "fair-minded", "unfairly", "prices", "oaks", "don’t", "x-ray", "x", "ray", "low"):
        assert (w in words) == (w in every), w
