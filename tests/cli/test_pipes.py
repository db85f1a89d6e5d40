"""A reader that stops early (`desk ... | head`) ends every command quietly: status 0,
nothing on stderr, whether stdout is buffered (the usual case) or not."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk.cli import build_parser, main
from desk.storage import Library

ROOT = Path(__file__).resolve().parents[2]
MANY_PROBLEMS = "\n".join("teh colour recieve mispel " * 8 for _ in range(2000)) + "\n"


def _commands(parser, prefix=()):
    """Every command and subcommand, as argv prefixes."""
    for action in parser._actions:
        if isinstance(getattr(action, "choices", None), dict):
            for name, sub in action.choices.items():
                yield (*prefix, name)
                yield from _commands(sub, (*prefix, name))


HELP_ARGVS = [["--help"], ["--version"]] + [[*cmd, "--help"] for cmd in _commands(build_parser())]


@pytest.fixture
def library_with_output(db_path, tmp_path):
    """A library with the welcome article (id 1), an article with problems, and a file."""
    with Library.open(db_path) as lib:
        lib.articles.create(headline="Many problems", body=MANY_PROBLEMS)
    big = tmp_path / "big.md"
    big.write_text(MANY_PROBLEMS, encoding="utf-8")
    return db_path, big


def _run_into_closed_pipe(argv, monkeypatch):
    """main(argv) with stdout a buffered pipe whose reader has already gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    stdout = io.TextIOWrapper(io.FileIO(write_end, "w"), encoding="utf-8")
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    stdout.flush()  # the interpreter's own flush at exit: nothing left to fail
    stdout.close()
    return code, stderr.getvalue()


@pytest.mark.parametrize("argv", HELP_ARGVS, ids=" ".join)
def test_every_help_text_into_a_closed_pipe(argv, monkeypatch):
    assert _run_into_closed_pipe(argv, monkeypatch) == (0, "")


@pytest.mark.parametrize("argv", [
    ["list"], ["list", "--format", "json"], ["show", "2"], ["history", "2"], ["sources", "list"],
    ["sources", "show", "1"], ["quotes", "list"], ["dict", "list"], ["material", "list"],
    ["review", "1"], ["review", "--library"], ["check", "--article", "2"],
    ["check", "--format", "json", "--article", "2"], ["check", "BIG"], ["check", "--format", "gcc", "BIG", "BIG"],
    ["completion", "bash"], ["completion", "zsh"],
], ids=" ".join)
def test_every_reading_command_into_a_closed_pipe(argv, library_with_output, monkeypatch):
    db, big = library_with_output
    argv = [str(big) if a == "BIG" else a for a in argv]
    assert _run_into_closed_pipe(["--db", str(db), *argv], monkeypatch) == (0, "")


def _env(buffered: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    return env


@pytest.mark.subprocess
@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
def test_check_with_long_output_piped_into_head(buffered, library_with_output):
    """More output than a pipe holds, into a real `head -n 1`."""
    db, big = library_with_output
    script = (f'set -o pipefail; "{sys.executable}" -m desk --db "{db}" check "{big}" | head -n 1; '
              'echo "status=$?"')
    proc = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=ROOT,
                          env=_env(buffered), timeout=300)
    first, status = proc.stdout.splitlines()
    assert first.startswith(f"{big}:1:1: warning misspelling:")
    assert status == "status=0" and proc.stderr == ""


@pytest.mark.subprocess
@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"], ["--version"]], ids=" ".join)
def test_short_output_into_a_closed_pipe_as_a_process(argv):
    """A reader gone before desk writes: the interpreter's exit flush is where it failed."""
    proc = subprocess.Popen([sys.executable, "-m", "desk", *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env=_env(True))
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0 and err == ""
