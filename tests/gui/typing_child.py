"""A real desk window in its own process that types into the open article's body.

    python tests/gui/typing_child.py DB TEXT [--interval-ms 50] [--article ID]

It starts the window as `desk` does (desk.app.start_window: signal handling included),
prints "ready" once the article is open, then types TEXT one key every --interval-ms and
prints "typed N" (flushed) after each key, so a parent that kills it knows exactly what
was typed. Used by the crash and signal tests and by tests/bench/bench_crash.py."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("text")
    parser.add_argument("--interval-ms", type=int, default=50)
    parser.add_argument("--article", type=int)
    parser.add_argument("--modal-after", type=int, help="open a modal dialog after N keys")
    args = parser.parse_args()

    from PySide6.QtCore import QTimer

    from desk.app import start_window
    from tests.gui.shell_helpers import move_to_end, type_text

    app, library, window = start_window(Path(args.db), recover=False)
    if library is None:
        return 2
    if args.article is not None:
        window.open_article(args.article)
    body = window.editor.body
    move_to_end(body)
    print("ready", flush=True)
    typed = 0

    def key():
        nonlocal typed
        if typed >= len(args.text) or not window.isVisible():  # done, or closed by a signal
            timer.stop()
            print("done", flush=True)
            return
        type_text(body, args.text[typed])
        typed += 1
        print(f"typed {typed}", flush=True)
        if typed == args.modal_after:
            timer.stop()
            from PySide6.QtWidgets import QMessageBox

            print("modal", flush=True)
            QMessageBox.information(window, "desk", "A modal dialog is open.")

    start = len(body.toPlainText())
    keeper = window.journal_keeper  # written in the background: count what the entry holds

    def journalled(_aid):
        print(f"journalled {len(keeper.last_written['body']) - start}", flush=True)

    keeper.written.connect(journalled)
    # what the save stored (an autosave's write runs in a worker: keys typed meanwhile are not)
    window.autosaver.saved.connect(
        lambda article: print(f"saved {len(article.body) - start}", flush=True))
    timer = QTimer(interval=args.interval_ms)
    timer.timeout.connect(key)
    timer.start()
    try:
        return app.exec()
    finally:
        library.close()
        print("closed", flush=True)


if __name__ == "__main__":
    sys.exit(main())
