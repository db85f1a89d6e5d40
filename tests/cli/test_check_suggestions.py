"""desk check --no-suggestions, and what a plain `desk check FILE` loads (the export
formats' list is still imported, by the export command's registration)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desk.cli import main

ROOT = Path(__file__).resolve().parents[2]
TYPOS = ("The councl met on Tuesday and the mayor said the budjet would be cut.\n\n"
         "\u201cWe will rebuild the bridge,\u201d said Ana Ruiz, who recieved the the plans.\n")


@pytest.fixture
def typo_file(tmp_path):
    p = tmp_path / "typos.md"
    p.write_text(TYPOS, encoding="utf-8")
    return p


def run(tmp_path, capsys, *argv):
    code = main(["--db", str(tmp_path / "none.db"), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_no_suggestions_json_has_empty_lists_and_is_otherwise_equal(tmp_path, capsys, typo_file):
    _, full, _ = run(tmp_path, capsys, "check", "--format", "json", str(typo_file))
    _, bare, _ = run(tmp_path, capsys, "check", "--format", "json", "--no-suggestions",
                     str(typo_file))
    full_data, bare_data = json.loads(full), json.loads(bare)
    misspelt = [p for p in full_data["problems"] if p["kind"] == "misspelling"]
    assert len(misspelt) == 3 and all(p["suggestions"] for p in misspelt)
    for p in full_data["problems"]:
        if p["kind"] == "misspelling":
            p["suggestions"] = []
    assert bare_data == full_data


def test_no_suggestions_text_has_no_corrections(tmp_path, capsys, typo_file):
    _, full, _ = run(tmp_path, capsys, "check", str(typo_file))
    _, bare, _ = run(tmp_path, capsys, "check", "--no-suggestions", str(typo_file))
    assert "“recieved” (received" in full
    assert "“recieved”\n" in bare and "(received" not in bare
    assert "Repeated word “the” (the)" in bare  # the repeated word is not a correction
    assert len(bare.splitlines()) == len(full.splitlines())


@pytest.mark.subprocess
def test_checking_a_file_without_a_library_loads_no_window_or_storage(tmp_path, typo_file):
    script = (
        "import sys\n"
        "from desk.cli import main\n"
        f"code = main(['--db', {str(tmp_path / 'none.db')!r}, 'check', {str(typo_file)!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6' or "
        "m.startswith(('desk.storage', 'desk.gui', 'sqlite_utils')))\n"
        "print('LOADED', loaded)\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "misspelling" in proc.stdout
    assert proc.stdout.strip().splitlines()[-1] == "LOADED []"
    assert not (tmp_path / "none.db").exists()
