import pytest

from tests.gui.shell_helpers import close_window, make_window, no_modal_dialogs


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
