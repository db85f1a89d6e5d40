"""desk sources list|add|edit|alias|merge|show: the faces of desk.operations.sources."""

from __future__ import annotations

import dataclasses

from desk.cli.args import ident
from desk.cli.output import add_format, print_json, print_table
from desk.model import SOURCE_KINDS


def register(sub) -> None:
    p = sub.add_parser("sources", help="the source registry: people, organisations, anonymous")
    ssub = p.add_subparsers(dest="sources_command", metavar="ACTION", required=True)

    q = ssub.add_parser("list", help="list sources")
    q.add_argument("--search", metavar="QUERY")
    add_format(q)
    q.set_defaults(func=run_list)

    q = ssub.add_parser("add", help="register a source and print its id")
    q.add_argument("name")
    q.add_argument("--kind", choices=SOURCE_KINDS, default="person")
    q.add_argument("--title", default="")
    q.add_argument("--organisation", default="")
    q.add_argument("--role", default="")
    q.add_argument("--contact", default="")
    q.add_argument("--notes", default="")
    q.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    q.set_defaults(func=run_add)

    q = ssub.add_parser("edit", help="change a source's card (only the fields given)")
    q.add_argument("id", type=ident, metavar="ID")
    q.add_argument("--name")
    q.add_argument("--kind", choices=SOURCE_KINDS)
    for field in ("title", "organisation", "role", "contact", "notes"):
        q.add_argument(f"--{field}")
    names = q.add_mutually_exclusive_group()
    names.add_argument("--alias", action="append", dest="aliases", metavar="ALIAS",
                       help="the aliases it should have (repeatable; replaces the present ones)")
    names.add_argument("--no-aliases", action="store_true", help="remove every alias")
    q.set_defaults(func=run_edit)

    q = ssub.add_parser("alias", help="add (or with --remove, remove) another name for a source")
    q.add_argument("id", type=ident, metavar="ID")
    q.add_argument("alias", nargs="+")
    q.add_argument("--remove", action="store_true")
    q.set_defaults(func=run_alias)

    q = ssub.add_parser("merge", help="fold source OTHER into KEEP: its names become aliases, "
                                      "its quotations and material move over")
    q.add_argument("keep", type=ident, metavar="KEEP")
    q.add_argument("other", type=ident, metavar="OTHER")
    q.set_defaults(func=run_merge)

    q = ssub.add_parser("show", help="one source and the articles that quote it")
    q.add_argument("id", type=ident, metavar="ID")
    add_format(q)
    q.set_defaults(func=run_show)


def run_list(args, ctx) -> int:
    items = ctx.library().sources.list(search=args.search)
    if args.format == "json":
        print_json([dataclasses.asdict(s) for s in items])
    else:
        print_table([[s.id, s.kind, s.name, s.title, ", ".join(s.aliases)] for s in items],
                    ["ID", "KIND", "NAME", "TITLE", "ALIASES"])
    return 0


def run_add(args, ctx) -> int:
    from desk.operations.sources import create_source

    source = create_source(ctx.library(), name=args.name, kind=args.kind, title=args.title,
                           organisation=args.organisation, role=args.role, contact=args.contact,
                           notes=args.notes, aliases=args.alias).source
    print(source.id)
    return 0


def run_edit(args, ctx) -> int:
    from desk.operations.sources import update_source

    aliases = [] if args.no_aliases else args.aliases
    source = update_source(ctx.library(), source_id=args.id, name=args.name, kind=args.kind,
                           title=args.title, organisation=args.organisation, role=args.role,
                           contact=args.contact, notes=args.notes, aliases=aliases).source
    print(f"source {source.id}: {source.name}"
          + (f" (also {', '.join(source.aliases)})" if source.aliases else ""))
    return 0


def run_alias(args, ctx) -> int:
    from desk.operations.sources import add_aliases, remove_aliases

    op = remove_aliases if args.remove else add_aliases
    print(", ".join(op(ctx.library(), source_id=args.id, aliases=args.alias).source.aliases))
    return 0


def run_merge(args, ctx) -> int:
    from desk.operations.sources import merge_sources

    kept = merge_sources(ctx.library(), keep_id=args.keep, other_id=args.other).source
    print(f"source {args.other} merged into {kept.id} ({kept.name})"
          + (f"; also {', '.join(kept.aliases)}" if kept.aliases else ""))
    return 0


def run_show(args, ctx) -> int:
    lib = ctx.library()
    source = lib.sources.get(args.id)
    quoted = lib.sources.quoted_in(args.id)
    if args.format == "json":
        print_json({**dataclasses.asdict(source), "quoted_in": quoted})
        return 0
    print(f"{source.name} ({source.kind})")
    for label in ("title", "organisation", "role", "contact", "notes"):
        if getattr(source, label):
            print(f"  {label}: {getattr(source, label)}")
    if source.aliases:
        print("  aliases: " + ", ".join(source.aliases))
    for row in quoted:
        print(f"  quoted in #{row['id']} {row['headline']} ({row['quotes']})")
    return 0
