import os

# Qt must never look for a display in the test suite; set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("DESK_DB", None)

import pytest  # noqa: E402

from desk.storage import Library  # noqa: E402


def shared_cache_dir(tmp_path_factory):
    """One cache for the whole run, so the spelling index is built once, not per test."""
    return tmp_path_factory.getbasetemp() / "cache"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test touches the real user data, cache or settings folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the crash journal
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared_cache_dir(tmp_path_factory)))
    monkeypatch.delenv("DESK_DB", raising=False)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "library.db"


@pytest.fixture
def library(db_path):
    """A fresh library without the welcome article."""
    lib = Library.open(db_path, seed=False)
    yield lib
    lib.close()


@pytest.fixture
def seeded(db_path):
    """A fresh library as a new user gets it: with the welcome article and its sources."""
    lib = Library.open(db_path)
    yield lib
    lib.close()
