"""`desk` with no command (or `desk window`) opens the window."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("window", help="open the window (the default when no command is given)")
    p.set_defaults(func=run_window)


def run_window(args, ctx) -> int:
    from desk.app import run

    return run(ctx.db_path)
