"""Pronoun and nominal speakers: which mention speaks, and whom it names."""

from desk.checks.attribution import analyse
from desk.checks.attribution.clauses import subject_at_start


def test_an_auxiliary_ends_a_party_descriptor_opening_the_sentence():
    text = "The Ohio Democrat did give Voss some credit on Monday."
    sp = subject_at_start(text, 0, len(text))
    assert sp is not None and sp.name == "The Ohio Democrat"
    assert sp.kind == "anonymous" and sp.definite


def test_he_after_a_party_descriptor_is_the_person_it_describes_not_the_object():
    text = ("Senator Paul Dorn met Mark Voss on Monday.\n\n"
            "The Ohio Democrat did give Voss some credit, saying he had worked hard, "
            "but he suggested the harbour chief was no saint.\n\n"
            "“We do not always pick a giant,” he said.")
    assert analyse(text).quotes[-1].speaker == "Paul Dorn"
