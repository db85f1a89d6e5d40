"""desk completion bash|zsh: a shell completion script, generated from the parser itself
(shtab), so every command, subcommand, option and choice completes as `--help` lists it,
and file arguments complete file names.

    source <(desk completion bash)          # bash, in ~/.bashrc
    eval "$(desk completion zsh)"           # zsh, in ~/.zshrc after compinit
"""

from __future__ import annotations

import argparse
import sys

SHELLS = ("bash", "zsh")
FILE_METAVARS = {"FILE", "PATH", "OUT.png"}
FOLDER_METAVARS = {"DIR"}

EPILOG = """\
install:
  bash  add `source <(desk completion bash)` to ~/.bashrc, or write the script to
        ~/.local/share/bash-completion/completions/desk
  zsh   add `eval "$(desk completion zsh)"` to ~/.zshrc after `compinit`, or write the
        script as _desk into a folder on $fpath
"""


def register(sub) -> None:
    p = sub.add_parser("completion", help="print a shell completion script (bash or zsh)",
                       description="Print a completion script for bash or zsh, generated from "
                                   "desk's own commands and options.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash or zsh")
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    sys.stdout.write(script(args.shell))
    return 0


def script(shell: str) -> str:
    import shtab

    from desk.cli import build_parser

    parser = build_parser()
    for action in _all_actions(parser):
        if action.metavar in FILE_METAVARS:
            action.complete = shtab.FILE  # type: ignore[attr-defined]
        elif action.metavar in FOLDER_METAVARS:
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
    text = shtab.complete(parser, shell=shell)
    return text if text.endswith("\n") else text + "\n"


def _all_actions(parser: argparse.ArgumentParser):
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _all_actions(sub)
