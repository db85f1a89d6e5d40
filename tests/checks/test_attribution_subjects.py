"""What stands between a subject and its cue (subjects.py, clauses.py): time adverbials,
appositives left open, relative clauses, places, statements someone issued, clauses joined
by a conjunction. Every sentence is our own."""

import pytest

from desk.checks.attribution import analyse
from desk.checks.attribution.subjects import speaker_before


def speakers(text):
    return [q.speaker for q in analyse(text).quotes]


def before(text, verb):
    return speaker_before(text, 0, text.index(verb))


@pytest.mark.parametrize("text", [
    "The senator on Tuesday accused the council of “betraying the docks.”",
    "Omar Beck late on Friday told the council that “nothing is settled.”",
    "Omar Beck last week warned that the docks were “close to ruin.”",
    "Omar Beck in a statement said the plan was “a disaster.”",
])
def test_time_adverbial_between_subject_and_cue(text):
    (q,) = analyse(text).quotes
    assert q.speaker in ("Omar Beck", "The senator")
    assert "Tuesday" not in q.speaker and "week" not in q.speaker


def test_open_appositive_keeps_the_name_before_it():
    sp = before("Omar Beck, chairman of the Harbour League said", " said")
    assert sp.name == "Omar Beck"
    assert sp.title == "chairman of the Harbour League"


def test_open_appositive_with_possessive():
    sp = before("Lena Voss, chairwoman of Ardena's river guild stated", " stated")
    assert sp.name == "Lena Voss"


def test_open_appositive_only_for_a_name_opening_the_clause():
    # the name is the object of "met": the organisation stays the nearest subject
    sp = before("The mayor met Omar Beck, chairman of the Harbour League said", " said")
    assert sp.name == "Harbour League"


def test_relative_clause_left_open():
    sp = before("Omar Beck, who is chairman of the Harbour League said", " said")
    assert sp.name == "Omar Beck"


def test_opening_place_phrase_is_not_a_post_modifier():
    text = ("In a panel discussion this weekend in Westby, Omar Beck, the chief executive of "
            "the Harbour League, forcefully told a student that “voting matters.”")
    assert speakers(text) == ["Omar Beck"]


def test_place_after_a_name_is_still_skipped():
    assert before("Lena Voss of Ardena, Westshire says", " says").name == "Lena Voss"


@pytest.mark.parametrize("verb", ["retweeted", "shared", "forwarded"])
def test_issuer_of_a_post_speaks(verb):
    text = f"Omar Beck {verb} a post calling the plan “a disaster.”"
    assert speakers(text) == ["Omar Beck"]


def test_issuer_of_an_emailed_article_speaks():
    text = ("The guild, in its weekly newsletter, emailed a news article reporting that the docks "
            "were “out of money.”")
    assert speakers(text) == ["The guild"]


def test_subject_before_a_relative_clause_holding_a_quotation():
    text = "Lena Voss, who wore a cape reading “Docks Forever”, shouted, “We will win!”"
    assert speakers(text)[-1] == "Lena Voss"


def test_coordinated_verbs_take_the_last_clause_subject():
    text = ("The guild welcomed the news, and the harbour union strongly denounced the plan and "
            "said it would “fight it.”")
    assert speakers(text) == ["the harbour union"]


def test_quoted_fragment_takes_its_own_clause_subject():
    text = ("Omar Beck on Monday signed an order, while Lena Voss, the harbour master, proposed we "
            "“close the gates” at night.")
    assert speakers(text) == ["Lena Voss"]


def test_clause_after_a_dash_and_but():
    text = "Beck proposed a debate - but the Voss campaign rejected the idea as “silly.”"
    assert speakers(text) == ["the Voss campaign"]


def test_fronted_name_before_an_open_appositive():
    text = ("Lena Voss, a former harbour pilot for the Westby port has written a book in which she "
            "calls the mayor “a pirate.”")
    assert speakers(text) == ["Lena Voss"]


def test_who_signed_a_letter_wrote_its_words():
    assert speakers("A letter signed by Omar Beck called the plan “dead.”") == ["Omar Beck"]


def test_who_obtained_a_letter_did_not_write_it():
    text = "A letter from the guild obtained by the Westby Courier calls the plan “dead.”"
    assert speakers(text) != ["Westby Courier"]


def test_name_after_a_descriptor_with_a_place():
    text = "“It is dead,” the harbour master of Westby, Omar Beck, said."
    assert speakers(text) == ["Omar Beck"]


def test_early_in_opens_a_sentence():
    text = "Early in the race, Omar Beck attacked Lena Voss, calling her “a failed candidate.”"
    assert speakers(text) == ["Omar Beck"]


def test_name_before_an_appositive_holding_a_title():
    text = ("Lena Voss, the author of “Wide Water,” about the port, said the days when the town had "
            "“one story” are gone.")
    assert speakers(text)[-1] == "Lena Voss"


def test_previous_sentence_after_a_programme_name():
    text = ("On “Harbour Hour,” Sen. Lena Voss (W), who lost the race to Beck, praised the crews. "
            "“They kept the port alive.”")
    assert speakers(text)[-1] == "Lena Voss"


def test_opening_connective_is_not_a_fronted_name():
    text = "Likewise, a paper from the Westby Institute had this to say about the plan: “It will not work.”"
    assert speakers(text) == ["a paper from the Westby Institute"]


@pytest.mark.parametrize("text", [
    "Mayor Tom Hale spoke on Monday. A week later, he visited the port and said, “We will rebuild.”",
    "Mayor Tom Hale spoke on Monday. Ten years ago, he backed the plan and said, “It works.”",
    "Mayor Tom Hale spoke on Monday. Somewhere in the speech, he mentioned “the lost years.”",
])
def test_an_opening_time_or_place_phrase_is_not_the_subject(text):
    (q,) = analyse(text).quotes
    assert q.speaker == "Tom Hale"
    assert q.mention == "he"


@pytest.mark.parametrize("text", [
    "Outside the old hall in Westby, the mayor, Ana Ruiz, told the crowd, “We stay.”",
    "Inside the old hall, Ana Ruiz told the crowd, “We stay.”",
])
def test_an_opening_place_phrase_is_not_the_speaker(text):
    assert speakers(text) == ["Ana Ruiz"]


@pytest.mark.parametrize("text", [
    "Ana Ruiz spoke at noon. Yet she did not limit her attacks to the port, also calling on the council "
    "to end “the madness.”",
    "Ana Ruiz left the room. When she returned she began by saying, “I do not think it is necessary.”",
])
def test_a_subject_right_after_an_opening_word_without_a_comma(text):
    (q,) = analyse(text).quotes
    assert q.speaker == "Ana Ruiz" and q.mention == "she"


def test_a_gerund_after_by_takes_the_clauses_pronoun_subject():
    # no comma after the opening "On Monday": the pronoun is still the subject, not the object
    text = ("Ana Ruiz spoke at noon. On Monday she published the results of her study by announcing "
            "that the plan was “a failure.”")
    (q,) = analyse(text).quotes
    assert q.speaker == "Ana Ruiz" and q.mention == "she"


@pytest.mark.parametrize("text", [
    "He said that Mr. Lind had at last described",
    "He said that Mr. Lind at last described",
])
def test_at_last_between_subject_and_cue(text):
    sp = before(text, " described")
    assert sp.name == "Lind"


def test_a_count_opening_a_subject_is_not_an_introductory_phrase():
    assert speakers("Around 200 protesters, many of them students, chanted “No more.”") == ["Around 200 protesters"]


def test_a_long_title_before_the_subject_is_part_of_it():
    text = ("Lang spoke. Former Democratic county commissioner candidate Omar Beck laid out his objection "
            "to the Courier: “The pier is unsafe.”")
    assert speakers(text) == ["Omar Beck"]


def test_a_closing_mark_run_into_the_next_sentence_ends_the_sentence():
    from desk.checks.attribution.cues import sentence_starts

    text = "“The pies are made in Dover!”Former mayor Omar Beck was not amused."
    assert sentence_starts(text, 0, len(text)) == [0, text.index("Former")]


def test_an_appositive_ending_inside_a_title_keeps_the_name_as_subject():
    text = "Peter Lang, the harbour master and former host of the radio show “The Pier,” named his favourite song: “Low Tide.”"
    assert speakers(text)[-1] == "Peter Lang"


def test_the_object_of_a_relative_clause_is_not_the_subject():
    assert speakers("The veteran organiser, who backs Ruiz, predicted a “bitter” winter for the docks.") \
        == ["The veteran organiser"]


def test_a_member_named_after_including_is_not_the_group_s_name():
    assert speakers("Peter Lang’s critics, including Ana Ruiz, have called the pier “a hazard.”") \
        == ["Peter Lang’s critics"]


def test_a_time_noun_opening_the_sentence_is_no_subject_before_a_phrase():
    assert before("Weeks after Lang spoke, Ruiz", "spoke").name == "Lang"


def test_a_name_coordinated_with_a_described_partner_leads_the_subject():
    assert speakers("Ana Ruiz and her husband, Omar Beck, said the pier was “rotten.”") == ["Ana Ruiz"]
    assert speakers("Ana Ruiz’s husband, Omar Beck, said the pier was “rotten.”") == ["Omar Beck"]


@pytest.mark.parametrize("text", [
    "Beck, a Westby native who writes plays on the side (one is about a contest “where the loser sings”), ran the port.",
    "Beck, an Ardena lawyer, urged the council to “think again.”",
])
def test_appositive_with_a_capitalised_modifier_leaves_the_name_the_subject(text):
    # the place in "a Westby native" is no speaker
    assert speakers(text) == ["Beck"]


@pytest.mark.parametrize("text", [
    "Omar Beck this week again called the plan “dead.”",
    "Omar Beck last month in Westby called the plan “dead.”",
])
def test_time_adverbial_with_an_adverb_or_a_place_after_it(text):
    assert speakers(text) == ["Omar Beck"]


def test_a_statement_released_by_someone_is_their_words():
    assert speakers("A statement released by Lena Voss called the plan “unworkable.”") == ["Lena Voss"]


def test_a_letter_obtained_by_a_paper_is_not_the_papers_words():
    assert speakers("A letter obtained by the Westby Courier calls the plan “unworkable.”") != ["the Westby Courier"]
