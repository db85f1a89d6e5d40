"""Footnotes ([^1] in the text, [^1]: … below it) in every export format."""

from __future__ import annotations

import io
import json

import docx
import lxml.html
import pytest

from desk.export.base import ExportData
from desk.export.render import markdown_html
from desk.model import Article
from tests.export.programs import run

BODY = ("The harbour gates open at dawn.[^gates] The ferry runs hourly.[^2]\n\n"
        "[^gates]: Port authority notice of 1 December.\n"
        "[^2]: The winter *timetable*.\n")


@pytest.fixture
def data():
    return ExportData(article=Article(id=7, headline="Gates open", body=BODY,
                                      updated_at="2026-12-02T09:00:00+00:00"))


def render(fmt: str, data: ExportData) -> bytes:
    from desk.export import get_format

    return get_format(fmt).render(data)


def test_html_numbers_the_references_and_lists_the_notes(data):
    page = lxml.html.fromstring(render("html", data))
    refs = page.xpath('//sup/a[@class="footnote-ref"]')
    assert [(a.text, a.get("href")) for a in refs] == [("1", "#fn-gates"), ("2", "#fn-2")]
    notes = page.xpath('//div[@class="footnote"]//li')
    assert [li.get("id") for li in notes] == ["fn-gates", "fn-2"]
    assert "Port authority notice" in notes[0].text_content()
    assert notes[1].xpath(".//em")[0].text == "timetable"
    assert "[^" not in page.text_content()


def test_the_sanitiser_keeps_footnote_markup_but_not_any_id_or_class():
    out = markdown_html("A.[^1]\n\n[^1]: Note.\n")
    assert 'id="fnref-1"' in out and 'class="footnote"' in out and 'id="fn-1"' in out
    assert 'class="footnote-backref"' in out
    assert markdown_html('<p id="x" class="footnote">Hi</p>') == "<p>Hi</p>"


def test_ninjs_body_carries_the_footnotes(data):
    body = json.loads(render("ninjs", data))["bodies"][0]["value"]
    assert 'class="footnote-ref"' in body and "Port authority notice" in body


def test_plain_text_marks_references_and_lists_notes(data):
    text = render("txt", data).decode()
    assert "The harbour gates open at dawn.[1] The ferry runs hourly.[2]" in text
    notes = text[text.index("NOTES"):]
    assert "[1] Port authority notice of 1 December." in notes
    assert "[2] The winter timetable." in notes
    assert notes.rstrip().endswith("###")
    assert "↩" not in text


def test_docx_raises_the_reference_numbers_and_ends_with_notes(data):
    doc = docx.Document(io.BytesIO(render("docx", data)))
    para = next(p for p in doc.paragraphs if p.text.startswith("The harbour gates"))
    raised = [r.text for r in para.runs if r.font.superscript]
    assert raised == ["1", "2"]
    texts = [p.text for p in doc.paragraphs]
    heading = texts.index("Notes")
    assert doc.paragraphs[heading].style.name == "Heading 2"
    assert texts[heading + 1:] == ["1 Port authority notice of 1 December.", "2 The winter timetable."]
    assert doc.paragraphs[heading + 1].runs[0].font.superscript


def test_pdf_shows_the_notes_without_the_back_links(data, tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_bytes(render("pdf", data))
    text = run("pdftotext", path, "-")
    assert "Port authority notice of 1 December." in text
    assert "The winter timetable." in text
    assert "↩" not in text and "[^" not in text


def test_markdown_keeps_the_footnotes_as_written(data):
    assert BODY.strip() in render("md", data).decode()
