"""Problems raised by quotations: attribution, anonymity, sources, surnames, misquotes."""

from desk.checks.attribution import analyse
from desk.model import SourceRef, TaggedQuote


def problems(text, sources=(), tagged=()):
    return analyse(text, sources, tagged).problems


def of_kind(text, kind, **kw):
    return [p for p in problems(text, **kw) if p.kind == kind]


def test_unattributed_statement_is_an_error():
    text = "The vote was close.\n\n“We will appeal the ruling as soon as the court opens.”"
    (p,) = of_kind(text, "unattributed-quote")
    assert p.severity == "error"


def test_scare_quote_is_only_info():
    text = "The so-called “reform” passed in May."
    (p,) = of_kind(text, "unattributed-quote")
    assert p.severity == "info"


def test_attributed_quote_raises_no_attribution_problem():
    text = "“We will appeal the ruling,” said Joan Park."
    assert of_kind(text, "unattributed-quote") == []


def test_anonymous_source_warns():
    text = "“The deal is done,” a senior official said."
    (p,) = of_kind(text, "anonymous-source")
    assert p.severity == "warning"


def test_named_source_is_not_anonymous():
    assert of_kind("“The deal is done,” Joan Park said.", "anonymous-source") == []


def test_unknown_source_warns_once_per_speaker():
    text = "“Yes,” Joan Park said. “No,” Joan Park said later.\n\n“Maybe,” Joan Park added."
    found = of_kind(text, "unknown-source", sources=[SourceRef(id=1, name="Ali Reza")])
    assert len(found) == 1
    assert found[0].severity == "warning"


def test_known_source_does_not_warn():
    text = "“Yes, we agree,” Joan Park said."
    assert of_kind(text, "unknown-source", sources=[SourceRef(id=1, name="Joan Park")]) == []


def test_surname_before_full_name_warns():
    text = "“The plan works,” Dalton said.\n\nRuth Dalton has run the clinic since 2010."
    (p,) = of_kind(text, "surname-before-full-name")
    assert p.severity == "warning"
    assert text[p.start:p.end] == "Dalton"


def test_surname_after_full_name_is_fine():
    text = "Ruth Dalton has run the clinic since 2010.\n\n“The plan works,” Dalton said."
    assert of_kind(text, "surname-before-full-name") == []


def test_misquote_reports_word_difference():
    text = "“We will never sell the land,” Joan Park said."
    tag = TaggedQuote(id=1, text="We will never sell the land,", original="We will not sell the land")
    (p,) = of_kind(text, "misquote", tagged=[tag])
    assert p.severity == "error"
    assert "[-not-]" in p.message and "{+never+}" in p.message


def test_a_misquote_verified_anyway_is_a_warning_that_keeps_the_difference():
    text = "“We will never sell the land,” Joan Park said."
    tag = TaggedQuote(id=1, text="We will never sell the land,", original="We will not sell the land",
                      status="verified")
    (p,) = of_kind(text, "misquote", tagged=[tag])
    assert p.severity == "warning"
    assert "verified anyway" in p.message and "[-not-]" in p.message


def test_faithful_quote_is_not_a_misquote():
    text = "“We will not sell the land,” Joan Park said."
    tag = TaggedQuote(id=1, text="We will not sell the land,", original="We will not sell the land.")
    assert of_kind(text, "misquote", tagged=[tag]) == []


def test_tag_without_matching_quotation_is_ignored():
    text = "“The sky is green today,” Joan Park said."
    tag = TaggedQuote(id=1, text="Taxes will fall next spring", original="Taxes will rise next spring")
    assert of_kind(text, "misquote", tagged=[tag]) == []


def test_problems_sorted_by_start():
    text = "“Open.\n\n“Never,” a source said. The “plan” failed."
    starts = [p.start for p in problems(text)]
    assert starts == sorted(starts)


def test_misquote_across_a_split_quotation():
    text = "“We are ready,” Joan Park said, “to talk to anyone.”"
    tag = TaggedQuote(id=1, text="We are ready to talk to anyone.", original="We are ready to talk to everyone.")
    (p,) = of_kind(text, "misquote", tagged=[tag])
    assert (p.start, p.end) == (0, len(text))
    assert "[-everyone.-]" in p.message and "{+anyone.+}" in p.message


def test_pronoun_they_takes_the_organisation():
    text = "“Prices will rise,” the central bank said. “We cannot wait,” they added."
    qs = analyse(text).quotes
    assert [q.speaker for q in qs] == ["the central bank", "the central bank"]


def test_has_offered_attributes_to_subject():
    text = "The minister has offered “a full and public apology” to the families."
    (q,) = analyse(text).quotes
    assert q.speaker.lower() == "the minister"


def test_pronoun_they_skips_a_document():
    text = ("“Prices will rise,” the central bank said. “Rates stay,” a statement said. "
            "“We cannot wait,” they added.")
    qs = analyse(text).quotes
    assert qs[-1].speaker == "the central bank"
