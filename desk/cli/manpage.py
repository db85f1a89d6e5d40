"""desk(1), written from the argparse parser itself so the man page cannot drift from the
commands: every command and sub-command gets a section with its synopsis, help text and
options. `make man` writes packaging/desk.1 (``python -m desk.cli.manpage OUT``); a test
checks that the committed page is what the parser renders today.

The output depends only on the parser (no date, no terminal width, no Python version's
usage formatting), so the same parser always gives the same page."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from desk import __version__

# The page's fixed prose: what the parser cannot say. Keep it true to desk/paths.py and main().
DESCRIPTION = (
    "With no command, desk opens its window on the library (the same as `desk window`). "
    "The commands below work on the same library from a terminal: import and export articles, "
    "check them, keep the source registry and the personal dictionary, review quotations and "
    "move articles through the workflow. Every command takes -h or --help.",
    "The library is one SQLite file. desk check only reads it; every other command that changes "
    "it does so in one transaction, so a refused or interrupted command leaves it as it was.",
)

EXIT_STATUS = (
    ("0", "success"),
    ("1", "desk check found an error-severity problem, or desk export was blocked by one "
          "(nothing written)"),
    ("2", "a user error, printed as one line on standard error: a missing or unreadable file, "
          "an unknown id, a bad option, a library that is locked, damaged or written by a newer desk"),
    ("130", "interrupted (Ctrl+C or SIGTERM); open transactions are rolled back"),
)

ENVIRONMENT = (
    ("DESK_DB", "the library to use when --db is not given"),
    ("DESK_EDITOR", "the editor's name stamped on saves, status changes, exports and "
                    "quotation reviews (default: the window's Preferences, else the login name)"),
    ("DESK_REVIEWER", "the older name of DESK_EDITOR, read when DESK_EDITOR is not set"),
    ("PGPASSWORD, ~/.pgpass", "where a team library's password is found when its "
                              "postgresql:// URL has none (libpq's own; desk never stores it)"),
    ("XDG_DATA_HOME, XDG_STATE_HOME, XDG_CACHE_HOME",
     "where the default library, the log and the spelling index live (see FILES)"),
    ("QT_QPA_PLATFORM", "offscreen renders the window without a display (desk screenshot sets it)"),
)

FILES = (
    ("~/.local/share/desk/library.db", "the default library ($XDG_DATA_HOME/desk/library.db)"),
    ("~/.local/state/desk/desk.log", "the log of what desk did, rotated at 1 MB; attach it to a "
                                     "bug report ($XDG_STATE_HOME/desk/desk.log)"),
    ("~/.cache/desk/", "the spelling suggestion index, built once on a new machine "
                       "($XDG_CACHE_HOME/desk)"),
)


# -- roff ----------------------------------------------------------------------------------
_OPTION_IN_TEXT = re.compile(r"(?<![\w\\-])(--?[A-Za-z][\w-]*)")
_CODE_IN_TEXT = re.compile(r"`([^`]+)`")


def _escape(text: str) -> str:
    """Plain text as roff: backslashes, non-ASCII characters as \\[uXXXX] (groff reads its
    input as Latin-1 unless told otherwise)."""
    out = []
    for ch in text.replace("\\", "\\e"):
        out.append(ch if ord(ch) < 128 else f"\\[u{ord(ch):04X}]")
    return "".join(out)


def _dashes(text: str) -> str:
    return text.replace("-", "\\-")


def _text(text: str) -> str:
    """A help text as a roff paragraph line: options get real minus signs, `code` is bold."""
    text = " ".join(text.split())
    text = _escape(text)
    text = _CODE_IN_TEXT.sub(lambda m: "\\fB" + _dashes(m.group(1)) + "\\fR", text)
    text = _OPTION_IN_TEXT.sub(lambda m: _dashes(m.group(1)), text)
    return _safe_line(text)


def _safe_line(line: str) -> str:
    """A line starting with . or ' would be read as a request."""
    return "\\&" + line if line.startswith((".", "'")) else line


def _bold(text: str) -> str:
    return "\\fB" + _dashes(_escape(text)) + "\\fR"


def _italic(text: str) -> str:
    return "\\fI" + _escape(text) + "\\fR"


# -- the parser ----------------------------------------------------------------------------
def _visible(action: argparse.Action) -> bool:
    return action.help != argparse.SUPPRESS and not isinstance(action, argparse._SubParsersAction)


def _help(action: argparse.Action, prog: str) -> str:
    """The help text with argparse's %(default)s-style fields filled in."""
    text = action.help or ""
    if "%" not in text:
        return text
    params = {k: v for k, v in vars(action).items() if v is not argparse.SUPPRESS}
    params["prog"] = prog
    if params.get("choices") is not None:
        params["choices"] = ", ".join(str(c) for c in params["choices"])
    try:
        return text % params
    except (KeyError, TypeError, ValueError):
        return text


def _metavar(action: argparse.Action) -> str:
    if action.metavar is not None:
        return action.metavar if isinstance(action.metavar, str) else " ".join(action.metavar)
    if action.choices is not None:
        return "|".join(str(c) for c in action.choices)
    return action.dest.upper() if action.option_strings else action.dest


def _value(action: argparse.Action) -> str:
    """What follows an option (or stands for a positional), in italics, with its repeats."""
    if action.nargs == 0:
        return ""
    if action.metavar is None and action.choices is not None:
        word = "|\\:".join(_bold(str(c)) for c in action.choices)  # \: may break a long list
    else:
        word = _italic(_metavar(action))
    if action.nargs == "?":
        return f"[{word}]"
    if action.nargs == "*":
        return f"[{word} ...]"
    if action.nargs == "+":
        return f"{word} [{word} ...]"
    if isinstance(action.nargs, int) and action.nargs > 1:
        return " ".join([word] * action.nargs)
    return word


def _term(action: argparse.Action) -> str:
    """The option as the OPTIONS list names it: every spelling, then its value."""
    value = _value(action)
    if not action.option_strings:
        return value
    names = ", ".join(_bold(s) for s in action.option_strings)
    return f"{names} {value}" if value else names


def _usage_item(action: argparse.Action) -> str:
    if not action.option_strings:
        return _value(action)
    value = _value(action)
    first = _bold(action.option_strings[0])
    return f"{first}\\ {value}" if value else first  # an unbreakable space: the line breaks between items


def _synopsis(path: list[str], parser: argparse.ArgumentParser) -> str:
    """desk CMD POSITIONALS [--option VALUE] (a | b) ..., like argparse's usage but stable."""
    groups = {}
    for group in parser._mutually_exclusive_groups:
        for action in group._group_actions:
            groups[id(action)] = group
    items = [_bold(" ".join(path))]
    actions = [a for a in parser._actions if a.help != argparse.SUPPRESS
               and not isinstance(a, argparse._HelpAction)]
    positionals = [a for a in actions if not a.option_strings]
    optionals = [a for a in actions if a.option_strings]
    commands = [a for a in positionals if isinstance(a, argparse._SubParsersAction)]
    positionals = [a for a in positionals if a not in commands]
    done: set[int] = set()
    for action in positionals + optionals:
        group = groups.get(id(action))
        if group is not None:
            if id(group) in done:
                continue
            done.add(id(group))
            inner = " | ".join(_usage_item(a) for a in group._group_actions)
            items.append(f"({inner})" if group.required else f"[{inner}]")
        elif action.option_strings and not action.required:
            items.append(f"[{_usage_item(action)}]")
        else:
            items.append(_usage_item(action))
    for action in commands:
        word = _italic(_metavar(action)) + " ..."
        items.append(word if action.required else f"[{word}]")
    return " ".join(items)


def _commands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """(name, help, parser) of each sub-command, in --help order, aliases once."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            seen: set[int] = set()
            for name, sub in action.choices.items():
                if id(sub) not in seen:
                    seen.add(id(sub))
                    found.append((name, helps.get(name, ""), sub))
    return found


def _options(parser: argparse.ArgumentParser, prog: str, *, with_help: bool) -> list[str]:
    """The options list: those with a help text (the synopsis names the rest)."""
    lines = []
    for action in parser._actions:
        if not _visible(action) or (isinstance(action, argparse._HelpAction) and not with_help):
            continue
        text = _help(action, prog)
        if text:
            lines += [".TP", _safe_line(_term(action)), _text(text)]
    return lines


def _paragraphs(text: str, raw: bool) -> list[str]:
    if raw:
        body = [_safe_line(_OPTION_IN_TEXT.sub(lambda m: _dashes(m.group(1)), _escape(line.rstrip())))
                for line in text.strip("\n").splitlines()]
        return [".PP", ".nf", *body, ".fi"]
    lines = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines += [".PP", _text(para)]
    return lines


def _command_section(path: list[str], help_text: str, parser: argparse.ArgumentParser) -> list[str]:
    prog = " ".join(path)
    lines = [".SS " + '"' + _dashes(_escape(prog)) + '"', _synopsis(path, parser)]
    if help_text:
        lines += [".PP", _text(help_text[0].upper() + help_text[1:] + ("" if help_text.endswith(".") else "."))]
    raw = issubclass(parser.formatter_class, argparse.RawDescriptionHelpFormatter)
    if parser.description and parser.description.strip() != help_text.strip():
        lines += _paragraphs(parser.description, raw)
    options = _options(parser, prog, with_help=False)
    if options:
        lines += [".PP", "Options:", *options]
    if parser.epilog:
        lines += _paragraphs(parser.epilog, raw)
    for name, sub_help, sub in _commands(parser):
        lines += _command_section([*path, name], sub_help, sub)
    return lines


def _list(title: str, rows: tuple[tuple[str, str], ...], *, bold: bool) -> list[str]:
    lines = [".SH " + title]
    for term, text in rows:
        lines += [".TP", _bold(term) if bold else _italic(term), _text(text)]
    return lines


def render_manpage(parser: argparse.ArgumentParser) -> str:
    """desk.1 as roff (man macros) for this parser."""
    prog = parser.prog
    summary = (parser.description or "").strip()
    if summary.startswith(prog + ":"):
        summary = summary[len(prog) + 1:].strip()
    summary = summary.rstrip(".")
    lines = [
        '.\\" desk.1: written by desk/cli/manpage.py from the parser (make man); do not edit.',
        f'.TH DESK 1 "" "desk {_escape(__version__)}" "User Commands"',
        ".nh",
        ".ad l",
        ".SH NAME",
        f"{_escape(prog)} \\- {_text(summary)}",
        ".SH SYNOPSIS",
        _synopsis([prog], parser),
        ".SH DESCRIPTION",
    ]
    for para in DESCRIPTION:
        lines += [".PP", _text(para)]
    lines += [".SH OPTIONS", *_options(parser, prog, with_help=True)]
    lines.append(".SH COMMANDS")
    for name, help_text, sub in _commands(parser):
        lines += _command_section([prog, name], help_text, sub)
    lines += _list("EXIT STATUS", EXIT_STATUS, bold=True)
    lines += _list("ENVIRONMENT", ENVIRONMENT, bold=True)
    lines += _list("FILES", FILES, bold=False)
    return "\n".join(lines) + "\n"


def command_paths(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and sub-command as a tuple of names, e.g. ("sources", "add")."""
    found = []
    for name, _help_text, sub in _commands(parser):
        found.append((*path, name))
        found += command_paths(sub, (*path, name))
    return found


def main(argv: list[str] | None = None) -> int:
    """`python -m desk.cli.manpage [OUT]`: the page on stdout, or written to OUT whole."""
    from desk.cli import build_parser

    args = sys.argv[1:] if argv is None else argv
    page = render_manpage(build_parser())
    if not args:
        sys.stdout.write(page)
        return 0
    out = Path(args[0])
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
