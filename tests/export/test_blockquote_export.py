"""A hard-wrapped block quote credited on the line after it: the export is not blocked,
and the quote sheet and ninjs name its speaker."""

from __future__ import annotations

import csv
import io
import json

import pytest

from desk import export

BODY = """EASTHAVEN — The harbour reopens on Friday.

> “We will open the gates at dawn and the town
> will be safe by noon.
>
> Nobody needs to leave their homes tonight.”

— Mara Quell, harbour master

The council meets again next week.
"""


@pytest.fixture
def article(library):
    return library, library.articles.create(headline="Harbour reopens", body=BODY, status="editing")


def test_the_block_quote_raises_no_problem_that_blocks_export(article, tmp_path):
    lib, a = article
    prepared = export.prepare(lib, a.id, "html", tmp_path / "a.html")
    assert prepared.blocking == []
    assert not [p for p in prepared.data.problems if p.kind == "unclosed-quote"]
    export.write(lib, prepared)
    assert (tmp_path / "a.html").exists()


def test_the_quote_sheet_has_one_quotation_with_its_speaker(article, tmp_path):
    lib, a = article
    path = export.export_article(lib, a.id, "quotes-csv", tmp_path / "a.quotes.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1
    assert rows[0]["Speaker"] == "Mara Quell"
    assert rows[0]["Quotation"].startswith("We will open the gates at dawn and the town")
    assert ">" not in rows[0]["Quotation"]


def test_ninjs_lists_the_speaker_as_a_quoted_person(article, tmp_path):
    lib, a = article
    path = export.export_article(lib, a.id, "ninjs", tmp_path / "a.json")
    item = json.loads(path.read_text(encoding="utf-8"))
    assert [p["name"] for p in item.get("people", [])] == ["Mara Quell"]
