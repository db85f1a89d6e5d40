"""Reading a speaker phrase forwards (following.py). Every phrase is our own."""

import pytest

from desk.checks.attribution import analyse
from desk.checks.attribution.following import speaker_after


def read(text):
    return speaker_after(text, 0, len(text))


@pytest.mark.parametrize("text, name, kind", [
    ("Ana Ruiz, a hydrologist at the river authority.", "Ana Ruiz", "person"),
    ("the port's deputy manager, Lena Voss, said", "Lena Voss", "person"),
    ("a longtime adviser to Omar Beck, who declined to be named.", "a longtime adviser to Omar Beck", "anonymous"),
    ("the Westby medieval-history graduate ended her speech", "the Westby medieval-history graduate", "anonymous"),
    ("An advert from the guild attacks the councillors", "An advert from the guild", "anonymous"),
    ("The Voss advert hits Beck for taking money", "The Voss advert", "anonymous"),
    ("Her chief policy aide, Omar Beck, calls", "Omar Beck", "person"),
])
def test_phrase_read_forwards(text, name, kind):
    sp = read(text)
    assert (sp.name, sp.kind) == (name, kind)


def test_appositive_name_keeps_the_role_as_title():
    assert read("Her chief policy aide, Omar Beck, calls").title == "Her chief policy aide"


def test_an_answer_is_a_copy():
    a = read("Ana Ruiz, a hydrologist.")
    a.title = "changed"
    assert read("Ana Ruiz, a hydrologist.").title != "changed"


@pytest.mark.parametrize("text, want", [
    ("Justice Ada Lind spoke. In three interviews, the justice sounded off on the plan, "
     "saying she did not “want to contemplate” it.", "Ada Lind"),
    ("Ana Ruiz spoke. In an interview, the mayor lashed out at the plan, saying it was “a disgrace.”", "the mayor"),
])
def test_a_phrasal_verb_ends_a_descriptor(text, want):
    (q,) = analyse(text).quotes
    assert q.speaker == want


@pytest.mark.parametrize("text, name", [
    ("Her former partner at Avalon, Peter B. Sand, called", "Peter B. Sand"),
    ("The guild’s Westshire state director, Mike Rowe, wrote", "Mike Rowe"),
])
def test_a_full_name_apposed_to_a_descriptor_ending_in_a_name(text, name):
    assert read(text).name == name


@pytest.mark.parametrize("text, name", [
    ("His rival at Avalon, Peter Sand, and the mayor said", "Avalon"),  # a list, not an appositive
    ("Officials in Westby, Ohio, said", "Officials"),
])
def test_no_apposed_name_in_a_list_or_a_place(text, name):
    assert read(text).name == name


def test_the_apposed_name_speaks_the_next_sentence():
    text = ("Her former partner at Avalon, Peter B. Sand, called her a master at deals. "
            "“She showed again and again an ability to close.”")
    (q,) = analyse(text).quotes
    assert q.speaker == "Peter B. Sand"


def test_a_verb_ending_the_sentence_after_a_name_is_not_part_of_the_phrase():
    from desk.checks.attribution import analyse

    assert [q.speaker for q in analyse("The pier is “a hazard,” Holt believes.").quotes] == ["Holt"]
    assert [q.speaker for q in analyse("“We will rebuild,” said Dover officials.").quotes] == ["Dover officials"]


@pytest.mark.parametrize("text, want", [
    ("“We will lose the county,” said one Democrat familiar with the campaign's plans.",
     "one Democrat familiar with the campaign's plans"),
    ("“We will lose the county,” said a Republican close to the governor.", "a Republican close to the governor"),
])
def test_a_party_member_with_an_adjective_phrase_is_one_descriptor(text, want):
    (q,) = analyse(text).quotes
    assert q.speaker == want


@pytest.mark.parametrize("text, want", [
    ("One operative inside the Beck campaign tried to play down the remarks, saying they were “not a big deal.”",
     "One operative inside the Beck campaign"),
    ("A source inside the harbour board said the remarks were “not a big deal.”", "A source inside the harbour board"),
    ("“It is not a big deal,” said one aide inside the Beck campaign.", "one aide inside the Beck campaign"),
])
def test_a_descriptor_inside_a_body_keeps_its_head(text, want):
    # "inside" is a preposition like "in": the body is where the source works, not the speaker
    (q,) = analyse(text).quotes
    assert q.speaker == want


def test_a_name_modifying_the_head_after_a_possessive_keeps_the_head():
    assert read("Beck's Facebook page").name == "Beck's Facebook page"


def test_a_title_after_a_possessive_still_leads_to_the_name():
    text = "“It is a mess,” said Beck's Westby director Mara Quell."
    (q,) = analyse(text).quotes
    assert q.speaker == "Mara Quell"


def test_a_past_tense_between_two_names_is_a_verb_not_a_role():
    # "Lena Voss met Omar Beck": not "Omar Beck" with the title "Lena Voss met"
    assert read("Lena Voss met Omar Beck").name == "Lena Voss"
    text = "Lena Voss met Omar Beck on Tuesday and called the plan “unworkable.”"
    (q,) = analyse(text).quotes
    assert q.speaker == "Lena Voss"


def test_a_role_between_a_name_and_a_name_still_reads_as_a_title():
    assert read("Voss aide Omar Beck").name == "Omar Beck"


@pytest.mark.parametrize("text, want", [
    ("Lena Voss's campaign manager said", "Lena Voss's campaign manager"),
    ("Lena Voss's Facebook page says", "Lena Voss's Facebook page"),
    ("Sen. Lena Voss's aide said", "Lena Voss's aide"),
])
def test_a_full_names_possessive_opens_a_descriptor(text, want):
    # not "Lena": the possessive ends a two-word name
    assert read(text).name == want


def test_a_verb_often_a_noun_between_two_names_is_no_title():
    assert speakers_of("Lena Voss attacks Omar Beck as “a rubber stamp.”") == ["Lena Voss"]


def speakers_of(text):
    return [q.speaker for q in analyse(text).quotes]


@pytest.mark.parametrize("text", [
    "Lena Voss thinks Omar Beck is “unfit.”",
    "Lena Voss wants Omar Beck to “get out of the race.”",
    "Lena Voss expects Omar Beck to “do the right thing.”",
])
def test_a_present_tense_verb_between_two_names_is_no_title(text):
    assert speakers_of(text) == ["Lena Voss"]


def test_a_plural_role_after_a_name_still_heads_the_phrase():
    assert read("Voss supporters Omar Beck and Ana Ruiz").name == "Voss supporters"
