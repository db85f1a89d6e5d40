"""Start-up to the first paint: desk against a bare PySide6 window with the same article.

    .venv/bin/python tests/bench/bench_startup.py [--words 10000] [--runs 7] [--old CHECKOUT]
        [--instructions]

Each run is a fresh process, timed from its launch to the line it prints once the first
paint of its window is done: desk (`python -m desk --db LIB` with DESK_EXIT_WHEN_PAINTED=1,
the article it opens being the only one of the library) and the floor (a QMainWindow with
a QPlainTextEdit holding the same text, the same size). The two are interleaved (floor,
desk, [old desk,] floor, ...) on a shared machine; medians of --runs after one warm-up
each, bytecode cached and the spelling index built, as an installed desk has them. Target (issue 12): desk within 1.5x of
the floor. --old CHECKOUT: an older desk checkout run with this venv's Python (it must
know DESK_EXIT_WHEN_PAINTED: desk/app.py's ``_quit_when_painted``).

--instructions: each start run once under valgrind (callgrind), counting the instructions
executed from the launch to the "painted" line (the process ends there: a sitecustomize on
PYTHONPATH ends it as the line is written, so no exit work is counted). The count barely moves
on a busy machine, unlike the wall time; ratios against the bare window as above. The held
work's RELEASE_MS is lengthened there (DESK_RELEASE_MS), as valgrind is some 50 times slower.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.bench_gui_checks import article_text  # noqa: E402

SIZE = (1440, 900)

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication(sys.argv[:1])
window = QMainWindow()
edit = QPlainTextEdit()
edit.setPlainText(open({text!r}, encoding="utf-8").read())
window.setCentralWidget(edit)
window.resize({w}, {h})

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if not self.seen and event.type() == QEvent.Paint and hasattr(obj, "window") \\
                and obj.window() is window:
            self.seen = True
            QTimer.singleShot(0, lambda: (print(f"painted cpu={{time.process_time():.4f}}",
                                                flush=True), app.quit()))
        return False

watcher = FirstPaint(app)
app.installEventFilter(watcher)
window.show()
app.exec()
"""


def timed(cmd: list[str], env: dict, cwd: Path) -> tuple[float, float | None]:
    """Seconds from the launch to the first paint reported, and the processor time the
    process had used by then (None if it does not say: an older desk)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    proc.wait(timeout=60)
    if not line.startswith("painted"):
        raise SystemExit(f"{' '.join(cmd[:4])}: no first paint reported ({line!r})")
    cpu = next((float(w[4:]) for w in line.split() if w.startswith("cpu=")), None)
    return elapsed, cpu


# Ends the process when it writes its "painted" line (instruction counts: nothing after it).
EXIT_AT_PAINT = """
import os, sys

class _ExitAtPaint:
    def __init__(self, out):
        self._out = out

    def write(self, text):
        n = self._out.write(text)
        if text.startswith("painted"):
            self._out.write("\\n")
            self._out.flush()
            os._exit(0)
        return n

    def __getattr__(self, name):
        return getattr(self._out, name)

sys.stdout = _ExitAtPaint(sys.stdout)
"""


def instructions(cmd: list[str], env: dict, cwd: Path, tmp: Path) -> int:
    """Instructions executed (callgrind's Ir) from the launch to the "painted" line."""
    hook = tmp / "exit-at-paint"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(EXIT_AT_PAINT, encoding="utf-8")
    out = tmp / "callgrind.out"
    env = dict(env, PYTHONPATH=str(hook), DESK_RELEASE_MS="600000")
    run = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd]
    proc = subprocess.run(run, cwd=cwd, env=env, capture_output=True, text=True, timeout=1800)
    if "painted" not in proc.stdout:
        raise SystemExit(f"{' '.join(cmd[:4])}: no first paint reported under valgrind "
                         f"({proc.stderr[-500:]!r})")
    for line in out.read_text(encoding="utf-8").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise SystemExit("no instruction count in callgrind's output")


def library_with(path: Path, text: str) -> None:
    from desk.storage import Library

    lib = Library.open(path, seed=False)
    lib.articles.create(headline="Long read", body=text)
    lib.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--old", type=Path, help="an older desk checkout to compare with")
    ap.add_argument("--instructions", action="store_true",
                    help="count instructions under valgrind (one run each) instead of timing")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="desk-bench-startup-") as tmp_name:
        tmp = Path(tmp_name)
        text = article_text(a.words)
        article = tmp / "article.txt"
        article.write_text(text, encoding="utf-8")
        # the user's cache (the spelling index built, as after `make .venv/.desk-installed`)
        base = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp / "state"),
                    XDG_CONFIG_HOME=str(tmp / "config"))
        base.pop("PYTHONDONTWRITEBYTECODE", None)
        base.pop("DESK_DB", None)
        runs: dict[str, tuple[list[str], dict, Path]] = {
            "bare QPlainTextEdit": ([sys.executable, "-c", BARE.format(text=str(article),
                                                                        w=SIZE[0], h=SIZE[1])],
                                    dict(base, PYTHONPYCACHEPREFIX=str(tmp / "pyc-bare")), ROOT)}
        checkouts = {"desk": ROOT, **({"desk (old)": a.old.resolve()} if a.old else {})}
        for n, (name, checkout) in enumerate(checkouts.items()):
            db = tmp / f"lib{n}.db"
            library_with(db, text)
            env = dict(base, DESK_EXIT_WHEN_PAINTED="1", DESK_SETTINGS=str(tmp / f"s{n}.ini"),
                       PYTHONPYCACHEPREFIX=str(tmp / f"pyc-{n}"))
            runs[name] = ([sys.executable, "-m", "desk", "--db", str(db)], env, checkout)
        for label, run in runs.items():  # warm-up: bytecode, the OS's file cache, settings
            timed(*run)
        if a.instructions:
            counts = {}
            for label, run in runs.items():
                counts[label] = instructions(*run, tmp)
            floor_ir = counts["bare QPlainTextEdit"]
            print(f"start-up to the first paint, a {a.words:,}-word article, instructions "
                  "executed (valgrind --tool=callgrind):")
            for label, got in counts.items():
                print(f"  {label:20} {got / 1e6:7,.0f} M  {got / floor_ir:.2f}x the bare window")
            return 0
        times: dict[str, list[float]] = {label: [] for label in runs}
        cpus: dict[str, list[float]] = {label: [] for label in runs}
        for _ in range(a.runs):
            for label, run in runs.items():
                wall, cpu = timed(*run)
                times[label].append(wall)
                if cpu is not None:
                    cpus[label].append(cpu)
        floor = statistics.median(times["bare QPlainTextEdit"])
        cpu_floor = statistics.median(cpus["bare QPlainTextEdit"])
        print(f"start-up to the first paint, a {a.words:,}-word article, median of {a.runs} "
              "(interleaved); processor time used by then (less swayed by a busy machine):")
        for label, got in times.items():
            med = statistics.median(got)
            cpu_text = ""
            if cpus[label]:
                cpu_med = statistics.median(cpus[label])
                cpu_text = f"; cpu {cpu_med * 1000:4.0f} ms, {cpu_med / cpu_floor:.2f}x"
            print(f"  {label:20} {med * 1000:7.0f} ms (min {min(got) * 1000:.0f})  "
                  f"{med / floor:.2f}x the bare window{cpu_text}")
        ratio = statistics.median(times["desk"]) / floor
        print(f"target: within 1.5x of the bare window: {'OK' if ratio <= 1.5 else 'SLOW'} "
              f"({ratio:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
