"""The check engine: one report for CLI, editor and export."""

import pytest

from desk.checks.engine import CheckReport, check_text, speaker_words


def test_report_to_dict_shape():
    text = "“We are ready,” said Ana Ruiz."
    d = check_text(text, spelling=False).to_dict()
    assert set(d) == {"words", "quotes", "problems"}
    # the stable shape; fields may be added (speaker_mention), none removed
    assert set(d["quotes"][0]) == {"start", "end", "text", "speaker", "source_id", "cue", "closed",
                                   "speaker_mention"}
    assert d["quotes"][0]["speaker"] == "Ana Ruiz"


def test_speaker_mention_is_the_text_as_written():
    text = "Ana Ruiz runs the port.\n\n“We are ready,” she said."
    (q,) = check_text(text, spelling=False).to_dict()["quotes"]
    assert q["speaker"] == "Ana Ruiz"
    assert q["speaker_mention"] == "she"


def test_word_count():
    assert check_text("One two three.", spelling=False).words == 3


def test_problems_are_sorted_by_start():
    text = "Advertisement\n\n“Open quote never closed.\n\nThe “plan” failed."
    report = check_text(text, spelling=False)
    starts = [p.start for p in report.problems]
    assert starts == sorted(starts)
    assert {"boilerplate", "unclosed-quote"} <= {p.kind for p in report.problems}


def test_has_errors_flag():
    assert check_text("Leave a Reply", spelling=False).has_errors
    assert not check_text("A calm day.", spelling=False).has_errors


def test_speaker_words_are_offered_to_spelling():
    report = check_text("“We will rebuild,” said Ingrid Vasquez-Olo.", spelling=False)
    assert "Ingrid" in speaker_words(report.quotes)


def test_empty_text():
    report = check_text("", spelling=False)
    assert isinstance(report, CheckReport)
    assert report.words == 0 and report.quotes == [] and report.problems == []


def test_a_text_over_the_cap_is_checked_up_to_a_line_break_and_says_so(monkeypatch):
    from desk.checks import engine

    monkeypatch.setattr(engine, "MAX_CHECK_CHARS", 2_000)
    para = "The council met on Tuesday. “We will rebuild,” said Ana Ruiz.\n\n"
    text = para * 100 + "Teh end.\n"
    report = engine.check_text(text)
    [too_long] = [p for p in report.problems if p.kind == "too-long"]
    assert too_long.severity == "warning" and too_long.end == len(text)
    assert 1_000 <= too_long.start <= 2_000 and text[too_long.start - 1] == "\n"
    assert all(p.end <= too_long.start for p in report.problems if p is not too_long)
    assert all(q.end <= too_long.start for q in report.quotes)
    assert report.words == engine.word_count(text)  # the count is of the whole text


def test_a_text_under_the_cap_has_no_length_warning():
    from desk.checks.engine import check_text

    assert not [p for p in check_text("Short text.\n").problems if p.kind == "too-long"]


# -- the language table (desk.languages) -------------------------------------------------
MIXED = "The \"Bridge\" committee met. 'We will rebuild it by spring,' said Ana Ruiz.\n"


@pytest.mark.parametrize("language", ["en-GB", "en-AU", "en_gb"])
def test_single_mark_languages_find_a_single_quoted_quotation_beside_double_marks(language):
    report = check_text(MIXED, language=language)
    assert "We will rebuild it by spring," in [q.text for q in report.quotes]


@pytest.mark.parametrize("language", ["en-US", "en-NZ", "xx-YY"])
def test_double_mark_languages_read_single_marks_only_without_double_ones(language):
    assert [q.text for q in check_text(MIXED, language=language).quotes] == ["Bridge"]
    alone = "'We will rebuild it by spring,' said Ana Ruiz.\n"
    assert [q.text for q in check_text(alone, language=language).quotes] == \
        ["We will rebuild it by spring,"]


def test_an_australian_article_is_spelled_british():
    text = "The colour of the programme was criticised.\n"
    assert check_text(text, language="en-AU").problems == []
    assert {p.kind for p in check_text(text, language="en-US").problems} == {"misspelling"}
