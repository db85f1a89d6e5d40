"""Front matter written by pandoc users (title, author, lang) imports when desk's own
keys are absent; where both are given, desk's win."""

from __future__ import annotations

import pytest

from desk.importing.markdown_file import parse_markdown


def fields(front: str) -> dict:
    return parse_markdown(f"---\n{front}---\n\nThe gates open.\n", "a.md").fields


def test_pandocs_keys_are_read_when_desks_are_absent():
    got = fields("title: Gates open\nauthor: Mara Quell\nlang: en-GB\ndate: 2026-12-02\n")
    assert (got["headline"], got["byline"], got["language"]) == ("Gates open", "Mara Quell", "en-GB")


@pytest.mark.parametrize("front", [
    "headline: Desk headline\ntitle: Pandoc title\nbyline: Desk byline\nauthor: Pandoc author\n"
    "language: en-AU\nlang: en-US\n",
    "title: Pandoc title\nheadline: Desk headline\nauthor: Pandoc author\nbyline: Desk byline\n"
    "lang: en-US\nlanguage: en-AU\n",
])
def test_desks_keys_win_whichever_comes_first(front):
    got = fields(front)
    assert (got["headline"], got["byline"], got["language"]) == ("Desk headline", "Desk byline", "en-AU")


def test_a_list_of_authors_becomes_one_byline():
    assert fields("author:\n- Mara Quell\n- Ivo Brand\n- Lena Voss\n")["byline"] == \
        "Mara Quell, Ivo Brand and Lena Voss"
    assert fields("author: [Mara Quell]\n")["byline"] == "Mara Quell"
