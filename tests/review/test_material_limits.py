"""Finding a quotation in source material: a passage is a match from a score of 60 (the
similarity of the folded words), pinned at its boundary."""

import pytest

from desk.review.material import find_passage

WORDS = ("able bake cold dart earn fish gold hint iron jump "
         "kite lamp mint nest opal pond ruby sand tide vest").split()
QUOTE = " ".join(WORDS)


def transcript(changed: int) -> str:
    """Meeting minutes quoting QUOTE with ``changed`` of its words said differently."""
    said = list(WORDS)
    for j, i in enumerate([*range(1, 20, 2), *range(0, 20, 2)][:changed]):
        said[i] = "qq" + "zyxwvutsrponm"[j] * 2
    return f"Minutes of the meeting, item four: {' '.join(said)}. Other business was deferred."


@pytest.mark.parametrize("changed", [0, 5, 9, 10])
def test_a_passage_scoring_60_or_more_is_found(changed):
    passage = find_passage(QUOTE, transcript(changed))
    assert passage.found and passage.score >= 60
    assert ("qq" in passage.text) == bool(changed)  # the passage said differently


@pytest.mark.parametrize("changed", [11, 12])
def test_a_passage_scoring_below_60_is_not_a_match(changed):
    passage = find_passage(QUOTE, transcript(changed))
    assert passage is not None and 50 < passage.score < 60
    assert not passage.found
