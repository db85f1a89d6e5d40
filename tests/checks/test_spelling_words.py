"""What counts as a word for the spelling check (our own example sentences)."""

from __future__ import annotations

import pytest

from desk.checks.spelling import check_spelling, is_known


def flagged(text: str, **kw) -> list[str]:
    return [text[p.start:p.end] for p in check_spelling(text, suggest=False, **kw)]


def test_clean_news_sentence_has_no_problems():
    text = ("The minister said on Wednesday that the government would not back down, "
            "and officials in Brussels agreed.")
    assert check_spelling(text) == []


@pytest.mark.parametrize("text", [
    "Officials say it isn’t over and they’ve not given up.",
    "Officials say it isn't over and they've not given up.",
    "Iran’s envoy and Iran's envoy met the minister's aides.",
    "Prices last rose like this in the ’90s and the '80s.",
    "The result was near-universally welcomed after the post-elections talks.",
    "Shares fell 21% to $5.4bn on the 21st, the 3rd fall since 2019; £300m was lost.",
    "OPEC and COVAX met NATO officials; the MPs and NGOs agreed, as did OPEC's chief.",
    "The U.S. and the U.K. signed, as J.R.R. Tolkien might have put it, e.g. today.",
])
def test_words_that_are_fine(text):
    assert flagged(text) == []


def test_code_urls_emails_html_and_front_matter_are_skipped():
    text = (
        "---\ntitle: Recieve draft\nslug: teh-slug\n---\n"
        "See https://example.com/recieve-teh-thing or write to jnoe.smiht@exmaple.org.\n"
        "Run `recieve_all()` then read [the report](https://exmaple.org/reprot) "
        "and <span class=\"wrnog\">this</span>.\n"
        "```\ndef recieve():\n    pass\n```\n"
    )
    assert flagged(text) == []


def test_link_text_is_checked_but_not_its_target():
    text = "Read [the reprot](https://example.org/reprot) now."
    assert flagged(text) == ["reprot"]
    p = check_spelling(text)[0]
    assert text[p.start:p.end] == "reprot" and p.start == text.index("reprot")


def test_explicit_skip_ranges_are_honoured():
    text = "One tpyo here and one tpyo there."
    second = text.index("tpyo", 10)
    assert flagged(text) == ["tpyo", "tpyo"]
    assert flagged(text, skip=[(second, second + 4)]) == ["tpyo"]


def test_words_inside_quotations_are_checked_and_sic_accepts():
    text = 'She wrote: "We definately will." He wrote "definately" [sic] and "teh" (sic).'
    got = check_spelling(text)
    assert [text[p.start:p.end] for p in got] == ["definately"]
    assert got[0].start == text.index("definately")
    assert got[0].suggestions[0] == "definitely"


def test_possessive_of_unknown_word_points_at_the_stem():
    text = "The recieve's effect was clear."
    (p,) = check_spelling(text)
    assert text[p.start:p.end] == "recieve"
    assert p.suggestions[0] == "receive"


def test_non_latin_words_are_left_alone():
    assert flagged("He said «شكرا» and “Спасибо” and 谢谢 to the crowd.") == []


def test_is_known_basics():
    assert is_known("government")
    assert is_known("Government")
    assert is_known("isn’t")
    assert is_known("OPEC")
    assert not is_known("recieve")
    assert not is_known("")
