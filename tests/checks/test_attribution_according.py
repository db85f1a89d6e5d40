"""The source a report comes through (according.py): "Voss said, according to the Courier"
and "According to the Courier, Voss said" credit the Courier, the outermost source, as any
nested attribution does. Every sentence is our own."""

from desk.checks.attribution import analyse


def speakers(text):
    return [q.speaker for q in analyse(text).quotes]


def test_trailing_according_to_names_the_source():
    text = "The port reopened. “We are back in business,” Lena Voss said at a briefing, according to the Westby Courier."
    assert speakers(text) == ["Westby Courier"]


def test_according_to_opening_the_sentence_names_the_source():
    text = "The port reopened. According to the Westby Courier, Lena Voss said the docks were “back in business.”"
    assert speakers(text) == ["Westby Courier"]


def test_without_according_to_the_speaker_stays():
    text = "The port reopened. “We are back in business,” Lena Voss said at a briefing in Westby."
    assert speakers(text) == ["Lena Voss"]


def test_according_to_in_the_next_sentence_is_not_the_source():
    text = ("The port reopened. “We are back in business,” Lena Voss said. "
            "Trade rose by a third, according to the Westby Courier.")
    assert speakers(text) == ["Lena Voss"]


def test_according_to_in_a_clause_of_its_own_is_not_the_source():
    # the phrase opens the sentence but belongs to a clause that runs on past the name
    text = "The port reopened. According to Omar Beck's own count of the ships, Lena Voss said it was “a record.”"
    assert speakers(text) == ["Lena Voss"]


def test_outlet_reporting_at_the_end_of_the_sentence_is_the_source():
    text = ("The race changed. Lena Voss welcomed the news, saying Omar Beck was “doing the right thing,” "
            "the Westby Courier reported.")
    assert speakers(text) == ["Westby Courier"]


def test_outlet_reporting_in_the_next_sentence_is_not_the_source():
    text = ("The race changed. Lena Voss welcomed the news, saying Omar Beck was “doing the right thing.” "
            "The Westby Courier reported it first.")
    assert speakers(text) == ["Lena Voss"]


def test_according_to_a_phrase_without_a_name():
    text = "The port reopened. According to court documents, Lena Voss said the deal was “rotten.”"
    assert speakers(text) == ["court documents"]
    text = ("The port reopened. “Nothing prepares you for the job,” the mayor will say, according to excerpts "
            "of her speech released by the Westby council.")
    assert speakers(text) == ["excerpts of her speech released by the Westby council"]
