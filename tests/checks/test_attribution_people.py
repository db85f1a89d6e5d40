"""The people an article names: name runs, particles, titles inside long runs, pronouns."""

from desk.checks.attribution import analyse
from desk.checks.attribution.people import People


def speakers(text):
    return [q.speaker for q in analyse(text).quotes]


def test_particle_between_given_name_and_surname_stays_in_the_name():
    people = People("Mayor Lena van Dijk opened the fair.", [])
    assert people.full_name("Dijk", 40) == ("Lena van Dijk", False)


def test_hyphenated_particle_surname_is_found_without_the_particle():
    people = People("Karim al-Nouri leads the council.", [])
    assert people.full_name("Nouri", 40) == ("Karim al-Nouri", False)


def test_name_follows_the_last_title_word_of_a_long_run():
    people = People("Northland Farmers Union Chairman Piet Smeets spoke.", [])
    assert people.full_name("Smeets", 60) == ("Piet Smeets", False)
    assert "Chairman" in people.titles["Piet Smeets"]


def test_pronoun_finds_a_person_introduced_with_a_long_title():
    text = ("Harbour Workers Guild Chairwoman Greta Olsson met the ministers on Friday.\n\n"
            "“We will strike next week,” she said.")
    assert speakers(text) == ["Greta Olsson"]
