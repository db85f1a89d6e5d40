"""desk check: quotations, attribution, boilerplate and spelling, like a linter.

    desk [--db PATH] check [--format text|json] [--explain] [--language CODE] (FILE | --article ID)

A check only reads: the library (--db, $DESK_DB or the default one) is opened read-only,
and a FILE is checked without one when none exists there. Inputs: desk.checking.

Exit status: 0 with no error-severity problem, 1 with one, 2 when the input cannot be read.
The JSON shape is relied on by automation: keep it stable.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import sys
from pathlib import Path

from desk.cli.args import ident
from desk.languages import codes
from desk.model import DeskError


def register(sub) -> None:
    p = sub.add_parser("check", help="check quotations, attribution, boilerplate and spelling")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="output format (default: text)")
    p.add_argument("--language", metavar="CODE",
                   help=f"language ({', '.join(codes())}; default: the article's language, a "
                        "file's front matter 'language:', else en-US)")
    p.add_argument("--explain", action="store_true",
                   help="show, per quotation, the speaker candidates with their scores and features")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("file", nargs="?", metavar="FILE", help="a Markdown or plain-text file")
    target.add_argument("--article", type=ident, metavar="ID", help="an article in the library")
    p.set_defaults(func=run)


def read_text_file(path: str) -> str:
    """The file's decoded text, line endings kept so offsets point into the file itself."""
    from desk.importing.decode import decode, read_bytes

    return decode(read_bytes(Path(path)), path, newlines=False)


def run(args, ctx) -> int:
    from desk.checking import check_article, check_inputs, check_with

    language = _option_language(args.language)
    with _read_library(ctx, required=args.article is not None) as lib:
        if args.article is not None:
            article = lib.articles.get(args.article)
            text = article.body
            name = f"article {args.article}"
            report = check_article(lib, article, language=language, suggestions=True,
                                   explain=args.explain)
        else:
            from desk.importing.decode import display_path

            text = read_text_file(args.file)
            name = display_path(args.file)  # a file name that is not UTF-8 still prints
            inputs = check_inputs(lib, None, language=language or _front_matter_language(text))
            report = check_with(text, inputs, suggestions=True, explain=args.explain)
    if args.format == "json":
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for line in format_text(name, text, report.problems):
            print(line)
        if args.explain:
            from desk.checks.attribution.explain import explain_lines

            for entry in report.explain:
                for line in explain_lines(entry, text, name):
                    print(line)
    return 1 if any(p.severity == "error" for p in report.problems) else 0


@contextlib.contextmanager
def _read_library(ctx, *, required: bool):
    """The library, opened read-only: a check is a read. Without --article, a library that
    does not exist (yet) is no library: the file is checked against the word lists alone,
    and nothing is created in the data folder."""
    from desk.cli import CLI_BUSY_TIMEOUT_MS
    from desk.storage import Library

    path = ctx.db_path
    if not required and (not path.exists() or path.is_file() and path.stat().st_size == 0):
        yield None
        return
    lib = Library.open_read_only(path, busy_timeout_ms=CLI_BUSY_TIMEOUT_MS)
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


def format_text(name: str, text: str, problems) -> list[str]:
    """`NAME:LINE:COL: severity kind: message`, lines and columns from 1."""
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
        out.append(f"{name}:{line}:{col}: {p.severity} {p.kind}: {msg}")
    return out
