"""Choosing among the candidates (assign.py): a short Title-Case name nobody in reach says is
a title, not a quotation. Every sentence is our own."""

from desk.checks.attribution import analyse


def test_unclaimed_title_case_name_is_a_title():
    text = "The harbour fair ends on Sunday.\n\n“The Drowned Bell” plays in the old hall until then."
    (q,) = analyse(text).quotes
    assert q.term
    assert q.speaker is None


def test_title_case_words_someone_says_stay_a_quotation():
    text = "Lena Voss called the council “Rubber Stamps Incorporated” on Monday."
    (q,) = analyse(text).quotes
    assert not q.term
    assert q.speaker == "Lena Voss"


def test_unclaimed_sentence_stays_a_quotation():
    text = "The harbour fair ends on Sunday.\n\n“We Will Not Go Quietly Into The Night.”"
    (q,) = analyse(text).quotes
    assert not q.term


def test_lower_case_scare_quote_is_not_made_a_title():
    text = "The harbour fair ends on Sunday, and the so-called “free parking” is gone."
    (q,) = analyse(text).quotes
    assert not q.term


def test_a_pronoun_subject_of_the_previous_paragraph_speaks_the_quotation_paragraph():
    text = ("Eva Moss picks up the phone. “Hello, is this the Lang household?” Moss asks.\n\n"
            "She pauses.\n\n"
            "“Well, thank you so much.”\n")
    assert [q.speaker for q in analyse(text).quotes] == ["Eva Moss", "Eva Moss"]


def test_a_quote_paragraph_after_a_sentence_opening_with_a_role_and_a_name_takes_the_name():
    text = ("Lena Voss and Omar Beck met on Friday.\n\n"
            "The mayor, Omar Beck, was blunt.\n\n"
            "“We have no pumps.”")
    assert [q.speaker for q in analyse(text).quotes] == ["Omar Beck"]


def test_a_headline_labelled_with_a_name_credits_the_quotation_paragraph_after_it():
    from desk.checks.attribution import analyse

    text = "Lena Voss: ‘We Will Not Sell The Ferry’\n\n“The ferry is ours. It has been ours for a century.”"
    assert [q.speaker for q in analyse(text).quotes] == ["Lena Voss"]
