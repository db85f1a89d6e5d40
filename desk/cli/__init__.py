"""The `desk` command line: one parser, one module per group of commands.

Each command module exposes ``register(subparsers)``; the parser it adds sets
``func=run`` where ``run(args, ctx) -> int``. Commands never print tracebacks
for user errors: they raise DeskError (the library's own troubles included, see
desk.storage.errors) and ``main`` prints one line. ``main`` also sets up the log
(desk.log): ``-v`` says on stderr what desk does, and every run goes to desk.log.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from desk import __version__
from desk.model import DeskError

if TYPE_CHECKING:
    import argparse

log = logging.getLogger(__name__)

# Command modules, in the order they appear in --help.
COMMAND_MODULES = (
    "desk.cli.library_cmds",
    "desk.cli.article_cmds",
    "desk.cli.lock_cmds",
    "desk.cli.sources_cmds",
    "desk.cli.dict_cmds",
    "desk.cli.check",
    "desk.cli.export",
    "desk.cli.review",
    "desk.cli.window",
    "desk.cli.completion",
)


# A command waits this long for another desk's write to finish before saying it is busy
# (the window, typing, keeps its shorter default and retries on its own).
CLI_BUSY_TIMEOUT_MS = 30_000


class Context:
    """What a command needs from the outside world, opened lazily."""

    def __init__(self, db: str | None):
        self.db_arg = db
        self._library = None

    @property
    def db_path(self) -> Path | str:
        """The library's file, or a PostgreSQL library's URL (a str)."""
        from desk.paths import library_path

        return library_path(self.db_arg)

    @property
    def editor(self) -> str:
        """Who is editing: the name every change is stamped with (desk.editor_name)."""
        from desk.editor_name import cli_name

        return cli_name()

    def library(self):
        if self._library is None:
            from desk.storage import Library

            self._library = Library.open(self.db_path, busy_timeout_ms=CLI_BUSY_TIMEOUT_MS,
                                         editor=self.editor)
        return self._library

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None


# Commands whose module is the only one a run of them needs to register: `desk check FILE`
# is a linter's quick run, and the other modules' imports (export, review, storage) would
# be most of it; the window starts without them too. Help and completion always see every
# command.
ALONE = {"check": "desk.cli.check", "window": "desk.cli.window", "screenshot": "desk.cli.window"}
WINDOW = "desk.cli.window"  # no command at all: the window


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with ``only`` (a module of ALONE) one holding just its command."""
    import importlib

    from desk.cli.args import Parser

    parser = Parser(
        prog="desk",
        description="desk: draft, check, review and export news articles.",
    )
    parser.add_argument("--version", action="version", version=f"desk {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="say what desk does on stderr (-vv: with debug detail); the same "
                             "goes to desk.log in the user state folder either way")
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=os.environ.get("DESK_DB") or None,
        help="library database: a file, or a team library on PostgreSQL as "
             "postgresql://user@host/dbname (default: $DESK_DB or the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (only,) if only else COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # a command group not built yet
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from desk.cli.streams import safe_streams
    from desk.log import setup as setup_logging

    safe_streams()
    args = _plain_window(sys.argv[1:] if argv is None else argv)
    if args is None:
        parser = build_parser(_alone(sys.argv[1:] if argv is None else argv))
        try:
            args = parser.parse_args(argv)
        except SystemExit:  # --help, --version: printed, and flushed here while a pipe can fail
            _flush_stdout()
            raise
    setup_logging(args.verbose)
    if args.command not in (None, "window"):
        gc.enable()  # desk/__main__.py left it off for the window's start-up
    started = time.perf_counter()
    from desk.paths import masked

    log.info("desk %s: %s", __version__,  # a URL's password never reaches the log
             masked(" ".join(sys.argv[1:] if argv is None else argv)) or "(the window)")
    ctx = Context(args.db)
    previous = _interrupt_on_sigterm(args.command)
    try:
        if args.command is None:
            from desk.cli.window import run_window

            return run_window(args, ctx)
        code = args.func(args, ctx)
        sys.stdout.flush()  # what is still buffered fails here, not at the interpreter's exit
        return code
    except DeskError as exc:
        log.info("refused: %s", exc)
        print(f"desk: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        _stdout_to_devnull()
        return 0
    except OSError as exc:
        where = f" {exc.filename}:" if exc.filename else ""
        print(f"desk: error:{where} {exc.strerror or exc}", file=sys.stderr)
        return 2
    except OverflowError:
        print("desk: error: a number is too large for the library (ids run up to 2**63 - 1)",
              file=sys.stderr)
        return 2
    except UnicodeError:
        print("desk: error: an argument or file name is not valid UTF-8 text", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        _flush_stdout()
        ctx.close()
        log.debug("%s done in %.3f s", args.command or "window", time.perf_counter() - started)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _plain_window(argv: list[str]) -> SimpleNamespace | None:
    """The window's plain start, `desk` or `desk --db PATH` (PATH not empty, not an option),
    as the parser would read it, without building the parser (argparse and gettext cost
    ~15 million instructions before the first paint); None for anything else."""
    if not argv:
        db = None
    elif len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        db = argv[1]
    elif len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > len("--db="):
        db = argv[0][len("--db="):]
    else:
        return None
    return SimpleNamespace(command=None, verbose=0, db=db or os.environ.get("DESK_DB") or None)


def _alone(argv: list[str]) -> str | None:
    """The ALONE module when the command is one of them (or there is none: the window):
    the arguments before it are only -v and --db (anything else, --help first of all, gets
    the whole parser)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--db":
            if i + 1 >= len(argv):
                return None  # argparse says what is missing
            i += 2
        elif arg.startswith("--db=") or arg in ("--verbose", "-v", "-vv", "-vvv"):
            i += 1
        else:
            return ALONE.get(arg)
    return WINDOW


def _flush_stdout() -> None:
    """What is left in stdout's buffer, written now: a closed pipe (or a full disk) is dealt
    with here, not by a traceback at the interpreter's exit."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except OSError:
        _stdout_to_devnull()


def _stdout_to_devnull() -> None:
    """`desk list | head`: the reader has all it wanted. Nothing more goes to stdout (the
    interpreter's own flush at exit would fail again), and that is not an error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (a test's captured stdout)
        pass


def _interrupt_on_sigterm(command: str | None):
    """A terminal command stopped by SIGTERM (a closed terminal, a shutdown) unwinds like
    Ctrl+C: open transactions roll back, temporary files are removed. The window handles
    its own signals. Returns the handler to restore."""
    if command in (None, "window", "screenshot"):
        return None

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread
        return None
