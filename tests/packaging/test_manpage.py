"""desk.1: made from the parser (so it names every command and option), committed up to
date, and rendered by groff and man without a warning."""

import argparse
import os
import subprocess

import pytest

from desk.cli import build_parser
from desk.cli.manpage import command_paths, main, render_manpage
from tests.packaging.files import PACKAGING

PAGE = PACKAGING / "desk.1"


def roff(text: str) -> str:
    return text.replace("-", "\\-")


def section(page: str, path: tuple[str, ...]) -> str:
    """The text of one command's section, up to the next heading."""
    start = page.index(f'.SS "{roff(" ".join(("desk", *path)))}"\n')
    ends = [i for i in (page.find("\n.SS ", start + 1), page.find("\n.SH ", start + 1)) if i != -1]
    return page[start:min(ends)]


def subparser(parser, path):
    for name in path:
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = action.choices[name]
    return parser


def test_the_committed_page_is_what_the_parser_renders():
    assert PAGE.read_text(encoding="utf-8") == render_manpage(build_parser()), (
        "packaging/desk.1 is out of date: run `make man`")


def test_every_command_has_a_section_naming_each_of_its_options():
    parser = build_parser()
    page = render_manpage(parser)
    paths = command_paths(parser)
    assert ("sources", "add") in paths and ("export",) in paths
    for path in paths:
        text = section(page, path)
        for action in subparser(parser, path)._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            for option in action.option_strings:
                assert roff(option) in text, f"desk {' '.join(path)}: {option} missing"
            if not action.option_strings and not isinstance(action, argparse._SubParsersAction):
                assert (action.metavar or action.dest) in text


def test_the_top_level_options_are_listed():
    page = render_manpage(build_parser())
    options = page[page.index(".SH OPTIONS"):page.index(".SH COMMANDS")]
    for option in ("--version", "--verbose", "-v", "--db", "--help"):
        assert roff(option) in options


def test_groff_renders_it_without_warnings():
    r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", str(PAGE)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stderr == "", r.stderr


@pytest.mark.parametrize("width", ["60", "80", "120"])  # long synopses must break somewhere
def test_man_shows_it_with_plain_ascii_options(width):
    env = {**os.environ, "MANWIDTH": width, "LC_ALL": "C.UTF-8"}
    env.pop("MANPAGER", None)
    env.pop("PAGER", None)
    r = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", str(PAGE)],
                       capture_output=True, text=True, timeout=60, env=env)
    assert r.returncode == 0 and r.stderr == "", r.stderr
    text = r.stdout
    assert "DESK(1)" in text and "desk sources add" in text
    assert "--page-size" in text  # a real minus sign would break copying the option


def small_parser():
    parser = argparse.ArgumentParser(prog="desk", description="desk: a test parser.")
    parser.add_argument("--level", default=3, help="how loud (default: %(default)s)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("fetch", aliases=["get"], help="fetch things")
    p.add_argument("names", nargs="+", metavar="NAME", help=".starts with a dot \\ and a backslash")
    p.add_argument("--hidden", help=argparse.SUPPRESS)
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--here", action="store_true", help="Montréal — “here”")
    where.add_argument("--there", metavar="PLACE")
    p.add_argument("extra", nargs="?", metavar="EXTRA")
    return parser


def test_a_parser_renders_with_its_synopsis_groups_defaults_and_escapes():
    page = render_manpage(small_parser())
    assert page.count('.SS "desk fetch"') == 1 and "desk get" not in page  # an alias once
    assert "(\\fB\\-\\-here\\fR | \\fB\\-\\-there\\fR\\ \\fIPLACE\\fR)" in page
    assert "\\fINAME\\fR [\\fINAME\\fR ...] [\\fIEXTRA\\fR]" in page
    assert "how loud (default: 3)" in page
    assert "\\-\\-hidden" not in page
    assert "\n\\&.starts with a dot \\e and a backslash\n" in page
    assert "Montr\\[u00E9]al \\[u2014] \\[u201C]here\\[u201D]" in page
    assert all(ord(ch) < 128 for ch in page)


def test_a_hostile_help_text_still_renders_without_warnings(tmp_path):
    out = tmp_path / "t.1"
    out.write_text(render_manpage(small_parser()), encoding="utf-8")
    r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", str(out)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stderr == "", r.stderr


def test_make_man_writes_the_page_whole(tmp_path):
    out = tmp_path / "desk.1"
    out.write_text("old", encoding="utf-8")
    assert main([str(out)]) == 0
    assert out.read_text(encoding="utf-8") == render_manpage(build_parser())
    assert [p.name for p in tmp_path.iterdir()] == ["desk.1"]  # no temporary left


@pytest.mark.parametrize("path", [("check",), ("quotes", "verify"), ("material", "add")])
def test_a_command_section_starts_with_its_synopsis(path):
    page = render_manpage(build_parser())
    lines = section(page, path).splitlines()
    assert lines[1].startswith("\\fB" + roff(" ".join(("desk", *path))) + "\\fR")
