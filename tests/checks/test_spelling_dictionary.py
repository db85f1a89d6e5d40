"""The spelling normaliser reads the language table: each language's word list."""

import pytest

from desk.checks.spelling.dictionary import LANGUAGES, normalise_language
from desk.languages import LANGUAGES as TABLE


@pytest.mark.parametrize("code, word_list", [
    ("en-US", "en-US"), ("en-GB", "en-GB"), ("en_gb", "en-GB"), ("EN-gb", "en-GB"),
    ("en-AU", "en-GB"), ("en-NZ", "en-GB"), ("en-IE", "en-GB"), ("en-IN", "en-GB"),
    ("en-ZA", "en-GB"), ("en", "en-US"), (None, "en-US"), ("fr", "en-US"), ("en-CA", "en-US"),
])
def test_each_language_is_checked_with_its_word_list(code, word_list):
    assert normalise_language(code) == word_list


def test_every_language_in_the_table_has_a_word_list():
    assert {lang.spelling for lang in TABLE} <= set(LANGUAGES)
