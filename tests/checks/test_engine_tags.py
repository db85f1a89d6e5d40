"""The checks honour the editor's decisions stored on quotation tags: "not a quotation",
and an assigned speaker or source."""

from desk.checks.attribution.tags import match_decisions
from desk.checks.engine import check_text
from desk.model import SourceRef, TaggedQuote

UNATTRIBUTED = "The plan is dead.\n\n\u201cWe should never have approved it, and it will cost us all.\u201d\n"
QUOTE = "We should never have approved it, and it will cost us all."
ANA = SourceRef(id=7, name="Ana Ruiz")


def kinds(report):
    return [p.kind for p in report.problems]


def test_unattributed_quotation_is_an_error_without_a_tag():
    assert "unattributed-quote" in kinds(check_text(UNATTRIBUTED, spelling=False))


def test_not_a_quote_drops_the_unattributed_error_and_the_quotation():
    tag = TaggedQuote(id=1, text=QUOTE, status="not-a-quote")
    report = check_text(UNATTRIBUTED, tagged=[tag], spelling=False)
    assert "unattributed-quote" not in kinds(report)
    assert report.quotes == [] and not report.has_errors
    assert [q.text for q in report.all_quotes] == [QUOTE]  # still seen by the tag sync


def test_not_a_quote_keeps_the_json_shape():
    tag = TaggedQuote(id=1, text=QUOTE, status="not-a-quote")
    data = check_text(UNATTRIBUTED, tagged=[tag], spelling=False).to_dict()
    assert set(data) == {"words", "quotes", "problems"} and data["quotes"] == []


def test_not_a_quote_drops_an_unclosed_mark():
    text = "He stood 5\u2019 tall and said nothing.\n\nThe \u201cplan is dead, they say.\n"
    before = check_text(text, spelling=False)
    assert "unclosed-quote" in kinds(before)
    (q,) = before.quotes
    after = check_text(text, tagged=[TaggedQuote(id=1, text=q.text, status="not-a-quote")], spelling=False)
    assert "unclosed-quote" not in kinds(after)


def test_not_a_quote_drops_the_anonymous_source_warning():
    text = "\u201cIt is a disaster for the whole town,\u201d one official said, speaking on condition of anonymity.\n"
    assert "anonymous-source" in kinds(check_text(text, spelling=False))
    tag = TaggedQuote(id=1, text="It is a disaster for the whole town,", status="not-a-quote")
    assert "anonymous-source" not in kinds(check_text(text, tagged=[tag], spelling=False))


def test_not_a_quote_also_matches_a_slightly_edited_quotation():
    tag = TaggedQuote(id=1, text="We should never have approved it, and it will cost us.", status="not-a-quote")
    assert "unattributed-quote" not in kinds(check_text(UNATTRIBUTED, tagged=[tag], spelling=False))


def test_not_a_quote_on_one_of_two_equal_quotations_drops_only_the_nearest():
    text = f"\u201c{QUOTE}\u201d\n\nLater, more.\n\n\u201c{QUOTE}\u201d\n"
    second = text.rindex("\u201c")
    tag = TaggedQuote(id=1, text=QUOTE, status="not-a-quote", start=second)
    report = check_text(text, tagged=[tag], spelling=False)
    assert [q.start for q in report.quotes] == [0]
    assert [p.start for p in report.problems if p.kind == "unattributed-quote"] == [0]


def test_plain_tag_keeps_its_own_quotation_from_a_similar_not_a_quote_tag():
    plain = TaggedQuote(id=1, text=QUOTE)
    stale = TaggedQuote(id=2, text="We should never have approved it, and it will cost us.", status="not-a-quote")
    assert match_decisions([stale, plain], [(0, 10, QUOTE)]) == {}


def test_assigned_source_attributes_the_quotation():
    tag = TaggedQuote(id=1, text=QUOTE, source_id=ANA.id)
    report = check_text(UNATTRIBUTED, sources=[ANA], tagged=[tag], spelling=False)
    (q,) = report.quotes
    assert (q.speaker, q.source_id) == ("Ana Ruiz", ANA.id)
    assert "unattributed-quote" not in kinds(report) and "unknown-source" not in kinds(report)


def test_assigned_speaker_wins_over_the_detected_one():
    text = "\u201cWe will rebuild the bridge by spring,\u201d said Tom Hardy.\n"
    tag = TaggedQuote(id=1, text="We will rebuild the bridge by spring,", source_id=ANA.id, speaker="Ana Ruiz")
    report = check_text(text, sources=[ANA], tagged=[tag], spelling=False)
    assert [(q.speaker, q.source_id) for q in report.quotes] == [("Ana Ruiz", ANA.id)]
    assert "unknown-source" not in kinds(report)


def test_assigned_speaker_alone_is_attributed_and_resolves_to_a_known_source():
    tag = TaggedQuote(id=1, text=QUOTE, speaker="Ana Ruiz")
    report = check_text(UNATTRIBUTED, sources=[ANA], tagged=[tag], spelling=False)
    assert [(q.speaker, q.source_id) for q in report.quotes] == [("Ana Ruiz", ANA.id)]
    assert "unattributed-quote" not in kinds(report)


def test_tag_without_a_decision_changes_nothing():
    plain = check_text(UNATTRIBUTED, spelling=False)
    tagged = check_text(UNATTRIBUTED, tagged=[TaggedQuote(id=1, text=QUOTE)], spelling=False)
    assert tagged.to_dict() == plain.to_dict()
