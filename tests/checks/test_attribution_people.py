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


def test_pronoun_prefers_the_subject_over_a_name_after_a_preposition():
    text = ("In a long interview with Oskar Lindqvist, Mira Holm set out her plans.\n\n"
            "“We start in spring,” she told the host.")
    assert speakers(text) == ["Mira Holm"]


def test_pronoun_looks_past_a_sentence_whose_same_pronoun_comes_first():
    text = ("Tomas Berg chairs the board.\n\n"
            "He said the vote could bring months of lobbying by allies of Jonas Falk.\n\n"
            "“This will be a hard year,” he said.")
    assert speakers(text) == ["Tomas Berg"]


def test_shared_surname_takes_the_person_of_the_pronouns_gender():
    text = ("Anna Varga and her husband, Peter Varga, run the farm.\n\n"
            "Later Varga sold the barn.\n\n"
            "“It was time,” he said.")
    assert speakers(text) == ["Peter Varga"]


def test_a_bare_name_that_speaks_is_a_person_for_pronouns():
    text = ("Marta Olsen chairs the board. Quenby said the plan had failed.\n\n"
            "“Nobody listened to us,” she said.")
    assert speakers(text) == ["Quenby"]


def test_name_modifying_a_role_is_not_the_pronouns_referent():
    text = ("Anna Lind runs the union. Lind campaign director Maria Holm said the talks failed.\n\n"
            "“We walked out,” she said.")
    assert speakers(text) == ["Maria Holm"]


def test_capitalised_preposition_still_marks_an_object():
    text = ("On The Morning Harbour Show on Friday, Maria Holm criticised the council.\n\n"
            "“They never listen,” she said.")
    assert speakers(text) == ["Maria Holm"]


def test_gender_comes_from_the_pronouns_the_article_uses():
    # no list of given names: Brandt is "she" because the article says "her" right after her
    text = ("Ysolde Brandt said her crew was ready. Steve Orlov said his boat was not.\n\n"
            "“We shook hands,” she said.")
    assert speakers(text) == ["Ysolde Brandt"]


def test_gender_comes_from_a_gendered_title():
    text = ("Spokeswoman Ysolde Brandt met Steve Orlov on Monday.\n\n"
            "“We shook hands,” she said.")
    assert speakers(text) == ["Ysolde Brandt"]


def test_gender_comes_from_an_honorific():
    text = ("Mr. Orlov met Ysolde Brandt on Monday.\n\n"
            "“We shook hands,” he said.")
    assert speakers(text) == ["Orlov"]


def test_title_in_apposition_to_a_book_is_not_a_person():
    text = ("In her memoir, Quiet Harbour, Ines Varga wrote about the port.\n\n"
            "After saying the dock was “too old to save,” she closed it.")
    assert speakers(text) == ["Ines Varga"]


def test_a_news_agency_that_speaks_is_not_a_person():
    text = ("Reuters said Marta Olsen had resigned.\n\n"
            "“It was time to go,” she said.")
    assert speakers(text) == ["Marta Olsen"]


def test_a_shared_surname_alone_is_the_person_introduced_first():
    text = ("Harald Brekke chairs the fishing board. His niece Ingrid Brekke joined it in May.\n\n"
            "Brekke said the quotas would stay.")
    people = People(text, [])
    assert people.full_name("Brekke", text.index("Brekke said")) == ("Harald Brekke", False)


def test_gender_votes_after_a_second_namesake_go_to_the_first_one():
    text = ("Harald Brekke chairs the fishing board. Ingrid Brekke joined it in May.\n\n"
            "Brekke said he was glad. Brekke said he was proud. Ingrid Brekke said she was too.\n\n"
            "“I will learn fast,” she said.")
    people = People(text, [])
    assert people.gender_of("Ingrid Brekke") == "f"
    assert people.gender_of("Harald Brekke") == "m"
    assert speakers(text)[-1] == "Ingrid Brekke"


def test_last_seen_counts_mentions_by_surname_alone():
    text = "Anya Petrov spoke first. Then Tomasz Wolny spoke. Later Petrov spoke again."
    people = People(text, [])
    assert people.last_seen("Anya Petrov", len(text)) == text.index("Petrov spoke again")
    assert people.last_seen("Tomasz Wolny", text.index("Then")) == -1


def test_a_one_word_name_keeps_its_title():
    people = People("President Okonjo opened the summit.", [])
    assert people.titles["Okonjo"] == "President"


def test_a_repeated_name_is_read_in_each_place_it_stands():
    # the same words are read once, their context each time: after "her book," a title
    text = "Her book, Silent Harbour, sold well. Silent Harbour spoke at the fair."
    people = People(text, [])
    assert [p for p, name in people.mentions if name == "Silent Harbour"] == [text.index("Silent Harbour spoke")]


def test_a_shared_surname_is_the_person_the_article_does_not_keep_naming_in_full():
    text = ("Melania Lang spoke at the rally. “He is a good man,” Melania Lang said.\n\n"
            "Her husband, Donald Lang, followed her. “We will win,” Lang said.")
    assert [q.speaker for q in analyse(text).quotes] == ["Melania Lang", "Donald Lang"]


def test_a_capitalised_word_read_into_a_full_name_is_the_same_person():
    text = ("Lena Voss spoke in Westby. “We will win,” Lena Voss said.\n\n"
            "Using Lena Voss’s words, the union warned of a fight. “We will not stop,” Voss said.")
    assert [q.speaker for q in analyse(text).quotes] == ["Lena Voss", "Lena Voss"]


def test_a_role_set_off_after_a_name_may_hold_a_possessive():
    people = People("Ana Ruiz, the ministry’s spokeswoman, met the press. Piet Maas, Westby’s mayor, came too.", [])
    assert people.titles["Ana Ruiz"] == "ministry’s spokeswoman"
    assert people.titles["Piet Maas"] == "mayor"
    text = ("Ana Ruiz, the ministry’s spokeswoman, met the press. Omar Beck arrived later.\n\n"
            "“We are done,” the spokeswoman said.")
    assert speakers(text) == ["Ana Ruiz"]


def test_a_single_name_given_a_gender_by_its_role_keeps_it_against_a_later_pronoun():
    text = "Omar Beck’s daughter, Ana, was there. “I am proud of him,” she said."
    people = People(text, [])
    assert people.gender_of("Ana") == "f"
    assert speakers(text) == ["Ana"]
