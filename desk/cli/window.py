"""`desk` with no command (or `desk window`) opens the window, after asking whether there is
a display (desk.cli.display); `desk screenshot OUT.png` renders it offscreen (no display
needed) with an article open."""

from __future__ import annotations

from pathlib import Path

from desk.cli.display import no_display_reason
from desk.model import DeskError


def register(sub) -> None:
    from desk.cli.args import ident  # argparse: not imported by the window's plain start

    p = sub.add_parser("window", help="open the window (the default when no command is given)")
    p.set_defaults(func=run_window)
    s = sub.add_parser("screenshot", help="render the window with an article to a PNG file")
    s.add_argument("out", metavar="OUT.png", help="the PNG file to write")
    s.add_argument("--article", type=ident, metavar="ID", help="the article to show "
                   "(default: the most recently changed)")
    s.add_argument("--size", default="1440x900", metavar="WxH", help="window size (1440x900)")
    s.add_argument("--dark", action="store_true", help="use a dark palette")
    s.set_defaults(func=run_screenshot)


def run_window(args, ctx) -> int:
    """The window on the library file, or on a team library (``--db postgresql://...``)."""
    missing = no_display_reason()
    if missing:
        raise DeskError(missing)
    from desk.app import run

    return run(ctx.db_path)


def run_screenshot(args, ctx) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything creates a QApplication
    try:
        w, h = (int(n) for n in args.size.lower().split("x"))
    except ValueError:
        raise DeskError(f"--size must look like 1440x900, not {args.size!r}") from None
    if not (320 <= w <= 8000 and 240 <= h <= 8000):
        raise DeskError("--size must be between 320x240 and 8000x8000")
    from desk.app import screenshot

    out = screenshot(ctx.db_path, Path(args.out), article_id=args.article, size=(w, h),
                     dark=args.dark)
    print(out)
    return 0
