import csv
import io

import pytest

from desk.export.base import ExportData, QuoteRow
from desk.export.quotes_out import COLUMNS, _cell, render_csv, render_html
from desk.model import Article


def csv_rows(data):
    raw = render_csv(data)
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_every_quotation_with_speaker_source_and_review(story_data):
    rows = csv_rows(story_data)
    assert [r["Quotation"] for r in rows] == ["The bridge is no longer safe for traffic,",
                                              "We were not consulted,"]
    first, second = rows
    assert first["Speaker"] == "Amara Okafor"
    assert first["Source"] == "Amara Okafor"
    assert first["Title"] == "City engineer"
    assert first["Organisation"] == "Cape Town City Council"
    assert first["Contact"] == "'+27 21 555 0100"  # a bare + would start a formula in Excel
    assert first["Status"] == "verified"
    assert first["Origin"] == "interview"
    assert first["Recorded original"] == "The bridge is not safe for traffic any more"
    assert first["Reviewer note"] == "checked against the recording"
    assert first["Reviewed by"] == "sub-editor"
    assert first["Line"] == "3"
    assert second["Speaker"] == "Pieter de Wet"
    assert second["Source"] == "" and second["Status"] == "unverified"


def test_csv_header(story_data):
    assert tuple(csv_rows(story_data)[0].keys()) == COLUMNS


def test_formula_like_cells_are_neutralised():
    data = ExportData(article=Article(id=1, headline="H", body=""),
                      quotes=[QuoteRow(text="=HYPERLINK(\"http://evil\")", note="+1 555")])
    row = csv_rows(data)[0]
    assert row["Quotation"].startswith("'=") and row["Reviewer note"] == "'+1 555"


def test_no_quotations_gives_just_the_header():
    data = ExportData(article=Article(id=1, headline="H", body="No quotes."))
    assert csv_rows(data) == []


def test_html_sheet_lists_quotes_and_escapes(story_data):
    story_data.quotes[1].note = "<script>alert(1)</script>"
    out = render_html(story_data).decode()
    assert "Quote sheet: Council closes harbour bridge" in out
    assert "The bridge is no longer safe for traffic," in out
    assert "+27 21 555 0100" in out and "verified" in out
    assert "checked against the recording" in out
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "2 quotations" in out


def test_html_sheet_flags_a_quotation_without_speaker():
    data = ExportData(article=Article(id=1, headline="H", body=""),
                      quotes=[QuoteRow(text="Nobody said this")])
    assert '<td class="missing">no speaker</td>' in render_html(data).decode()


@pytest.mark.parametrize("value", [
    " =1+1", "\t=1+1", "  +27 21", "\n-2", " @SUM(A1)", "\u00a0=cmd", "\u3000=1",
    "\ufeff=HYPERLINK(\"x\")", "\u200b+1", "＝1+1", "＋27", "－1", "＠SUM(A1)", "  ＝1",
    "\r=1", "﹦1",
])
def test_formula_after_leading_space_or_in_full_width_is_neutralised(value):
    assert _cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Plain words", "1 = 1", "a+b", "e-mail me", "x@y.z", ""])
def test_ordinary_cells_are_left_alone(value):
    assert _cell(value) == value
