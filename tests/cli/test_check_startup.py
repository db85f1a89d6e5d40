"""A quick `desk check FILE`: only the check command is registered, and neither YAML, the
export formats, the review nor logging's network handlers are imported for a plain file."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk.cli import _alone, build_parser

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("argv", [["check", "a.md"], ["-v", "check", "-"],
                                  ["--db", "lib.db", "-vv", "check", "a.md"],
                                  ["--db=lib.db", "check", "--format", "json", "a.md"]])
def test_a_check_registers_only_its_command(argv):
    assert _alone(argv) == "desk.cli.check"


@pytest.mark.parametrize("argv", [[], ["-v"], ["--db", "lib.db"], ["window"],
                                  ["screenshot", "out.png"]])
def test_the_window_registers_only_its_commands(argv):
    assert _alone(argv) == "desk.cli.window"


@pytest.mark.parametrize("argv", [["--help", "check"], ["--version"], ["export", "1"],
                                  ["list"], ["--db"], ["-x", "check"], ["-h"]])
def test_anything_else_gets_the_whole_parser(argv):
    assert _alone(argv) is None


def test_no_command_parses_as_the_whole_parser_does():
    alone = vars(build_parser("desk.cli.window").parse_args(["--db", "lib.db", "-v"]))
    whole = vars(build_parser().parse_args(["--db", "lib.db", "-v"]))
    assert alone == whole and alone["command"] is None


def test_the_check_alone_parses_as_the_whole_parser_does():
    argv = ["--db", "lib.db", "check", "--format", "gcc", "--no-suggestions", "a.md", "b.md"]
    alone = vars(build_parser("desk.cli.check").parse_args(argv))
    whole = vars(build_parser().parse_args(argv))
    assert alone == whole


@pytest.mark.subprocess
def test_checking_a_plain_file_imports_no_yaml_export_review_or_log_handlers(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("“We will rebuild,” said Ana Ruiz. Teh council agreed.\n",
                       encoding="utf-8")
    script = (
        "import sys\n"
        "from desk.cli import main\n"
        f"code = main(['--db', {str(tmp_path / 'none.db')!r}, 'check', {str(article)!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'yaml' or "
        "m.startswith(('desk.export', 'desk.review', 'desk.cli.export', 'logging.handlers')))\n"
        "print('LOADED', loaded)\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, timeout=120,
                          env={**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")})
    assert proc.returncode == 0, proc.stderr
    assert "Teh" in proc.stdout
    assert proc.stdout.strip().splitlines()[-1] == "LOADED []"
    assert not (tmp_path / "none.db").exists()
    assert (tmp_path / "state" / "desk" / "desk.log").exists()  # the run is still logged
