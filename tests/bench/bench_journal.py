"""GUI-thread time of one crash-journal write at 100,000 words (issue 12: no stall > 16 ms).

    .venv/bin/python tests/bench/bench_journal.py [--words 100000] [--runs 15]

A window (offscreen, in this process) holds a --words article with unsaved typing. Each
run types a key and times, on the GUI thread, three things in turn: `write_now` (the
synchronous write: what the journal timer did before the worker thread, and what closing
still does), `write_soon` (what the timer does now: snapshot + hand-over) and
`current_fields` alone (the floor: reading the widget's text). The worker's own write is
awaited outside the timings, and timed separately; so is json.dumps of the entry in one
piece (one call that holds the GIL throughout; the worker encodes in steps instead).
Medians and maxima, ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def article(words: int) -> str:
    vocab = ["council", "weir", "river", "résumé", "said", "officials", "morning", "naïve",
             "residents", "returned", "mud", "doors", "flood", "bridge", "€12m", "plan"]
    out, paragraph = [], []
    for n in range(words):
        paragraph.append(vocab[(n * 7 + n // 13) % len(vocab)])
        if n % 40 == 39:
            out.append(" ".join(paragraph).capitalize() + ".")
            paragraph = []
    out.append(" ".join(paragraph))
    return "\n\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from desk.gui.settings import WindowSettings
    from desk.gui.window_parts import build_window
    from desk.journal import Journal
    from desk.storage import Library
    from tests.gui.shell_helpers import move_to_end, type_text

    tmp = Path(tempfile.mkdtemp(prefix="desk-bench-journal-"))
    app = QApplication.instance() or QApplication([])
    lib = Library.open(tmp / "library.db", seed=False)
    aid = lib.articles.create(headline="Weir", body=article(args.words)).id
    window = build_window(lib, WindowSettings.at(tmp / "settings.ini"), open_last=False,
                          journal=Journal(lib.path, tmp / "journal"))
    window.show()
    window.open_article(aid)
    window.autosaver.autosave = lambda: False  # keep the text unsaved: the journal's case
    window.checker.shutdown()  # no live checks competing for the GIL in the timings
    move_to_end(window.editor.body)
    keeper, writer = window.journal_keeper, window.journal_keeper.writer
    real_write = writer.journal.write
    background: list[float] = []

    def timed_write(*a, **k):
        t = time.perf_counter()
        try:
            return real_write(*a, **k)
        finally:
            background.append(time.perf_counter() - t)

    timings: dict[str, list[float]] = {"write_now": [], "write_soon": [], "current_fields": []}
    for _ in range(args.runs):
        for name, call in (("write_now", keeper.write_now), ("write_soon", keeper.write_soon),
                           ("current_fields", window.editor.current_fields)):
            type_text(window.editor.body, "x")
            app.processEvents()
            writer.journal.write = timed_write if name == "write_soon" else real_write
            t = time.perf_counter()
            call()
            timings[name].append(time.perf_counter() - t)
            writer.wait_idle(30)
            app.processEvents()
    [entry] = window.journal.entries()
    payload = {"fields": entry.fields, "base": entry.base}
    dumps = []
    for _ in range(args.runs):
        t = time.perf_counter()
        json.dumps(payload, ensure_ascii=False)
        dumps.append(time.perf_counter() - t)

    ms = 1000
    print(f"{args.words:,} words ({len(entry.fields['body']):,} characters), {args.runs} runs;"
          " GUI-thread time, ms: median / max")
    for name, values in timings.items():
        print(f"  {name:15} {statistics.median(values) * ms:7.2f} / {max(values) * ms:7.2f}")
    print("  write_soon, sorted:", " ".join(f"{v * ms:.1f}" for v in sorted(timings["write_soon"])))
    ratio = statistics.median(timings["write_now"]) / statistics.median(timings["write_soon"])
    print(f"  write_now / write_soon (medians): {ratio:.1f}x")
    print(f"worker thread: Journal.write {statistics.median(background) * ms:.2f} ms median;"
          f" json.dumps alone {statistics.median(dumps) * ms:.2f} ms median"
          f" (in one piece, as write_now does; the worker encodes in steps)")
    window.close()
    lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
