"""Every command the CLI offers is documented in the README (as sqlite-utils does)."""

from pathlib import Path

from desk.cli import build_parser

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _subcommands(parser):
    for action in parser._actions:
        if getattr(action, "choices", None) and isinstance(action.choices, dict):
            return action.choices
    return {}


def test_every_command_and_action_is_in_the_readme():
    missing = []
    for name, sub in _subcommands(build_parser()).items():
        if f"desk {name}" not in README:
            missing.append(name)
        for action in _subcommands(sub):
            if f"{name} {action}" not in README and f"| {action}" not in README:
                missing.append(f"{name} {action}")
    assert missing == []
