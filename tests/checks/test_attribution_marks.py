"""Finding quotations: marks, apostrophes, paragraphs, continuation, Markdown."""

from desk.checks.attribution import analyse


def quotes(text):
    return analyse(text).quotes


def kinds(text):
    return [p.kind for p in analyse(text).problems]


def test_curly_quotation_found_with_offsets_covering_marks():
    text = "The mayor said “the bridge is safe” on Monday."
    (q,) = quotes(text)
    assert text[q.start:q.end] == "“the bridge is safe”"
    assert q.text == "the bridge is safe"


def test_straight_quotation_found():
    text = 'He called it "a fine day for sailing," and left.'
    (q,) = quotes(text)
    assert q.text == "a fine day for sailing,"


def test_apostrophes_never_open_quotations():
    text = "Iran’s envoy said rock ’n’ roll of the ’90s isn’t the Smiths’ fault. Don’t panic."
    assert quotes(text) == []
    assert "unclosed-quote" not in kinds(text)


def test_single_marks_inside_a_quotation_belong_to_it():
    text = "“She told me, ‘Wait here,’ and walked off,” the guard said."
    (q,) = quotes(text)
    assert q.text == "She told me, ‘Wait here,’ and walked off,"


def test_multi_paragraph_quotation_is_not_an_error():
    text = ("“We lost the harvest in a week.\n\n"
            "“Now we are planting again,” said Tomas Brenner, a farmer.")
    qs = quotes(text)
    assert len(qs) == 2
    assert "unclosed-quote" not in kinds(text)
    assert qs[0].speaker == qs[1].speaker == "Tomas Brenner"


def test_unclosed_quotation_at_paragraph_end_is_an_error():
    text = "“We lost the harvest, said the farmer.\n\nThe rain stopped on Friday."
    problems = [p for p in analyse(text).problems if p.kind == "unclosed-quote"]
    assert len(problems) == 1
    assert problems[0].severity == "error"
    assert problems[0].start == 0


def test_closing_mark_without_opening_is_an_error():
    text = "The rain stopped” on Friday."
    assert "unclosed-quote" in kinds(text)


def test_mismatched_marks_warn():
    text = "“The rain stopped,\" the pilot said."
    problems = [p for p in analyse(text).problems if p.kind == "mismatched-marks"]
    assert problems and problems[0].severity == "warning"


def test_code_span_is_not_prose():
    text = 'Run `echo "hello"` to test.'
    assert quotes(text) == []


def test_fenced_code_and_front_matter_are_skipped():
    text = '---\ntitle: "A headline"\n---\n\n```\nprint("x\n```\n\nPlain text.'
    assert quotes(text) == []
    assert "unclosed-quote" not in kinds(text)


def test_link_target_and_html_are_skipped():
    text = '[the report](https://example.org/a "Title") and <span title="x">text</span>.'
    assert quotes(text) == []


def test_inch_mark_is_not_a_quotation():
    text = "The pole is 5'10\" tall."
    assert quotes(text) == []
    assert kinds(text) == []
