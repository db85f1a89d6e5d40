"""Tests on both engines: a test folder whose conftest imports these (tests/storage,
tests/review, tests/operations, tests/importing) runs every test asking for ``library`` once
on an SQLite file and once on a fresh database of the throwaway PostgreSQL cluster
(tests/conftest.py ``pg_server``), unless it is marked ``sqlite_only`` (it tests what only
an SQLite library has: its files, PRAGMAs, the FTS5 tables other programs read)."""

import pytest

from desk.storage import Library

ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc):
    if "library" in metafunc.fixturenames:
        sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("engine", ENGINES[:1] if sqlite_only else ENGINES, indirect=True)


@pytest.fixture
def engine(request):
    return getattr(request, "param", "sqlite")


@pytest.fixture
def library_target(engine, request):
    """Where a test's library is: its SQLite file, or its PostgreSQL URL."""
    if engine == "postgresql":
        return request.getfixturevalue("pg_url")
    return request.getfixturevalue("db_path")


@pytest.fixture
def library(library_target):
    """A fresh library without the welcome article, on the engine of the test."""
    lib = Library.open(library_target, seed=False)
    yield lib
    lib.close()
