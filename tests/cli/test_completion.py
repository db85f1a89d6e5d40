"""desk completion: bash and zsh scripts generated from the parser, loaded by the real shells."""

import subprocess
import sys
from pathlib import Path

import pytest

from desk.cli import build_parser
from desk.cli.completion import script

ROOT = Path(__file__).resolve().parents[2]
DESK = f'"{sys.executable}" -m desk'

# Ask bash's completion function what it offers for a command line, as bash would on Tab.
BASH_ASK = r"""
source <(%s completion bash)
offer() {
  COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _shtab_desk "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  printf '%%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '; echo
}
"""


def _bash(commands: str, cwd) -> list[str]:
    proc = subprocess.run(["bash", "-c", BASH_ASK % DESK + commands], capture_output=True,
                          text=True, cwd=cwd, timeout=120)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    return [line.split() for line in proc.stdout.splitlines()]


def _commands():
    for action in build_parser()._actions:
        if isinstance(getattr(action, "choices", None), dict):
            return sorted(action.choices)
    return []


@pytest.mark.subprocess
def test_bash_sources_the_script_and_registers_desk(tmp_path):
    proc = subprocess.run(["bash", "-c", f"source <({DESK} completion bash); complete -p desk"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "complete -o bashdefault -F _shtab_desk desk"


@pytest.mark.subprocess
def test_bash_completes_commands_options_choices_and_files(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "story.md").write_text("x")
    every, ch, opts, formats, quotes, files, shells = _bash(
        "offer desk ''; offer desk ch; offer desk check --fo; offer desk check --format ''; "
        "offer desk quotes ''; offer desk check drafts/s; offer desk completion ''", tmp_path)
    assert every == _commands() and "completion" in every
    assert ch == ["check"]
    assert opts == ["--format"]
    assert formats == ["gcc", "json", "text"]
    assert quotes == ["list", "status", "tag", "verify"]
    assert files == ["drafts/story.md"]
    assert shells == ["bash", "zsh"]


def test_every_option_of_every_command_is_in_the_bash_script():
    text = script("bash")
    for name, sub in next(a.choices for a in build_parser()._actions
                          if isinstance(getattr(a, "choices", None), dict)).items():
        for action in sub._actions:
            for option in action.option_strings:
                assert option in text, f"desk {name} {option}"


@pytest.mark.subprocess
def test_zsh_parses_the_script_and_registers_it(tmp_path):
    (tmp_path / "_desk").write_text(script("zsh"), encoding="utf-8")
    syntax = subprocess.run(["zsh", "-n", str(tmp_path / "_desk")], capture_output=True, text=True,
                            timeout=60)
    assert syntax.returncode == 0, syntax.stderr
    # As a file on $fpath (#compdef) and through eval in ~/.zshrc: both register a completer.
    check = (f'fpath=("{tmp_path}" $fpath); autoload -U compinit; compinit -u -D; '
             'print -r -- ${_comps[desk]}; '
             f'eval "$({DESK} completion zsh)"; print -r -- ${{_comps[desk]}}')
    proc = subprocess.run(["zsh", "-f", "-c", check], capture_output=True, text=True, cwd=ROOT,
                          env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert proc.stdout.split() == ["_desk", "_shtab_desk"]


def test_an_unknown_shell_is_a_one_line_error(run):
    with pytest.raises(SystemExit) as exc:
        run("completion", "fish")
    assert exc.value.code == 2
