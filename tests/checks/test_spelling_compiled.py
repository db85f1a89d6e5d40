"""The compiled word lists (desk.checks.spelling.compiled): the same words, frequencies,
languages and variants as the lists they are compiled from; rebuilt when a list changes
or the file is damaged; read from a bundle's folder first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desk.checks.spelling import compiled
from desk.checks.spelling.dictionary import (
    LANGUAGES,
    Lexicon,
    base_list_path,
    parse_inputs,
    read_inputs,
    words_dir,
)


@pytest.fixture(scope="module")
def parsed():
    """What the lists say, parsed the slow way (JSON and text, no cache)."""
    _key, raw, files = read_inputs(words_dir(), base_list_path())
    return parse_inputs(raw, files)


@pytest.fixture
def words_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "words"
    shutil.copytree(words_dir(), folder)
    return folder


def test_compiled_lexicon_has_every_word_with_its_frequency(tmp_path, parsed):
    freq, to_gb, to_us, excluded = parsed
    lex = Lexicon(cache_dir=tmp_path)
    assert lex.compiled
    assert list(lex.words) == sorted(freq)
    assert len(lex.freq) == len(freq)
    sample = sorted(freq)[::97]
    assert all(lex.freq[w] == freq[w] and lex.freq.get(w) == freq[w] for w in sample)
    assert lex.freq.get("qzxqzxqzx", 7) == 7 and "qzxqzxqzx" not in lex.freq
    assert lex.to_gb == to_gb and lex.to_us == to_us


def test_compiled_lexicon_knows_what_each_language_knows(tmp_path, parsed):
    freq, _to_gb, _to_us, excluded = parsed
    lex = Lexicon(cache_dir=tmp_path)
    for lang, out in zip(LANGUAGES, excluded):
        known = lex.known(lang)
        assert set(known) == {w for w in freq if w not in out}
        assert lex.excluded(lang) == out
        for w in list(out)[:200] + sorted(freq)[::501]:
            assert (w in known) == (w not in out)
    assert "colour" not in lex.known("en-US") and "colour" in lex.known("en-GB")
    assert lex.other_variant("colour", "en-US") == "color"
    assert lex.other_variant("color", "en-GB") == "colour"
    assert lex.other_variant("the", "en-US") is None
    assert "naïve" in lex.known("en-US") or "naïve" not in freq  # non-ASCII words look up


def test_second_lexicon_is_read_from_the_cache(tmp_path):
    first = Lexicon(cache_dir=tmp_path)
    (path,) = tmp_path.glob("spelling-lexicon-*.bin")
    second = Lexicon(cache_dir=tmp_path)
    assert first.compiled and not second.compiled
    assert second.key == first.key and len(second.words) == len(first.words)
    assert not list(tmp_path.glob(".spelling-*"))  # no temp file left behind
    assert path.name.startswith(f"spelling-lexicon-v{compiled.VERSION}-{first.key[:24]}")


def test_changed_word_list_compiles_again_and_replaces_the_stale_file(tmp_path, words_copy):
    cache = tmp_path / "cache"
    before = Lexicon(words_copy, cache_dir=cache)
    assert "zorblaxian" not in before.known("en-US")
    with (words_copy / "news-curated.txt").open("a", encoding="utf-8") as fh:
        fh.write("\nzorblaxian\n")
    after = Lexicon(words_copy, cache_dir=cache)
    assert after.compiled and after.key != before.key
    assert "zorblaxian" in after.known("en-US")
    assert after.freq["zorblaxian"] >= 2000  # a curated word's frequency
    (only,) = cache.glob("spelling-lexicon-*.bin")
    assert after.key[:24] in only.name
    assert not Lexicon(words_copy, cache_dir=cache).compiled


def test_damaged_or_foreign_file_is_compiled_again(tmp_path):
    good = Lexicon(cache_dir=tmp_path)
    (path,) = tmp_path.glob("spelling-lexicon-*.bin")
    data = path.read_bytes()
    for bad in (data[:100], b"", b"NOTALEXI" + data[8:], data + b"extra"):
        path.write_bytes(bad)
        again = Lexicon(cache_dir=tmp_path)
        assert again.compiled and "receive" in again.known("en-US")
        assert path.read_bytes() == data  # written back whole
    assert len(good.words) == len(again.words)


def test_no_cache_folder_still_works_and_writes_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    lex = Lexicon(cache_dir=blocker / "sub")
    assert "receive" in lex.known("en-US")
    assert Lexicon(cache_dir=None).compiled


def test_prebuilt_folder_is_read_first_and_never_written(tmp_path):
    prebuilt, cache = tmp_path / "bundle", tmp_path / "cache"
    Lexicon(cache_dir=prebuilt)
    before = {p.name: p.read_bytes() for p in prebuilt.iterdir()}
    lex = Lexicon(cache_dir=cache, prebuilt_dir=prebuilt)
    assert not lex.compiled and not cache.exists()
    assert {p.name: p.read_bytes() for p in prebuilt.iterdir()} == before


def test_image_of_a_few_words_round_trips():
    image = compiled.compile_image({"b": 5, "a": 7, "ça": 1}, {"color": "colour"},
                                   {"colour": "color"}, [{"ça"}, set()])
    lex = compiled.CompiledLexicon(image)
    assert list(lex.words) == ["a", "b", "ça"]
    assert [lex.word_id(w) for w in ("a", "b", "ça", "c", "")] == [0, 1, 2, -1, -1]
    assert "ça" not in lex.known(0) and "ça" in lex.known(1)
    assert lex.freq["a"] == 7 and lex.variants() == ({"color": "colour"}, {"colour": "color"})
    with pytest.raises(ValueError):
        compiled.CompiledLexicon(image[:-1])
