"""Mutation check for the engines' thresholds and limits (issue 11).

Each mutant changes one named threshold (or one literal limit) of desk/ to another value;
the test files that cover it are run against the mutated copy and must fail. A mutant the
tests survive is a threshold nothing pins.

The mutants are applied to a copy of the repository in a temporary folder (desk/, tests/,
resources/, db/ and the project files), never to the work tree, so an interrupted run
leaves nothing mutated behind. Not collected by pytest (tools/ is outside testpaths).

    .venv/bin/python tools/mutate_thresholds.py            # every mutant
    .venv/bin/python tools/mutate_thresholds.py -k debounce,pause  # some mutants
    .venv/bin/python tools/mutate_thresholds.py --tests-from REV  # tests as of a commit
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPIED = ("desk", "tests", "resources", "db", "pyproject.toml", "setup.py")


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str  # file in the repository
    old: str  # text that must occur exactly once
    new: str
    tests: tuple[str, ...]  # test files or folders that should catch it


def m(name, path, old, new, *tests):
    return Mutant(name, path, old, new, tuple(tests))


ATTR = "desk/checks/attribution/"
MUTANTS = [
    # the misquote / decision matcher: a quotation is the tag's from 0.6 word similarity
    m("match-min-up", ATTR + "tags.py", "MATCH_MIN = 0.6", "MATCH_MIN = 0.75", "tests/checks"),
    m("match-min-down", ATTR + "tags.py", "MATCH_MIN = 0.6", "MATCH_MIN = 0.45", "tests/checks"),
    # a quotation of 8 words or more is a statement, not a term or scare quote
    m("statement-words-up", ATTR + "problems.py", "if len(ws) >= 8:", "if len(ws) >= 9:",
      "tests/checks"),
    m("statement-words-down", ATTR + "problems.py", "if len(ws) >= 8:", "if len(ws) >= 7:",
      "tests/checks"),
    # re-attaching quotation rows: fuzzy ratio 80, mutual-only partners down to 65
    m("fuzzy-min-up", "desk/review/reattach.py", "FUZZY_MIN = 80.0", "FUZZY_MIN = 90.0",
      "tests/review"),
    m("fuzzy-min-down", "desk/review/reattach.py", "FUZZY_MIN = 80.0", "FUZZY_MIN = 70.0",
      "tests/review"),
    m("fuzzy-mutual-up", "desk/review/reattach.py", "FUZZY_MUTUAL_MIN = 65.0",
      "FUZZY_MUTUAL_MIN = 75.0", "tests/review"),
    m("fuzzy-mutual-down", "desk/review/reattach.py", "FUZZY_MUTUAL_MIN = 65.0",
      "FUZZY_MUTUAL_MIN = 55.0", "tests/review"),
    # a passage of source material is a match from score 60
    m("material-min-up", "desk/review/material.py", "MIN_SCORE = 60.0", "MIN_SCORE = 70.0",
      "tests/review"),
    m("material-min-down", "desk/review/material.py", "MIN_SCORE = 60.0", "MIN_SCORE = 50.0",
      "tests/review"),
    # the export gate names 8 problems, then counts the rest
    m("export-shown-up", "desk/export/gate.py", "SHOWN = 8", "SHOWN = 9", "tests/export"),
    m("export-shown-down", "desk/export/gate.py", "SHOWN = 8", "SHOWN = 7", "tests/export"),
    # ... and shows excerpts of 40 characters
    m("export-excerpt-up", "desk/export/gate.py", "if len(excerpt) > 40:", "if len(excerpt) > 50:",
      "tests/export"),
    m("export-excerpt-down", "desk/export/gate.py", "if len(excerpt) > 40:",
      "if len(excerpt) > 30:", "tests/export"),
    # names spelled two ways: compared from 4 letters
    m("names-min-len-up", "desk/checks/spelling/inconsistent.py", "MIN_LEN = 4", "MIN_LEN = 5",
      "tests/checks"),
    m("names-min-len-down", "desk/checks/spelling/inconsistent.py", "MIN_LEN = 4", "MIN_LEN = 3",
      "tests/checks"),
    # ... by one edit up to 5 letters, two from 6
    m("names-two-edits-up", "desk/checks/spelling/inconsistent.py",
      "limit = 1 if len(rare) <= 5 else 2", "limit = 1 if len(rare) <= 6 else 2", "tests/checks"),
    m("names-two-edits-down", "desk/checks/spelling/inconsistent.py",
      "limit = 1 if len(rare) <= 5 else 2", "limit = 1 if len(rare) <= 4 else 2", "tests/checks"),
    # the status gate names a quotation by 4 words, at most 40 characters
    m("snippet-words-up", "desk/review/gate.py", "SNIPPET_WORDS = 4", "SNIPPET_WORDS = 5",
      "tests/review"),
    m("snippet-words-down", "desk/review/gate.py", "SNIPPET_WORDS = 4", "SNIPPET_WORDS = 3",
      "tests/review"),
    m("snippet-chars-up", "desk/review/gate.py", "if len(short) > 40:", "if len(short) > 50:",
      "tests/review"),
    m("snippet-chars-down", "desk/review/gate.py", "if len(short) > 40:", "if len(short) > 30:",
      "tests/review"),
    # front matter nests at most 20 levels
    m("front-matter-depth-up", "desk/importing/markdown_file.py", "MAX_FRONT_MATTER_DEPTH = 20",
      "MAX_FRONT_MATTER_DEPTH = 30", "tests/importing"),
    m("front-matter-depth-down", "desk/importing/markdown_file.py",
      "MAX_FRONT_MATTER_DEPTH = 20", "MAX_FRONT_MATTER_DEPTH = 10", "tests/importing"),
    # the window's timers
    m("live-debounce-up", "desk/gui/live_checks.py", "DEBOUNCE_MS = 300", "DEBOUNCE_MS = 3000",
      "tests/gui/test_live_checks.py", "tests/gui/test_timers.py"),
    m("live-debounce-down", "desk/gui/live_checks.py", "DEBOUNCE_MS = 300", "DEBOUNCE_MS = 30",
      "tests/gui/test_live_checks.py", "tests/gui/test_timers.py"),
    m("autosave-pause-up", "desk/gui/autosave.py", "PAUSE_MS = 1000", "PAUSE_MS = 1500",
      "tests/gui/test_autosave.py", "tests/gui/test_timers.py"),
    m("autosave-pause-down", "desk/gui/autosave.py", "PAUSE_MS = 1000", "PAUSE_MS = 500",
      "tests/gui/test_autosave.py", "tests/gui/test_timers.py"),
    m("autosave-deadline-down", "desk/gui/autosave.py", "MAX_DELAY_MS = 2000",
      "MAX_DELAY_MS = 1200", "tests/gui/test_autosave.py", "tests/gui/test_timers.py"),
    m("journal-interval-up", "desk/gui/journal_keeper.py", "JOURNAL_MS = 1000",
      "JOURNAL_MS = 5000", "tests/gui/test_journal_keeper.py", "tests/gui/test_timers.py"),
    m("journal-interval-down", "desk/gui/journal_keeper.py", "JOURNAL_MS = 1000",
      "JOURNAL_MS = 100", "tests/gui/test_journal_keeper.py", "tests/gui/test_timers.py"),
]


def make_copy(dest: Path, tests_from: str | None) -> None:
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    if tests_from:  # the tests as they were at another commit (e.g. main, for "before")
        shutil.rmtree(dest / "tests")
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", tests_from, "tests"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)


def apply(copy: Path, mutant: Mutant) -> str:
    target = copy / mutant.path
    source = target.read_text(encoding="utf-8")
    if source.count(mutant.old) != 1:
        raise SystemExit(f"{mutant.name}: {mutant.old!r} occurs {source.count(mutant.old)} "
                         f"times in {mutant.path}; update the mutant")
    target.write_text(source.replace(mutant.old, mutant.new), encoding="utf-8")
    return source


def run_tests(copy: Path, tests: tuple[str, ...]) -> tuple[int, str]:
    """pytest's exit code and the first test that failed ("" if none)."""
    present = [t for t in tests if (copy / t).exists()]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(copy),
               PYTHONDONTWRITEBYTECODE="1")
    cmd = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
           "-p", "no:randomly", *present]
    done = subprocess.run(cmd + ["-rfE"], cwd=copy, env=env, capture_output=True, text=True)
    failed = [line.split()[1] for line in done.stdout.splitlines()
              if line.startswith(("FAILED ", "ERROR "))]
    return done.returncode, failed[0] if failed else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", default="",
                        help="run only mutants whose name contains one of these (comma-separated)")
    parser.add_argument("--tests-from", help="take tests/ from this git revision")
    args = parser.parse_args(argv)
    chosen = [mu for mu in MUTANTS if any(k in mu.name for k in args.k.split(","))]
    caught, missed = [], []
    with tempfile.TemporaryDirectory(prefix="desk-mutants-") as tmp:
        copy = Path(tmp)
        make_copy(copy, args.tests_from)
        # the copy must pass unmutated, or every mutant would look caught
        for tests in sorted({mu.tests for mu in chosen}):
            rc, first = run_tests(copy, tests)
            if rc != 0:
                raise SystemExit(f"the unmutated copy fails {' '.join(tests)}: {first}")
        for mu in chosen:
            original = apply(copy, mu)
            t0 = time.monotonic()
            try:
                rc, first = run_tests(copy, mu.tests)
            finally:
                (copy / mu.path).write_text(original, encoding="utf-8")
            verdict = "caught" if rc != 0 else "MISSED"
            (caught if rc != 0 else missed).append(mu.name)
            print(f"{verdict:7} {mu.name:26} {mu.path} ({time.monotonic() - t0:.0f} s) {first}",
                  flush=True)
    print(f"{len(caught)} of {len(chosen)} mutants caught"
          + (f"; missed: {', '.join(missed)}" if missed else ""))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
