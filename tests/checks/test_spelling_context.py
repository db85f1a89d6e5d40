"""Names versus typos from the words around them (our own example sentences)."""

from __future__ import annotations

from desk.checks.spelling import check_spelling


def kinds(text: str, **kw) -> dict[str, str]:
    return {text[p.start:p.end]: p.kind for p in check_spelling(text, suggest=False, **kw)}


def test_name_after_a_title_is_not_red_even_near_a_common_word():
    # "Lauer" is one letter from "later" and "layer"
    assert kinds("The question was put by Mr. Lauer on Monday.") == {"Lauer": "unknown-name"}


def test_name_used_twice_is_not_red():
    text = "Voters in Ohio liked Bown. Polls had Bown ahead all week."
    assert set(kinds(text).values()) == {"unknown-name"}


def test_name_after_a_particle_is_not_red():
    text = "The cabinet of al-Sudani met, and Osama bin Laden was mentioned."
    assert kinds(text) == {"Sudani": "unknown-name", "Osama": "unknown-name"}


def test_typo_of_a_word_the_article_capitalises_is_red_even_after_a_title():
    text = "Senator Clinton spoke first. Later, Senator Clinotn took questions."
    got = check_spelling(text)
    assert [(text[p.start:p.end], p.kind, p.suggestions[0]) for p in got] == [
        ("Clinotn", "misspelling", "Clinton")]


def test_doubled_letter_in_a_capitalised_run_is_a_typo():
    assert kinds("He joined the Supremme Court in May.") == {"Supremme": "misspelling"}


def test_capitalised_word_alone_near_a_word_is_a_typo():
    assert kinds("The plan was backed by Democratc lawmakers.") == {"Democratc": "misspelling"}


def test_plural_of_a_known_name_is_not_red():
    assert "misspelling" not in kinds("The Clintons and the Kennedys came.").values()


def test_short_name_is_not_taken_for_a_month_two_letters_away():
    # "Amar" is two edits from "May"; only one edit (Juy -> July) counts for short words
    assert kinds("Mr. Amar spoke.") == {"Amar": "unknown-name"}
    assert kinds("It happened in Juy last year.") == {"Juy": "misspelling"}


def test_handles_hashtags_and_domains_are_fine():
    assert kinds("As @nycsouthpawx noted on #debatenight, see readmoreplz.com today.") == {}


def test_dropped_g_before_an_apostrophe_is_fine():
    assert kinds("He called him Lyin' Ted and kept sayin’ it.") == {}


def test_hyphenated_prefixes_and_compounds_are_fine():
    assert kinds("A pre-election, un-American, pre-emptive and co-operative move.") == {}


def test_unknown_part_of_a_compound_is_still_flagged():
    assert kinds("A pre-elecshun move.") == {"elecshun": "misspelling"}


def test_speaker_words_near_a_common_word_are_not_taken_as_right():
    from desk.checks.spelling import likely_names

    assert likely_names({"Thay", "Wednssday", "Khatibzadeh", "Okonjo"}) == {"Khatibzadeh", "Okonjo"}


def test_typo_taken_for_a_speaker_is_still_flagged_through_the_engine():
    from desk.checks.engine import check_text

    text = "The vote was close. Thay said “we will fight on” and left."
    got = [(text[p.start:p.end], p.kind) for p in check_text(text).problems
           if p.kind == "misspelling"]
    assert got == [("Thay", "misspelling")]


def test_typo_opening_a_sentence_before_a_capitalised_word_is_red():
    text = "The vote was close. Wiht Maria Lopez in charge, nothing changed."
    assert kinds(text)["Wiht"] == "misspelling"


def test_short_surname_next_to_a_first_name_is_not_red():
    # "Baer" is "bear" with two letters swapped, "Vann" is "van" doubled
    text = "The lawyers Tom Baer and Lisa Vann disagreed."
    assert kinds(text) == {"Baer": "unknown-name", "Vann": "unknown-name"}


def test_typo_of_a_title_before_a_name_is_red():
    text = "The visit was led by Presidnet Alvarez and Governer Kimura."
    got = {text[p.start:p.end]: (p.kind, p.suggestions[:1]) for p in check_spelling(text)}
    assert got["Presidnet"] == ("misspelling", ("President",))


def test_suggestion_prefers_the_word_the_article_capitalises():
    # "Clinto" alone would get "Into" first; the article spells Clinton mid-sentence
    text = "We met Senator Clinton in May. Later we saw Clinto again."
    (p,) = [p for p in check_spelling(text) if text[p.start:p.end] == "Clinto"]
    assert p.kind == "misspelling" and p.suggestions[0] == "Clinton"
