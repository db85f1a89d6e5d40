"""Every `desk ...` example in the help texts, and in desk's own messages and docstrings,
names a command that exists, with options that command has and its own placeholders."""

import argparse
import re
from pathlib import Path

import pytest

from desk.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"^[A-Z][A-Z0-9_]*(\.[a-z]+)?$")  # ID, FILE, OUT.png


def _parsers(parser, path=()):
    yield path, parser
    for sub in _subparsers(parser).items():
        yield from _parsers(sub[1], (*path, sub[0]))


def _subparsers(parser) -> dict:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices
    return {}


def _help_texts():
    for path, parser in _parsers(build_parser()):
        yield " ".join(("desk", *path)), parser.format_help()


def _source_texts():
    for file in sorted((ROOT / "desk").rglob("*.py")):
        yield str(file.relative_to(ROOT)), file.read_text(encoding="utf-8")


def examples(text: str) -> list[str]:
    """`desk ...` spans in backticks (a shell pipe ends an example: `desk list | head`)."""
    out = []
    text = " ".join(re.sub(r"\n\s*#\s*", " ", text).split())  # a comment's lines joined
    for span in re.findall(r"`(desk(?: [^`]*)?)`", text):
        out.append(span.split(" | ")[0].strip())
    return out


def problems_in(example: str) -> list[str]:
    """What is wrong with an example, read against the real parser."""
    root = build_parser()
    words = [w.strip("[]()") for w in example.split()[1:]]
    words = [w for w in words if w and w not in ("|", "...")]
    problems: list[str] = []
    parser = root
    path = ["desk"]
    while words:  # global options, then the command and its subcommands
        word = words[0]
        if word.startswith("-"):
            problems += _option(parser, words, example)
            continue
        choices = _subparsers(parser)
        if not choices:
            break
        names = word.split("|")  # `desk new|duplicate|trash|restore`
        unknown = [n for n in names if n not in choices]
        if unknown:
            return problems + [f"{example!r}: no command {' '.join(path)} {unknown[0]}"]
        words.pop(0)
        if len(names) > 1:
            return problems
        parser = choices[word]
        path.append(word)
    positional = [a for a in parser._actions if not a.option_strings
                  and not isinstance(a, argparse._SubParsersAction)]
    metavars = {(a.metavar or a.dest.upper()) for a in positional}
    while words:
        word = words[0]
        if word.startswith("-"):
            problems += _option(parser, words, example)
        else:
            words.pop(0)
            if PLACEHOLDER.match(word) and word not in metavars:
                problems.append(f"{example!r}: {' '.join(path)} takes no {word} "
                                f"(its arguments: {', '.join(sorted(metavars)) or 'none'})")
    return problems


def _option(parser, words: list[str], example: str) -> list[str]:
    """Consume an option (and its value) from words; a problem if the parser lacks it."""
    word = words.pop(0).split("=")[0]
    for action in parser._actions:
        if word in action.option_strings:
            if action.nargs != 0 and words and not words[0].startswith("-"):
                words.pop(0)
            return []
    return [f"{example!r}: {parser.prog} has no option {word}"]


@pytest.mark.parametrize("where, text", list(_help_texts()), ids=lambda v: v if v.startswith("desk") else "")
def test_help_text_examples_exist(where, text):
    found = [p for e in examples(text) for p in problems_in(e)]
    # A command named without backticks, before a placeholder or an option ("desk check ID").
    for m in re.finditer(r"\bdesk ([a-z][\w-]*)(?= (?:[A-Z]{2,}|--?[a-z]))", text):
        if m.group(1) not in _subparsers(build_parser()) and not text[:m.start()].endswith("usage: "):
            found.append(f"{where}: no command desk {m.group(1)}")
    assert found == []


def test_desk_messages_and_docstrings_name_real_commands():
    found = [p for where, text in _source_texts() for e in examples(text)
             for p in (f"{where}: {q}" for q in problems_in(e))]
    assert found == []


@pytest.mark.parametrize("example, wrong", [
    ("desk check ID", "check takes no ID"),
    ("desk frobnicate", "no command desk frobnicate"),
    ("desk export ID --format F --nope", "has no option --nope"),
    ("desk quotes frob", "no command desk quotes frob"),
    ("desk new|bogus", "no command desk bogus"),
])
def test_the_reader_of_examples_catches_mistakes(example, wrong):
    assert any(wrong in p for p in problems_in(example)), problems_in(example)


@pytest.mark.parametrize("example", [
    "desk check --article ID", "desk -v quotes tag ...", "desk check --explain FILE",
    "desk history ID --restore REV", "desk new|duplicate|trash|restore", "desk screenshot OUT.png",
    "desk list", "desk --db PATH list --format json",
])
def test_the_reader_of_examples_accepts_good_ones(example):
    assert problems_in(example) == []
