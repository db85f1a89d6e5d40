"""The incremental update that gives Qt's PDF a Subject, Keywords and /Lang."""

from __future__ import annotations

import pytest

from desk.export.base import ExportData
from desk.export.pdf_meta import add_document_info, text_string
from desk.model import Article, DeskError
from tests.export.programs import run


@pytest.fixture(scope="module")
def plain_pdf():
    """A PDF as Qt writes it, before desk adds anything (no dek, no tags)."""
    from desk.export.pdf_out import render

    return render(ExportData(article=Article(id=1, headline="H", body="Text.")))


def test_nothing_to_add_leaves_the_file_as_it_was(plain_pdf):
    assert add_document_info(plain_pdf) == plain_pdf


def test_the_update_is_appended_after_the_original(plain_pdf, tmp_path):
    updated = add_document_info(plain_pdf, subject="Übersicht — “quoted”", keywords="a, b",
                                language="en-ZA")
    assert updated.startswith(plain_pdf)
    path = tmp_path / "u.pdf"
    path.write_bytes(updated)
    info = run("pdfinfo", path)
    assert "Subject:         Übersicht — “quoted”" in info
    assert "Keywords:        a, b" in info
    assert "No syntax or stream encoding errors" in run("qpdf", "--check", path)


def test_updating_twice_keeps_one_subject(plain_pdf, tmp_path):
    twice = add_document_info(add_document_info(plain_pdf, subject="First"), subject="Second")
    path = tmp_path / "twice.pdf"
    path.write_bytes(twice)
    info = run("pdfinfo", path)
    assert "Subject:         Second" in info and "First" not in info


def test_text_strings_are_utf16_hex():
    assert text_string("é") == b"<FEFF00E9>"


def test_a_file_that_is_not_such_a_pdf_is_refused():
    with pytest.raises(DeskError):
        add_document_info(b"not a pdf", subject="x")


def test_a_language_that_is_not_a_code_is_refused(plain_pdf):
    with pytest.raises(DeskError):
        add_document_info(plain_pdf, language="en) /Evil (x")
