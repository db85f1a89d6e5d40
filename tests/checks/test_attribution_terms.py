"""Quoted titles and nicknames: reported to the editor, but nobody's words."""

from desk.checks.attribution import analyse


def only(text):
    (q,) = analyse(text).quotes
    return q


def test_programme_title_after_a_possessive_is_a_term_without_speaker():
    q = only("Ines Varga told Nordvik Radio’s “Harbour Hour” that the port would close.")
    assert q.term
    assert q.speaker is None


def test_term_is_reported_as_info():
    text = "Ines Varga told Nordvik Radio’s “Harbour Hour” that the port would close."
    (p,) = [p for p in analyse(text).problems if p.kind == "unattributed-quote"]
    assert p.severity == "info"
    assert "title" in p.message


def test_title_after_a_work_noun_is_a_term():
    assert only("The film follows the crew of the documentary “Cold Water Rising” for a year.").term


def test_programme_opening_a_sentence_is_a_term():
    text = "On “Morning Harbour,” Ines Varga said the plan was dead."
    assert only(text).term


def test_nickname_inside_a_name_is_a_term():
    assert only("Mayor Robert “Robbie” Lund opened the fair.").term


def test_nickname_spoken_by_someone_stays_a_quotation():
    q = only("Ines Varga called her rival “Lazy Lund” at the rally.")
    assert not q.term
    assert q.speaker == "Ines Varga"


def test_quoted_words_in_title_case_after_a_cue_stay_a_quotation():
    assert not only("The panel rated the claim “Mostly False.”").term


def test_term_is_not_in_the_json_of_a_quotation():
    q = only("Ines Varga told Nordvik Radio’s “Harbour Hour” that the port would close.")
    assert "term" not in q.to_dict()


def test_stage_direction_in_a_transcript_is_a_term():
    assert only("The host cut in. “(CROSSTALK)” Then silence.").term


def test_a_title_does_not_cut_the_cue_off_from_the_next_quotation():
    text = "Ines Varga tells Nordvik Radio’s “Harbour Hour” that the port is “closing for good.”"
    quotes = analyse(text).quotes
    assert [q.speaker for q in quotes] == [None, "Ines Varga"]


def test_one_word_answer_before_a_weekday_is_not_a_nickname():
    q = only("Ines Varga told NRK “Yes” Tuesday.")
    assert not q.term
