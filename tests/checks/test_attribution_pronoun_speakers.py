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


def test_a_descriptor_set_off_after_a_name_is_that_person():
    text = ("“We are ready,” said Lena Marsh, the guild's chief strategist, who added that her "
            "group would focus on issues “like the price of bread.”")
    q = analyse(text).quotes[-1]
    assert q.speaker == "Lena Marsh"
    assert q.mention == "the guild's chief strategist"  # the speaker as written stays


def test_a_descriptor_after_now_set_off_after_a_name_is_that_person():
    text = ("Voss has clashed with Karl Brand, now the council leader, who in 2010 said the "
            "town's goal was to stay “small and proud.”")
    assert analyse(text).quotes[0].speaker == "Karl Brand"


def test_a_subject_after_an_opening_clause_is_no_apposition():
    text = "As Voss attacked Karl Brand, the crowd chanted “Out!” and waved flags."
    q = analyse(text).quotes[0]
    assert q.speaker != "Karl Brand"


def test_an_as_aside_credits_the_clause_before_it_not_the_quotation_after_it():
    text = ("At the forum, Mark Voss was on the defensive. He mocked his rivals and assured the "
            "crowd that he is not tired - as Lang has said - and he can “guarantee” a win.")
    assert analyse(text).quotes[0].speaker == "Mark Voss"


def test_an_as_clause_opening_the_sentence_still_credits_its_speaker():
    text = "Mark Voss spoke first. As Lang said, “We will win this one.”"
    assert analyse(text).quotes[0].speaker == "Lang"


def test_a_subject_first_credit_closing_the_sentence_credits_a_fragment_before_it():
    text = ("Lena Marsh on Tuesday became the first woman to lead the guild.\n\n"
            "Members had “put the biggest dent” yet in the old rules for women, she said in a "
            "video message to the meeting.")
    q = analyse(text).quotes[0]
    assert q.mention == "she" and q.speaker == "Lena Marsh"


def test_a_closing_credit_with_a_reported_clause_after_it_is_no_credit():
    text = ("Lena Marsh on Tuesday became the first woman to lead the guild.\n\n"
            "Members had “put the biggest dent” yet in the old rules, she said Karl Brand would go.")
    assert analyse(text).quotes[0].mention != "she"


def _candidates(text, n=0):
    return [(c["speaker"], c["how"]) for c in analyse(text, explain=True).explain[n]["candidates"]]


def test_a_bare_verb_after_an_auxiliary_reports_a_nested_quotation():
    text = ("The harbour charter makes no mention of tolls, although it does say that the "
            "port agrees to “keep the river open.”")
    assert ("it", "outer") in _candidates(text)


def test_it_speaking_after_a_document_opening_its_sentence_is_that_document():
    text = ("The mayor read the letter twice. The harbour charter makes no mention of tolls, "
            "although it says the port must “keep the river open.”")
    q = analyse(text).quotes[0]
    assert q.mention == "it" and q.speaker == "The harbour charter"


def test_a_verb_before_no_ends_a_descriptor_subject():
    text = "The Westby harbour charter makes no mention of tolls."
    sp = subject_at_start(text, 0, len(text))
    assert sp is not None and sp.name == "The Westby harbour charter"


def test_a_thing_named_by_a_participle_is_not_the_speaker():
    text = ("Lawmakers from both parties attacked the merger on Monday. They slammed the tax "
            "loophole called an “inversion,” in which a firm moves abroad.")
    assert analyse(text).quotes[0].mention == "They"


def test_a_person_who_called_something_a_name_still_speaks():
    text = "The harbour master called “a disgrace” the state of the east quay."
    assert analyse(text).quotes[0].mention == "The harbour master"


def test_a_quotation_after_a_sentence_about_a_person_by_role_is_theirs():
    text = "Judge Ada Brill read the file on Monday.\n\nThe judge then turned to me. “Mr. Lang?”"
    q = analyse(text).quotes[0]
    assert q.mention == "The judge" and q.speaker == "Ada Brill"


def test_a_quotation_after_a_sentence_about_a_thing_is_nobodys_by_that_rule():
    text = "The judge read the file. The file then fell to the floor. “Mr. Lang?”"
    assert analyse(text).quotes[0].mention != "The file"


def test_a_noun_cue_with_a_capitalised_modifier_keeps_its_owner():
    text = ("Lena Marsh wants the votes of dock workers.\n\n"
            "The guild is unlikely to back Marsh after her March comment that, "
            "“We are going to close a lot of docks.”")
    q = analyse(text).quotes[0]
    assert q.mention == "her" and q.speaker == "Lena Marsh"


def test_he_after_a_kin_description_opening_the_sentence_before_is_that_person():
    text = ("Omar Beck, the union's president, said his members were “furious.”\n\n"
            "“Nobody asked us,” said Lena Marsh, a teacher.\n\n"
            "Her husband, a retired pilot, agreed. “It is a disgrace,” he said.")
    q = analyse(text).quotes[-1]
    assert q.mention == "he" and q.speaker == "Her husband"


def test_a_title_with_of_is_read_whole_for_the_descriptor():
    text = ("Former Secretary of State Ruth Amadi spoke in Westby on Monday.\n\n"
            "“We need a plan,” the former secretary of state said.")
    assert analyse(text).quotes[0].speaker == "Ruth Amadi"


def test_the_state_after_a_name_describes_the_person():
    text = ("Sen. Omar Beck of Ohio and Sen. Piet Maas of Utah spoke on Monday.\n\n"
            "“We have one,” the Ohio senator replied.")
    assert analyse(text).quotes[0].speaker == "Omar Beck"


def test_a_party_and_state_in_brackets_describe_the_person():
    text = ("Sen. Omar Beck (D-Ohio) spoke after Sen. Piet Maas (R-Utah).\n\n"
            "“She is hiding,” the Utah Republican said.")
    assert analyse(text).quotes[0].speaker == "Piet Maas"


def test_a_role_set_off_after_a_name_describes_the_person():
    text = ("Karl Brand, a real estate developer, was in the crowd with Lena Marsh.\n\n"
            "“Not impressed,” the developer said.")
    assert analyse(text).quotes[0].speaker == "Karl Brand"


def test_a_second_fragment_of_one_report_keeps_the_reporter():
    text = ("The idea began with Karl Brand, who claimed in July that fishermen from Westby "
            "“cannot work here” but Ardenian crews “can come in so easily.”")
    assert [q.speaker for q in analyse(text).quotes] == ["Karl Brand", "Karl Brand"]


def test_a_fragment_after_a_new_cue_in_the_sentence_is_not_the_same_report():
    text = ("Karl Brand claimed that fishermen “cannot work here,” but Lena Marsh replied that "
            "crews “can come in so easily.”")
    assert [q.speaker for q in analyse(text).quotes] == ["Karl Brand", "Lena Marsh"]


def test_he_added_carries_on_the_last_speaker_past_a_person_who_said_nothing():
    text = ("Karl Brand is selling the boat he used in the 2012 race.\n\n"
            "Brand said he had received offers for it, but “the offers were too low.”\n\n"
            "Harbour officer Tim Holt holds up the trophy won by Karl Brand in the 2013 race.\n\n"
            "“The boat is fully working despite the attempts to scrap it,” he added.")
    assert analyse(text).quotes[-1].speaker == "Karl Brand"


def test_he_said_after_a_newly_named_person_is_still_that_person():
    text = ("Karl Brand is selling the boat he used in the 2012 race.\n\n"
            "Brand said he had received offers for it, but “the offers were too low.”\n\n"
            "Harbour officer Tim Holt saw the boat on Monday.\n\n"
            "“It is in good shape,” he said.")
    assert analyse(text).quotes[-1].speaker == "Tim Holt"


def test_according_to_her_names_the_person_she_is():
    text = ("Lena Marsh and Karl Brand spoke in Westby on Friday.\n\n"
            "According to her, the town needs “new blood.”")
    q = analyse(text).quotes[0]
    assert q.mention == "her" and q.speaker == "Lena Marsh"


def test_a_quotation_followed_by_according_to_him_is_his():
    text = ("Lena Marsh and Karl Brand spoke in Westby on Friday.\n\n"
            "The town needs “new blood,” according to him.")
    q = analyse(text).quotes[0]
    assert q.mention == "him" and q.speaker == "Karl Brand"


def test_a_quotation_resumed_after_a_dashed_interruption_is_the_first_speakers():
    text = ("Sheriff Dan Holt spoke next.\n\n"
            "He said, “Karl Brand will fix the harbour” - at which point the crowd chanted "
            "“Fix the harbour!” - “and bring the jobs back.”")
    assert [q.mention for q in analyse(text).quotes] == ["He", "the crowd", "He"]


def test_the_agent_of_a_naming_participle_after_the_quotation_speaks():
    text = ("Westby has 9,000 residents, with its capital in Tarn, called the “Crossroads of "
            "the West” by the locals, and a busy port.")
    assert analyse(text).quotes[0].mention == "the locals"


def test_a_form_often_a_noun_is_a_verb_after_a_subject_pronoun():
    text = ("The email includes a photo of Lang.\n\n"
            "At the bottom it reads, “P.S. You can give more.”")
    q = analyse(text).quotes[0]
    assert q.mention == "it" and q.speaker == "The email"
