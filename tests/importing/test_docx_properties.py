"""What desk's DOCX export keeps in the document's properties comes back on import."""

from __future__ import annotations

import pytest

from desk.export.base import ExportData
from desk.export.docx_out import render
from desk.importing import read_article
from desk.model import Article


@pytest.fixture
def exported(tmp_path):
    def write(**fields):
        article = Article(id=1, headline="Gates open at dawn", body="The gates open.", **fields)
        path = tmp_path / "article.docx"
        path.write_bytes(render(ExportData(article=article)))
        return read_article(path)
    return write


def test_reimport_keeps_the_section_tags_and_language(exported):
    parsed = exported(section="City", tags=["harbour", "council"], language="en-GB",
                      dek="The harbour reopens", byline="Lerato Mokoena")
    assert parsed.fields["section"] == "City"
    assert parsed.fields["language"] == "en-GB"
    assert parsed.fields["dek"] == "The harbour reopens"
    assert parsed.fields["byline"] == "Lerato Mokoena"
    assert parsed.tags == ["harbour", "council"]


def test_no_section_or_unknown_language_sets_nothing(exported, tmp_path):
    import docx

    parsed = exported()
    assert "section" not in parsed.fields
    path = tmp_path / "other.docx"
    doc = docx.Document()
    doc.add_paragraph("Text.")
    doc.core_properties.language = "fr-FR"
    doc.save(path)
    assert "language" not in read_article(path).fields


def test_an_imported_docx_lands_in_its_section(library, tmp_path):
    from desk.importing import import_files

    article = Article(id=1, headline="Gates open", body="The gates open.", section="City",
                      language="en-AU")
    path = tmp_path / "gates.docx"
    path.write_bytes(render(ExportData(article=article)))
    (new_id,) = import_files(library, [path])
    stored = library.articles.get(new_id)
    assert (stored.section, stored.language) == ("City", "en-AU")


def test_footnotes_come_back_as_markdown_footnotes(tmp_path):
    body = ("The gates open at dawn.[^1] The ferry runs hourly.[^2]\n\n"
            "[^1]: Port authority notice.\n[^2]: The winter *timetable*.\n")
    path = tmp_path / "notes.docx"
    path.write_bytes(render(ExportData(article=Article(id=1, headline="Gates", body=body))))
    assert read_article(path).fields["body"] == (
        "The gates open at dawn.[^1] The ferry runs hourly.[^2]\n\n"
        "[^1]: Port authority notice.\n[^2]: The winter *timetable*.\n")


def test_a_raised_number_without_a_note_stays_a_number(tmp_path):
    import docx

    doc = docx.Document()
    para = doc.add_paragraph("The area is 40 km")
    para.add_run("2").font.superscript = True
    doc.add_heading("Notes", level=2)
    doc.add_paragraph("Measured in 2026.")
    path = tmp_path / "raised.docx"
    doc.save(path)
    body = read_article(path).fields["body"]
    assert body == "The area is 40 km2\n\n## Notes\n\nMeasured in 2026.\n"
