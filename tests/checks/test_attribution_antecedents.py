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
