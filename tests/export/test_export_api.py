import pytest

from desk import export
from desk.model import DeskError

UNCLOSED = "He said “this quotation never closes and goes on for a while.\n\nNext paragraph.\n"


def test_export_writes_and_logs(story, tmp_path):
    lib, article, _ = story
    path = export.export_article(lib, article.id, "html", tmp_path / "a.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    (entry,) = lib.exports.list(article.id)
    assert entry["format"] == "html" and entry["path"] == str(path.resolve())
    assert entry["forced"] == 0


def test_every_registered_format_writes_a_file(story, tmp_path):
    lib, article, _ = story
    for name in export.formats():
        path = export.export_article(lib, article.id, name,
                                     tmp_path / export.default_name(article, name))
        assert path.stat().st_size > 0, name
    assert len(lib.exports.list(article.id)) == len(export.formats())


def test_error_problems_block_and_name_themselves(library, tmp_path):
    article = library.articles.create(headline="Open quote", body=UNCLOSED)
    with pytest.raises(export.ExportBlocked) as caught:
        export.export_article(library, article.id, "txt", tmp_path / "a.txt")
    assert caught.value.problems and all(p.severity == "error" for p in caught.value.problems)
    assert "line 1" in str(caught.value) and "--force" in str(caught.value)
    assert not (tmp_path / "a.txt").exists()
    assert library.exports.list(article.id) == []


def test_force_exports_past_problems_and_logs_it(library, tmp_path):
    article = library.articles.create(headline="Open quote", body=UNCLOSED)
    export.export_article(library, article.id, "txt", tmp_path / "a.txt", force=True)
    assert (tmp_path / "a.txt").exists()
    assert library.exports.list(article.id)[0]["forced"] == 1


def test_existing_file_is_kept_without_force(story, tmp_path):
    lib, article, _ = story
    target = tmp_path / "a.md"
    target.write_text("mine")
    with pytest.raises(DeskError, match="exists"):
        export.export_article(lib, article.id, "md", target)
    assert target.read_text() == "mine"


def test_unknown_format_and_article_are_user_errors(story, tmp_path):
    lib, article, _ = story
    with pytest.raises(DeskError, match="unknown export format"):
        export.export_article(lib, article.id, "rtf", tmp_path / "a.rtf")
    with pytest.raises(DeskError, match="no article"):
        export.export_article(lib, 9999, "md", tmp_path / "a.md")


def test_default_name_is_id_slug_extension(story):
    _lib, article, _ = story
    assert export.default_name(article, "quotes-csv") == (
        f"{article.id}-council-closes-harbour-bridge.quotes.csv")


def test_export_does_not_change_the_article_or_its_tags(story, tmp_path):
    lib, article, _ = story
    before = [q.to_dict() for q in lib.quotes.list(article_id=article.id)]
    export.export_article(lib, article.id, "quotes-csv", tmp_path / "q.csv")
    assert lib.articles.get(article.id) == article
    assert [q.to_dict() for q in lib.quotes.list(article_id=article.id)] == before


def test_failed_pdf_write_is_an_error_and_not_logged(story, tmp_path):
    lib, article, _ = story
    target = tmp_path / "missing-folder" / "a.pdf"
    with pytest.raises(DeskError, match="does not exist"):
        export.export_article(lib, article.id, "pdf", target)
    assert not target.exists()
    assert lib.exports.list(article.id) == []


@pytest.mark.parametrize("fmt", ["quotes-csv", "quotes-xlsx", "quotes-html"])
def test_quote_sheets_export_past_blocking_problems(library, tmp_path, fmt):
    """The sheets are how fact-checkers work through the problems: never gated."""
    article = library.articles.create(headline="Open quote", body=UNCLOSED)
    prepared = export.prepare(library, article.id, fmt, tmp_path / "sheet")
    assert prepared.blocking == []
    path = export.export_article(library, article.id, fmt, tmp_path / export.default_name(article, fmt))
    assert path.stat().st_size > 0
    assert library.exports.list(article.id)[0]["forced"] == 0  # nothing was forced


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "docx", "pdf", "ninjs"])
def test_publishing_formats_stay_gated(library, tmp_path, fmt):
    article = library.articles.create(headline="Open quote", body=UNCLOSED)
    target = tmp_path / export.default_name(article, fmt)
    with pytest.raises(export.ExportBlocked, match="blocks export"):
        export.export_article(library, article.id, fmt, target)
    assert not target.exists()


def test_only_quote_sheets_are_ungated():
    assert [f for f in export.formats() if not export.is_gated(f)] == [
        "quotes-csv", "quotes-xlsx", "quotes-html"]
