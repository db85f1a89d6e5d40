"""desk new / duplicate / trash / restore / history: the library panel's buttons and History's
Restore, on the command line. Each runs the same operation as the window
(desk.operations.articles)."""

from __future__ import annotations

from desk.cli.args import ident
from desk.cli.output import add_format, local_stamp, print_json, print_table
from desk.editor_name import shown


def register(sub) -> None:
    p = sub.add_parser("new", help="create an empty draft article and print its id")
    p.add_argument("--headline", metavar="TEXT", default="")
    p.add_argument("--section", metavar="NAME", default="")
    p.set_defaults(func=run_new)

    p = sub.add_parser("duplicate", help="copy an article (fields and tags) and print the copy's id")
    p.add_argument("id", type=ident, metavar="ID")
    p.set_defaults(func=run_duplicate)

    p = sub.add_parser("trash", help="move an article to the trash (`desk restore` brings it back)")
    p.add_argument("id", type=ident, metavar="ID")
    p.set_defaults(func=run_trash)

    p = sub.add_parser("restore", help="bring an article back from the trash")
    p.add_argument("id", type=ident, metavar="ID")
    p.set_defaults(func=run_restore)

    p = sub.add_parser("history", help="list an article's revisions, or restore one",
                       description="List the article's revisions, newest first, with who saved "
                                   "each (— when not recorded). With --restore the revision "
                                   "comes back; the text before it is kept as a new revision, "
                                   "so nothing is lost. With --status, the article's status "
                                   "changes instead: who made each, and why the gate was "
                                   "overridden.")
    p.add_argument("id", type=ident, metavar="ID")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--restore", type=ident, metavar="REV", help="bring back revision REV")
    how.add_argument("--status", action="store_true",
                     help="list the status changes, oldest first, instead of the revisions")
    add_format(p)
    p.set_defaults(func=run_history)


def run_new(args, ctx) -> int:
    from desk.operations.articles import new_article

    print(new_article(ctx.library(), headline=args.headline, section=args.section).article.id)
    return 0


def run_duplicate(args, ctx) -> int:
    from desk.operations.articles import duplicate_article

    print(duplicate_article(ctx.library(), article_id=args.id).article.id)
    return 0


def run_trash(args, ctx) -> int:
    from desk.operations.articles import trash_article

    trash_article(ctx.library(), article_id=args.id)
    print(f"article {args.id}: moved to the trash (desk restore {args.id} brings it back)")
    return 0


def run_restore(args, ctx) -> int:
    from desk.operations.articles import restore_article

    restore_article(ctx.library(), article_id=args.id)
    print(f"article {args.id}: restored from the trash")
    return 0


def run_history(args, ctx) -> int:
    from desk.operations.articles import restore_revision

    lib = ctx.library()
    if args.restore is not None:
        result = restore_revision(lib, revision_id=args.restore, article_id=args.id)
        if args.format == "json":
            print_json({"article_id": args.id, "restored": result.revision.id,
                        "saved_as": result.saved_as.id})
        else:
            print(f"article {args.id}: revision {result.revision.id} restored; the text before "
                  f"it is revision {result.saved_as.id}")
        return 0
    lib.articles.get(args.id, include_deleted=True)  # "no article with id N", not an empty list
    if args.status:
        return _print_status_log(lib, args)
    revisions = lib.revisions.list(args.id)
    if args.format == "json":
        print_json([{"id": r.id, "created_at": r.created_at, "label": r.label,
                     "headline": r.headline, "status": r.status, "editor": r.editor}
                    for r in revisions])
    elif not revisions:  # as `desk locks` says there is none
        print(f"article {args.id} has no revisions yet (one is kept at each save that changes "
              "its text)")
    else:
        print_table([[r.id, _when(r.created_at), shown(r.editor), r.label or "revision",
                      r.headline] for r in revisions],
                    ["REV", "CREATED", "BY", "LABEL", "HEADLINE"])
    return 0


def _print_status_log(lib, args) -> int:
    changes = lib.status_log.list(args.id)
    if args.format == "json":
        print_json([c.to_dict() for c in changes])
        return 0
    if not changes:
        print(f"article {args.id} has had no status changes")
        return 0
    print_table([[_when(c.created_at), shown(c.editor), f"{c.from_status} → {c.to_status}",
                  f"override: {c.override_reason}" if c.override_reason else ""]
                 for c in changes], ["CHANGED", "BY", "STATUS", "NOTE"])
    return 0


def _when(stamp: str) -> str:
    return local_stamp(stamp)
