"""Constructions the plain cue finders miss (constructions.py): inverted verbs the lexicon
does not list, trailing credits that close a sentence with several quotations (credits on
lines of their own: test_attribution_labels.py). Every sentence is our own."""

import pytest

from desk.checks.attribution import analyse


def speakers(text):
    return [q.speaker for q in analyse(text).quotes]


def test_inverted_verb_not_in_the_lexicon():
    assert speakers("“This is wonderful!” beamed Lena Voss of Ardena, who had waited all day.") == ["Lena Voss"]
    assert speakers("“Who asked them?” reacted Omar Beck.") == ["Omar Beck"]


def test_inverted_verb_needs_a_name_ending_the_clause():
    # "ended Omar Beck's" is no credit: the name does not end the clause
    assert speakers("“Enough!” ended Omar Beck’s speech on a high note.") != ["Omar Beck"]


def test_name_after_article_and_adjective():
    assert speakers("“We will not move,” an angry Lena Voss grumbled.") == ["Lena Voss"]


def test_trailing_credit_closes_a_sentence_with_two_quotations():
    text = ("The guild found no “ties of any kind,” apart from a “casual” friendship, said the "
            "guild’s director, Lena Voss.")
    assert speakers(text) == ["Lena Voss", "Lena Voss"]


def test_quoted_as_saying_credits_who_is_quoted():
    assert speakers("“It is dead,” the Westby Courier quoted Omar Beck as saying.") == ["Omar Beck"]
    assert speakers("The Westby Courier quoted Omar Beck as saying the plan was “dead.”") == ["Omar Beck"]


def test_agent_of_a_passive_cue_speaks():
    assert speakers("The council was slammed by Omar Beck as “a bunch of cowards.”") == ["Omar Beck"]


def test_agent_after_the_quotation_of_a_passive_cue_speaks():
    assert speakers("The pier was called “a hazard” by Dana Holt.") == ["Dana Holt"]
    assert speakers("The levee was described as “a death trap” by Omar Beck, a farmer.") == ["Omar Beck"]


def test_a_work_cited_with_according_to_is_credited_to_its_author():
    text = "According to a report by engineers Dana Holt and Omar Beck, the pier was “badly built.”"
    assert speakers(text) == ["Dana Holt"]
    assert speakers("The dam is “at risk,” according to a report by the river authority.") == ["the river authority"]


def test_a_work_without_an_author_stays_the_source():
    assert speakers("The dam is “at risk,” according to a report released on Monday.") == ["a report released on Monday"]


def test_passive_cue_without_agent_names_nobody_nearby():
    # "was praised" has no agent: the council did not say it
    text = "The council was praised. “It is over.”"
    assert speakers(text) != ["The council"]


def test_name_and_topic_before_a_colon():
    assert speakers("Lena Voss, on the plan: “It will sink the port.”") == ["Lena Voss"]
    assert speakers("Lena Voss on the plan: “It will sink the port.”") == ["Lena Voss"]


def test_noun_cue_verdict():
    assert speakers("Lena Voss’s take: “It will sink the port.”") == ["Lena Voss"]


def test_conjunction_after_a_mid_sentence_quotation_starts_a_new_clause():
    text = "Lena Voss said she was “not done yet,” and Omar Beck agreed."
    assert speakers(text) == ["Lena Voss"]


def test_quotation_paragraph_after_a_sentence_about_a_person():
    assert speakers("Lena Voss, the guild chair, was blunt.\n\n“It will sink the port.”") == ["Lena Voss"]


def test_attribution_in_the_next_paragraph():
    assert speakers("“It will sink the port.”\n\nSo says Lena Voss, the guild chair.") == ["Lena Voss"]
    text = "“It will sink the port.”\n\nThat was the verdict of Lena Voss, the guild chair."
    assert speakers(text) == ["Lena Voss"]


def test_participle_after_a_possessive_takes_the_main_subject():
    # "Voss’s repeated attacks": "repeated" is an adjective after a possessive, not a cue
    text = ("The rally ended. Omar Beck, who farms near Westby, decried Lena Voss’s repeated attacks "
            "on the union, noting she has “never worked a day.”")
    assert speakers(text) == ["Omar Beck"]


def test_colon_clause_ending_in_a_prepositional_object():
    # the name before the colon is the object of "with" or "to": the clause's subject speaks
    text = ("The vote was close. Omar Beck praised the union, and contrasted the mayor, whom he called “slow,” "
            "with Lena Voss: “She is a steady hand.”")
    assert speakers(text)[-1] == "Omar Beck"
    text = "The vote was close. Omar Beck explained the plan to the weekly Harbour Post: “We built too fast.”"
    assert speakers(text) == ["Omar Beck"]


def test_subject_headed_by_a_noun_after_a_name_modifier():
    # "A Voss campaign ad": the ad speaks, not "A Voss campaign"
    assert speakers("The storm hit. A Voss campaign ad attacks Omar Beck as “soft on crime.”") == ["A Voss campaign ad"]


def test_subject_with_a_plural_head():
    text = "The storm hit. The two Westby mayors backed the “harbour first” plan on Monday."
    assert speakers(text) == ["two Westby mayors"]


def test_outlet_reports_with_a_colon_stays_the_speaker():
    text = "The count was slow.\n\nThe Westby Courier reports:\n\n“Only a quarter of the ballots were in by noon.”"
    assert speakers(text) == ["The Westby Courier"]


def test_credit_runs_past_a_quotation_in_the_appositive():
    text = ("The vote ended. “We have had better weeks,” Omar Beck, wearing a cap and a “Beck for Mayor” badge, "
            "said as the results came in.")
    assert speakers(text)[0] == "Omar Beck"


def test_subject_before_an_appositive_holding_a_title():
    text = "The vote ended. Kerry Lind, star of the film “Harbour Lights,” thanked the mayor for “keeping the docks open.”"
    assert speakers(text)[-1] == "Kerry Lind"


def test_capitalised_tweeted_after_an_appositive():
    text = "The vote ended. “Not us, but we like it!” Omar Beck, the head of the Westby fund, Tweeted on Friday."
    assert speakers(text) == ["Omar Beck"]


def test_noun_form_before_an_auxiliary_is_no_cue():
    # "messages were": a noun, not the verb "messages" crediting "The work"
    text = "The papers were sorted. “The rest were personal messages.” The work messages were made public."
    assert speakers(text) == [None]


def test_affirms_is_a_cue():
    assert speakers("The vote ended. Article 12 of the charter affirms: “No member shall be expelled.”") \
        == ["Article 12 of the charter"]


def test_any_speech_verb_with_that_reports_the_inner_speaker():
    text = "The race changed. Lena Voss announced that Omar Beck had called the plan “a farce.”"
    assert speakers(text) == ["Lena Voss"]


def test_a_statement_saying_reports_the_inner_speaker():
    text = "The race changed. Lena Voss issued a statement saying Omar Beck had called the plan “a farce.”"
    assert speakers(text) == ["Lena Voss"]


def test_speech_verb_without_that_before_a_name_is_no_report():
    # "praised Beck, who": a relative clause, not a report
    text = "The race changed. Lena Voss praised Omar Beck, who called the plan “a farce.”"
    assert speakers(text) == ["Omar Beck"]


def test_quotation_paragraph_after_a_sentence_with_an_opening_phrase():
    text = "The council met.\n\nAsked about the river, Anna Pohl was blunt.\n\n“It is dying. We have ten years.”"
    assert speakers(text) == ["Anna Pohl"]


def test_went_on_ending_a_sentence_is_no_cue():
    text = "The hearing ran late. Lena Voss spoke first. The meeting went on.\n\n“We need a vote.”"
    assert speakers(text) != ["The meeting"]
    text = "The hearing ran late. Lena Voss went on:\n\n“We need a vote.”"
    assert speakers(text) == ["Lena Voss"]


def test_a_slogan_is_a_noun_cue():
    assert speakers("The race changed. Lena Voss’s campaign slogan is “Harbour first.” Omar Beck has none.") \
        == ["Lena Voss"]


def test_noun_cue_owner_after_a_comma():
    assert speakers("The vote failed. The town, in Lena Voss's words, “lost its nerve.”") == ["Lena Voss"]


def test_post_credit_with_an_owner_before_the_name():
    assert speakers("The vote failed. “We will try again,” the Courier’s Ana Ruiz reports.") == ["Ana Ruiz"]
    # a noun phrase of its own before the form is still no credit
    assert speakers("The vote failed. “We will try again.” The Courier reports were wrong.") != ["Courier"]


def test_a_second_participle_shares_the_absolute_phrases_subject():
    text = ("Republicans were quick to chime in, with Lena Voss tweeting that it was a “disaster” "
            "for the mayor and asking, “How can someone with such bad judgement run the port?”")
    assert [q.speaker for q in analyse(text).quotes] == ["Lena Voss", "Lena Voss"]


def test_a_finding_owned_by_a_name_is_a_noun_cue():
    text = "The council met. Inspector Dana Holt’s conclusion that the pier was “badly neglected” stung."
    assert speakers(text) == ["Dana Holt"]


def test_to_quote_names_the_source_that_follows():
    assert speakers("To quote Dana Holt, “A pier is only as strong as its piles.”") == ["Dana Holt"]


def test_what_a_name_calls_something_is_that_name_s_words():
    assert speakers("Ana Ruiz mocked what Peter Lang calls his “state of the art” pumps.") == ["Peter Lang"]


def test_the_subject_of_a_passive_reporting_verb_heard_the_words():
    assert speakers("Holt was told by Ruiz that the pier was “rotten.”") == ["Ruiz"]
    assert speakers("Holt was asked by Ruiz, “Is the pier safe?”") == ["Ruiz"]


@pytest.mark.parametrize("text, who", [
    ("The Westby poll also finds that, while 37 percent of voters say the mayor is “very responsible” "
     "for the delays, 39 percent blame the council.", "The Westby poll"),
    ("A new harbour survey found that most dockers say the quays are “falling apart.”", "A new harbour survey"),
])
def test_a_poll_reports_what_the_people_it_asked_say(text, who):
    (q,) = analyse(text).quotes
    assert q.speaker == who


def test_a_finding_of_someone_who_is_no_poll_leaves_the_inner_speaker():
    text = "The inquiry team found that Omar Beck said the quays were “falling apart.”"
    (q,) = analyse(text).quotes
    assert q.speaker != "The inquiry team"


@pytest.mark.parametrize("text, who", [
    ("In a new Westby poll released Monday, 31 percent of voters said they were “extremely enthusiastic.”",
     "a new Westby poll released Monday"),
    ("In a harbour board survey, most dockers and some pilots said the quays were “falling apart.”",
     "a harbour board survey"),
])
def test_a_poll_opening_the_sentence_reports_who_it_asked(text, who):
    (q,) = analyse(text).quotes
    assert q.speaker == who


def test_an_opening_phrase_that_is_no_poll_leaves_the_speaker():
    text = "In a speech on Monday, Omar Beck said the quays were “falling apart.”"
    (q,) = analyse(text).quotes
    assert q.speaker == "Omar Beck"
