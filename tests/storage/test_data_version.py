"""Library.data_version: moves when another connection commits, not for this one's own."""

import pytest

from desk.storage import Library

pytestmark = pytest.mark.sqlite_only  # the library's SQLite file itself

def test_moves_when_another_connection_commits(library):
    first = library.data_version()
    with Library.open(library.path, seed=False) as other:
        other.articles.create(headline="Elsewhere")
    assert library.data_version() != first


def test_stays_for_this_connections_own_commits(library):
    first = library.data_version()
    library.articles.create(headline="Here")
    assert library.data_version() == first


def test_stays_when_nobody_wrote(library):
    with Library.open(library.path, seed=False) as other:
        other.articles.list()
    assert library.data_version() == library.data_version()
