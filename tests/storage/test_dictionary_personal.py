"""Shared and personal dictionary words (schema 10): two editors on one library, each a
Library of their own, on both engines."""

import pytest

from desk.model import DeskError
from desk.storage import Library


@pytest.fixture
def ann(library):
    library.editor = "Ann Lee"
    return library


@pytest.fixture
def ben(library_target):
    other = Library.open(library_target, seed=False, editor="Ben Ode")
    yield other
    other.close()


def test_a_personal_word_is_accepted_for_its_editor_only(ann, ben):
    assert ann.dictionary.add("Kadhimi", personal=True)
    assert "Kadhimi" in ann.dictionary.words()
    assert "Kadhimi" not in ben.dictionary.words()


def test_a_shared_word_is_accepted_for_everyone(ann, ben):
    ann.dictionary.add("brinkmanship")
    assert "brinkmanship" in ben.dictionary.words() and "brinkmanship" in ann.dictionary.words()


def test_an_articles_personal_word_stays_in_that_article(ann, ben):
    aid = ann.articles.create(headline="Weir").id
    other = ann.articles.create(headline="Other").id
    ann.dictionary.add("Kadhemi", aid, personal=True)
    assert "Kadhemi" in ann.dictionary.words(aid)
    assert "Kadhemi" not in ann.dictionary.words(other)
    assert "Kadhemi" not in ben.dictionary.words(aid)


def test_two_editors_may_each_keep_the_same_word(ann, ben):
    assert ann.dictionary.add("Kadhimi", personal=True)
    assert ben.dictionary.add("Kadhimi", personal=True)
    assert not ben.dictionary.add("Kadhimi", personal=True)  # already Ben's
    assert ann.dictionary.add("Kadhimi")  # and shared as well
    assert [(e.word, e.editor) for e in ann.dictionary.entries(everyone=True)] == [
        ("Kadhimi", ""), ("Kadhimi", "Ann Lee"), ("Kadhimi", "Ben Ode")]


def test_removing_a_personal_word_removes_only_mine(ann, ben):
    ann.dictionary.add("Kadhimi", personal=True)
    ben.dictionary.add("Kadhimi", personal=True)
    ann.dictionary.add("Kadhimi")
    assert ben.dictionary.remove("Kadhimi", personal=True)
    assert "Kadhimi" not in ben.dictionary.list(personal=True)
    assert ann.dictionary.list(personal=True) == ["Kadhimi"]
    assert ann.dictionary.list() == ["Kadhimi"]  # the shared one stays


def test_removing_a_shared_word_leaves_personal_ones(ann, ben):
    ann.dictionary.add("Kadhimi", personal=True)
    ben.dictionary.add("Kadhimi")
    assert ben.dictionary.remove("Kadhimi")
    assert not ben.dictionary.remove("Kadhimi")  # Ann's personal word is not Ben's to remove
    assert "Kadhimi" in ann.dictionary.words() and "Kadhimi" not in ben.dictionary.words()


def test_entries_show_the_shared_words_and_mine_not_others(ann, ben):
    ann.dictionary.add("brinkmanship")
    ann.dictionary.add("Kadhimi", personal=True)
    ben.dictionary.add("Zelensky", personal=True)
    assert [(e.word, e.scope, e.editor) for e in ann.dictionary.entries()] == [
        ("brinkmanship", "shared", ""), ("Kadhimi", "personal", "Ann Lee")]


def test_a_personal_word_needs_a_name(library):
    with pytest.raises(DeskError, match="personal word needs your name"):
        library.dictionary.add("Kadhimi", personal=True)
    assert library.dictionary.entries(everyone=True) == []


def test_words_from_before_schema_10_are_shared(library, library_target):
    library.dictionary.add("brinkmanship")  # a desk with no name: as every word once was
    with Library.open(library_target, seed=False, editor="Ann Lee") as ann:
        assert ann.dictionary.entries()[0].scope == "shared"
        assert "brinkmanship" in ann.dictionary.words()
