"""The table of languages (desk.languages): codes, aliases, refusals."""

import pytest

from desk.languages import LANGUAGES, UnknownLanguage, canonical, codes, language, lookup
from desk.model import DeskError


def test_the_table_lists_the_supported_english_variants():
    assert codes() == ("en-US", "en-GB", "en-AU", "en-NZ", "en-IE", "en-IN", "en-ZA")
    assert len({lang.label for lang in LANGUAGES}) == len(LANGUAGES)
    assert {lang.quotes for lang in LANGUAGES} == {"double", "single"}
    assert {lang.spelling for lang in LANGUAGES} == {"en-US", "en-GB"}


@pytest.mark.parametrize("code, quotes, spelling", [
    ("en-US", "double", "en-US"), ("en-GB", "single", "en-GB"), ("en-AU", "single", "en-GB"),
    ("en-NZ", "double", "en-GB"), ("en-ZA", "double", "en-GB"),
])
def test_each_language_names_its_marks_and_word_list(code, quotes, spelling):
    entry = lookup(code)
    assert (entry.quotes, entry.spelling) == (quotes, spelling)


@pytest.mark.parametrize("alias, code", [
    ("en_gb", "en-GB"), ("EN-gb", "en-GB"), (" en-au ", "en-AU"), ("en-uk", "en-GB"),
    ("en", "en-US"), ("EN_us", "en-US"),
])
def test_aliases_are_normalised(alias, code):
    assert canonical(alias) == code


@pytest.mark.parametrize("code", ["fr", "en-CA", "english", "", None, "en-GB-oxendict"])
def test_unknown_codes_are_refused_with_one_line_naming_them_and_the_supported(code):
    with pytest.raises(UnknownLanguage) as err:
        canonical(code)
    message = str(err.value)
    assert isinstance(err.value, DeskError) and "\n" not in message
    assert repr(str(code)) in message and "en-US, en-GB, en-AU" in message


def test_the_checks_read_an_unknown_stored_code_as_the_default():
    assert language("xx-YY").code == "en-US"
    assert language("en_au").code == "en-AU"
