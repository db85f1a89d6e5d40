"""desk locks / desk unlock: who has which article open for editing, and removing a lock
whose window has gone (desk.operations.editing; the locks themselves: desk.storage.locks)."""

from __future__ import annotations

from desk.cli.args import ident
from desk.cli.output import add_format, print_json, print_table


def register(sub) -> None:
    p = sub.add_parser("locks", help="list who has which article open for editing",
                       description="List the editing locks: the article, the editor whose "
                                   "window has it open, since when (local time), the last "
                                   "heartbeat of that window, and whether the lock is stale "
                                   "(no heartbeat for 2 minutes: the window has gone, and "
                                   "another editor may take the article over).")
    add_format(p)
    p.set_defaults(func=run_locks)

    p = sub.add_parser("unlock", help="remove a stale editing lock (one whose window has gone)",
                       description="Remove the editing lock of article ID when it is stale (no "
                                   "heartbeat for 2 minutes). A lock whose window is still "
                                   "open stays unless --force; that window takes it again "
                                   "at its next heartbeat if nobody else has opened the "
                                   "article meanwhile.")
    p.add_argument("id", type=ident, metavar="ID")
    p.add_argument("--force", action="store_true",
                   help="remove the lock even though its window still keeps it alive")
    p.set_defaults(func=run_unlock)


def _ago(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 120:
        return f"{seconds} s ago"
    if seconds < 7200:
        return f"{seconds // 60} min ago"
    return f"{seconds // 3600} h ago"


def run_locks(args, ctx) -> int:
    from desk.operations.editing import clock_time, list_locks

    locks = list_locks(ctx.library())
    if args.format == "json":
        print_json([{"article_id": lock.article_id, "headline": lock.headline,
                     "editor": lock.editor, "session": lock.session, "taken_at": lock.taken_at,
                     "heartbeat_at": lock.heartbeat_at, "idle_seconds": round(lock.idle_s, 1),
                     "stale": lock.stale} for lock in locks])
        return 0
    if not locks:
        print("no article is open for editing")
        return 0
    print_table([[lock.article_id, lock.editor or "(unnamed)", clock_time(lock.taken_at),
                  _ago(lock.idle_s), "stale" if lock.stale else "editing", lock.headline]
                 for lock in locks],
                ["ID", "EDITOR", "SINCE", "HEARTBEAT", "STATE", "HEADLINE"])
    return 0


def run_unlock(args, ctx) -> int:
    from desk.operations.editing import clock_time, unlock

    result = unlock(ctx.library(), article_id=args.id, force=args.force)
    removed = result.lock
    if removed is None:
        print(f"article {args.id}: no editing lock (nothing to remove)")
        return 0
    who = removed.editor or "an unnamed editor"
    if removed.stale:
        state = "stale"
    elif result.ended:
        state = "its desk on this machine had ended"
    else:
        state = "still alive, removed with --force"
    print(f"article {args.id}: removed the editing lock of {who} (since "
          f"{clock_time(removed.taken_at)}, last heartbeat {_ago(removed.idle_s)}; {state})")
    return 0
