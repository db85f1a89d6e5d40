"""Typing while another process holds the library's write lock (a long `desk import`).

    .venv/bin/python tests/bench/bench_lock.py [--hold 20] [--interval-ms 100]

A window (offscreen, in this process) types one key every --interval-ms while a second
process holds BEGIN IMMEDIATE for --hold seconds and a third runs `desk list` in a loop.
Printed: characters typed / saved once the lock is released, dialogs raised, autosave
attempts while locked, the longest time one attempt held the GUI thread, the longest
gap between two key presses (the editor's responsiveness), how long after the release the
text was saved, and how many `desk list` runs succeeded meanwhile.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
print("released", flush=True)
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hold", type=float, default=20)
    parser.add_argument("--interval-ms", type=int, default=100)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication, QMessageBox

    from desk.gui.settings import WindowSettings
    from desk.gui.window_parts import build_window
    from desk.journal import Journal
    from desk.storage import Library
    from tests.gui.shell_helpers import move_to_end, type_text

    tmp = Path(tempfile.mkdtemp(prefix="desk-bench-lock-"))
    os.environ.setdefault("XDG_CACHE_HOME", str(tmp / "cache"))
    dialogs = []
    for kind in ("warning", "critical", "information", "question"):
        setattr(QMessageBox, kind, staticmethod(lambda *a, _k=kind, **k: dialogs.append(_k)))
    app = QApplication.instance() or QApplication([])
    lib = Library.open(tmp / "library.db", seed=False)
    aid = lib.articles.create(headline="Weir", body="Start.").id
    window = build_window(lib, WindowSettings.at(tmp / "settings.ini"), open_last=False,
                          journal=Journal(lib.path, tmp / "journal"))
    window.show()
    window.open_article(aid)
    move_to_end(window.editor.body)

    attempts: list[float] = []
    real_save = window.autosaver.save

    def timed_save(*a, **k):
        t = time.perf_counter()
        try:
            return real_save(*a, **k)
        finally:
            attempts.append(time.perf_counter() - t)

    window.autosaver.save = timed_save

    lister_ok, stop = [0], threading.Event()

    def lister():
        while not stop.is_set():
            r = subprocess.run([sys.executable, "-m", "desk", "--db", str(lib.path), "list"],
                               cwd=ROOT, capture_output=True)
            lister_ok[0] += r.returncode == 0

    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(lib.path), str(args.hold)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    threading.Thread(target=lister, daemon=True).start()
    released_at = [None]
    threading.Thread(target=lambda: (holder.stdout.readline(),
                                     released_at.__setitem__(0, time.perf_counter())),
                     daemon=True).start()
    typed, gaps, last = "", [], time.perf_counter()
    failed_attempts = 0
    end = time.perf_counter() + args.hold + 1
    while time.perf_counter() < end:
        ch = "abcdefghij "[len(typed) % 11]
        type_text(window.editor.body, ch)
        typed += ch
        t = time.perf_counter()
        while time.perf_counter() - t < args.interval_ms / 1000:
            app.processEvents()
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
        if window.autosaver.state == "failed":
            failed_attempts = len(attempts)
    while lib.articles.get(aid).body != "Start." + typed and time.perf_counter() < end + 30:
        app.processEvents()
    saved_at = time.perf_counter()
    stop.set()
    holder.wait()
    ok = lib.articles.get(aid).body == "Start." + typed
    print(f"lock held {args.hold:.0f} s; typed {len(typed)} characters, one per "
          f"{args.interval_ms} ms")
    print(f"saved after the release: {'all' if ok else 'NOT all'} "
          f"({0 if ok else len(typed)} characters lost), "
          f"{(saved_at - released_at[0]) if released_at[0] else float('nan'):.2f} s after it")
    print(f"dialogs raised: {len(dialogs)}")
    print(f"autosave attempts while locked: {failed_attempts}; longest attempt on the GUI "
          f"thread {max(attempts) * 1000:.0f} ms")
    print(f"longest gap between two key presses: {max(gaps) * 1000:.0f} ms "
          f"(asked for {args.interval_ms} ms)")
    print(f"`desk list` runs that succeeded meanwhile: {lister_ok[0]}")
    window.close()
    lib.close()
    return 0 if ok and not dialogs else 1


if __name__ == "__main__":
    sys.exit(main())
