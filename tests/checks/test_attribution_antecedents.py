"""Which person a pronoun or a definite description names: sentence bounds, salience, the
descriptions that refer back to someone the article has introduced."""

from desk.checks.attribution import analyse
from desk.checks.attribution.cues import sentence_starts


def speakers(text):
    return [q.speaker for q in analyse(text).quotes]


def test_a_plural_title_abbreviation_does_not_end_the_sentence():
    text = "He thanked his rivals, notably Govs. Piet Maas and Jon Dahl, for coming."
    assert sentence_starts(text, 0, len(text)) == [0]


def test_a_pronoun_looks_past_names_listed_after_a_plural_title_to_the_subject():
    text = ("Mayor Tomas Berg spoke in Tarn on Monday.\n\n"
            "Berg spared his rivals, notably Govs. Piet Maas and Jon Dahl, who say the mayor lacks experience.\n\n"
            "He brushed off the charge. “We will win the vote,” he said.")
    assert speakers(text) == ["Tomas Berg"]


def test_a_name_after_around_is_no_subject_and_a_coordinated_name_is_no_modifier():
    text = ("Making her way around Vellin Marrow, Ana Ruiz and husband Piet thanked a diner for coming.\n\n"
            "She says, “With your help we can do it.”")
    assert speakers(text) == ["Ana Ruiz"]


def test_a_description_opening_a_sentence_refers_back_to_the_person_just_named():
    text = ("Tomas Berg campaigned in Tarn for Piet Maas on Monday.\n\n"
            "The radio talker has filled his rally speeches for Maas with hymns. "
            "He has called Maas “a man raised for these times.”")
    assert speakers(text) == ["Tomas Berg"]


def test_a_description_with_nobody_named_before_stays_a_description():
    text = ("The radio talker has filled his rally speeches with hymns. "
            "He has called the town “a place raised for these times.”")
    assert speakers(text) == ["The radio talker"]


def test_a_misspelt_surname_that_speaks_outranks_the_name_it_reports_on():
    text = ("Tyra Quennell and Ana Ruiz spoke at the hall.\n\n"
            "Quenell said Ruiz never listens to the crews.\n\n"
            "“It is always the same,” she said.")
    assert speakers(text)[-1] == "Quenell"



def test_a_name_credited_after_the_sentences_own_pronoun_is_a_candidate():
    text = ("Mayor Tomas Berg opened the fair.\n\n"
            "The fair could carry Tarn for him, which he expects, Piet Maas said.\n\n"
            "“He has a plan,” he said.")
    assert speakers(text)[-1] == "Piet Maas"


def test_a_name_after_the_same_pronoun_in_an_oblique_place_is_not_its_person():
    text = ("Across town is Tomas Berg, a canvasser who left his job in May.\n\n"
            "Moved by his memory of Piet Maas’s years in office, he backs the senator.\n\n"
            "“I knock on doors all day,” he said.")
    assert speakers(text) == ["Tomas Berg"]
    # a subject after a possessive that looks ahead to it is still its person
    text = ("Tomas Berg spoke first.\n\n"
            "In his statement, Piet Maas went further.\n\n"
            "“There are no excuses,” he said.")
    assert speakers(text) == ["Piet Maas"]
