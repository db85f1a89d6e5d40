"""A token's verdict before its context is read (verdicts.py)."""

from desk.checks.spelling.verdicts import _CAP, _LOWER, _NAME, _OK, classify

KNOWN = frozenset({"harbour", "plan"})


def _known_lower(word, known, accepted):
    return word in known or word in accepted


def _verdict(tok, accepted=frozenset()):
    return classify(tok, KNOWN, accepted, _known_lower)


def test_known_words_acronyms_numbers_and_one_letters_are_fine():
    for tok in ("harbour", "Harbour", "OPEC", "NGOs", "1990s", "G7", "x", "OPEC’s"):
        assert _verdict(tok) == _OK, tok


def test_unknown_words_are_told_apart_by_their_capitals():
    assert _verdict("harbuor") == _LOWER
    assert _verdict("Okafor") == _CAP
    assert _verdict("DeSantis") == _NAME
    assert _verdict("iPhone") == _NAME
    assert _verdict("okafor", accepted=frozenset({"okafor"})) == _OK
