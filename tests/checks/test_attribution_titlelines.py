"""Title-Case summary lines (titlelines.py): the name before the capitalised speech verb
speaks. Every line is our own."""

from desk.checks.attribution import analyse


def speakers(text):
    return [q.speaker for q in analyse(text).quotes]


def test_name_before_a_capitalised_cue_in_a_title_line():
    assert speakers("The count went on.\n\nVoss Calls Count “a farce that shames us”") == ["Voss"]
    assert speakers("The count went on.\n\nWestby Mayor Lena Voss Slams “reckless” Harbour Plan") == ["Lena Voss"]


def test_a_sentence_is_no_title_line():
    # lower-case words and a full stop: an ordinary sentence, read by the other finders
    (entry,) = analyse("The count went on.\n\nVoss Calls the count “a farce that shames us” today.",
                       explain=True).explain
    assert "title-line" not in [c["how"] for c in entry["candidates"]]
