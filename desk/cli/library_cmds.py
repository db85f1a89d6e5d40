"""desk import / list / show / backup / copy / migrate (import runs desk.operations.imports;
copy, migrate and a team library's backup run desk.storage.moving)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from desk.cli.args import count, ident
from desk.cli.output import add_format, local_stamp, print_json, print_table
from desk.model import ARTICLE_STATUSES


def register(sub) -> None:
    p = sub.add_parser("import", help="import Markdown, text, HTML or Word (.docx) files as new articles",
                       description="Import files as new articles and print their ids, one per "
                                   "line. Either every file is imported or none is; each article "
                                   "is committed on its own, so other desks wait only briefly. "
                                   "An import that was killed is resumed by importing the same "
                                   "files again or with --resume, and rolled back (saying so) "
                                   "by an import of other files. A file imported before "
                                   "(the same bytes, under any name) is skipped with a note "
                                   "unless --again. Text that is not UTF-8 is read as "
                                   "Windows-1252, with a note.")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--resume", action="store_true", help="finish an import that was killed")
    p.add_argument("--again", action="store_true",
                   help="import files already in the library again, as new articles")
    p.set_defaults(func=run_import)

    p = sub.add_parser("list", help="list articles, newest change first")
    p.add_argument("--status", choices=ARTICLE_STATUSES)
    p.add_argument("--section")
    p.add_argument("--tag")
    p.add_argument("--search", metavar="QUERY", help="full-text search over headline, dek and body")
    p.add_argument("--trash", action="store_true", help="list the articles in the trash")
    p.add_argument("--limit", type=count, default=None)
    add_format(p)
    p.set_defaults(func=run_list)

    p = sub.add_parser("show", help="show one article")
    p.add_argument("id", type=ident, metavar="ID")
    add_format(p)
    p.set_defaults(func=run_show)

    p = sub.add_parser("backup", help="write a consistent copy of the library (safe while desk runs)",
                       description="Write a consistent copy of the library (--db) to PATH, "
                                   "safe while desks use it: a library file through SQLite's "
                                   "backup API; a team library on PostgreSQL as an SQLite "
                                   "library file of one snapshot of the server. PATH is "
                                   "written beside and renamed into place, so a failed backup "
                                   "leaves nothing half-written.")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--force", action="store_true", help="replace PATH if it exists")
    p.set_defaults(func=run_backup)

    p = sub.add_parser("copy", help="copy the library into a new file or an empty PostgreSQL "
                                    "database (moving it onto a server)",
                       description="Copy every article, revision, source, quotation, material, "
                                   "dictionary word and log of the library (--db) into TARGET, "
                                   "ids and all, in one transaction: a new library file, or an "
                                   "empty PostgreSQL database as postgresql://user@host/dbname. "
                                   "TARGET must hold nothing yet unless --replace; the "
                                   "library is only read.")
    p.add_argument("target", metavar="TARGET")
    p.add_argument("--replace", action="store_true",
                   help="empty TARGET first, in the same transaction (a file TARGET is replaced)")
    p.set_defaults(func=run_copy)

    p = sub.add_parser("migrate", help="copy a whole library from SRC to DST: a file onto a "
                                       "PostgreSQL server, back into a file, or between two",
                       description="Copy every article, revision, tag, quotation and its "
                                   "verification, source, material, log, dictionary word, "
                                   "import batch and stored check result of the library SRC "
                                   "into DST, ids and all (editing locks stay behind). SRC and "
                                   "DST are each a library file or a PostgreSQL database as "
                                   "postgresql://user@host/dbname; --db is not used. All or "
                                   "nothing: a server is written in one transaction, a file "
                                   "beside DST and renamed into place. SRC is read as one "
                                   "snapshot, so desks may go on using it; DST must hold no "
                                   "library rows yet unless --replace. The row counts of every "
                                   "table and a checksum of the articles' text are compared "
                                   "before anything is kept; one line per table says what was "
                                   "copied.")
    p.add_argument("source", metavar="SRC")
    p.add_argument("target", metavar="DST")
    p.add_argument("--replace", action="store_true",
                   help="empty DST first, in the same transaction (a file DST is replaced)")
    p.add_argument("--progress", action="store_true",
                   help="say on stderr how far the copy is, table by table")
    p.set_defaults(func=run_migrate)


def run_import(args, ctx) -> int:
    import sys

    from desk.importing.decode import display_path
    from desk.model import DeskError
    from desk.operations.imports import import_files, read_files, resume_import

    if args.resume == bool(args.files):
        raise DeskError("give the files to import, or --resume (not both)")
    if args.resume:
        result = resume_import(ctx.library())
    else:
        parsed = read_files(args.files)  # before the library is touched
        result = import_files(ctx.library(), paths=args.files, parsed=parsed, again=args.again)
        skipped = {dup.path for dup in result.skipped}
        for path, item in zip(args.files, parsed):
            if item.encoding not in (None, "UTF-8") and str(path) not in skipped:
                print(f"desk: note: {display_path(path)}: read as {item.encoding} "
                      "(not UTF-8)", file=sys.stderr)
    for note in result.notes:
        print(f"desk: note: {note}", file=sys.stderr)
    for dup in result.skipped:
        print(f"desk: note: skipped {display_path(dup.describe())}; "
              "desk import --again imports it anyway", file=sys.stderr)
    for article_id in result.article_ids:
        print(article_id)
    return 0


def run_list(args, ctx) -> int:
    items = ctx.library().articles.list(status=args.status, section=args.section, tag=args.tag,
                                        search=args.search, trashed=args.trash, limit=args.limit)
    if args.format == "json":
        print_json([dataclasses.asdict(a) for a in items])
    else:
        print_table([[a.id, a.status, a.words, local_stamp(a.updated_at), a.headline]
                     for a in items], ["ID", "STATUS", "WORDS", "UPDATED", "HEADLINE"])
    return 0


def run_show(args, ctx) -> int:
    article = ctx.library().articles.get(args.id)
    if args.format == "json":
        print_json(dataclasses.asdict(article))
        return 0
    print(article.headline)
    if article.dek:
        print(article.dek)
    meta = [f"status: {article.status}", f"words: {article.words}"]
    if article.byline:
        meta.insert(0, f"by {article.byline}")
    if article.section:
        meta.append(f"section: {article.section}")
    if article.tags:
        meta.append("tags: " + ", ".join(article.tags))
    if article.updated_by:  # '' before schema 10
        meta.append(f"last changed by {article.updated_by}")
    print(" · ".join(meta))
    print()
    print(article.body, end="" if article.body.endswith("\n") else "\n")
    return 0


def run_copy(args, ctx) -> int:
    from desk.cli import CLI_BUSY_TIMEOUT_MS
    from desk.paths import is_database_url
    from desk.storage.moving import copy_into

    source = ctx.library()
    target = args.target if is_database_url(args.target) else str(Path(args.target).expanduser())
    if not is_database_url(target):
        source.refuse_target(target, "the copy")
    moved = copy_into(source, target, replace=args.replace, busy_timeout_ms=CLI_BUSY_TIMEOUT_MS)
    print(f"copied {moved.copied.summary()} into {moved.where}")
    return 0


def run_migrate(args, ctx) -> int:
    from desk.cli import CLI_BUSY_TIMEOUT_MS
    from desk.storage.moving import migrate

    moved = migrate(args.source, args.target, replace=args.replace,
                    progress=ProgressLine() if args.progress else None,
                    busy_timeout_ms=CLI_BUSY_TIMEOUT_MS)
    for line in moved.copied.lines():
        print(line)
    print(f"migrated {moved.copied.summary()} into {moved.where}; every table's row count "
          "and the articles' checksum match the source's")
    return 0


class ProgressLine:
    """--progress: a line on stderr per table, and every second or so while a long one runs."""

    def __init__(self, every_s: float = 1.0):
        self.every_s = every_s
        self.last = 0.0

    def __call__(self, table: str, done: int, total: int) -> None:
        import sys
        import time

        now = time.monotonic()
        if done < total and now - self.last < self.every_s:
            return
        self.last = now
        print(f"desk: {table}: {done}/{total} row(s)", file=sys.stderr, flush=True)


def run_backup(args, ctx) -> int:
    target = ctx.library().backup(args.path, overwrite=args.force)
    print(target)
    return 0
