"""A Markdown block quote hard-wrapped over "> " lines holds one quotation, not a row of
unclosed ones; the line after it may credit it."""

from __future__ import annotations

from desk.checks.attribution import analyse
from desk.checks.attribution.marks import paragraphs
from desk.checks.markdown_spans import blank_blockquote_markers, blockquote_spans

SIGNED = """The harbour master spoke after the vote.

> “We will open the gates at dawn and the town
> will be safe by noon. Nobody needs to leave
> their homes tonight.”

— Mara Quell, harbour master
"""

TWO_PARAGRAPHS = """The harbour master spoke after the vote.

> “We will open the gates at dawn and the town
> will be safe by noon.
>
> Nobody needs to leave their homes tonight.”

Mara Quell said.
"""


def kinds(result) -> list[str]:
    return [p.kind for p in result.problems]


def test_a_wrapped_block_quote_is_one_closed_quotation():
    result = analyse(SIGNED)
    assert "unclosed-quote" not in kinds(result)
    assert len(result.quotes) == 1
    quote = result.quotes[0]
    assert quote.closed
    assert quote.text == ("We will open the gates at dawn and the town\nwill be safe by noon. "
                          "Nobody needs to leave\ntheir homes tonight.")


def test_offsets_still_point_into_the_original_text():
    quote = analyse(SIGNED).quotes[0]
    assert SIGNED[quote.start] == "“"
    assert SIGNED[quote.end - 1] == "”"
    assert SIGNED[quote.speaker_start:quote.speaker_end] == "Mara Quell"


def test_the_signed_line_after_the_block_quote_names_the_speaker():
    quote = analyse(SIGNED).quotes[0]
    assert quote.speaker == "Mara Quell"
    assert "unattributed-quote" not in kinds(analyse(SIGNED))


def test_empty_marker_lines_keep_one_quotation_over_its_paragraphs():
    result = analyse(TWO_PARAGRAPHS)
    assert "unclosed-quote" not in kinds(result)
    assert len(result.quotes) == 1
    assert result.quotes[0].text.endswith("safe by noon.\n\nNobody needs to leave their homes tonight.")
    assert ">" not in result.quotes[0].text


def test_name_said_on_the_line_after_credits_the_block_quote():
    assert analyse(TWO_PARAGRAPHS).quotes[0].speaker == "Mara Quell"
    inverted = TWO_PARAGRAPHS.replace("Mara Quell said.", "said Mara Quell, the harbour master.")
    assert analyse(inverted).quotes[0].speaker == "Mara Quell"


def test_a_following_sentence_that_is_not_a_credit_line_credits_nothing():
    # (the opening line says nothing either: "spoke after the vote" would credit the harbour master)
    text = TWO_PARAGRAPHS.replace("Mara Quell said.", "The mayor said he disagreed with the plan.") \
        .replace("spoke after the vote", "left after the vote")
    result = analyse(text)
    assert result.quotes[0].speaker is None
    assert "unattributed-quote" in kinds(result)


def test_a_paragraph_reopening_with_a_mark_continues_the_quotation_news_style():
    text = ("> “We will open the gates at dawn,\n> and the town will be safe.\n>\n"
            "> “Nobody needs to leave,” Mara Quell said.\n")
    result = analyse(text)
    assert "unclosed-quote" not in kinds(result)
    assert len(result.quotes) == 1
    assert result.quotes[0].speaker == "Mara Quell"


def test_separate_quotations_in_one_block_quote_stay_separate():
    text = ("> “The gates open at dawn,” Mara Quell said. “The town\n"
            "> will be safe by noon,” said Ivo Brand.\n")
    quotes = analyse(text).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("The gates open at dawn,", "Mara Quell"), ("The town\nwill be safe by noon,", "Ivo Brand")]


def test_a_quotation_really_left_open_in_a_block_quote_is_still_reported():
    text = "> “We will open the gates at dawn and\n> the town will be safe.\n\nThe vote was close.\n"
    assert "unclosed-quote" in kinds(analyse(text))


def test_a_block_quote_is_one_paragraph_and_its_markers_turn_to_spaces():
    text = "Before.\n\n> one\n> two.\n>\n> three\n\nAfter.\n"
    spans = blockquote_spans(text)
    assert [text[a:b] for a, b in spans] == ["> one\n> two.\n>\n> three"]
    assert [text[a:b] for a, b in paragraphs(text)] == ["Before.", "> one\n> two.\n>\n> three", "After."]
    blanked = blank_blockquote_markers(text, spans)
    assert len(blanked) == len(text)
    assert ">" not in blanked and "one\n  two." in blanked


def test_text_without_block_quotes_is_cut_as_before():
    text = "First line ends here.\nSecond “quoted” line\n\nThird."
    assert blockquote_spans(text) == []
    assert [text[a:b] for a, b in paragraphs(text)] == [
        "First line ends here.", "Second “quoted” line", "Third."]


def test_a_signed_block_quote_without_marks_is_one_quotation():
    text = ("The notice went up on Friday.\n\n> The gates open at dawn and the town\n"
            "> will be safe by noon.\n\n— Mara Quell, harbour master\n")
    (quote,) = analyse(text).quotes
    assert quote.text == "The gates open at dawn and the town\nwill be safe by noon."
    assert quote.speaker == "Mara Quell"
    assert text[quote.start:quote.end].startswith("The gates open")


def test_an_unsigned_block_quote_without_marks_is_no_quotation():
    text = "The notice went up on Friday.\n\n> The gates open at dawn.\n\nThe town was calm.\n"
    result = analyse(text)
    assert result.quotes == [] and result.problems == []
