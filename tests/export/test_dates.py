"""Dates in exports follow the article's language: en-US writes the month first."""

from __future__ import annotations

import io
from datetime import date, datetime

import docx
import pytest

from desk.export import get_format
from desk.export.base import ExportData
from desk.export.dates import long_date
from desk.model import Article
from tests.export.programs import run

DAY_FIRST = ["en-GB", "en-AU", "en-NZ", "en-IE", "en-IN", "en-ZA"]


def test_american_english_writes_the_month_first():
    assert long_date(date(2026, 12, 2), "en-US") == "December 2, 2026"
    assert long_date("2026-12-02T23:30:00+00:00", "en-US") == "December 2, 2026"
    assert long_date(datetime(2026, 1, 9, 8), "en") == "January 9, 2026"


@pytest.mark.parametrize("language", DAY_FIRST)
def test_every_other_english_writes_the_day_first(language):
    assert long_date(date(2026, 12, 2), language) == "2 December 2026"


def test_a_stamp_that_is_not_a_date_is_shown_as_given():
    assert long_date("sometime in 2026", "en-GB") == "sometime i"
    assert long_date("2026-12-02", None) == "December 2, 2026"


@pytest.fixture(params=[("en-US", "December 2, 2026"), ("en-GB", "2 December 2026")])
def dated(request):
    language, shown = request.param
    article = Article(id=3, headline="Gates open", body="The gates opened.", language=language,
                      updated_at="2026-12-02T09:00:00+00:00")
    return ExportData(article=article), shown


def test_html_prints_the_languages_date(dated):
    data, shown = dated
    page = get_format("html").render(data).decode()
    assert f'<time datetime="2026-12-02">{shown}</time>' in page


def test_text_prints_the_languages_date(dated):
    data, shown = dated
    assert f"\n{shown}\n" in get_format("txt").render(data).decode()


def test_docx_prints_the_languages_date(dated):
    data, shown = dated
    doc = docx.Document(io.BytesIO(get_format("docx").render(data)))
    assert any(p.text == shown for p in doc.paragraphs)


def test_pdf_prints_the_languages_date(dated, tmp_path):
    data, shown = dated
    path = tmp_path / "dated.pdf"
    path.write_bytes(get_format("pdf").render(data))
    assert shown in run("pdftotext", path, "-")
