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


# -- an unclosed quotation, as written ---------------------------------------------------
UNCLOSED_BODY = ("The council met on Tuesday.\n\n"
                 "“The bridge isn’t safe — we’ll close it, said Amara Okafor.\n\n"
                 "The vote is on Friday.\n\n"
                 "“We were not consulted,” said Pieter de Wet.\n")


@pytest.fixture
def unclosed_data(library):
    from desk.export.collect import gather

    article = library.articles.create(headline="Bridge", body=UNCLOSED_BODY)
    return gather(library, article.id)


def test_unclosed_quotation_is_kept_as_written_without_a_closing_mark(unclosed_data):
    first, second = csv_rows(unclosed_data)
    assert first["Quotation"] == "“The bridge isn’t safe — we’ll close it, said Amara Okafor."
    assert first["Quotation"] in UNCLOSED_BODY  # exactly the article's text
    assert second["Quotation"] == "We were not consulted,"  # a closed one: its words


def test_unclosed_quotation_is_noted(unclosed_data):
    first, second = csv_rows(unclosed_data)
    assert "error: quotation is not closed before the end of its paragraph" in first["Notes"]
    assert second["Notes"] == ""


def test_html_sheet_adds_no_closing_mark_to_an_unclosed_quotation(unclosed_data):
    out = render_html(unclosed_data).decode()
    assert '<td class="quote">“The bridge isn’t safe — we’ll close it, said Amara Okafor.</td>' in out
    assert '<td class="quote">“We were not consulted,”</td>' in out
    assert "quotation is not closed" in out


def test_notes_name_a_misquote(library):
    from desk.export.collect import gather

    article = library.articles.create(headline="Land", body="“We will never sell the land,” Joan Park said.\n")
    library.quotes.add(article.id, "We will never sell the land,", start=0, end=30,
                       original="We will not sell the land")
    (row,) = csv_rows(gather(library, article.id))
    assert row["Notes"].startswith("error: quotation differs from the recorded original")


# -- XLSX, read back with openpyxl -------------------------------------------------------
def xlsx_sheet(data):
    import openpyxl

    from desk.export.quotes_out import render_xlsx

    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(data)))
    assert book.sheetnames == ["Quotes"]
    return book["Quotes"]


def xlsx_rows(sheet):
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]


def test_xlsx_has_the_header_and_every_quotation(story_data):
    sheet = xlsx_sheet(story_data)
    assert tuple(c.value for c in sheet[1]) == COLUMNS
    assert all(c.font.b for c in sheet[1])
    rows = xlsx_rows(sheet)
    assert [r["Quotation"] for r in rows] == ["The bridge is no longer safe for traffic,",
                                              "We were not consulted,"]
    assert rows[0]["No."] == 1 and rows[0]["Line"] == 3  # numbers, so the sheet sorts by them
    assert rows[0]["Source"] == "Amara Okafor" and rows[0]["Status"] == "verified"
    assert rows[0]["Organisation"] == "Cape Town City Council"


def test_xlsx_keeps_non_ascii_characters(unclosed_data):
    rows = xlsx_rows(xlsx_sheet(unclosed_data))
    assert rows[0]["Quotation"] == "“The bridge isn’t safe — we’ll close it, said Amara Okafor."
    unclosed_data.quotes[1].note = "café owner’s view — checked"
    assert xlsx_rows(xlsx_sheet(unclosed_data))[1]["Reviewer note"] == "café owner’s view — checked"


def test_xlsx_freezes_the_header_wraps_quotations_and_sets_widths(story_data):
    sheet = xlsx_sheet(story_data)
    assert sheet.freeze_panes == "A2"
    quotation = COLUMNS.index("Quotation")
    letter = sheet.cell(row=1, column=quotation + 1).column_letter
    assert sheet.cell(row=2, column=quotation + 1).alignment.wrap_text
    assert sheet.column_dimensions[letter].width > sheet.column_dimensions["A"].width * 5
    status = sheet.cell(row=2, column=COLUMNS.index("Status") + 1)
    assert not status.alignment.wrap_text
    assert status.value == "verified" and status.fill.fgColor.rgb.endswith("E3F4E3")  # green


def test_xlsx_writes_formula_like_text_as_text(story_data):
    story_data.quotes[0].note = '=HYPERLINK("http://evil", "click")'
    sheet = xlsx_sheet(story_data)
    rows = xlsx_rows(sheet)
    assert rows[0]["Reviewer note"] == '=HYPERLINK("http://evil", "click")'  # exactly the words
    assert rows[0]["Contact"] == "+27 21 555 0100"
    note = sheet.cell(row=2, column=COLUMNS.index("Reviewer note") + 1)
    contact = sheet.cell(row=2, column=COLUMNS.index("Contact") + 1)
    assert note.data_type == "s" and note.quotePrefix  # a string, kept a string when edited
    assert contact.data_type == "s" and contact.quotePrefix
    plain = sheet.cell(row=2, column=COLUMNS.index("Source") + 1)
    assert plain.data_type == "s" and not plain.quotePrefix


def test_xlsx_with_no_quotations_is_just_the_header():
    data = ExportData(article=Article(id=1, headline="H", body="No quotes."))
    sheet = xlsx_sheet(data)
    assert sheet.max_row == 1 and sheet["A1"].value == "No."
