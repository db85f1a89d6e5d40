"""What gets flagged, and as what."""

from __future__ import annotations

from desk.checks.spelling import check_spelling, suggest
from desk.model import Problem


def problems(text: str, **kw) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [(p.kind, p.severity, text[p.start:p.end], p.suggestions)
            for p in check_spelling(text, **kw)]


def test_misspelling_has_suggestions_best_first_at_most_five():
    text = "The goverment will recieve the report."
    got = check_spelling(text)
    assert [p.kind for p in got] == ["misspelling", "misspelling"]
    assert all(isinstance(p, Problem) and p.severity == "warning" for p in got)
    assert got[0].suggestions[0] == "government"
    assert got[1].suggestions[0] == "receive"
    assert all(1 <= len(p.suggestions) <= 5 for p in got)
    assert text[got[0].start:got[0].end] == "goverment"


def test_suggest_false_gives_no_suggestions():
    (p,) = check_spelling("They will recieve it.", suggest=False)
    assert p.kind == "misspelling" and p.suggestions == ()


def test_capitalised_typos_are_misspellings_not_names():
    text = "Resdients said the vote on Wendsday was moved to Febuary."
    got = problems(text)
    assert [(k, w, s[0]) for k, _, w, s in got] == [
        ("misspelling", "Resdients", "Residents"),
        ("misspelling", "Wendsday", "Wednesday"),
        ("misspelling", "Febuary", "February"),
    ]


def test_unknown_capitalised_word_mid_sentence_is_a_name_and_info():
    text = "The talks were led by Halbousi and Zelenskyy in the capital."
    got = problems(text)
    assert [(k, sev, w) for k, sev, w, _ in got] == [
        ("unknown-name", "info", "Halbousi"), ("unknown-name", "info", "Zelenskyy")]


def test_name_at_sentence_start_used_elsewhere_is_a_name():
    text = "The speaker was Halbousi. Halbousi said the vote would go ahead."
    assert {k for k, *_ in problems(text)} == {"unknown-name"}


def test_inconsistent_name_points_at_the_rarer_spelling():
    text = ("Prime Minister Kadhimi arrived on Monday. Aides to Kadhimi said the visit "
            "went well, and Kadhemi later left for Baghdad.")
    got = [p for p in check_spelling(text) if p.kind == "inconsistent-name"]
    assert len(got) == 1
    p = got[0]
    assert text[p.start:p.end] == "Kadhemi" and p.severity == "warning"
    assert p.suggestions == ("Kadhimi",)


def test_repeated_word():
    text = "The the committee met, and and then it said that that was that."
    got = [(text[p.start:p.end], p.suggestions) for p in check_spelling(text)
           if p.kind == "repeated-word"]
    assert got == [("The the", ("The",)), ("and and", ("and",))]


def test_repeated_word_not_across_paragraphs_or_in_compounds():
    assert [p for p in check_spelling("It ended in\n\nin a draw.") if p.kind == "repeated-word"] == []
    assert [p for p in check_spelling("A bye-bye wave.") if p.kind == "repeated-word"] == []


def test_news_vocabulary_is_known():
    text = ("Brinkmanship, a seditionist livestream, cryptocurrency scams, geopolitical "
            "risk, a cyberattack, the lockdown, influencers and whistleblowers.")
    assert problems(text) == []


def test_accepted_words_names_and_possessives():
    text = "Ngozi Okonjo-Iweala met Mr Xiyangyang; Okonjo-Iweala's aides and Xiyangyang’s staff."
    before = {w for _, _, w, _ in problems(text)}
    assert {"Ngozi", "Iweala", "Xiyangyang"} <= before
    after = problems(text, accepted=["Ngozi Okonjo-Iweala", "xiyangyang"])
    assert after == []


def test_personal_word_in_lower_case_is_accepted():
    text = "The report cites the zorbulation figures."
    assert [w for _, _, w, _ in problems(text)] == ["zorbulation"]
    assert problems(text, accepted={"zorbulation"}) == []


def test_misspelled_accepted_name_gets_it_as_a_suggestion():
    (p,) = check_spelling("Talks with Okonjo-Iwaela went on.", accepted=["Okonjo-Iweala"])
    assert p.kind == "misspelling"
    assert p.suggestions[0] == "Iweala"


def test_en_us_flags_british_spellings_with_the_american_form_first():
    text = "The colour of the programme was criticised."
    got = problems(text)
    assert [(w, s[0]) for _, _, w, s in got] == [
        ("colour", "color"), ("programme", "program"), ("criticised", "criticized")]


def test_en_gb_accepts_british_and_flags_american_spellings():
    assert problems("The colour of the programme was criticised.", language="en-GB") == []
    got = problems("The color of the center was criticized.", language="en-GB")
    assert [(w, s[0]) for _, _, w, s in got] == [
        ("color", "colour"), ("center", "centre"), ("criticized", "criticised")]
    # words that are right in both stay right
    assert problems("The computer program needs a licence and a license.", language="en_GB") == []


def test_capitalised_variant_keeps_its_case():
    got = problems("Colour matters.")
    assert got[0][2] == "Colour" and got[0][3][0] == "Color"


def test_suggest_api():
    assert suggest("recieve")[0] == "receive"
    assert suggest("Febuary")[0] == "February"
    assert suggest("colour")[0] == "color"
    assert suggest("color", language="en-GB")[0] == "colour"
    assert len(suggest("speling", limit=3)) <= 3
    assert suggest("") == []
