"""A pronoun's person (pronouns.py): who fits, and a rival that fits as well."""

from desk.checks.attribution import analyse
from desk.checks.attribution.people import People
from desk.checks.attribution.pronouns import Antecedents


def speakers(text):
    return [q.speaker for q in analyse(text).quotes]


def test_a_capitalised_phrase_whose_first_word_the_text_writes_in_lower_case_is_no_person():
    text = ("The fair was busy. Torvald Nygaard, who runs it, spoke at the Fair Grounds on Sunday.\n\n"
            "“We sold out,” he said.")
    people = People(text, [])
    assert not Antecedents(people)._plausible_person("Fair Grounds")
    assert Antecedents(people)._plausible_person("Torvald Nygaard")
    assert speakers(text) == ["Torvald Nygaard"]


def test_a_pronoun_between_two_people_who_fit_names_the_rival():
    text = ("Jonas Lie met Erik Dahl on Monday. Lie and Dahl talked for an hour.\n\n"
            "“It went well,” he said.")
    people = People(text, [])
    found = people.resolve_pronoun(text.index("he said"), "m", [0, text.index("Lie and"), text.index("“It")],
                                   [(text.index("“It"), text.index(" he said"))])
    assert found == "Jonas Lie"
    assert people.rival == "Erik Dahl"


def test_a_pronoun_with_one_fitting_person_has_no_rival():
    text = ("Jonas Lie met Greta Dahl on Monday.\n\n"
            "“It went well,” he said.")
    people = People(text, [])
    assert people.resolve_pronoun(text.index("he said"), "m", [0, text.index("“It")], []) == "Jonas Lie"
    assert people.rival is None


def test_he_after_a_quotation_is_who_was_last_credited_with_words_not_whom_the_words_were_about():
    text = ("Marta Quell spoke at the harbour. Tomas Brenner worked the docks for thirty years.\n\n"
            "Brenner rebuilt the east pier after the storm, Quell said.\n\n"
            "“He never once asked for thanks,” she said.")
    assert speakers(text)[-1] == "Marta Quell"
    text = ("Tomas Brenner and Piet Halloran met the council on Monday.\n\n"
            "Brenner rebuilt the east pier after the storm, Halloran said.\n\n"
            "“He never once asked for thanks,” he said.")
    assert speakers(text)[-1] == "Piet Halloran"


def test_an_inverted_credit_after_a_comma_names_the_speaker_a_pronoun_refers_to():
    text = ("Tomas Brenner and Piet Halloran met the council on Monday.\n\n"
            "The Brenner plan is the cheapest one, said Piet Halloran, who chairs the harbour board. "
            "Others are “still counting the cost,” he said.")
    assert speakers(text)[-1] == "Piet Halloran"
