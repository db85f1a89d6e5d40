"""One example sentence of our own per finder and noun-phrase rule of the pipeline."""

import pytest

from desk.checks.attribution import analyse


def speakers(text):
    return [q.speaker for q in analyse(text).quotes]


@pytest.mark.parametrize("text, want", [
    # any verb after a quotation ending with a comma
    ("“You are all wrong about the harbour,” Okafor barked.", "Okafor"),
    # a noun cue with its owner
    ("The council rejected her allegation of a “rigged” tender.", "her"),
    # the clause right before a colon, not the sentence's subject
    ("The port agreed, with harbour master Lena Voss warning the crews: “Stay in the bay.”", "Lena Voss"),
    # nested attribution: the reporting speaker
    ("At one point, Ana Ruiz said harbour managers were calling “every ten minutes.”", "Ana Ruiz"),
    # a parenthetical credit
    ("The plan, Omar Haddad said, was “dead on arrival.”", "Omar Haddad"),
    # an absolute phrase
    ("The union backed the mayor, with the Dock Workers Guild calling her “our champion.”", "Dock Workers Guild"),
    # a trailing credit after more words
    ("“It will not pass” if the vote is held today, said Piet Maas, a councillor.", "Piet Maas"),
    # an inverted credit opening the sentence
    ("Said Ana Ruiz, who runs the clinic, “We are ready.”", "Ana Ruiz"),
    # a roundup line's label
    ("Polls tighten - Lena Voss: “Keep calling voters until the last day.”", "Lena Voss"),
    # a relative clause's antecedent
    ("Beck, who has long described the plan as “a menace,” spoke at noon.", "Beck"),
    # the agent of a participle is not the subject
    ("A letter from the Harbour Guild obtained by The Evening Courier warns that “any contact will be through our lawyer.”",
     "A letter from the Harbour Guild"),
    # a dash interrupter between subject and cue
    ("On Friday, Okafor — named by the paper as the favourite — told the radio that “it is open.”", "Okafor"),
    # an appositive name after a descriptor
    ("“We are ready,” said the port's deputy manager, Rich Beeson, who ran the docks.", "Rich Beeson"),
    # a compound head noun does not cut the descriptor short
    ("“We start at dawn,” said Voss’s deputy campaign manager, Rich Beeson.", "Rich Beeson"),
    # a name and a group noun: the noun is the head
    ("Voss supporters are crying “fraud” over the count.", "Voss supporters"),
    # "issued a statement" is a cue
    ("The Harbour Guild issued a statement calling the closure “a disgrace.”", "Harbour Guild"),
    # who put out a letter or an ad campaign speaks, with the addressee or a date between
    ("Ana Ruiz sent Peter Lang a letter demanding “a full account” of the costs.", "Ana Ruiz"),
    ("The Dover Fund launched a radio campaign on Tuesday praising Ruiz for her “steady hand.”", "Dover Fund"),
    # a Title-Case summary line
    ("Ana Ruiz Says The Dam Will Hold: “We tested it twice.”", "Ana Ruiz"),
    # an upper-case headline line of a roundup
    ("Intro.\n\nHOW THE HARBOUR WAS SAVED “The tide turned in May.” [Courier.]", "HOW THE HARBOUR WAS SAVED"),
    # a quotation signed on the next line
    ("“We need the bridge.”\n\n—Lena Voss, Ardena.", "Lena Voss"),
    # a weekday inside a descriptor
    ("“There is more spine in a jellyfish,” reads a Wednesday editorial in The Evening Courier.",
     "a Wednesday editorial in The Evening Courier"),
    # a long appositive between the subject and its verb
    ("Lena Voss, the harbour master who has run the port since the floods and the strike of the dockers, "
     "enjoys “quiet Sundays.”", "Lena Voss"),
    # "of City, Region" is where the speaker is from, not the speaker
    ("Lena Voss of Ardena, Westshire says the ferry will keep “running on time.”", "Lena Voss"),
    # a trailing "told" names the hearer, so the speaker before it stands
    ("“It is pushed by the papers,” Piet Maas, a director at the centre, told The Evening Courier.", "Piet Maas"),
    # a transcript label
    ("“OKAFOR: We will not sign.”", "Okafor"),
])
def test_finder_names_the_speaker(text, want):
    got = speakers(text)
    assert got and want in (got[0] or ""), got


def test_a_quotation_before_another_across_and_takes_its_cue():
    text = "Guns are “a crisis” and “a disgrace,” Lena Voss told the meeting."
    assert speakers(text) == ["Lena Voss", "Lena Voss"]


def test_it_said_resolves_to_the_last_body_named():
    text = ("“Nothing is settled,” the harbour authority said on Monday.\n\n"
            "“The season was the worst in a decade,” it said.")
    assert speakers(text) == ["the harbour authority", "the harbour authority"]


def test_the_title_resolves_to_the_most_recent_holder():
    text = ("Governor Ana Ruiz met Governor Omar Haddad in March. Later, Governor Piet Maas arrived.\n\n"
            "“We have a deal,” the governor said.")
    assert speakers(text) == ["Piet Maas"]


def test_library_source_seeds_the_full_name():
    from desk.model import SourceRef

    text = "“The bridge stays closed,” Kadhimi said."
    (q,) = analyse(text, [SourceRef(id=7, name="Mustafa al-Kadhimi", aliases=("Kadhimi",))]).quotes
    assert q.source_id == 7
    assert q.speaker == "Mustafa al-Kadhimi"  # the entity the library knows, not the bare surname


def test_a_cue_word_used_as_a_noun_does_not_name_the_speaker_of_a_gerund():
    # "note" is a noun here; who sounded it speaks
    text = "Ana Ruiz spoke at noon. She sounded a rare note of doubt, saying, “I am not sure.”"
    (q,) = analyse(text).quotes
    assert q.speaker == "Ana Ruiz" and q.mention == "She"


def test_a_gerund_after_a_comma_takes_the_last_clauses_subject():
    text = "Omar Beck won the vote. The plan stalled, and he has battled with the guild, at one point calling the chief a “liar.”"
    (q,) = analyse(text).quotes
    assert q.speaker == "Omar Beck" and q.mention == "he"


def test_according_to_in_the_next_sentence_is_not_a_credit():
    text = ("The board’s chair, Ana Ruiz, gave one answer: “We will not comment.” "
            "The board meets in a former bank, according to its website.")
    (q,) = analyse(text).quotes
    assert q.speaker == "Ana Ruiz"


@pytest.mark.parametrize("text", [
    "And, Peter Lang tells the crowd, he has been known to be “blunt” and “tough” in his home state of Westshire.",
    "Peter Lang, the longest-serving member of the council, argued in a letter to the board on Monday that "
    "the ruling was only “partial,” meaning it protected them from any criminal charges.",
])
def test_a_noun_like_cue_after_a_preposition_or_a_participle_is_no_credit(text):
    quotes = analyse(text).quotes
    assert quotes and all(q.speaker == "Peter Lang" for q in quotes)


def test_a_participle_after_while_has_no_subject_and_an_ing_adjective_is_no_cue():
    text = ("And last summer, while touring the Westby Harbour Days fair, Omar Beck calls "
            "a screaming Ruiz a “fascist.”")
    (q,) = analyse(text).quotes
    assert q.speaker == "Omar Beck"


@pytest.mark.parametrize("verb", ["bemoaned", "lambasted", "rebuked", "mentioned", "deplored"])
def test_more_speech_verbs_make_a_cue(verb):
    text = f"Ana Ruiz spoke first. Later, Peter Lang {verb} the “endless delays” at the port."
    (q,) = analyse(text, explain=True).quotes
    assert q.speaker == "Peter Lang" and q.cue == verb


def test_a_second_coordinated_speech_verb_shares_the_first_ones_subject():
    text = ("The worry about the port was underscored Wednesday when Mayor Ana Ruiz of Westby lamented "
            "the “sad” state of the docks and criticized the “empty promises” of the board.")
    assert speakers(text) == ["Ana Ruiz", "Ana Ruiz"]


def test_a_new_clause_after_a_quotation_has_its_own_subject():
    assert speakers("Lang calls the mayor “Ana,” while Ruiz refers to him as “Mr. Lang.”") == ["Lang", "Ruiz"]


def test_what_befalls_the_subject_of_a_new_clause_is_not_its_words():
    text = ("Ana Ruiz said the debate was “uplifting” and Lang was hurt by going “personally, "
            "just in the gutter” against his rival.")
    assert speakers(text) == ["Ana Ruiz", "Ana Ruiz"]


def test_spoke_is_a_cue_for_the_quotation_paragraph_after_it():
    text = ("Peter Lang was interviewed on Monday.\n\n"
            "What he means is left to the voters, since Lang spoke only in vague phrases.\n\n"
            "“We have to be a lot tougher on the river.”\n")
    assert speakers(text) == ["Peter Lang"]


@pytest.mark.parametrize("text", [
    "“I am satisfied with his answer,” Omar Beck said after Lang spoke. “My worry is the levee.”",
    "“Our progress is on the ballot,” Omar Beck said at the dinner, where Lang also spoke. “Justice is too.”",
])
def test_spoke_with_nothing_after_it_is_no_cue(text):
    assert speakers(text) == ["Omar Beck", "Omar Beck"]


def test_a_noun_like_form_after_a_name_and_before_that_is_a_cue():
    text = ("Omar Beck said the poll was late. The Westby Institute notes that the surveys it studied "
            "are not “monolithic,” with some doing better.")
    assert speakers(text) == ["The Westby Institute"]


def test_talked_up_is_a_cue():
    text = "Omar Beck said the town was ready. Ana Ruiz talked up her “fifty-town plan,” promising to visit each one."
    assert speakers(text) == ["Ana Ruiz"]


@pytest.mark.parametrize("text, want", [
    ("Omar Beck said the claim was wrong. The Harbour Court then ruled that his statement was “true.”",
     "The Harbour Court"),
    ("Omar Beck said the poll was late. A Westby Institute study found that wages were “flat.”",
     "A Westby Institute study"),
])
def test_a_verdict_with_that_is_a_cue(text, want):
    assert speakers(text) == [want]


def test_a_noun_like_cue_after_an_adjective_is_a_noun():
    text = ("At the debate, Ana Ruiz cited Lang’s past names for the judge, “Miss Gavel” and “Miss Bench,” "
            "as examples of Lang’s disrespectful comments about women.")
    assert speakers(text) == ["Ana Ruiz", "Ana Ruiz"]


def test_said_yes_after_a_quotation_does_not_credit_it():
    text = ("Kevin was drifting off again, and as Lang went on about “how the port is rigged,” and "
            "“wounded fishing families,” Mara said yes, over and over again.")
    assert speakers(text) == ["Lang", "Lang"]


@pytest.mark.parametrize("label, speaker", [
    ("Lena Voss:", "Lena Voss"),
    ("Lena Voss, in an interview:", "Lena Voss"),
    ("Read Lena Voss’s full statement below:", "Lena Voss"),
])
def test_a_label_paragraph_before_a_quotation_paragraph_names_its_speaker(label, speaker):
    from desk.checks.attribution import analyse

    text = f"{label}\n\n“The ferry will keep running. We built it to last.”"
    assert [q.speaker for q in analyse(text).quotes] == [speaker]


@pytest.mark.parametrize("text, who", [
    ("All this has led Mara Quell to fear a “lost decade” for the port.", "Mara Quell"),
    ("The vote prompted Omar Beck to call the deal “a betrayal.”", "Omar Beck"),
    ("Lena Voss led the dockers' union to denounce the board as “cowards.”", "the dockers' union"),
    ("The ruling has led the Westby harbour master Omar Beck to warn of “empty quays.”", "Omar Beck"),
])
def test_who_is_made_to_speak_is_the_speaker(text, who):
    # "led X to call …": X says the words, not the subject of "led"
    (q,) = analyse(text).quotes
    assert q.speaker == who


def test_made_to_speak_gives_way_to_a_later_cue():
    text = "The vote prompted Omar Beck to call Lena Voss, who said the deal was “a betrayal.”"
    (q,) = analyse(text).quotes
    assert q.speaker == "Lena Voss"


@pytest.mark.parametrize("text, who", [
    ("Article 12 reads: “No levy shall be raised without a vote of the towns.”", "Article 12"),
    ("The harbour charter states: “The quays belong to the towns.”", "The harbour charter"),
])
def test_a_form_often_a_noun_before_a_colon_and_the_quotation_is_a_verb(text, who):
    (q,) = analyse(text).quotes
    assert q.speaker == who


def test_related_that_is_a_verb_of_saying():
    text = "The ferryman related that the idea had come to him in a dream. “I saw the gates open.”"
    (q,) = analyse(text).quotes
    assert q.speaker == "The ferryman"


def test_related_to_is_no_verb_of_saying():
    text = "The delays are related to the storm. Omar Beck called the port “a shambles.”"
    (q,) = analyse(text).quotes
    assert q.speaker == "Omar Beck"


@pytest.mark.parametrize("noun", ["rallying cry of", "phrase,", "term,", "swipe at the", "praise for the",
                                  "case for", "vision of", "dismissal of the plan as"])
def test_more_noun_cues_with_their_owner(noun):
    text = f"Dockers cheered Lena Voss's {noun} “a new port.”"
    assert speakers(text) == ["Lena Voss"]


@pytest.mark.parametrize("verb", ["likes to call", "referred to as", "has called"])
def test_what_someone_calls_with_an_auxiliary(verb):
    assert speakers(f"Dockers cheered what Lena Voss {verb} “a new port.”") == ["Lena Voss"]
