"""First start: attribution at once, "Preparing spelling — first start" while the spelling
index is built, spelling marks once it is ready; never "No problems found" before."""

import threading

import pytest

from desk.checks import spelling
from desk.checks.spelling import suggester
from desk.checks.spelling.checker import SpellChecker
from desk.gui import spelling_prep
from tests.gui.live_helpers import WAIT_MS, squiggled_words
from tests.gui.shell_helpers import close_window, make_window

BODY = "Residents sayd the water rose overnight.\n\n“Nobody told us anything.”\n"


@pytest.fixture
def blocked_build(monkeypatch, tmp_path):
    """A new machine: an empty cache, and an index build that waits until the test lets
    it go (then builds a small index, enough for the marks)."""
    fresh = SpellChecker(cache_dir=tmp_path / "empty-cache")
    monkeypatch.setattr(spelling, "_checker", fresh)
    for name, value in (("_thread", None), ("_for", None), ("_message", spelling_prep.LOADING),
                        ("_failed", "")):
        monkeypatch.setattr(spelling_prep, name, value)
    release, building = threading.Event(), threading.Event()
    real = suggester.build_index

    def build(words):
        building.set()
        release.wait(120)
        return real(words[:3000])

    monkeypatch.setattr(suggester, "build_index", build)
    yield release, building
    release.set()
    if spelling_prep._thread is not None:
        spelling_prep._thread.join(120)


def kinds(window) -> set[str]:
    return {p.kind for p in window.report.problems} if window.report is not None else set()


def open_window(qtbot, library, tmp_path, body):
    library.articles.create(headline="First start", body=body)
    return make_window(qtbot, library, tmp_path / "settings.ini")


def test_quotation_problems_come_first_then_spelling(qtbot, library, tmp_path, blocked_build):
    release, building = blocked_build
    window = open_window(qtbot, library, tmp_path, BODY)
    try:
        problems = window.panels["problems"]
        qtbot.waitUntil(lambda: "unattributed-quote" in kinds(window), timeout=WAIT_MS)
        assert building.wait(WAIT_MS / 1000)
        qtbot.waitUntil(lambda: spelling_prep.FIRST_START in problems.summary.text(),
                        timeout=WAIT_MS)
        assert "misspelling" not in kinds(window)
        assert squiggled_words(window.editor.body) == []
        assert spelling_prep.FIRST_START in window.status.problems.text()
        assert problems.tree.topLevelItemCount() >= 1  # the quotation's problem is listed
        release.set()
        qtbot.waitUntil(lambda: "misspelling" in kinds(window), timeout=WAIT_MS)
        assert "sayd" in squiggled_words(window.editor.body)
        assert "unattributed-quote" in kinds(window)
        assert "Preparing" not in problems.summary.text()
        assert "Preparing" not in window.status.problems.text()
    finally:
        release.set()
        close_window(window)


def test_a_clean_text_is_not_called_clean_before_spelling(qtbot, library, tmp_path,
                                                          blocked_build):
    release, _building = blocked_build
    window = open_window(qtbot, library, tmp_path, "The council met on Tuesday.\n")
    try:
        problems = window.panels["problems"]
        qtbot.waitUntil(lambda: window.report is not None, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: problems.summary.text() == spelling_prep.FIRST_START,
                        timeout=WAIT_MS)
        assert "No problems" not in window.status.problems.text()
        release.set()
        qtbot.waitUntil(lambda: problems.summary.text() == "No problems found", timeout=WAIT_MS)
        assert window.status.problems.text() == "No problems"
    finally:
        release.set()
        close_window(window)


def test_spelling_turned_off_waits_for_nothing(qtbot, library, tmp_path, blocked_build):
    release, _building = blocked_build
    library.articles.create(headline="Off", body=BODY)
    window = make_window(qtbot, library, tmp_path / "settings.ini")
    try:
        window.checker.set_spelling(False)
        qtbot.waitUntil(lambda: window.checker.notice == "" and window.report is not None
                        and "unattributed-quote" in kinds(window), timeout=WAIT_MS)
        assert "Preparing" not in window.panels["problems"].summary.text()
    finally:
        release.set()
        close_window(window)


def test_a_loaded_index_needs_no_preparing(qtbot, window):
    assert spelling_prep.ready()
    qtbot.waitUntil(lambda: window.report is not None, timeout=WAIT_MS)
    assert window.checker.notice == ""
    assert "misspelling" in kinds(window)  # the welcome article's "recieved"


def test_a_screenshot_waits_for_the_spelling_marks(qtbot, seeded, tmp_path, blocked_build,
                                                   monkeypatch):
    from PySide6.QtCore import QTimer

    from desk import app
    from desk.gui.main_window import MainWindow

    release, _building = blocked_build
    monkeypatch.setattr(app, "_apply_style_sheet", lambda _app: None)  # not for later tests
    grabbed: list = []
    real_grab = MainWindow.grab

    def grab(self, *args):
        grabbed.append((self.checker.notice, kinds(self)))
        return real_grab(self, *args)

    monkeypatch.setattr(MainWindow, "grab", grab)
    QTimer.singleShot(300, release.set)  # the index is ready a little after the window
    out = app.screenshot(seeded.path, tmp_path / "shot.png")
    assert out.is_file()
    ((notice, found),) = grabbed
    assert notice == "" and "misspelling" in found and "unattributed-quote" in found
