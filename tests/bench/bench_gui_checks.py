"""Live-check benchmark: what a key press costs the GUI thread, and how long a 10,000-word
article takes from a text change to its drawn report.

    .venv/bin/python tests/bench/bench_gui_checks.py [--words 10000] [--presses 300]

Figures printed (medians unless said):
- key press at the end of the article, with and without live checks attached (GUI thread);
- worker time of one full check (engine + not-a-quote/assignment filters);
- GUI-thread time to draw a report (ExtraSelections for every mark + set_marks);
- text change -> report_ready, without the debounce (check_now) and with it (a typed key);
- the GUI-thread snapshot of the inputs, and the quotation sync the window runs after a save.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

PARAGRAPHS = [
    "The council voted on Tuesday to close the library on Sundays, a decision that angered residents.",
    "“We cannot keep paying for empty rooms,” said Maria Lopez, the council’s finance director.",
    "Residents were not convinced. “This is the only quiet place my children have,” said Tom Hardy, "
    "a parent who lives nearby.",
    "The mayor said the savings would fund road repairs. “Every pound matters this year,” she said.",
    "Critics called the move “short-sighted” and promised to campaign against it before the next electon.",
    "A spokesman for the union said members would meet next week to discus the plans.",
    "“It is a sad day for the town,” one librarian said, asking not to be named.",
    "The decison follows months of debate about the budget, which faces a gap of four million pounds.",
]


def article_text(words: int = 10_000, seed: int = 1) -> str:
    """A newsy article with quotations, speakers and a few typos, about ``words`` long."""
    rnd = random.Random(seed)
    out, n = [], 0
    while n < words:
        para = " ".join(rnd.choice(PARAGRAPHS) for _ in range(3))
        out.append(para)
        n += len(para.split())
    return "\n\n".join(out)


def wait_for(signal, timeout_ms: int = 60_000) -> float:
    """Run the event loop until ``signal`` fires; returns the seconds waited."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    t0 = time.perf_counter()
    loop.exec()
    signal.disconnect(loop.quit)
    return time.perf_counter() - t0


def key(widget, ch: str = "a") -> float:
    t0 = time.perf_counter()
    QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, Qt.Key_A, Qt.NoModifier, ch))
    return time.perf_counter() - t0


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--presses", type=int, default=300)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()

    app = QApplication.instance() or QApplication([])
    from desk.gui.body_edit import BodyEdit
    from desk.gui.check_marks import build_selections
    from desk.gui.live_checks import LiveChecker
    from desk.storage import Library

    text = article_text(args.words)
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Path(tmp) / "bench.db", seed=False)
        lib.sources.add("Maria Lopez")
        aid = lib.articles.create(headline="Bench", body=text).id

        plain = BodyEdit()
        plain.resize(900, 700)
        plain.show()
        plain.setPlainText(text)
        plain.moveCursor(QTextCursor.End)
        bare = statistics.median(key(plain) for _ in range(args.presses))

        edit = BodyEdit()
        edit.resize(900, 700)
        edit.show()
        edit.setPlainText(text)
        checker = LiveChecker(lib, edit)
        t0 = time.perf_counter()
        checker.set_article(aid, "en-US")
        wait_for(checker.report_ready)
        first = time.perf_counter() - t0
        report = checker.report
        marks = len(edit.marks("checks"))

        edit.moveCursor(QTextCursor.End)
        presses = []
        for n in range(args.presses):
            presses.append(key(edit))
            if n % 25 == 0:
                app.processEvents()  # let paint events run now and then, as a real session would
        wait_for(checker.report_ready)

        worker, direct, typed, draw = [], [], [], []
        for _ in range(args.runs):
            edit.moveCursor(QTextCursor.End)
            key(edit, "b")
            checker._timer.stop()
            t0 = time.perf_counter()
            checker.check_now()
            wait_for(checker.report_ready)
            direct.append(time.perf_counter() - t0)
            worker.append(checker.last_seconds)
            t0 = time.perf_counter()
            key(edit, "c")
            wait_for(checker.report_ready)
            typed.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            sels = build_selections(edit.document(), checker.report_text, report, edit.palette())
            edit.set_marks("checks", sels)
            draw.append(time.perf_counter() - t0)
        during = []
        for _ in range(args.runs):
            checker.check_now()  # a check now runs in the worker, holding the GIL in turns
            t_end = time.perf_counter() + 0.025  # inside the ~30 ms the worker needs
            while time.perf_counter() < t_end:
                during.append(key(edit))
            checker._timer.stop()
            checker.check_now()
            wait_for(checker.report_ready)

        snaps = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            checker.snapshot()
            snaps.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        checker.sync_quotes()  # first save: every quotation gets a row
        first_sync = time.perf_counter() - t0
        edit.moveCursor(QTextCursor.Start)
        key(edit, "d")  # every quotation moves by one character
        checker.check_now()
        wait_for(checker.report_ready)
        t0 = time.perf_counter()
        checker.sync_quotes()
        next_sync = time.perf_counter() - t0
        checker.shutdown()
        lib.close()

    print(f"article: {len(text.split())} words, {len(text)} characters; "
          f"{len(report.problems)} problems, {len(report.quotes)} quotations, {marks} marks drawn")
    print(f"key press at the end, no live checks:      median {ms(bare)}")
    print(f"key press at the end, live checks attached: median {ms(statistics.median(presses))}, "
          f"p95 {ms(sorted(presses)[int(len(presses) * 0.95)])}")
    print(f"key press while a check runs (GIL shared):  median {ms(statistics.median(during))}, "
          f"max {ms(max(during))} over {len(during)} presses")
    print(f"first check on opening (cold caches):       {ms(first)}")
    print(f"worker time per full check:                 median {ms(statistics.median(worker))}")
    print(f"GUI-thread draw of a report (marks):        median {ms(statistics.median(draw))}")
    print(f"GUI-thread snapshot of the inputs:          median {ms(statistics.median(snaps))}")
    print(f"text change -> report_ready (check_now):    median {ms(statistics.median(direct))}")
    print(f"key press -> report_ready (300 ms debounce): median {ms(statistics.median(typed))}")
    print(f"quotation sync after save (GUI thread): first {ms(first_sync)}, "
          f"after an edit that moves every quotation {ms(next_sync)}")


if __name__ == "__main__":
    main()
