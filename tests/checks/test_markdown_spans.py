"""Footnotes in the Markdown the checks skip: a reference is not prose, a definition's
text is."""

from __future__ import annotations

from desk.checks.engine import check_text
from desk.checks.markdown_spans import non_prose_spans

TEXT = "The gates opened at dawn.[^mtg2]\n\n[^mtg2]: As the cuncil minutes record.\n"


def skipped(text: str) -> list[str]:
    return [text[a:b] for a, b in non_prose_spans(text)]


def test_footnote_references_and_labels_are_not_prose():
    assert skipped(TEXT) == ["[^mtg2]", "[^mtg2]:"]


def test_a_link_reference_definition_is_still_skipped_whole():
    text = "See [the minutes][m].\n\n[m]: https://example.org/minutes\n"
    assert "[m]: https://example.org/minutes" in skipped(text)


def test_a_footnote_is_spell_checked_but_its_label_is_not():
    words = [TEXT[p.start:p.end] for p in check_text(TEXT).problems if p.kind == "misspelling"]
    assert words == ["cuncil"]
