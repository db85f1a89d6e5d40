"""desk dict add|remove|list: the personal dictionary (desk.operations.dictionary)."""

from __future__ import annotations

from desk.cli.args import ident
from desk.cli.output import add_format, print_json


def register(sub) -> None:
    p = sub.add_parser("dict", help="personal dictionary: words the spelling check accepts")
    dsub = p.add_subparsers(dest="dict_command", metavar="ACTION", required=True)
    for name, helptext in (("add", "accept words"), ("remove", "stop accepting words (undoes add)")):
        q = dsub.add_parser(name, help=helptext)
        q.add_argument("words", nargs="+", metavar="WORD")
        q.add_argument("--article", type=ident, metavar="ID", help="only in this article")
        q.set_defaults(func=run_change, action=name)
    q = dsub.add_parser("list", help="list the global words, or one article's own")
    q.add_argument("--article", type=ident, metavar="ID")
    add_format(q)
    q.set_defaults(func=run_list)


def run_change(args, ctx) -> int:
    from desk.operations.dictionary import add_words, remove_words

    op = add_words if args.action == "add" else remove_words
    result = op(ctx.library(), words=args.words, article_id=args.article)
    state = "already in" if args.action == "add" else "not in"
    for word in result.unchanged:
        print(f"{word}: {state} the dictionary")
    return 0


def run_list(args, ctx) -> int:
    lib = ctx.library()
    if args.article is not None:
        lib.articles.get(args.article)  # an unknown id is an error, as for add and remove
    items = lib.dictionary.list(args.article)
    if args.format == "json":
        print_json(items)
    else:
        for w in items:
            print(w)
    return 0
