"""Compiled patterns kept between runs: served from the file, they behave as re.compile's;
a damaged file or one from another interpreter is not used."""

import marshal
import re

import pytest

from desk.checks import regex_cache

TEXT = "“Soon,” Ana Ruiz said. “Never,” Tom Hardy told reporters."


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """No entries loaded yet; a unique pattern, so re's own in-process cache has none."""
    monkeypatch.setattr(regex_cache, "_entries", None)
    monkeypatch.setattr(regex_cache, "_path", None)
    monkeypatch.setattr(regex_cache, "_dirty", False)
    marker = re.escape(tmp_path.name)
    return tmp_path / "regex.marshal", rf"(?:{marker})?(?P<speaker>[A-Z]\w+ [A-Z]\w+) (said|told)"


def compile_in(path, pattern, flags=0):
    with regex_cache.serving(path):
        return re.compile(pattern, flags)


def forget(monkeypatch):
    monkeypatch.setattr(regex_cache, "_entries", None)
    monkeypatch.setattr(regex_cache, "_path", None)


def test_a_pattern_from_the_file_behaves_as_re_compile_made_it(fresh, monkeypatch):
    path, pattern = fresh
    first = compile_in(path, pattern, re.I)
    regex_cache.save_now()
    assert path.exists()
    forget(monkeypatch)
    calls = []
    real = regex_cache._compiler._code
    monkeypatch.setattr(regex_cache._compiler, "_code", lambda *a: calls.append(a) or real(*a))
    again = compile_in(path, pattern, re.I)
    assert calls == []  # served from the file, not compiled
    plain = re.compile(pattern, re.I)
    for got in (first, again):
        assert (got.pattern, got.flags, got.groups, got.groupindex) == \
            (plain.pattern, plain.flags, plain.groups, plain.groupindex)
        assert [m.span() for m in got.finditer(TEXT)] == [m.span() for m in plain.finditer(TEXT)]
    assert [m["speaker"] for m in again.finditer(TEXT)] == ["Ana Ruiz", "Tom Hardy"]


def test_re_compile_is_itself_again_after_the_block(fresh):
    path, pattern = fresh
    plain = re.compile
    compile_in(path, pattern)
    assert re.compile is plain


@pytest.mark.parametrize("content", [b"", b"not marshal at all", marshal.dumps([1, 2, 3])])
def test_a_damaged_file_is_not_used(fresh, content):
    path, pattern = fresh
    path.write_bytes(content)
    got = compile_in(path, pattern)
    assert [m.group("speaker") for m in got.finditer(TEXT)] == ["Ana Ruiz", "Tom Hardy"]


def test_a_file_from_another_interpreter_is_not_used(fresh):
    path, pattern = fresh
    bogus = (0, [0], 0, {}, (None,))  # would match nothing, or crash, if it were used
    path.write_bytes(marshal.dumps({"key": "another-python", "entries": {(pattern, 0): bogus}}))
    got = compile_in(path, pattern)
    assert [m.group("speaker") for m in got.finditer(TEXT)] == ["Ana Ruiz", "Tom Hardy"]


def test_bytes_and_compiled_patterns_are_left_to_re(fresh):
    path, pattern = fresh
    compiled = re.compile(pattern)
    with regex_cache.serving(path):
        assert re.compile(compiled) is compiled
        assert re.compile(rb"said").search(b"she said")
