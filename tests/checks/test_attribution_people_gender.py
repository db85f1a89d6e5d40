"""A person's gender (people.py): honorifics and roles, the pronouns the narrator uses after
the name, the first name's usual sex as a hint."""

from desk.checks.attribution import analyse
from desk.checks.attribution.people import People


def speakers(text):
    return [q.speaker for q in analyse(text).quotes]


def test_a_pronoun_inside_a_quotation_gives_the_name_before_it_no_gender():
    text = "Dorvan Quist spoke first: the ministry “never asked her,” Quist said of the minister."
    quoted = [(text.index("“"), text.index("”") + 1)]
    assert People(text, [], quoted).gender_of("Dorvan Quist") == ""
    assert People(text, []).gender_of("Dorvan Quist") == "f"  # what the quotation used to say


def test_the_first_names_usual_sex_is_a_hint_the_pronouns_overrule():
    text = "Lindsay Marsh opened his campaign in Tarn on Monday."
    assert People(text, []).gender_of("Lindsay Marsh") == "m"


def test_the_first_names_usual_sex_decides_when_the_pronouns_disagree():
    text = ("Lindsay Marsh opened her campaign in Tarn. Later Marsh thanked his old teacher. "
            "Marsh said she was ready.")
    assert People(text, []).gender_of("Lindsay Marsh") == "f"


def test_the_first_names_usual_sex_decides_without_pronouns():
    text = "Lindsay Marsh opened the campaign in Tarn on Monday."
    assert People(text, []).gender_of("Lindsay Marsh") == "f"


def test_an_acronym_after_the_name_does_not_stop_the_pronouns_from_voting():
    text = "Sen. Lindsay Marsh (R-TN) praised his staff on Monday."
    assert People(text, []).gender_of("Lindsay Marsh") == "m"
