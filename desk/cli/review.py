"""desk quotes list|verify|tag|status, desk status, desk material add|list, desk review."""

from __future__ import annotations

from desk.cli.args import count, ident
from desk.cli.output import add_format, print_json, print_table
from desk.model import ARTICLE_STATUSES, QUOTE_ORIGINS, QUOTE_STATUSES, DeskError


def register(sub) -> None:
    p = sub.add_parser("quotes", help="quotations found in articles, and their review tags")
    qsub = p.add_subparsers(dest="quotes_command", metavar="ACTION", required=True)

    q = qsub.add_parser("list", help="list quotations with stable ids (rows are synced when an article is saved)")
    q.add_argument("--article", type=ident, metavar="ID")
    q.add_argument("--source", type=ident, metavar="SOURCE_ID")
    q.add_argument("--status", choices=QUOTE_STATUSES)
    q.add_argument("--orphaned", action="store_true",
                   help="also list tags whose quotation is no longer in the text")
    add_format(q)
    q.set_defaults(func=run_list)

    q = qsub.add_parser("verify", help="verify a quotation, optionally against its original words")
    q.add_argument("quote_id", type=ident, metavar="QUOTE_ID")
    how = q.add_mutually_exclusive_group()
    how.add_argument("--original", metavar="TEXT", help="the words as recorded at the source")
    how.add_argument("--material", metavar="FILE", help="find the passage in this transcript or notes file")
    how.add_argument("--material-id", type=ident, metavar="ID", help="find the passage in stored material")
    q.add_argument("--note", metavar="TEXT")
    q.add_argument("--by", metavar="NAME", help="reviewer (default: $DESK_EDITOR, the name set in the window's Preferences, or the OS user)")
    q.add_argument("--force", action="store_true",
                   help="without --original/--material: verify even though the recorded original "
                        "or the attached material says different words")
    add_format(q)
    q.set_defaults(func=run_verify)

    q = qsub.add_parser("tag", help="tag a quotation: source, speaker, origin, reference, note")
    q.add_argument("quote_id", type=ident, metavar="QUOTE_ID")
    q.add_argument("--source", type=ident, metavar="SOURCE_ID")
    q.add_argument("--alias", action="store_true",
                   help="with --source: also remember the detected speaker as the source's alias "
                        "(never a pronoun, country or organisation)")
    q.add_argument("--no-source", action="store_true", help="remove the source tag")
    q.add_argument("--speaker", metavar="NAME",
                   help="who said it: a registered source's name or alias assigns that source")
    q.add_argument("--origin", choices=QUOTE_ORIGINS)
    q.add_argument("--ref", metavar="REF", help="origin reference: URL, file, recording time")
    q.add_argument("--original", metavar="TEXT", help="the recorded original text")
    q.add_argument("--note", metavar="TEXT")
    q.add_argument("--by", metavar="NAME")
    add_format(q)
    q.set_defaults(func=run_tag)

    q = qsub.add_parser("status", help="set a quotation's review status")
    q.add_argument("quote_id", type=ident, metavar="QUOTE_ID")
    q.add_argument("status", choices=QUOTE_STATUSES)
    q.add_argument("--note", metavar="TEXT")
    q.add_argument("--by", metavar="NAME")
    q.set_defaults(func=run_quote_status)

    p = sub.add_parser("status", help="move an article through the workflow (gated at ready/published)")
    p.add_argument("id", type=ident, metavar="ID")
    p.add_argument("status", choices=ARTICLE_STATUSES)
    p.add_argument("--override", metavar="REASON", help="go ahead despite what blocks it; kept in the history")
    p.add_argument("--check", action="store_true", help="only say whether the move is allowed")
    add_format(p)
    p.set_defaults(func=run_status)

    p = sub.add_parser("material", help="source material (transcripts, notes) to check quotations against")
    msub = p.add_subparsers(dest="material_command", metavar="ACTION", required=True)
    q = msub.add_parser("add", help="attach a .txt, .md or .docx file to a source or an article")
    where = q.add_mutually_exclusive_group(required=True)
    where.add_argument("--source", type=ident, metavar="ID")
    where.add_argument("--article", type=ident, metavar="ID")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--title", metavar="T")
    q.set_defaults(func=run_material_add)
    q = msub.add_parser("list", help="list material")
    q.add_argument("--source", type=ident, metavar="ID")
    q.add_argument("--article", type=ident, metavar="ID")
    add_format(q)
    q.set_defaults(func=run_material_list)

    p = sub.add_parser("review", help="quote review report for an article, or the library")
    p.add_argument("id", type=ident, nargs="?", metavar="ID")
    p.add_argument("--library", action="store_true", help="the whole library")
    p.add_argument("--top", type=count, default=10, metavar="N", help="most-quoted sources shown (library)")
    p.add_argument("--progress", action="store_true",
                   help="with --library: count the articles checked again on stderr (only "
                        "articles changed since their stored check are checked)")
    add_format(p)
    p.set_defaults(func=run_review)


# -- quotes ------------------------------------------------------------------------------
def _quote_dict(q) -> dict:
    return {"id": q.id, "article_id": q.article_id, "text": q.text, "speaker": q.speaker,
            "source_id": q.source_id, "status": q.status, "start": q.start, "end": q.end,
            "orphaned": q.start is None, "origin": q.origin, "origin_ref": q.origin_ref,
            "original": q.original, "note": q.note, "reviewed_by": q.reviewed_by,
            "reviewed_at": q.reviewed_at, "assigned": bool(q.assigned), "assigned_by": q.assigned_by}


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def run_list(args, ctx) -> int:
    """Lists the rows as stored: a list is a read; rows are synced when an article is
    saved (the window's autosave, `desk import`)."""
    lib = ctx.library()
    if args.article is not None:
        lib.articles.get(args.article)
    if args.source is not None:
        lib.sources.get(args.source)  # an unknown id is an error, not an empty list
    rows = [q for q in lib.quotes.list(article_id=args.article, status=args.status, source_id=args.source)
            if args.orphaned or q.start is not None]
    if args.format == "json":
        print_json([_quote_dict(q) for q in rows])
    else:
        from desk.editor_name import shown

        print_table([[q.id, q.article_id, q.status + (" (orphaned)" if q.start is None else ""),
                      q.source_id if q.source_id is not None else "-", q.speaker or "-",
                      shown(q.reviewed_by), _short(q.text)]
                     for q in rows], ["ID", "ARTICLE", "STATUS", "SOURCE", "SPEAKER",
                                      "REVIEWED BY", "TEXT"])
    return 0


def _print_quote(q, fmt: str, message: str) -> None:
    if fmt == "json":
        print_json(_quote_dict(q))
    else:
        print(message)


def run_verify(args, ctx) -> int:
    import sys

    from desk.importing.decode import display_path
    from desk.operations import quotes as ops
    from desk.review import format_diff, read_material

    lib = ctx.library()
    if args.material or args.material_id is not None:
        text = None
        if args.material:
            _title, text = read_material(args.material)
        result = ops.verify_from_material(
            lib, quote_id=args.quote_id, material_id=args.material_id, text=text, note=args.note,
            reviewer=args.by, origin_ref=display_path(args.material) if args.material else None)
        if args.format == "json":
            print_json({"quote": result.quote.to_dict(), "verified": result.verified,
                        "recorded": result.recorded,
                        "passage": result.passage.to_dict() if result.passage else None})
        else:
            p = result.passage
            if p is None or not result.recorded:
                score = f" (best score {p.score:.0f})" if p else ""
                print(f"quotation {args.quote_id}: no matching passage found in the material{score}; "
                      "nothing changed")
            elif result.verified:
                print(f"quotation {args.quote_id}: verified; the material says the same "
                      f"(score {p.score:.0f})")
            else:
                print(f"quotation {args.quote_id}: differs from the material (score {p.score:.0f}); "
                      f"original recorded, status {result.quote.status}")
                print(f"  material: {p.text}")
                print(f"  diff:     {format_diff(p.diff)}")
        return 0 if result.verified else 1
    if args.original is None:  # one-click verify: checked against the evidence it has
        try:
            done = ops.verify(lib, quote_id=args.quote_id, force=args.force, note=args.note,
                              reviewer=args.by)
        except ops.EvidenceDiffers as exc:
            print(f"desk: error: {exc} (--force verifies it anyway, vouching for the quotation's "
                  "words)", file=sys.stderr)
            return 1
        evidence = done.evidence
        against = f" against {evidence.where}" if evidence else " (no original or material to check)"
        _print_quote(done.quote, args.format, f"quotation {done.quote.id}: verified{against}")
        return 0
    done = ops.record_original(lib, quote_id=args.quote_id, original=args.original, note=args.note,
                               reviewer=args.by)
    row = done.quote
    if done.verified:
        msg = f"quotation {row.id}: verified"
    else:
        from desk.review import word_diff

        msg = (f"quotation {row.id}: differs from the original; original recorded, status {row.status}\n"
               f"  diff: {format_diff(word_diff(args.original, row.text))}")
    _print_quote(row, args.format, msg)
    return 0 if done.verified else 1


def run_tag(args, ctx) -> int:
    """The same operation as the window's review form and "Assign to source" menu."""
    from desk.operations import quotes as ops

    if args.no_source and args.source is not None:
        raise DeskError("use either --source or --no-source")
    if args.alias and args.source is None:
        raise DeskError("--alias goes with --source SOURCE_ID")
    fields: dict = {k: v for k, v in (("origin", args.origin), ("origin_ref", args.ref),
                                      ("original", args.original), ("note", args.note))
                    if v is not None}
    if args.no_source:
        fields["source_id"] = None
    elif args.source is not None:
        fields["source_id"] = args.source
    if not fields and args.speaker is None:
        raise DeskError("nothing to tag; give --source, --speaker, --origin, --ref, --original "
                        "or --note")
    result = ops.tag(ctx.library(), quote_id=args.quote_id, learn_alias=args.alias,
                     speaker=args.speaker, reviewer=args.by, **fields)
    learned = getattr(result, "alias_learned", None)
    row = result.quote
    _print_quote(row, args.format, f"quotation {row.id}: tagged"
                 + (f"; “{learned}” remembered as a name of source {row.source_id}" if learned else ""))
    return 0


def run_quote_status(args, ctx) -> int:
    from desk.operations import quotes as ops

    row = ops.set_status(ctx.library(), quote_id=args.quote_id, status=args.status, note=args.note,
                         reviewer=args.by).quote
    print(f"quotation {row.id}: {row.status}")
    return 0


# -- article status ----------------------------------------------------------------------
def run_status(args, ctx) -> int:
    from desk.operations.articles import change_status
    from desk.review import check_transition

    lib = ctx.library()
    if args.check:  # a read: says what the gate would do
        result = check_transition(lib, args.id, args.status, args.override)
    else:
        result = change_status(lib, article_id=args.id, status=args.status,
                               override=args.override).gate
    if args.format == "json":
        print_json(result.to_dict())
    elif args.check:
        print(("allowed" if result.allowed else "blocked")
              + (" (with override)" if result.overridden else ""))
        for reason in result.reasons:
            print(f"  {reason}")
    else:
        print(f"article {args.id}: {result.from_status} → {args.status}"
              + (" (override recorded)" if result.overridden else ""))
    return 0 if result.allowed else 1


# -- material ----------------------------------------------------------------------------
def run_material_add(args, ctx) -> int:
    from desk.operations.materials import attach_material
    from desk.review import read_material

    title, text = read_material(args.file)
    m = attach_material(ctx.library(), text=text, title=args.title or _as_text(title),
                        source_id=args.source, article_id=args.article,
                        filename=_display_name(args.file)).material
    print(m.id)
    return 0


def _display_name(path: str) -> str:
    from pathlib import Path

    return _as_text(Path(path).name)


def _as_text(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 become U+FFFD, the rest is kept."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def run_material_list(args, ctx) -> int:
    items = ctx.library().materials.list(source_id=args.source, article_id=args.article)
    if args.format == "json":
        print_json([m.to_dict(with_text=False) for m in items])
    else:
        print_table([[m.id, m.source_id if m.source_id is not None else "-",
                      m.article_id if m.article_id is not None else "-", len(m.text.split()),
                      m.title] for m in items], ["ID", "SOURCE", "ARTICLE", "WORDS", "TITLE"])
    return 0


# -- reports -----------------------------------------------------------------------------
class StderrProgress:
    """`--progress`: on a terminal one count line rewritten in place; otherwise (a log, a
    pipe) a plain line every PLAIN_STEP articles and at the end."""

    PLAIN_STEP = 500

    def __init__(self, stream=None) -> None:
        import sys

        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = self.total = 0
        self.said = -1

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if self.tty:
            self.stream.write(f"\r{self._line()}")
            self.stream.flush()
        elif done == total or done % self.PLAIN_STEP == 0:
            self._say()

    def _line(self) -> str:
        if not self.total:
            return "checked 0 articles: every stored result is up to date"
        return f"checked {self.done}/{self.total} article(s) changed since their last check"

    def _say(self) -> None:
        if self.said != self.done:
            self.said = self.done
            print(self._line(), file=self.stream, flush=True)

    def finish(self) -> None:
        if self.tty:
            self.stream.write(f"\r{self._line()}\n")
            self.stream.flush()
        else:
            self._say()


def run_review(args, ctx) -> int:
    from desk.review import article_report, format_article_report, format_library_report, library_report

    if args.library == (args.id is not None):
        raise DeskError("give an article ID or --library")
    if args.progress and not args.library:
        raise DeskError("--progress goes with --library")
    lib = ctx.library()
    if args.library:
        progress = StderrProgress() if args.progress else None
        report = library_report(lib, top=args.top, progress=progress)
        if progress is not None:
            progress.finish()
        text = format_library_report
    else:
        lib.articles.get(args.id)
        report = article_report(lib, args.id)
        text = format_article_report
    if args.format == "json":
        print_json(report.to_dict())
    else:
        print(text(report))
    return 0
