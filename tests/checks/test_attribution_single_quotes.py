"""Single quotation marks as primary marks: British style (en-GB) and texts with no double marks."""

import json

import pytest

from desk.checks.attribution import analyse
from desk.checks.engine import check_text


def _quotes(text, language="en-GB"):
    return check_text(text, language=language, spelling=False).quotes


def _kinds(text, language="en-GB"):
    return [p.kind for p in check_text(text, language=language, spelling=False).problems]


def test_gb_curly_single_with_trailing_cue():
    text = "\u2018We will lose parking for our customers,\u2019 said one shopkeeper."
    (q,) = _quotes(text)
    assert q.text == "We will lose parking for our customers,"
    assert (q.start, q.end) == (0, text.index("\u2019 said") + 1)
    assert q.speaker == "one shopkeeper"
    assert q.cue == "said"


def test_gb_straight_single_with_trailing_cue():
    (q,) = _quotes("'We will lose parking,' said Ana Ruiz.")
    assert q.text == "We will lose parking,"
    assert q.speaker == "Ana Ruiz"


def test_gb_curly_single_with_leading_cue():
    (q,) = _quotes("Ana Ruiz, who runs the bakery, said: \u2018We will not back down.\u2019")
    assert q.text == "We will not back down."
    assert q.speaker == "Ana Ruiz"


def test_gb_straight_single_with_leading_cue():
    (q,) = _quotes("Ana Ruiz said: 'We will not back down.'")
    assert q.text == "We will not back down."
    assert q.speaker == "Ana Ruiz"


def test_gb_quotation_across_paragraphs_continues():
    text = ("\u2018We have waited years for this. The road is a disgrace.\n\n"
            "\u2018Now they want our parking too,\u2019 said Ana Ruiz.")
    quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["Ana Ruiz", "Ana Ruiz"]
    assert "unclosed-quote" not in _kinds(text)


def test_auto_mode_without_double_marks():
    text = "'We will fight this plan,' Ana Ruiz said. 'And we will win.'"
    quotes = _quotes(text, language="en-US")
    assert [q.text for q in quotes] == ["We will fight this plan,", "And we will win."]
    assert [q.speaker for q in quotes] == ["Ana Ruiz", "Ana Ruiz"]


def test_auto_mode_is_the_default_of_analyse():
    result = analyse("\u2018It is over,\u2019 said Ana Ruiz.")
    assert [q.speaker for q in result.quotes] == ["Ana Ruiz"]


def test_auto_mode_needs_a_verb_of_saying():
    # a quoted headline phrase with no speech cue is not evidence of British style
    assert _quotes("It's fine to 'row the boat,' but not on a Sunday.", language="en-US") == []


def test_single_quotes_can_be_switched_off():
    assert analyse("\u2018It is over,\u2019 said Ana Ruiz.", single_quotes=False).quotes == []


def test_double_marks_nested_in_single_belong_to_it():
    text = "\u2018He told me \u201cnever again\u201d and left,\u2019 said Ana Ruiz."
    (q,) = _quotes(text)
    assert q.text == "He told me \u201cnever again\u201d and left,"
    assert q.speaker == "Ana Ruiz"
    assert "unclosed-quote" not in _kinds(text)


def test_single_nested_in_double_stays_nested_in_gb():
    (q,) = _quotes("\u201cHe said \u2018no\u2019 to me,\u201d said Ana Ruiz.")
    assert q.text == "He said \u2018no\u2019 to me,"


@pytest.mark.parametrize("phrase", [
    "Iran\u2019s leaders", "they don\u2019t care", "back in the \u201990s", "rock \u2019n\u2019 roll",
    "the Smiths\u2019 records", "at six o\u2019clock", "y\u2019all", "give \u2019em hell",
    "Iran's leaders", "they don't care", "back in the '90s", "rock 'n' roll",
    "the Smiths' records", "at six o'clock", "y'all", "give 'em hell",
])
@pytest.mark.parametrize("language", ["en-GB", "en-US"])
def test_apostrophes_are_not_quotation_marks(phrase, language):
    text = f"Ana Ruiz said {phrase} and then left.\n\nIt was {phrase}."
    assert _quotes(text, language) == []
    assert "unclosed-quote" not in _kinds(text, language)


def test_apostrophes_inside_a_quotation_do_not_close_it():
    text = "\u2018We love rock \u2019n\u2019 roll and the Smiths\u2019 records,\u2019 said Ana Ruiz."
    (q,) = _quotes(text)
    assert q.text == "We love rock \u2019n\u2019 roll and the Smiths\u2019 records,"
    assert q.speaker == "Ana Ruiz"


def test_plural_possessive_word_gives_way_to_later_closing_mark():
    (q,) = _quotes("\u2018The boys\u2019 club is closed,\u2019 said Ana Ruiz.")
    assert q.text == "The boys\u2019 club is closed,"


def test_scare_quote_after_possessive_is_short_term():
    text = "The Smiths\u2019 \u2018new\u2019 album is out."
    (q,) = _quotes(text)
    assert q.text == "new"
    problems = check_text(text, language="en-GB", spelling=False).problems
    assert [(p.kind, p.severity) for p in problems] == [("unattributed-quote", "info")]


def test_us_text_with_double_marks_ignores_single_pairs():
    text = "\u201cIt is fine,\u201d said Bob Jones. The \u2018new\u2019 plan is \u2018quite good,\u2019 he said."
    quotes = _quotes(text, language="en-US")
    assert [q.text for q in quotes] == ["It is fine,"]


def test_unclosed_single_after_colon_is_reported():
    text = "Ana Ruiz said: \u2018We will go to court and we will win."
    assert "unclosed-quote" in _kinds(text)


def test_unclosed_single_mid_sentence_is_not_reported():
    text = "Ana Ruiz said \u2018we will go to court and we will win."
    assert "unclosed-quote" not in _kinds(text)
    assert _quotes(text) == []


def test_cli_check_en_gb_reports_quotation_with_speaker(db_path, tmp_path, capsys):
    from desk.cli import main

    path = tmp_path / "story.md"
    text = "The council met.\n\n\u2018We will lose parking,\u2019 said Ana Ruiz, who runs the bakery.\n"
    path.write_text(text, encoding="utf-8")
    main(["--db", str(db_path), "check", "--language", "en-GB", str(path), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    (q,) = data["quotes"]
    assert q["text"] == "We will lose parking,"
    assert q["speaker"] == "Ana Ruiz"
    assert text[q["start"]:q["end"]] == "\u2018We will lose parking,\u2019"


@pytest.mark.parametrize("phrase", [
    "Iran\u2019s leaders", "they don\u2019t care", "back in the \u201990s", "rock \u2019n\u2019 roll",
    "the Smiths\u2019 records", "at six o\u2019clock", "y\u2019all", "give \u2019em hell",
])
@pytest.mark.parametrize("straight", [False, True])
def test_apostrophes_inside_a_quotation_leave_it_whole(phrase, straight):
    if straight:
        phrase = phrase.replace("\u2019", "'")
        text = f"'We said {phrase} was the answer,' Ana Ruiz said."
    else:
        text = f"\u2018We said {phrase} was the answer,\u2019 Ana Ruiz said."
    for language in ("en-GB", "en-US"):
        (q,) = _quotes(text, language)
        assert q.text == f"We said {phrase} was the answer,"
        assert q.speaker == "Ana Ruiz"
