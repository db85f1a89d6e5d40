import os

# Qt must never look for a display in the test suite; set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("DESK_DB", None)

import itertools  # noqa: E402

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


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread_once_qt_runs():
    """Once a test has made the QApplication, cycles are collected on the GUI thread only
    (desk.gui.gui_gc), as in the window; core tests never import Qt for it."""
    import sys

    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None and widgets.QApplication.instance() is not None:
        from desk.gui import gui_gc

        gui_gc.install()
    yield


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


@pytest.fixture(scope="session")
def pg_server():
    """One throwaway PostgreSQL cluster for the whole run (tests/pg_cluster.py), started the
    first time a test asks for it and stopped, its folder removed, at the end, failed or not."""
    from tests.pg_cluster import start_cluster

    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


_pg_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg_admin(pg_server):
    """The cluster's superuser connection, for creating and dropping test databases."""
    import psycopg

    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        yield admin


@pytest.fixture
def pg_url(pg_server, pg_admin):
    """The URL of a new, empty database on the test cluster, dropped after the test."""
    name = f"desk_test_{os.getpid()}_{next(_pg_databases)}"
    pg_admin.execute(f'CREATE DATABASE "{name}"')
    yield pg_server.url(name)
    pg_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
