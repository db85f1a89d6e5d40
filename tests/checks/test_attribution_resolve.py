"""Chosen speakers resolved to people: pronouns, roles, and the guesses shown as uncertain."""

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
