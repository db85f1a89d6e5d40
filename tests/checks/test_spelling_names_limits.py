"""Names spelled two ways in one article are compared from four letters on (shorter
capitalised words differ by one letter too often to mean anything), pinned at that
boundary."""

import pytest

from desk.checks.spelling import check_spelling


def inconsistent(common: str, rare: str) -> list[tuple[str, str]]:
    text = f"{common} met the minister on Monday. Later {common} spoke again, and {rare} left."
    return [(text[p.start:p.end], p.message) for p in check_spelling(text)
            if p.kind == "inconsistent-name"]


@pytest.mark.parametrize("common, rare", [("Qorv", "Qorw"), ("Vrel", "Vrol"), ("Zolt", "Zoltt")])
def test_a_four_letter_name_spelled_two_ways_is_flagged(common, rare):
    assert inconsistent(common, rare) == [
        (rare, f"\u201c{rare}\u201d is spelled \u201c{common}\u201d elsewhere in this article")]


@pytest.mark.parametrize("common, rare", [("Zxy", "Zxw"), ("Qov", "Qow")])
def test_three_letter_names_are_not_compared(common, rare):
    assert inconsistent(common, rare) == []


@pytest.mark.parametrize("common, rare", [("Qorvel", "Qurvil"), ("Zamvek", "Zumvik"),
                                          ("Zamvekt", "Zumvikt")])
def test_names_of_six_letters_or_more_may_differ_by_two_edits(common, rare):
    assert [word for word, _ in inconsistent(common, rare)] == [rare]


@pytest.mark.parametrize("common, rare", [("Qorve", "Qurvi"), ("Zamve", "Zumvi")])
def test_names_of_five_letters_or_fewer_by_one_edit_only(common, rare):
    assert inconsistent(common, rare) == []
