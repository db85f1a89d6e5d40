"""Starting the window: the one place outside desk/gui that imports Qt.

DESK_EXIT_WHEN_READY=1 makes the app print how long it took to show a usable window
(the library listed) and quit: the start-up benchmark runs it that way. With
DESK_EXIT_WHEN_PAINTED=1 it prints "painted" once the window's first paint is done and quits
(tests/bench/bench_startup.py, against a bare QPlainTextEdit window)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

_T0 = time.perf_counter()

# The Qt-free core the window needs before its first paint, imported before PySide6 is:
# once PySide6 is loaded, its "feature" import hook reads the source of every module
# imported after it (to see whether it uses PySide6), which made the core's imports
# (sqlite_utils, the checks) cost half as much again at start-up. The rest of the core
# (the article operations and the status gate, the quotation sync's pairing with
# rapidfuzz, the review queue and reports, the other operations, import and export) is
# imported after the paint (WARM_LATER, in a thread) or when first used.
CORE_FIRST = ("desk.storage", "desk.storage.edits", "desk.checking", "desk.operations.editing",
              "desk.journal", "desk.journal_writer", "desk.languages", "desk.editor_name")
WARM_LATER = ("desk.operations.articles", "desk.review.reattach", "desk.review",
              "desk.review.queue", "desk.review.reports", "desk.review.verify",
              "desk.review.tags", "desk.review.material_files", "desk.operations.dictionary",
              "desk.operations.materials", "desk.operations.quotes", "desk.operations.sources",
              "desk.export.gate", "desk.importing")


def _core_first() -> None:
    import importlib

    for name in CORE_FIRST:
        importlib.import_module(name)


def _application(argv=None, *, styled: bool = True):
    """The QApplication; ``styled=False`` leaves desk's style sheet for the caller to apply
    (start_window: after building the window, one styling pass instead of one per widget
    added to its parent, ~40 million instructions at start-up; the same pixels)."""
    from PySide6.QtWidgets import QApplication

    from desk import __version__
    from desk.gui import import_hook

    import_hook.install()  # PySide6's per-import source read, made cheap (~45 ms at start)

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("desk")
    app.setOrganizationName("desk")
    app.setApplicationDisplayName("desk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("desk")
    if styled:
        _apply_style_sheet(app)
    from desk.gui import gui_gc

    gui_gc.install(app)  # cycles collected on the GUI thread only, never in a worker
    return app


def _apply_style_sheet(app) -> None:
    from desk.paths import resource_path

    sheet = resource_path("style.qss")
    if sheet.is_file() and not app.property("desk-styled"):
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))
        app.setProperty("desk-styled", True)


def start_window(db_path: Path | str, argv: list[str] | None = None, *, recover: bool = True):
    """The application, the library and the window shown, with SIGTERM/SIGHUP saving and
    closing it and the crash journal offered back; (None, None, None) if the library cannot
    be opened. The caller runs app.exec() and closes the library. A team library whose server
    wants a password is asked for it, or falls back to the local library
    (desk.gui.start_library).

    Nothing but the window and the first page of the library list comes before the first
    paint: just after it, the last article opens (and is checked), the panels not in front
    are made (desk.gui.panel_set), one per turn of the event loop, and the crash journal is
    offered back.

    No cycle is collected before the first paint: start-up's 60-odd collections cost 30-50
    ms, and what start-up made (modules, the window) is then frozen (``gc.freeze``), so a
    full collection later never walks it on the GUI thread (desk.gui.gui_gc collects
    there)."""
    import gc

    gc.disable()
    _core_first()
    app = _application(argv, styled=False)
    from desk.gui.start_library import open_start_library
    from desk.paths import is_database_url

    if is_database_url(db_path):
        _apply_style_sheet(app)  # a password dialog may come before the window
    started = open_start_library(db_path)  # a team library's password asked for here
    library = started.library
    if library is None:
        return app, None, None
    from PySide6.QtCore import QTimer

    from desk.gui import first_paint
    from desk.gui.panel_set import make_in_turns
    from desk.gui.quit_signals import QuitOnSignal
    from desk.gui.window_parts import build_window

    first_paint.hold()  # the checks, their process and the refresh start after the paint
    window = build_window(library, open_last=False, defer_panels=True)
    _apply_style_sheet(app)
    window.show()
    if started.note:  # the team library was not opened: the local one was
        window.statusBar().showMessage(started.note, 30000)
    # just after the paint: the article, then the other panels, one per turn of the loop
    first_paint.later(lambda: make_in_turns(window.panels, window), first=True)
    first_paint.later(lambda: window.closed or window.open_first_article(), first=True)
    first_paint.later(gc.freeze)
    first_paint.later(_warm_imports)
    first_paint.release_after_paint(window)

    def on_signal(signum: int) -> None:
        # the window it belongs to: File > Open Library moves it to the new window
        quit_on_signal.parent().close_for_signal(signum)  # saves (or journals) without asking
        app.exit(0)  # also ends a modal dialog's loop, which would otherwise keep us running

    quit_on_signal = QuitOnSignal(on_signal, window)
    window.quit_on_signal = quit_on_signal
    if recover:  # once the article opened, as before (its dialog outside the held work)
        first_paint.later(lambda: QTimer.singleShot(
            0, window, lambda: window.closed or window.offer_recovery()))
    return app, library, window


def _warm_imports() -> None:
    """Import in a thread what start-up left out: what the first save needs (sqlite-utils:
    about 50 ms), so the first autosave does not import it on the GUI thread, the checks'
    engine (for the first check's answer) and the rest of the core (WARM_LATER)."""
    import threading

    from desk.checking import load_engine
    from desk.storage.engine import import_for_writes

    def warm() -> None:
        import importlib

        import_for_writes()
        load_engine()
        for name in WARM_LATER:
            importlib.import_module(name)

    threading.Thread(target=warm, name="desk-warm-imports", daemon=True).start()


def run(db_path: Path | str, argv: list[str] | None = None) -> int:
    app, library, window = start_window(db_path, argv,
                                        recover=not os.environ.get("DESK_EXIT_WHEN_READY"))
    if library is None:
        return 2
    if os.environ.get("DESK_EXIT_WHEN_PAINTED"):
        _quit_when_painted(app, window)
    elif os.environ.get("DESK_EXIT_WHEN_READY"):
        from PySide6.QtCore import QTimer

        def ready():
            rows = window.library_panel.model.rowCount()
            print(f"ready {time.perf_counter() - _T0:.3f} s rows={rows}", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, ready)
    try:
        return app.exec()
    finally:
        from desk.gui import check_process

        check_process.shutdown()  # the check process and its thread, waited for a few seconds
        library.close()


def _quit_when_painted(app, window) -> None:
    """Print "painted" after the first paint of any part of ``window``, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
            if not self.seen and event.type() == QEvent.Paint and hasattr(obj, "window") \
                    and obj.window() is window:
                self.seen = True
                QTimer.singleShot(0, done)
            return False

    def done() -> None:
        print(f"painted {time.perf_counter() - _T0:.3f} s cpu={time.process_time():.4f}",
              flush=True)
        window.close()
        app.quit()

    watcher = FirstPaint(app)
    app.installEventFilter(watcher)


def dark_palette():
    """A dark palette for checking the window in dark mode without a dark desktop."""
    from desk.gui.theme import dark_palette as palette

    return palette()


def screenshot(db_path: Path | str, out: Path, *, article_id: int | None = None,
               size: tuple[int, int] = (1440, 900), dark: bool = False,
               timeout_s: float = 30.0) -> Path:
    """Render the window with an article to a PNG, offscreen, with the checks' marks drawn."""
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists
    from desk.model import DeskError

    out = Path(out)
    if not out.parent.is_dir():
        raise DeskError(f"cannot write {out}: the folder {out.parent} does not exist")
    app = _application()
    if dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    from PySide6.QtCore import QEventLoop, QTimer

    from desk.gui.settings import WindowSettings
    from desk.gui.window_parts import build_window
    from desk.storage import Library

    library = Library.open(db_path)
    try:
        if article_id is not None:
            library.articles.get(article_id)  # a DeskError here, not a dialog nobody sees
        with tempfile.TemporaryDirectory(prefix="desk-shot-") as tmp:
            window = build_window(library, WindowSettings.at(Path(tmp) / "settings.ini"),
                                  open_last=False)
            window.resize(*size)
            if article_id is None:
                article_id = window.library_panel.model.article_id(0)
            window.show()
            if article_id is not None:
                window.open_article(article_id)
                window.focus_body()
            # wait for the spell-checked report (on a first start attribution comes first)
            if article_id is not None and (window.report is None or window.checker.notice):
                loop = QEventLoop()
                window.checker.report_ready.connect(
                    lambda _report: window.checker.notice or loop.quit())
                QTimer.singleShot(int(timeout_s * 1000), loop.quit)
                loop.exec()
            for _ in range(3):
                app.processEvents()
            image = window.grab()
            window.autosaver.dirty = False
            window.close()
            window.checker.shutdown()
        if not image.save(str(out), "PNG"):
            raise DeskError(f"cannot write {out}")
    finally:
        library.close()
    return out
