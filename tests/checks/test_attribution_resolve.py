"""Chosen speakers resolved to people: pronouns, roles, and the guesses shown as uncertain."""

import pytest

from desk.checks.attribution import analyse


def _uncertain(text):
    return [p for p in analyse(text).problems if p.kind == "uncertain-speaker"]


def test_the_president_is_the_titled_person_mentioned_last_by_surname():
    text = ("President Okonjo met Governor Ruth Amadi and President Tomas Varga of the bank.\n\n"
            "Later Okonjo spoke alone. The president said the deal was “done for now.”")
    quotes = analyse(text).quotes
    assert quotes[-1].speaker == "Okonjo"


def test_a_pronoun_two_people_fit_equally_is_an_uncertain_speaker():
    text = ("Jonas Lie met Erik Dahl on Monday. Lie and Dahl talked for an hour.\n\n"
            "“It went well,” he said.")
    quotes = analyse(text).quotes
    assert quotes[0].speaker == "Jonas Lie"
    probs = _uncertain(text)
    assert len(probs) == 1 and probs[0].severity == "info"
    assert "could be Erik Dahl" in probs[0].message and "“he”" in probs[0].message


def test_a_pronoun_with_one_fitting_person_is_not_uncertain():
    text = ("Jonas Lie met Greta Dahl on Monday.\n\n"
            "“It went well,” he said.")
    assert analyse(text).quotes[0].speaker == "Jonas Lie"
    assert _uncertain(text) == []


def test_an_unresolved_pronoun_stays_a_pronoun():
    text = "“It went well,” she said."
    q = analyse(text).quotes[0]
    assert q.speaker == "she" and q.speaker_kind == "pronoun"


def test_a_clause_read_as_a_role_does_not_name_the_pronouns_person():
    text = ("Chairman Piet Maas counted the votes.\n\nThe county saw 30 applicants for delegate seats.\n\n"
            "“We have never had so many,” he said.")
    assert analyse(text).quotes[0].speaker == "Piet Maas"


def test_a_kin_word_before_a_name_gives_its_gender():
    # "her" after the name would vote female; "husband," before it says otherwise
    text = "Ana Ruiz came with her husband, Kim Sato, who held her hand. “We came early,” he said."
    assert analyse(text).quotes[0].speaker == "Kim Sato"


@pytest.mark.parametrize("text", [
    # a capitalised phrase whose words the article also writes in lower case is not a person
    "Never Fear Again was “a start,” said Omar Beck, a history professor at Westby. "
    "He added that the rules “went too far.” Nobody should fear such a rule again.",
    # nor one with a word in capitals (an acronym)
    "Omar Beck praised the crew. The report named the NASA Westby outpost and its staff. "
    "He writes that the film is “an indictment.”",
])
def test_a_pronoun_skips_phrases_that_only_look_like_names(text):
    assert analyse(text).quotes[-1].speaker == "Omar Beck"


def test_a_role_is_not_a_person_the_article_introduces_only_later():
    text = "“We are not done,” the senator said. Later on the same show, Sen. Ada Lind spoke about farms."
    q = analyse(text).quotes[0]
    assert q.speaker == "the senator"
    text = "Sen. Ada Lind spoke about farms. “We are not done,” the senator said."
    assert analyse(text).quotes[0].speaker == "Ada Lind"


def test_it_can_be_a_paper_whose_name_ends_in_s():
    text = "“Profits fell,” the Westby Times wrote. “It was a hard year,” it added."
    assert [q.speaker for q in analyse(text).quotes] == ["Westby Times", "Westby Times"]


def test_a_first_name_after_a_kin_word_is_a_person_a_pronoun_can_name():
    text = "Omar Beck spoke first. But his wife, Marit, offered a preview of the plan. “We stay,” she said."
    assert analyse(text).quotes[0].speaker == "Marit"


def test_a_pronoun_prefers_the_main_clause_to_an_opening_when_clause():
    text = "When Tor Vale asked about the plan, Sten Moren smiled. “We stay,” he said."
    assert analyse(text).quotes[0].speaker == "Sten Moren"
    # without the subordinate clause the sentence's first subject still wins
    text = "Tor Vale asked about the plan, and Sten Moren smiled. “We stay,” he said."
    assert analyse(text).quotes[0].speaker == "Tor Vale"


def test_a_contracted_has_is_not_a_possessive():
    # "Beck's been making the case": Beck is the subject, not a possessive
    text = "Omar Beck's been making the case that Sten Moren is not ready. “You are not ready,” he said."
    assert analyse(text).quotes[0].speaker == "Omar Beck"


def test_a_place_and_a_party_is_a_role_not_a_name():
    text = "Tor Voss spoke on Monday. On Tuesday the Westby Republican thanked the crowd. “We will win,” he said."
    assert analyse(text).quotes[0].speaker == "Tor Voss"


def test_a_role_opening_the_sentence_before_outranks_its_object():
    text = "The senator gave Tor Voss some credit during the interview. “He did well,” he said."
    assert analyse(text).quotes[0].speaker == "The senator"
    # a role whose head is not a person ("His bid for governor") does not
    text = "His bid for governor was backed by the union, said Tor Voss, a pollster. “It is a good bid,” he said."
    assert analyse(text).quotes[-1].speaker == "Tor Voss"


def test_a_role_set_off_after_a_name_is_its_title():
    text = "Ana Ruiz, the mayor, met the governor. “It went well,” the mayor said."
    q = analyse(text).quotes[0]
    assert q.speaker == "Ana Ruiz" and q.mention == "the mayor"


@pytest.mark.parametrize("space", [" ", "\u00a0"])
def test_a_single_name_followed_by_who_is_a_person(space):
    text = (f"Ana Ruiz opened the show. Meanwhile Zendaya,{space}who was honoured with an award, spoke about work. "
            "“Love yourself first,” she said.")
    assert analyse(text).quotes[0].speaker == "Zendaya"


def test_it_is_the_organisation_opening_its_own_sentence():
    text = ("The Harbour Council on Friday condemned the test and pledged sanctions against "
            "what it called “a clear threat to the river.”")
    (q,) = analyse(text).quotes
    assert (q.speaker, q.speaker_kind) == ("The Harbour Council", "organisation")


def test_it_is_not_a_body_when_its_sentence_opens_with_something_else():
    text = ("The Harbour Council met on Friday. The plan, it said, was “a clear threat to the river.”")
    (q,) = analyse(text).quotes
    assert q.speaker != "The plan"
