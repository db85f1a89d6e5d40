"""desk export: write articles as Markdown, HTML, text, DOCX, PDF, ninjs or quote sheets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk.cli.args import ident
from desk.model import DeskError

EPILOG = """\
formats:
  md           Markdown with YAML front matter (imports back as the same article)
  html         standalone, printable web page (sanitized)
  txt          plain text, wire style
  docx         Word document (--page-size a4|letter)
  pdf          PDF with embedded fonts (--page-size a4|letter)
  ninjs        IPTC ninjs 3.0 JSON
  quotes-csv   quote sheet for fact-checkers (CSV, UTF-8 with BOM)
  quotes-xlsx  quote sheet for fact-checkers (XLSX spreadsheet)
  quotes-html  quote sheet for fact-checkers (printable HTML)

With --dir, each article is written as <id>-<slug>.<ext>. Files are written whole or not
at all, and an existing file is never replaced without --force. An article with
error-severity problems (see `desk check --article ID`) is not exported in a publishing format
(md, html, txt, docx, pdf, ninjs) without --force either; quote sheets are written
whatever the problems, which their Notes column names. Nothing is written unless every
article can be.

exit status:
  0  every file written (their paths are printed, one per line)
  1  blocked by problems in an article (the message lists them); nothing written
  2  a user error: unknown article, bad option, existing file, unwritable folder
"""


def register(sub) -> None:
    from desk.export import PAGE_SIZES, formats

    p = sub.add_parser(
        "export", help="export articles (md, html, txt, docx, pdf, ninjs, quote sheets)",
        description="Export articles to files and print the paths written.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("ids", nargs="+", type=ident, metavar="ID", help="article id(s)")
    p.add_argument("--format", "-f", dest="export_format", required=True, choices=formats(),
                   metavar="FORMAT", help="one of: " + ", ".join(formats()))
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", metavar="FILE", help="the file to write (one ID only)")
    where.add_argument("--dir", metavar="DIR", help="the folder to write <id>-<slug>.<ext> into")
    p.add_argument("--force", action="store_true",
                   help="replace existing files and export despite error-severity problems")
    p.add_argument("--page-size", choices=PAGE_SIZES, default="a4",
                   help="paper size for pdf and docx (default: a4)")
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from desk.export import default_name, prepare, write

    if args.output and len(args.ids) > 1:
        raise DeskError("-o FILE takes one article; use --dir DIR to export several")
    if len(set(args.ids)) != len(args.ids):
        raise DeskError("an article id is given twice")
    if args.dir and not Path(args.dir).is_dir():
        raise DeskError(f"{args.dir} is not a folder")
    lib = ctx.library()

    # Check everything before writing anything.
    plans = []
    for article_id in args.ids:
        article = lib.articles.get(article_id)
        target = Path(args.output) if args.output else Path(args.dir) / default_name(
            article, args.export_format)
        lib.refuse_target(target, "the export")
        if target.is_dir():
            raise DeskError(f"{target} is a folder; use --dir to export into a folder")
        if target.exists() and not args.force:
            raise DeskError(f"{target} exists; choose another name or use --force to replace it")
        plans.append(prepare(lib, article_id, args.export_format, target,
                             page_size=args.page_size))
    blocked = [p for p in plans if p.blocking]
    if blocked and not args.force:
        for plan in blocked:
            print(f"desk: {plan.blocked_message()}", file=sys.stderr)
        if len(blocked) < len(plans):
            print("desk: nothing was exported", file=sys.stderr)
        return 1
    for plan in plans:
        print(write(lib, plan, force=args.force))
        if plan.log_warning:
            print(f"desk: warning: {plan.log_warning}", file=sys.stderr)
    return 0
