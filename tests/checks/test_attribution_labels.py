"""Credits on lines of their own (labels.py): signed and credit lines after a quotation,
name lines, roundup labels. Every sentence is our own."""

import pytest

from desk.checks.attribution import analyse


def speakers(text):
    return [q.speaker for q in analyse(text).quotes]


def test_name_and_title_on_the_line_after_the_quotation():
    text = "“The docks stay open.”\n\nOmar Beck, harbour master of Westby\n\nThe vote is on Monday."
    (q,) = analyse(text).quotes
    assert q.speaker == "Omar Beck"
    assert q.title == "harbour master of Westby"


def test_credit_line_after_the_quotation():
    text = "“The docks stay open.”\n\nsaid Omar Beck, the harbour master.\n\nThe vote is on Monday."
    assert speakers(text) == ["Omar Beck"]


def test_name_line_only_after_a_quotation_standing_alone():
    # the quotation shares its paragraph with a sentence: the next line is no signature
    text = "The port was busy. “The docks stay open.”\n\nOmar Beck, harbour master\n\nMore later."
    assert speakers(text) != ["Omar Beck"]


def test_colon_label_with_from_keeps_its_name():
    text = "The poll closed.\n\nMore from Lena Voss: “The state is split.”"
    assert speakers(text) == ["Lena Voss"]


def test_second_roundup_label_on_a_line():
    text = "The council met.\n\nAnna Pohl, Westby Courier: “The river is dying.” Omar Beck, Harbour Post: “The river is fine.”"
    assert speakers(text) == ["Anna Pohl", "Omar Beck"]


def test_name_lines_before_each_quotation_label_the_one_after_them():
    text = ("Voters in Westby told us what they think.\n\n"
            "Ana Ruiz, 54, teacher\n\n"
            "“I have voted for the same party for thirty years. Not this time.”\n\n"
            "Peter Lang, 61, retired fisherman\n\n"
            "“The port is dying and nobody in the capital cares.”\n")
    assert [q.speaker for q in analyse(text).quotes] == ["Ana Ruiz", "Peter Lang"]


@pytest.mark.parametrize("text", [
    "“The ferry stays.”\n\nThat's what Lena Voss told the harbour board on Monday.",
    "“The ferry stays” was Lena Voss’s reply.",
    "“The ferry stays.” Those were the words of Lena Voss on Monday.",
    "“The ferry stays.” That is how Lena Voss put it.",
])
def test_a_credit_pointing_back_at_a_finished_quotation(text):
    assert speakers(text) == ["Lena Voss"]


@pytest.mark.parametrize("verb", ["Says", "Writes", "Notes", "Adds"])
def test_an_inverted_credit_before_a_colon_is_no_part_of_the_name(verb):
    assert speakers(f"{verb} Lena Voss: “The ferry stays.”") == ["Lena Voss"]


def test_paragraph_signed_at_its_end_credits_the_quotation_before_the_signature():
    text = ("“The ferry is late again.” ― Lena Voss\n"
            "“Nobody listens to us. We pay and we wait.” And that is all we get. ― Omar Beck.")
    assert speakers(text) == ["Lena Voss", "Omar Beck"]


def test_signature_at_paragraph_end_does_not_override_a_verb_of_saying_between():
    text = "“The ferry is late,” Anna Pohl said, and the crowd agreed. ― Omar Beck"
    assert speakers(text) == ["Anna Pohl"]


def test_label_paragraph_with_a_role_before_the_quotation_paragraph():
    text = "The strike went on.\n\nMara Quell, union president:\n\n“We expect a long fight. We will not give in.”"
    assert speakers(text) == ["Mara Quell"]


@pytest.mark.parametrize("text, want", [
    ("Signs of a shift were there all along -More from Lena Voss and Omar Beck: “The data show a late swing.”",
     "Lena Voss and Omar Beck"),
    ("Signs of a shift were there all along - More from Lena Voss: “The data show a late swing.”", "Lena Voss"),
])
def test_roundup_label_after_a_dash_with_more_from(text, want):
    assert speakers(text) == [want]


@pytest.mark.parametrize("after, want", [
    ("Omar Beck, the union leader, made the remarks at a rally on Tuesday.", "Omar Beck"),
    ("The comments came from Omar Beck, the union leader.", "Omar Beck"),
    ("Omar Beck's remarks drew loud applause.", "Omar Beck"),
])
def test_the_paragraph_after_a_quotation_paragraph_names_who_spoke_it(after, want):
    text = f"The port vote is on Monday.\n\n“We will not give in. The port belongs to the towns.”\n\n{after}"
    assert speakers(text) == [want]


def test_a_paragraph_after_the_quotation_about_something_else_credits_nobody():
    text = ("The port vote is on Monday.\n\n“We will not give in. The port belongs to the towns.”\n\n"
            "Omar Beck made the decision to close the quays on Tuesday.")
    assert speakers(text) == [None]


def test_the_message_from_someone_after_the_quotation():
    assert speakers("The port vote is on Monday. “We will not give in” was the message from Omar Beck.") == ["Omar Beck"]


@pytest.mark.parametrize("credit", [
    "Mara Quell\nUnion president",
    "(Mara Quell, union president)",
    "-- Mara Quell",
])
def test_name_lines_after_a_quotation_paragraph_in_other_layouts(credit):
    text = f"The strike went on.\n\n“We expect a long fight. We will not give in.”\n\n{credit}"
    assert speakers(text) == ["Mara Quell"]
