"""desk.paths: which targets are team library URLs, and what of a URL may be shown."""

from pathlib import Path

import pytest

from desk.paths import library_path, lookalike_url, masked


def test_masked_hides_both_ways_of_giving_a_password():
    assert masked("postgresql://ana:s3cret@db.example.org:5433/news?password=x&sslmode=require") \
        == "postgresql://ana:***@db.example.org:5433/news?password=***&sslmode=require"
    assert masked("--db postgresql://ana@db/news list") == "--db postgresql://ana@db/news list"
    assert masked("postgresql:ana:s3cret@db/news") == "postgresql:ana:***@db/news"
    assert masked("met at 10:30 in room 4") == "met at 10:30 in room 4"


@pytest.mark.parametrize("target", [
    "postgresql:/ana:pw@127.0.0.1/news", "Postgresql://db/news", "postgresq://db/news",
    "postgresql+psycopg://db/news", "postgresql:ana@db/news", "pg://db/news",
])
def test_a_mistyped_team_url_is_a_lookalike(target):
    assert lookalike_url(target)


@pytest.mark.parametrize("target", [
    "postgresql://ana@db/news", "postgres://db/news", "library.db", "C:/desk/library.db",
    "/tmp/a:b/library.db", "my:library.db", "~/library.db",
])
def test_real_urls_and_file_names_are_not_lookalikes(target):
    assert not lookalike_url(target)


def test_library_path_keeps_a_lookalike_as_typed(monkeypatch):
    monkeypatch.delenv("DESK_DB", raising=False)
    assert library_path("Postgresql://db/news") == "Postgresql://db/news"  # not a Path: no "//" fold
    assert library_path("lib.db") == Path("lib.db")
