"""Naming the speaker: cue orders, titles, pronouns, surnames, organisations, sources."""

import pytest

from desk.checks.attribution import analyse
from desk.model import SourceRef


def speakers(text, sources=()):
    return [q.speaker for q in analyse(text, sources).quotes]


@pytest.mark.parametrize("text", [
    "“The water is rising,” Ana Ruiz said.",
    "“The water is rising,” said Ana Ruiz.",
    "Ana Ruiz said: “The water is rising.”",
    "Ana Ruiz said that the level was “rising fast in the north.”",
    "According to Ana Ruiz, the river is “rising fast.”",
    "Ana Ruiz told reporters “the water is rising.”",
    "Ana Ruiz wrote on social media: “The water is rising.”",
    "Ana Ruiz said in a statement: “The water is rising.”",
    "“The water is rising,” Ana Ruiz added.",
    "“Is the water rising?” Ana Ruiz asked.",
    "Ana Ruiz called the plan “a reckless gamble.”",
    "Ana Ruiz spoke for an hour, calling for “a new dam.”",
    "“The water is rising,” Ana Ruiz says.",
    "“The water is rising,” Ana Ruiz warned.",
])
def test_cue_orders_and_verbs(text):
    assert speakers(text) == ["Ana Ruiz"]


def test_appositive_after_inverted_cue():
    text = "“It will hold,” said Ana Ruiz, a hydrologist at the river authority."
    (q,) = analyse(text).quotes
    assert q.speaker == "Ana Ruiz"
    assert q.speaker_kind == "person"


def test_abbreviated_title_is_kept_apart():
    (q,) = analyse("“We object,” said Sen. Bill Hagerty.").quotes
    assert q.speaker == "Bill Hagerty"
    assert q.title == "Sen."


def test_descriptive_title_is_kept_apart():
    text = "Foreign Ministry spokesman Saeed Khatibzadeh said the talks were “useful.”"
    (q,) = analyse(text).quotes
    assert q.speaker == "Saeed Khatibzadeh"
    assert q.title == "Foreign Ministry spokesman"


def test_split_quotation_has_one_speaker():
    text = "“We are ready,” Marta Olsen said, “to talk.”"
    assert speakers(text) == ["Marta Olsen", "Marta Olsen"]


def test_long_clause_ending_in_colon():
    text = ("At the end of a long afternoon of talks with the neighbouring towns, "
            "Mayor Ines Varga put her position plainly:\n\n“We will not pay.”")
    assert speakers(text) == ["Ines Varga"]


def test_bare_surname_resolves_to_full_name():
    text = ("Ruth Dalton runs the clinic.\n\n"
            "“We need nurses,” Dalton said.")
    assert speakers(text) == ["Ruth Dalton"]


def test_pronoun_resolves_to_recent_compatible_person():
    text = ("Peter Lang, the harbour master, met the crews on Monday.\n\n"
            "“The boats must wait,” he said.")
    assert speakers(text) == ["Peter Lang"]


def test_pronoun_skips_person_of_other_gender():
    text = ("Mr. Omar Haddad spoke first. Then Mrs. Clara Haddock stood up.\n\n"
            "“We disagree,” he said.")
    assert speakers(text) == ["Omar Haddad"]


def test_uncued_quotation_continues_previous_speaker_in_paragraph():
    text = "“The road is closed,” Luis Mora said. “It will open in May.”"
    assert speakers(text) == ["Luis Mora", "Luis Mora"]


def test_organisation_speaker():
    text = "“The figures are final,” the ministry said in a statement."
    (q,) = analyse(text).quotes
    assert q.speaker == "the ministry"
    assert q.speaker_kind == "organisation"


def test_anonymous_descriptor_speaker():
    text = ("A senior official, who spoke on condition of anonymity, said "
            "“the deal will be signed next week.”")
    (q,) = analyse(text).quotes
    assert q.speaker_kind == "anonymous"
    assert "official" in q.speaker


def test_speaker_matches_source_by_alias():
    src = SourceRef(id=7, name="Mustafa al-Kadhimi", aliases=("Kadhimi",))
    for text in ("“We will rebuild,” Mustafa al-Kadhimi said.",
                 "“We will rebuild,” al-Kadhimi said.",
                 "“We will rebuild,” Kadhimi said."):
        (q,) = analyse(text, [src]).quotes
        assert q.source_id == 7, text


def test_unmatched_speaker_has_no_source_id():
    src = SourceRef(id=7, name="Mustafa al-Kadhimi")
    (q,) = analyse("“We will rebuild,” Hana Sato said.", [src]).quotes
    assert q.source_id is None


def test_cue_text_is_recorded():
    (q,) = analyse("“Not yet,” Hana Sato replied.").quotes
    assert q.cue == "replied"
    assert q.speaker_start is not None


def test_definite_role_resolves_to_the_titled_person():
    text = "President Ada Lind opened the session.\n\n“We are safe,” the president said."
    assert speakers(text) == ["Ada Lind"]


def test_definite_role_needs_every_word_to_fit_the_title():
    text = ("Democratic nominee Ada Lind spoke first.\n\n"
            "“We will win,” the Republican nominee said.")
    assert speakers(text) == ["the Republican nominee"]


def test_pronoun_resolves_to_a_name_outside_the_first_name_lists():
    text = "Ysolde Brandtmeier runs the port.\n\n“The ships are late,” she told reporters."
    assert speakers(text) == ["Ysolde Brandtmeier"]


def test_plural_role_noun_is_an_anonymous_speaker():
    (q,) = analyse("Officials said the bridge was “structurally sound.”").quotes
    assert q.speaker_kind == "anonymous"


def test_participle_cue_after_preposition_object_takes_the_subject():
    text = "Ines Varga wrote back to Omar Lund pointing out that the plan was “a fantasy.”"
    assert speakers(text) == ["Ines Varga"]


def test_transcript_label_inside_quotation():
    text = "\"HOST: Is the bridge safe?\"\n\n\"VARGA: It is safe.\""
    assert speakers(text) == ["Host", "Varga"]


def test_dash_credit_after_quotation():
    assert speakers("“The sea is rising.” — Ines Varga") == ["Ines Varga"]


def test_definite_description_resolves_to_the_one_registered_organisation():
    from desk.checks.attribution import analyse
    from desk.model import SourceRef

    sources = [SourceRef(id=7, name="Easthaven River Authority", kind="organisation")]
    text = "The authority said in a statement that the weir was “working as designed and safe.”"
    (quote,) = analyse(text, sources).quotes
    assert quote.source_id == 7


def test_pronoun_with_contracted_auxiliary_is_a_speaker():
    text = "Jonas Falk chairs the board.\n\nHe’s claiming that the port is “close to bankrupt.”"
    assert speakers(text) == ["Jonas Falk"]


def test_middle_initial_stays_in_a_dash_credit():
    assert speakers("“The sea is rising.” — Ines K. Varga Moreno") == ["Ines K. Varga Moreno"]


def test_possessor_of_a_noun_cue_is_the_speaker():
    text = "Reporters checked Ines Varga’s claim that the dam was “never inspected.”"
    assert speakers(text) == ["Ines Varga"]


def test_family_is_a_noun_not_an_adverb():
    text = "Ines Varga’s family has called for the report to be released “in full and without delay.”"
    assert speakers(text) == ["Ines Varga’s family"]


def test_subordinate_clause_after_a_quotation_is_not_its_credit():
    text = "The ad shows Ines Varga saying, “That is my decision,” when Omar Lund challenged her."
    assert speakers(text) == ["Ines Varga"]


def test_long_appositive_between_speaker_and_told():
    text = ("“The river is our road,” Ines Varga, the director of the Northland river authority and "
            "a member of the regional flood board since its founding, told the Harbour Gazette.")
    assert speakers(text) == ["Ines Varga"]


def test_passive_credit_after_quotation():
    assert speakers("“Wide Water, Dark Sky” was written by Ines Varga in 1990.") == ["Ines Varga"]


def test_coordinated_role_is_one_speaker():
    text = "The former mayor and current harbour director said the port was “never safer.”"
    (q,) = analyse(text).quotes
    assert q.speaker == "The former mayor and current harbour director"


def test_uncued_quotation_after_a_sentence_about_a_person():
    text = ("The harbour flooded in May. Ines Varga called the plan a gamble. "
            "“We will lose the farm.”")
    assert speakers(text) == ["Ines Varga"]


def test_long_title_before_name_is_kept_apart():
    (q,) = analyse("“We act,” said Nordland Deputy Prime Minister Ana Ruiz.").quotes
    assert (q.speaker, q.title) == ("Ana Ruiz", "Nordland Deputy Prime Minister")


def test_suffix_keeps_a_long_name_whole():
    (q,) = analyse("“We act,” said Peter Paul Lund Jr.").quotes
    assert q.speaker == "Peter Paul Lund Jr."


def test_the_one_told_is_never_the_speaker():
    (q,) = analyse("“We are ready for the flood season,” told the Harbour Gazette.").quotes
    assert q.speaker is None


def test_gerund_after_preposition_takes_the_main_subject():
    text = "Ines Varga was fined for saying the judge was “a disgrace to the court.”"
    assert speakers(text) == ["Ines Varga"]


def test_opening_gerund_phrase_takes_the_subject_after_the_quotation():
    text = ("Ines Varga runs the port.\n\n"
            "After saying the dock was “too old to save,” she closed it.")
    assert speakers(text) == ["Ines Varga"]


def test_progressive_cue_takes_any_noun_phrase_subject():
    (q,) = analyse("The harbour master is calling the plan “a fantasy.”").quotes
    assert q.speaker == "The harbour master"


def test_participle_phrase_before_cue_keeps_its_head_noun():
    text = "Residents living near Oakvale Dam said the water was “brown for weeks.”"
    (q,) = analyse(text).quotes
    assert q.speaker == "Residents"
    assert q.speaker_kind == "anonymous"


def test_first_person_writer_is_the_speaker():
    (q,) = analyse("When my aunt asked, I laughed and said, “Nobody believes that any more.”").quotes
    assert (q.speaker, q.speaker_kind) == ("I", "pronoun")


# --- noun phrase heads and appositives (our own sentences) ---------------------------------

def test_paper_named_daily_is_a_noun_not_an_adverb():
    (q,) = analyse("A senior analyst at the influential Westby daily said the plan was “doomed.”").quotes
    assert q.speaker == "A senior analyst at the influential Westby daily"


def test_place_inside_a_noun_phrase_is_not_the_speaker():
    (q,) = analyse("A hotel project in Westby promises “luxury for everyone.”").quotes
    assert q.speaker == "A hotel project in Westby"


def test_descriptor_cut_short_before_an_appositive_name():
    (q,) = analyse("Her chief policy aide, Omar Beck, calls the record a “blueprint” for the docks.").quotes
    assert q.speaker == "Omar Beck"


def test_to_phrase_after_a_role_noun():
    text = "“The knowledge is old,” said a longtime adviser to Omar Beck, who declined to be named."
    (q,) = analyse(text).quotes
    assert q.speaker == "a longtime adviser to Omar Beck"


def test_as_name_title_put_it():
    (q,) = analyse("As Omar Beck, the deputy leader of the council, put it: “Nobody will be confirmed.”").quotes
    assert q.speaker == "Omar Beck"


def test_region_after_a_place_is_not_the_subject():
    text = ("On Tuesday at Harlow College in Westby, WS, after winning the vote, Gov. Omar Beck (R-WS), "
            "said, “We are going to win this.”")
    assert speakers(text) == ["Omar Beck"]


def test_capitalised_base_form_is_a_surname():
    assert speakers("“We assessed the deal with care,” Read said.") == ["Read"]


def test_noun_like_word_before_the_name_after_a_quotation():
    text = "“We will not back down,” state Sen. Lena Voss (D) said late on Friday."
    assert speakers(text) == ["Lena Voss"]


def test_verb_before_an_object_ends_the_subject():
    (q,) = analyse("An advert from the guild attacks the councillors as “rubber stamps.”").quotes
    assert q.speaker == "An advert from the guild"
    (q,) = analyse("The Voss advert hits Beck for taking “money from the docks.”").quotes
    assert q.speaker == "The Voss advert"


def test_opening_adverb_is_not_a_name():
    text = "Hastily reversing his position, Omar Beck called the plan “a fraud.”"
    assert speakers(text) == ["Omar Beck"]
    text = "Early in the campaign, Omar Beck called the plan “a fraud.”"
    assert speakers(text) == ["Omar Beck"]


def test_early_stays_a_possible_surname():
    assert speakers("“We are ready,” said Rex Early, the party chairman.") == ["Rex Early"]


def test_sentence_final_noun_like_cue():
    text = "The union wants “a fair deal” for the crews, the Westby Courier reports."
    assert speakers(text) == ["Westby Courier"]


def test_name_as_modifier_before_a_lower_case_head():
    text = ("At a conference in Westby, the Ardena medieval-history graduate ended the evening with a "
            "line in Latin: “Every obstacle yields.”")
    (q,) = analyse(text).quotes
    assert q.speaker == "the Ardena medieval-history graduate"


def test_two_named_people_speak_together():
    from desk.checks.attribution import analyse
    text = "The storm hit hard. Ana Ruiz and Peter Lang said the town was “not ready for this.”"
    assert [q.speaker for q in analyse(text).quotes] == ["Ana Ruiz and Peter Lang"]


def test_and_inside_a_title_is_no_pair():
    from desk.checks.attribution import analyse
    text = "The storm hit hard. Talks between Ana Ruiz and Peter Lang went on. Then Peter Lang said it was “fine.”"
    assert [q.speaker for q in analyse(text).quotes] == ["Peter Lang"]


def test_place_inside_a_descriptor_is_not_the_speaker():
    from desk.checks.attribution import analyse
    text = "The union was furious. A farmer in Dunmore, Westshire, told the council it was “theft.”"
    assert [q.speaker for q in analyse(text).quotes] == ["A farmer in Dunmore, Westshire"]


def test_a_dated_document_keeps_its_participle_and_date():
    from desk.checks.attribution import analyse
    text = "The vote was close. “The claim is speculative,” the order released Friday said."
    assert [q.speaker for q in analyse(text).quotes] == ["the order released Friday"]
    text = "The vote was close. A Westby Courier poll released last week found that voters were “deeply divided.”"
    assert [q.speaker for q in analyse(text).quotes] == ["A Westby Courier poll released last week"]


def test_preposition_opening_a_sentence_is_no_name():
    from desk.checks.attribution import analyse
    text = "The rally was loud. Outside the hall, there was anxiety among aides that the “firewall” would fail."
    assert [q.speaker for q in analyse(text).quotes] != ["Outside"]


def test_descriptor_keeps_its_adjective_phrase():
    from desk.checks.attribution import analyse

    def speakers(text):
        return [q.speaker for q in analyse(text).quotes]
    assert speakers("The talks stalled. “It is over,” said a person familiar with the talks.") \
        == ["a person familiar with the talks"]
    assert speakers("The talks stalled. Two officials briefed on the talks said it was “over.”") \
        == ["Two officials briefed on the talks"]
    assert speakers("The talks stalled. People close to Lena Voss said it was “over.”") == ["People close to Lena Voss"]


def test_no_break_spaces_read_as_spaces():
    from desk.checks.attribution import analyse
    text = "The port reopened. “We are back,”\u00a0said\u00a0Lena\u00a0Voss, according\u00a0to the\u00a0Westby Courier."
    (q,) = analyse(text).quotes
    assert q.speaker == "Westby Courier"
    assert q.start == text.index("“")


def test_capitalised_adjective_opening_a_sentence_is_no_name():
    from desk.checks.attribution import analyse
    text = "The march went on.\n\nSmall groups of protesters marched on, chanting, “Hands up.”"
    assert [q.speaker for q in analyse(text).quotes] == ["Small groups of protesters"]
    text = "The march went on.\n\nVoss supporters chanted “Lock him up” at the rally."
    assert [q.speaker for q in analyse(text).quotes] == ["Voss supporters"]


def test_a_lone_title_that_is_a_surname_names_its_person():
    text = ("Billie Ray King won twelve titles in her career. "
            "King says Ana Ruiz “talked the talk and walked the walk.”")
    assert speakers(text) == ["Billie Ray King"]


def test_a_title_after_an_article_is_still_a_descriptor():
    (q,) = analyse("The King said the crown was “heavy.”").quotes
    assert q.speaker == "The King" and q.speaker_kind != "person"


@pytest.mark.parametrize("text, want", [
    ("“The rule is a disaster,” said the Center for Harbour Progress.", "Center for Harbour Progress"),
    ("“It is unlawful,” the Committee to Protect Fishermen said in a statement.", "Committee to Protect Fishermen"),
    ("According to the Bureau of River Statistics, wages grew “modestly.”", "Bureau of River Statistics"),
    ("Officials at the Office of Port Management said the cuts were “deep.”",
     "Officials at the Office of Port Management"),
])
def test_a_bodys_name_runs_on_through_of_for_and_to(text, want):
    assert speakers(text) == [want]


def test_the_region_after_a_place_in_a_descriptor_is_not_an_appositive_name():
    text = ("Peter Lang is assuring voters he is tough enough after a woman in Westby, Westshire, told him "
            "she worries he is “too nice” to fend off his rivals.")
    assert speakers(text) == ["a woman in Westby, Westshire"]


def test_a_numbered_part_of_a_text_is_a_speaker():
    text = "The charter was signed in 1951. Article 33 affirms: “No member shall close its ports.”"
    assert speakers(text) == ["Article 33"]


def test_two_people_each_with_an_appositive_speak_together():
    from desk.checks.attribution import analyse

    text = "Lena Voss, a Democrat, and Omar Beck, a Republican, agreed: “The levee must be rebuilt.”"
    assert [q.speaker for q in analyse(text).quotes] == ["Lena Voss and Omar Beck"]
    # one appositive only, then the verb: the first person alone is the subject
    text = "Lena Voss, a Democrat, said the levee was “a disgrace.”"
    assert [q.speaker for q in analyse(text).quotes] == ["Lena Voss"]


def test_an_adjective_before_the_body_keeps_the_descriptor_as_the_head():
    from desk.checks.attribution import analyse

    text = "A spokesman for the embattled Dover Mutual said the deal was “fair.”"
    assert [q.speaker for q in analyse(text).quotes] == ["A spokesman for the embattled Dover Mutual"]
    text = "“It is fair,” said a spokeswoman for the struggling Dover Mutual."
    assert [q.speaker for q in analyse(text).quotes] == ["a spokeswoman for the struggling Dover Mutual"]


def test_a_page_or_summary_that_carries_words_is_the_head_of_its_phrase():
    from desk.checks.attribution import analyse

    text = "The book, according to its publisher’s summary, “paints a grim picture of Dover.”"
    assert [q.speaker for q in analyse(text).quotes] == ["its publisher’s summary"]


@pytest.mark.parametrize("text, want", [
    ("Lawyers representing Lena Voss said the charges were “baseless.”", "Lawyers representing Lena Voss"),
    ("A group supporting Lena Voss called the charges “baseless.”", "A group supporting Lena Voss"),
    ("“The charges are baseless,” said a lawyer representing Lena Voss.", "a lawyer representing Lena Voss"),
    ("A super PAC backing Lena Voss released an ad that calls Beck “a rubber stamp.”", "A super PAC backing Lena Voss"),
])
def test_a_descriptor_with_the_person_it_serves_speaks_not_the_person(text, want):
    (q,) = analyse(text).quotes
    assert q.speaker == want


def test_an_occupation_written_as_a_title_is_not_part_of_the_name():
    src = SourceRef(id=9, name="Dana Kerr")
    for text in ("Analyst Dana Kerr wrote on Twitter that the ruling was “a gift to the banks.”",
                 "“It will not last,” Economist Dana Kerr said."):
        (q,) = analyse(text, [src]).quotes
        assert q.speaker == "Dana Kerr", text
        assert q.source_id == 9, text
