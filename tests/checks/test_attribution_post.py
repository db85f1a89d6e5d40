"""Credits after a quotation (post.py): inverted reply phrases, a colon that introduces the
next quotation, a passive cue naming the hearer."""

from desk.checks.attribution import analyse


def test_came_the_reply_from_names_who_replied():
    text = ("The council asked Lena Voss whether the levee would hold. "
            "“Not this spring,” came the reply from Voss.")
    assert [q.speaker for q in analyse(text).quotes] == ["Lena Voss"]
    text = "Omar Beck asked about the pumps. “They are old,” came the answer from the harbour master."
    assert [q.speaker for q in analyse(text).quotes] == ["the harbour master"]


def test_a_cue_ending_in_a_colon_after_a_quotation_introduces_the_next_one():
    text = ("Lena Voss and Omar Beck met on Friday. Beck asked Voss: “Do you regret it?” "
            "She said: “Not at all.”")
    assert [q.speaker for q in analyse(text).quotes] == ["Omar Beck", "Lena Voss"]
    # without the colon the cue after the question is its credit
    text = "Lena Voss and Omar Beck met on Friday. “Do you regret it?” Beck asked."
    assert [q.speaker for q in analyse(text).quotes] == ["Omar Beck"]
    # after a comma the cue completes the first quotation and introduces the second
    text = "Omar Beck spoke first. “We will win,” Lena Voss said: “We have the votes.”"
    assert [q.speaker for q in analyse(text).quotes] == ["Lena Voss", "Lena Voss"]


def test_who_is_asked_after_a_quotation_did_not_say_it():
    text = "The hearing opened on Friday. “Do you regret it?” Lena Voss was asked by Omar Beck."
    assert [q.speaker for q in analyse(text).quotes] == ["Omar Beck"]
    text = "The hearing opened on Friday. “Do you regret it?” Lena Voss was asked."
    assert [q.speaker for q in analyse(text).quotes] == [None]


def test_according_to_after_a_few_words_credits_the_quotation():
    from desk.checks.attribution import analyse

    text = "The pier is “a hazard,” at least according to Dana Holt."
    assert [q.speaker for q in analyse(text).quotes] == ["Dana Holt"]


def test_in_a_name_s_words_or_view_after_the_quotation_credits_it():
    from desk.checks.attribution import analyse

    for text in ("The pier is “a hazard,” in Dana Holt’s view.", "The pier is “a hazard,” in the words of Dana Holt."):
        assert [q.speaker for q in analyse(text).quotes] == ["Dana Holt"]
