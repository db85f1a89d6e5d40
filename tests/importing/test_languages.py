"""Importing reads an article's language through desk.languages: aliases are normalised,
a code desk does not support refuses the file in one line naming it and the supported."""

import pytest

from desk.importing import import_files, read_article
from desk.model import DeskError

SUPPORTED = "en-US, en-GB, en-AU, en-NZ, en-IE, en-IN, en-ZA"


def md(tmp_path, language, name="a.md"):
    p = tmp_path / name
    p.write_text(f"---\ntitle: Floods\nlanguage: {language}\n---\nThe river rose.\n", encoding="utf-8")
    return p


def page(tmp_path, lang, name="a.html"):
    p = tmp_path / name
    p.write_text(f'<html lang="{lang}"><head><title>Floods</title></head><body><article>'
                 "<p>The river rose over the weir on Tuesday night.</p></article></body></html>",
                 encoding="utf-8")
    return p


@pytest.mark.parametrize("given, stored", [("en-GB", "en-GB"), ("en_gb", "en-GB"),
                                           ("EN-au", "en-AU"), ("en", "en-US")])
def test_front_matter_language_is_normalised(tmp_path, given, stored):
    assert read_article(md(tmp_path, given)).fields["language"] == stored


@pytest.mark.parametrize("given", ["fr", "en-CA", "5"])
def test_front_matter_language_desk_does_not_support_is_refused(tmp_path, given):
    path = md(tmp_path, given)
    with pytest.raises(DeskError) as err:
        read_article(path)
    assert str(err.value) == (f"{path}: the front matter names an unknown language '{given}'; "
                              f"desk supports {SUPPORTED}")


@pytest.mark.parametrize("given, stored", [("en-GB", "en-GB"), ("EN_gb", "en-GB"),
                                           ("en-ZA", "en-ZA"), ("en", "en-US")])
def test_html_lang_is_normalised(tmp_path, given, stored):
    assert read_article(page(tmp_path, given)).fields["language"] == stored


def test_html_without_lang_leaves_the_default(tmp_path):
    assert "language" not in read_article(page(tmp_path, "")).fields


def test_html_lang_desk_does_not_support_is_refused_and_nothing_is_imported(tmp_path, library):
    good, bad = md(tmp_path, "en-GB", "good.md"), page(tmp_path, "de-DE")
    with pytest.raises(DeskError) as err:
        import_files(library, [good, bad])
    assert str(err.value) == (f"{bad}: the page's lang attribute: unknown language 'de-DE'; "
                              f"desk supports {SUPPORTED}")
    assert library.articles.count() == 0
