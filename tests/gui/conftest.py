import pytest
from PySide6.QtWidgets import QApplication

from tests.conftest import shared_cache_dir
from tests.gui.shell_helpers import close_window, make_window, no_modal_dialogs


@pytest.fixture(scope="session", autouse=True)
def _spelling_index_built(tmp_path_factory):
    """Build the process-wide spelling checker before the first window exists.

    It is built lazily by the first check, about 10 s from a cold cache. Left to a window,
    that first check runs in the live checker's worker thread, which outlives the window
    (closing waits 5 s for it) and takes the GIL from the next tests' timers: the autosave
    tests failed under `pytest tests/gui` and passed in the full suite only because
    tests/checks had built the checker first."""
    from desk.checks.spelling import check_spelling

    with pytest.MonkeyPatch.context() as mp:  # the same cache as the tests (tests/conftest.py)
        mp.setenv("XDG_CACHE_HOME", str(shared_cache_dir(tmp_path_factory)))
        for language in ("en-US", "en-GB"):
            check_spelling("Teh mayor sayd so.", language=language)


@pytest.fixture(scope="session", autouse=True)
def _collect_on_the_gui_thread(qapp):
    """As in the window's process (desk.gui.gui_gc): a collection in a worker thread freed
    Qt objects off their thread and crashed the suite about one run in four."""
    from desk.gui import gui_gc

    gui_gc.install(qapp)


@pytest.fixture(autouse=True)
def _no_check_outlives_its_test():
    """Every live checker a test made is shut down when the test ends, with its check
    finished: a debounce timer or a check left running fired in the next test, on a library
    its fixture had closed ("Cannot operate on a closed database")."""
    yield
    from desk.gui.live_checks import LiveChecker
    from desk.gui.quote_sync import QuoteSyncer
    from desk.gui.review_refresh import StaleRefresher

    app = QApplication.instance()
    for widget in app.topLevelWidgets() if app is not None else ():
        for checker in widget.findChildren(LiveChecker):
            checker.shutdown()
            checker._pool.waitForDone()
        for syncer in widget.findChildren(QuoteSyncer):
            syncer.shutdown()
        for refresher in widget.findChildren(StaleRefresher):
            refresher.stop()  # a pass's worker uses its own connection to the test's library


@pytest.fixture(autouse=True)
def _start_up_freezes_only_where_asked(request, monkeypatch):
    """desk's start-up freezes what it made, once per process (desk.app: never undone, so
    none of it is collected). A test process starts many windows: frozen by one test and
    unfrozen by another (the freeze test), a team-library window's leftovers were collected
    in bulk long after their test and crashed the collection (seen with test_team_library
    before test_app). So only a test marked ``freezes`` lets start-up freeze."""
    if request.node.get_closest_marker("freezes") is None:
        import gc

        monkeypatch.setattr(gc, "freeze", lambda: None)


@pytest.fixture(autouse=True)
def _nothing_held_for_a_first_paint():
    """A test that started the window as desk does (desk.app.start_window) and ended before
    its first paint leaves nothing held for the next test's checks (desk.gui.first_paint)."""
    yield
    from desk.gui import first_paint

    first_paint.release()


@pytest.fixture(autouse=True)
def _no_modal(monkeypatch):
    """No GUI test may hang on a modal dialog it did not expect."""
    return no_modal_dialogs(monkeypatch)


@pytest.fixture
def window(qtbot, seeded, tmp_path):
    """The whole window on a new user's library (the welcome article open)."""
    w = make_window(qtbot, seeded, tmp_path / "settings.ini")
    yield w
    close_window(w)
