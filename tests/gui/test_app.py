"""Starting the application: the style sheet from resources/ is applied once; the core is
imported before PySide6; the last article opens after the window is shown."""

import subprocess
import sys
from pathlib import Path

import pytest

from desk.app import _application

ROOT = Path(__file__).resolve().parents[2]


def test_style_sheet_from_resources_is_applied(qtbot):
    app = _application()
    assert 'QLabel[role="field-label"]' in app.styleSheet()
    before = app.styleSheet()
    assert _application() is app and app.styleSheet() == before


def test_start_window_builds_the_whole_window(db_path, qtbot):
    from desk.app import start_window
    from desk.gui.window_parts import PANEL_TITLES

    app, library, window = start_window(db_path, recover=False)
    try:
        assert list(window.panel_docks) == list(PANEL_TITLES)
        assert window.runner.parent() is window
        assert window.editor.article_id is None  # nothing but the list before the first paint
        qtbot.waitUntil(lambda: window.editor.article_id is not None, timeout=10000)
        assert window.checker.article_id == window.editor.article_id
    finally:
        window.autosaver.dirty = False
        window.close()
        window.checker.shutdown()
        window.quit_on_signal.uninstall()
        library.close()


@pytest.mark.subprocess
def test_the_core_is_imported_before_qt_and_markdown_not_at_all():
    script = ("import sys\n"
              "import desk.app\n"
              "desk.app._core_first()\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'markdown')),"
              " all(m in sys.modules for m in desk.app.CORE_FIRST))\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["[]", "True"]


@pytest.mark.freezes
def test_start_up_collects_nothing_before_the_first_paint_then_freezes_what_it_made(
        db_path, qtbot):
    import gc

    from desk.app import start_window
    from desk.gui import first_paint

    gc.unfreeze()
    app, library, window = start_window(db_path, recover=False)
    try:
        assert not gc.isenabled() and first_paint.holding() and gc.get_freeze_count() == 0
        assert window.checker.checks_run == 0
        qtbot.waitUntil(lambda: not first_paint.holding(), timeout=10000)  # painted
        assert gc.get_freeze_count() > 0 and not gc.isenabled()  # the collector collects
        qtbot.waitUntil(lambda: window.checker.checks_run > 0, timeout=30000)
    finally:
        window.autosaver.dirty = False
        window.close()
        window.checker.shutdown()
        window.quit_on_signal.uninstall()
        library.close()
        gc.unfreeze()


@pytest.mark.subprocess
def test_what_the_first_paint_does_without_is_not_imported_before_it(db_path):
    """rapidfuzz (the quotation sync), socket, uuid, platform, hashlib, the article
    operations and the managers the window does not list with come after the first paint;
    so does the window icon (QIcon's type set-up), and they are all there once it is done."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication, QElapsedTimer\n"
        "from desk.app import WARM_LATER, start_window\n"
        "from desk.gui import first_paint\n"
        "LATER = ('rapidfuzz', 'socket', 'uuid', 'platform', 'hashlib',\n"
        "         'desk.operations.articles', 'desk.review.reattach', 'desk.storage.quotes',\n"
        "         'desk.storage.revisions', 'desk.gui.status_gate', 'sqlite_utils')\n"
        "app, library, window = start_window(sys.argv[1], recover=False)\n"
        "print(sorted(m for m in LATER if m in sys.modules), window.windowIcon().isNull())\n"
        "clock = QElapsedTimer()\n"
        "clock.start()\n"
        "while first_paint.holding() and clock.elapsed() < 20000:\n"
        "    QCoreApplication.processEvents()\n"
        "print(first_paint.holding(), window.windowIcon().isNull(),\n"
        "      window.library.quotes is window.library.quotes)\n"
        "window.autosaver.dirty = False\n"
        "window.close()\n"
        "window.checker.shutdown()\n"
        "window.quit_on_signal.uninstall()\n"
        "library.close()\n")
    from desk.storage import Library

    Library.open(db_path).close()
    proc = subprocess.run([sys.executable, "-c", script, str(db_path)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    before, after = proc.stdout.splitlines()[:2]
    assert before == "[] True"
    assert after == "False False True"
