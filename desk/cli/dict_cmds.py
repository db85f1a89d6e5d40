"""desk dict add|remove|list: the dictionary (desk.operations.dictionary).

A word is shared (every editor's checks accept it; the default, as every word was before
words could be personal) or, with ``--personal``, the editor's own ($DESK_EDITOR, else
the name set in the window's Preferences, else the OS user)."""

from __future__ import annotations

from desk.cli.args import ident
from desk.cli.output import add_format, print_json, print_table


def register(sub) -> None:
    p = sub.add_parser("dict", help="dictionary: words the spelling check accepts, shared or "
                                    "personal")
    dsub = p.add_subparsers(dest="dict_command", metavar="ACTION", required=True)
    for name, helptext in (("add", "accept words (for every editor, unless --personal)"),
                           ("remove", "stop accepting words (undoes add)")):
        q = dsub.add_parser(name, help=helptext)
        q.add_argument("words", nargs="+", metavar="WORD")
        q.add_argument("--article", type=ident, metavar="ID", help="only in this article")
        q.add_argument("--personal", action="store_true",
                       help="your own words, accepted in your checks only (default: the "
                            "shared dictionary every editor's checks accept)")
        q.set_defaults(func=run_change, action=name)
    q = dsub.add_parser("list", help="list the global words, or one article's own: the shared "
                                     "ones and yours, with their scope")
    q.add_argument("--article", type=ident, metavar="ID")
    scope = q.add_mutually_exclusive_group()
    scope.add_argument("--personal", action="store_true", help="only your own words")
    scope.add_argument("--shared", action="store_true", help="only the shared words")
    scope.add_argument("--everyone", action="store_true",
                       help="every editor's personal words too")
    q.add_argument("--long", action="store_true",
                   help="with --format json: objects with the scope and editor of each word "
                        "instead of the words alone")
    add_format(q)
    q.set_defaults(func=run_list)


def run_change(args, ctx) -> int:
    from desk.operations.dictionary import add_words, remove_words

    op = add_words if args.action == "add" else remove_words
    result = op(ctx.library(), words=args.words, article_id=args.article, personal=args.personal)
    state = "already in" if args.action == "add" else "not in"
    where = "your dictionary" if args.personal else "the shared dictionary"
    for word in result.unchanged:
        print(f"{word}: {state} {where}")
    return 0


def run_list(args, ctx) -> int:
    from desk.editor_name import shown

    lib = ctx.library()
    if args.article is not None:
        lib.articles.get(args.article)  # an unknown id is an error, as for add and remove
    items = lib.dictionary.entries(args.article, everyone=args.everyone)
    if args.personal:
        items = [e for e in items if e.personal]  # entries() gives the editor's own only
    elif args.shared:
        items = [e for e in items if not e.personal]
    if args.format == "json":
        print_json([e.to_dict() for e in items] if args.long else [e.word for e in items])
    else:
        print_table([[e.word, e.scope, shown(e.editor)] for e in items],
                    ["WORD", "SCOPE", "EDITOR"])
    return 0
