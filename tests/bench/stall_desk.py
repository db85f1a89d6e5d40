"""desk's real main window and the bare PySide6 floor under the stall probe
(tests/bench/stall_probe.py); used by tests/bench/bench_gui_stalls.py and its smoke test.

Scenarios, each a dict from ``stall_probe.summary`` with ``scenario``, ``who`` and ``words``:
- ``typing``: keys typed at the end of the article, live checks on, autosave held back (its
  interval set to an hour; the 1 s pause timer never fires between keys);
- ``during-check``: the same while a check is always running (a new one is started as soon
  as a report lands, and every 10 keys);
- ``autosave``: the same with the window's autosave path (``Autosaver.autosave``, what its
  timers call) taken every 50 keys;
- ``search``: typing searches into the library panel's search box over a big library (its
  floor: the same keys into a bare QLineEdit just before, no desk window open);
- ``open``: ``open_article`` until the live check's report is drawn (``time_ms``), with the
  probe running meanwhile.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from tests.bench.bench_gui_checks import article_text
from tests.bench.stall_probe import LatencyProbe, Typist, idle, measure_typing, move_to_end, summary, wait_until

SEARCHES = ("council", "the mayor", "water", "budget")
LIBRARY_FORMAT = 1  # bump when the generated library changes, so a stale cache is not reused


def row(scenario: str, who: str, words: int, figures: dict, **extra) -> dict:
    return {"scenario": scenario, "who": who, "words": words, **figures, **extra}


# -- the bulk library for the search scenario ---------------------------------------------
def cached_library(articles: int, cache: Path | None = None) -> Path:
    """A library of ``articles`` synthetic articles (bench_library's generator and bulk
    path), built once into ``cache`` (the temp folder's desk-bench-cache) and reused."""
    cache = cache or Path(tempfile.gettempdir()) / "desk-bench-cache"
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"library-{articles}-v{LIBRARY_FORMAT}.db"
    if path.exists():
        return path
    from desk.storage import Library
    from tests.bench.bench_library import make_body, vocabulary

    rng = random.Random(7)
    words, weights = vocabulary()
    # A name of this process's own: two benchmarks building the cache at once (a shared
    # machine) each finish their own file instead of deleting the other's mid-build.
    part = path.with_suffix(f".part{os.getpid()}")
    t0 = time.perf_counter()
    lib = Library.open(part, seed=False)
    lib.articles.create_many(
        {"headline": " ".join(rng.choices(words[:5000], k=6)).capitalize(),
         "section": rng.choice(["News", "Sport", "Business"]),
         "status": rng.choice(["draft", "editing", "ready", "published"]),
         "body": make_body(rng, words, weights, 120)}
        for _ in range(articles))
    lib.close()
    os.replace(part, path)
    print(f"  (built a library of {articles:,} articles once, in {time.perf_counter() - t0:.0f} s: {path})",
          flush=True)
    return path


# -- the window -------------------------------------------------------------------------
def _checker_idle(checker) -> bool:
    timer = getattr(checker, "_timer", None)
    return not getattr(checker, "_busy", False) and not (timer is not None and timer.isActive())


def settle(window, timeout_s: float = 120.0) -> None:
    """Wait until no check is due or running and the queued signals are delivered."""
    idle(50)
    wait_until(lambda: _checker_idle(window.checker), timeout_s)
    idle(50)


def _spelling_ready() -> bool:
    try:
        from desk.gui import spelling_prep
    except ImportError:
        return True
    return spelling_prep.ready() or bool(spelling_prep.failed())


def open_window(lib, tmp: Path):
    from PySide6.QtWidgets import QApplication

    from desk.gui.settings import WindowSettings
    from desk.gui.window_parts import build_window

    app = QApplication.instance() or QApplication([])
    try:  # as the window's process: cycles collected on the GUI thread only
        from desk.gui import gui_gc
    except ImportError:  # an older desk (--old runs of this file's copy there)
        gui_gc = None
    if gui_gc is not None:
        gui_gc.install(app)
    window = build_window(lib, WindowSettings.at(tmp / "stalls.ini"), open_last=False)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    if gui_gc is not None:
        import gc

        gc.freeze()  # what start-up made, as desk.app.start_window does after the first paint
    # Autosave only where a scenario asks for it (the pause timer stays 1 s: typing never
    # leaves that long a gap).
    window.autosaver.set_interval(3600)
    return window


def open_and_wait(window, aid: int) -> None:
    window.open_article(aid)
    wait_until(lambda: window.report is not None, 300)
    settle(window)


def _during_check(window, body, keys: int) -> dict:
    checker = window.checker

    def again(_report=None) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, checker.check_now)

    checker.report_ready.connect(again)
    try:
        checker.check_now()
        return measure_typing(body, keys, on_key=lambda n: n % 10 == 0 and checker.check_now())
    finally:
        checker.report_ready.disconnect(again)


def _autosave(window, body, keys: int) -> dict:
    saves = []

    def maybe_save(n: int) -> None:
        if n % 50 == 25:
            t0 = time.perf_counter()
            window.autosaver.autosave()
            saves.append(time.perf_counter() - t0)

    figures = measure_typing(body, keys, on_key=maybe_save)
    figures["autosave_call_ms"] = max(saves, default=0.0) * 1000
    return figures


def typing_scenarios(window, aid: int, words: int, keys: int) -> list[dict]:
    """typing, during-check and autosave at the end of article ``aid``."""
    open_and_wait(window, aid)
    body = window.editor.body
    body.setFocus()
    rows = []
    for name, run in (("typing", lambda: measure_typing(body, keys)),
                      ("during-check", lambda: _during_check(window, body, keys)),
                      ("autosave", lambda: _autosave(window, body, max(50, keys // 2)))):
        move_to_end(body)
        figures = run()
        rows.append(row(name, "desk", words, figures, checks_run=window.checker.checks_run))
        settle(window)
    return rows


def open_until_checked(window, aid: int, other: int, words: int, runs: int = 3) -> dict:
    """open_article(aid) from the event loop until its report is drawn; the first (cold)
    open is not counted."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    times, lateness = [], []
    for n in range(runs + 1):
        open_and_wait(window, other)
        probe = LatencyProbe()
        probe.start()
        started: list[float] = []
        QTimer.singleShot(0, lambda s=started: (s.append(time.perf_counter()), window.open_article(aid)))
        wait_until(lambda s=started: bool(s) and window.article_id == aid and window.report is not None, 300)
        window.editor.body.viewport().repaint()
        QApplication.processEvents()
        took = time.perf_counter() - started[0]
        samples = probe.stop()
        if n:
            times.append(took)
            lateness += samples
        settle(window)
    return row("open", "desk", words, summary(lateness, []), time_ms=statistics.median(times) * 1000)


def search_plan(queries=SEARCHES) -> list[tuple[object, int]]:
    """Searches typed into a search box (a pause after the first two letters and after the
    word, as someone watching the list does), the box cleared between words: every key
    with the milliseconds to wait after it."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    plan: list[tuple[object, int]] = []
    rng = random.Random(5)
    for word in queries:
        for i, ch in enumerate(word):
            plan.append((ch, 300 if i < 2 else rng.randint(30, 60)))
        plan[-1] = (plan[-1][0], 600)
        plan.append((QKeyEvent(QEvent.KeyPress, Qt.Key_A, Qt.ControlModifier, "\x01"), 40))
        plan.append((QKeyEvent(QEvent.KeyPress, Qt.Key_Backspace, Qt.NoModifier, ""), 600))
    return plan


def type_plan(widget, plan) -> dict:
    """The plan typed into ``widget`` with the probe running: its summary, with how much
    of the stalls was the GUI thread's own work (``LatencyProbe.stall_work``)."""
    probe = LatencyProbe()
    probe.start()
    handler = Typist(widget, len(plan), plan=plan).run()
    return summary(probe.stop(), handler, probe.stall_work())


def search_scenario(window, articles: int, queries=SEARCHES) -> dict:
    """Type searches into the library panel's box (``search_plan``)."""
    box = window.library_panel.search
    box.setFocus()
    return row("search", "desk", articles, type_plan(box, search_plan(queries)), unit="articles")


def floor_search(articles: int, queries=SEARCHES) -> dict:
    """The same keys typed into a bare QLineEdit in a window of its own, no desk window
    open (its timers and workers would stall the bare box too): the search row's floor."""
    from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

    app = QApplication.instance() or QApplication([])
    bare = QMainWindow()
    edit = QLineEdit()
    bare.setCentralWidget(edit)
    bare.resize(400, 60)
    bare.show()
    app.processEvents()
    edit.setFocus()
    figures = type_plan(edit, search_plan(queries))
    _close(bare)
    return row("search", "floor", articles, figures, unit="articles")


def search_rows(tmp: Path, articles: int, *, cache: Path | None = None,
                rounds: int = 1) -> list[dict]:
    """The search scenario over a copy of the cached library of ``articles``, each round
    the floor's keys just before desk's, in a window opened for the round."""
    from desk.storage import Library

    big = tmp / "search.db"
    shutil.copyfile(cached_library(articles, cache), big)
    rows = []
    for _ in range(rounds):
        rows.append(floor_search(articles))
        lib = Library.open(big, seed=False)
        window = open_window(lib, tmp)
        idle(500)
        rows.append(search_scenario(window, articles))
        window.close()
        window.checker.shutdown()
        lib.close()
        idle(50)
    return rows


def desk_rows(tmp: Path, sizes: list[int], keys: int, open_words: int, articles: int, *,
              cache: Path | None = None, between=None) -> list[dict]:
    """Every desk scenario, and the floor's typing at each size just before desk's (the two
    interleaved, on a shared machine). ``between()`` runs after the articles and before the
    search (the novelWriter peer, in its own process)."""
    from desk.storage import Library

    lib = Library.open(tmp / "stalls.db", seed=False)
    lib.sources.add("Maria Lopez")
    small = lib.articles.create(headline="Short", body="Short.").id
    ids = {w: lib.articles.create(headline=f"Long read {w}", body=article_text(w)).id for w in sizes}
    opener = lib.articles.create(headline="Open me", body=article_text(open_words)).id
    window = open_window(lib, tmp)
    open_and_wait(window, small)
    wait_until(_spelling_ready, 300)  # the first start on a machine builds the index
    window.checker.check_now()
    settle(window)
    rows = []
    for words in sizes:
        rows.append(floor_typing(words, keys))
        rows += typing_scenarios(window, ids[words], words, keys)
        print(f"  desk and floor, {words:,} words: done", flush=True)
    rows.append(floor_open(open_words))
    rows.append(open_until_checked(window, opener, small, open_words))
    open_and_wait(window, small)
    window.autosaver.save()
    window.close()
    window.checker.shutdown()
    lib.close()
    if between is not None:
        rows += between()

    return rows + search_rows(tmp, articles, cache=cache)


# -- the floor --------------------------------------------------------------------------
def _bare(words: int):
    """A bare QMainWindow holding a QPlainTextEdit with the article; (window, edit, ms to
    fill and paint)."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    edit = QPlainTextEdit()
    window.setCentralWidget(edit)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    t0 = time.perf_counter()
    edit.setPlainText(article_text(words))
    edit.viewport().repaint()
    app.processEvents()
    return window, edit, (time.perf_counter() - t0) * 1000


def _close(window) -> None:
    window.close()
    window.deleteLater()
    idle(20)


def floor_typing(words: int, keys: int) -> dict:
    window, edit, _ = _bare(words)
    edit.setFocus()
    move_to_end(edit)
    figures = measure_typing(edit, keys)
    _close(window)
    return row("typing", "floor", words, figures)


def floor_open(words: int) -> dict:
    window, _, opened = _bare(words)
    _close(window)
    return row("open", "floor", words, summary([], []), time_ms=opened)
