"""desk check: quotations, attribution, boilerplate and spelling, like a linter.

    desk [--db PATH] check [--format text|gcc|json] [--color auto|always|never] [--explain]
                           [--no-suggestions] [--language CODE] (FILE... | --article ID)

A FILE is a Markdown or plain-text file, `-` for standard input, or a folder: its .md and
.txt files, recursively, in name order (a folder's files before its subfolders), hidden
files and folders skipped. A check only reads: the library (--db, $DESK_DB or the default
one) is opened read-only, and files are checked without one when none exists there.
Inputs: desk.checking.

Exit status: 0 with no error-severity problem, 1 with one, 2 when an input cannot be read
(one line on stderr; the other inputs are still checked). The JSON shape is relied on by
automation: keep it stable (--no-suggestions keeps it, with empty "suggestions" lists).
Checking a FILE imports no storage when there is no library, and nothing of the window.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk.cli.args import ident
from desk.cli.output import Paint, add_color, use_color
from desk.languages import codes
from desk.model import DeskError

STDIN = "-"
STDIN_NAME = "<stdin>"
FOLDER_SUFFIXES = (".md", ".txt")
# gcc knows error, warning and note; desk's info is a note, as shellcheck's gcc format has it.
GCC_SEVERITY = {"error": "error", "warning": "warning", "info": "note"}

EPILOG = """\
inputs (any number, checked in the order given):
  FILE    a Markdown or plain-text file
  FOLDER  its .md and .txt files, recursively, in name order (a folder's files before its
          subfolders); hidden files and folders are skipped
  -       standard input, named <stdin> in the output

formats:
  text  FILE:LINE:COL: severity kind: message
  gcc   FILE:LINE:COL: severity: message [kind]   (for editors' problem matchers, such as
        VS Code's $gcc; desk's info problems are gcc's notes)
  json  one object {"words", "quotes", "problems"} for one FILE or --article; for several
        FILEs or a folder a list of such objects, each with "file" first (or "file" and
        "error" for an input that could not be read)

Lines and columns count from 1, columns in characters. Colour (--color auto) goes to a
terminal only, and not when NO_COLOR is set to anything.

exit status:
  0  no error-severity problem
  1  an error-severity problem in some input
  2  an input that cannot be read (the others are still checked), or a bad option
"""


def register(sub) -> None:
    p = sub.add_parser("check", help="check quotations, attribution, boilerplate and spelling",
                       description="Check files, folders, standard input or an article like a "
                                   "linter: one line per problem.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--format", choices=("text", "gcc", "json"), default="text",
                   help="output format (default: text)")
    add_color(p)
    p.add_argument("--language", metavar="CODE",
                   help=f"language ({', '.join(codes())}; default: the article's language, a "
                        "file's front matter 'language:', else en-US)")
    p.add_argument("--explain", action="store_true",
                   help="show, per quotation, the speaker candidates with their scores and features")
    p.add_argument("--no-suggestions", dest="suggestions", action="store_false",
                   help="no corrections for misspellings (faster): none in the text, an "
                        "empty \"suggestions\" list in JSON")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("files", nargs="*", default=[], metavar="FILE",
                        help="a Markdown or plain-text file, a folder, or - for standard input")
    target.add_argument("--article", type=ident, metavar="ID", help="an article in the library")
    p.set_defaults(func=run)


@dataclass
class Checked:
    """One input's outcome: its report and text, or why it could not be read."""

    name: str
    text: str = ""
    report: Any = None  # a CheckReport
    error: str | None = None


@dataclass
class Unlisted:
    """A folder met while walking that could not be listed."""

    name: str
    error: str


def read_text_file(path: str) -> str:
    """The file's decoded text, line endings kept so offsets point into the file itself."""
    from desk.importing.decode import decode, read_bytes

    return decode(read_bytes(Path(path)), path, newlines=False)


def read_stdin() -> str:
    from desk.importing.decode import MAX_BYTES, decode

    try:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    except (OSError, ValueError, AttributeError) as exc:
        raise DeskError(f"{STDIN_NAME}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    if len(data) > MAX_BYTES:
        raise DeskError(f"{STDIN_NAME}: more than 20 MB; desk checks texts up to 20 MB")
    return decode(data, STDIN_NAME, newlines=False)


def expand(files: list[str]) -> tuple[list[str | Unlisted], list[str]]:
    """The inputs to check, in order (folders walked; a folder that cannot be listed is an
    Unlisted, in its place), and warnings for folders with nothing to check. A name that is
    no folder is kept as given: reading it says what is wrong."""
    from desk.importing.decode import display_path

    out: list[str | Unlisted] = []
    warnings: list[str] = []
    for name in files:
        if name != STDIN and os.path.isdir(name):
            found = folder_files(name)
            if not found:
                warnings.append(f"{display_path(name)}: no .md or .txt files in this folder")
            out.extend(found)
        else:
            out.append(name)
    return out, warnings


def folder_files(folder: str) -> list[str | Unlisted]:
    """A folder's .md and .txt files, recursively: each folder's files in name order, then
    its subfolders in name order. Hidden files and folders (a leading dot) are skipped, and
    symbolic links to folders are not followed (no loops)."""
    from desk.importing.decode import display_path

    found: list[str | Unlisted] = []

    def unreadable(exc: OSError) -> None:
        where = display_path(exc.filename if exc.filename is not None else folder)
        found.append(Unlisted(where, f"{where}: cannot read the folder: {exc.strerror or exc}"))

    for here, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(here, n) for n in sorted(names)
                     if not n.startswith(".") and n.lower().endswith(FOLDER_SUFFIXES))
    return found


def run(args, ctx) -> int:
    from desk.checking import check_article

    language = _option_language(args.language)
    paint = Paint(args.format != "json" and use_color(args.color))
    if args.article is not None:
        with _read_library(ctx, required=True) as lib:
            article = lib.articles.get(args.article)
            report = check_article(lib, article, language=language,
                                   suggestions=args.suggestions, explain=args.explain)
        item = Checked(f"article {args.article}", article.body, report)
        if args.format == "json":
            _dump(report.to_dict())
        else:
            _print_text(item, args, paint)
        return status([item])

    inputs, warnings = expand(args.files)
    for warning in warnings:
        print(f"desk: warning: {warning}", file=sys.stderr)
    if inputs.count(STDIN) > 1:
        raise DeskError("standard input (-) can be given once")
    single = len(inputs) == 1 and inputs == args.files  # one FILE, not a folder: one object
    checked = []
    with _read_library(ctx, required=False) as lib:
        cache: dict = {}
        for name in inputs:
            item = _check_one(name, lib, language, cache, explain=args.explain,
                              suggestions=args.suggestions)
            if item.error is not None:
                if single:
                    raise DeskError(item.error)
                print(f"desk: error: {item.error}", file=sys.stderr)
            elif args.format != "json":
                _print_text(item, args, paint)
            checked.append(item)
    if args.format == "json":
        if single:
            _dump(checked[0].report.to_dict())
        else:
            _dump([{"file": c.name, "error": c.error} if c.error is not None
                   else {"file": c.name, **c.report.to_dict()} for c in checked])
    return status(checked)


def status(checked: list[Checked]) -> int:
    if any(c.error is not None for c in checked):
        return 2
    return 1 if any(p.severity == "error" for c in checked for p in c.report.problems) else 0


def _check_one(name: str | Unlisted, lib, language: str | None, cache: dict, *,
               explain: bool, suggestions: bool = True) -> Checked:
    from desk.checking import check_inputs, check_with
    from desk.importing.decode import display_path

    if isinstance(name, Unlisted):
        return Checked(name.name, error=name.error)
    shown = STDIN_NAME if name == STDIN else display_path(name)  # a non-UTF-8 name still prints
    try:
        text = read_stdin() if name == STDIN else read_text_file(name)
    except DeskError as exc:
        return Checked(shown, error=str(exc))
    wanted = language or _front_matter_language(text)
    if wanted not in cache:  # the library's sources and dictionary, read once per language
        cache[wanted] = check_inputs(lib, None, language=wanted)
    report = check_with(text, cache[wanted], suggestions=suggestions, explain=explain)
    return Checked(shown, text, report)


def _print_text(item: Checked, args, paint: Paint) -> None:
    for line in format_text(item.name, item.text, item.report.problems, style=args.format,
                            paint=paint):
        print(line)
    if args.explain:
        from desk.checks.attribution.explain import explain_lines

        for entry in item.report.explain:
            for line in explain_lines(entry, item.text, item.name):
                print(line)


def _dump(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@contextlib.contextmanager
def _read_library(ctx, *, required: bool):
    """The library, opened read-only: a check is a read. Without --article, a library that
    does not exist (yet) is no library: files are checked against the word lists alone,
    and nothing is created in the data folder."""
    path = ctx.db_path
    if not required and isinstance(path, Path) and (
            not path.exists() or path.is_file() and path.stat().st_size == 0):
        yield None
        return
    from desk.cli import CLI_BUSY_TIMEOUT_MS
    from desk.storage import Library  # not imported for files checked without a library

    lib = Library.open_read_only(path, busy_timeout_ms=CLI_BUSY_TIMEOUT_MS,
                                 editor=ctx.editor)  # whose personal words are accepted
    try:
        yield lib
    finally:
        lib.close()


def _option_language(value: str | None) -> str | None:
    from desk.languages import canonical

    return canonical(value) if value is not None else None


def _front_matter_language(text: str) -> str | None:
    """The file's front matter 'language:' when desk supports it (a check does not refuse
    the file for it; an import does)."""
    from desk.importing.markdown_file import split_front_matter
    from desk.languages import lookup

    try:
        meta, _ = split_front_matter(text)
    except DeskError:
        return None
    found = lookup(str(meta.get("language") or meta.get("lang") or ""))
    return found.code if found is not None else None


def format_text(name: str, text: str, problems, *, style: str = "text",
                paint: Paint | None = None) -> list[str]:
    """One line per problem, lines and columns from 1 (columns in characters):
    style `text` is `NAME:LINE:COL: severity kind: message`, style `gcc` is
    `NAME:LINE:COL: severity: message [kind]` with gcc's severities."""
    paint = paint or Paint(False)
    line_starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        line_starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    out = []
    for p in problems:
        i = bisect.bisect_right(line_starts, p.start) - 1
        line, col = i + 1, p.start - line_starts[i] + 1
        msg = " ".join(p.message.split())
        if p.suggestions and p.kind not in ("misquote", "unknown-source", "boilerplate") and any(p.suggestions):
            msg += " (" + ", ".join(s for s in p.suggestions[:3] if s) + ")"
        where = paint.bold(f"{name}:{line}:{col}:")
        if style == "gcc":
            severity = GCC_SEVERITY.get(p.severity, "note")
            out.append(f"{where} {paint.severity(severity + ':', p.severity)} {msg} [{p.kind}]")
        else:
            out.append(f"{where} {paint.severity(p.severity, p.severity)} {p.kind}: {msg}")
    return out
