"""The library's full-text indexes as other programs find them (schema 6): sqlite-utils'
detect_fts/search and its `sqlite-utils search` command, and Datasette's ?_search=."""

import asyncio
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from desk.storage import Library, migrations

pytestmark = pytest.mark.sqlite_only  # the library's SQLite file itself

SQLITE_UTILS = Path(sys.executable).with_name("sqlite-utils")


@pytest.fixture
def filled(library, db_path):
    floods = library.articles.create(headline="Floods in Easthaven", dek="The river rose",
                                     body="Café owners counted the cost on Tuesday.")
    library.articles.create(headline="Ferry timetable", body="Boats run every hour.")
    library.materials.add("We will open the floodgates at noon.", title="Transcript of the briefing",
                          article_id=floods.id)
    return db_path


def test_sqlite_utils_detects_the_article_and_material_indexes(filled):
    db = sqlite_utils.Database(filled)
    assert db["articles"].detect_fts() == "articles_fts"
    assert db["materials"].detect_fts() == "materials_fts"
    assert {t.name for t in db["articles"].triggers} >= {"articles_ai", "articles_ad", "articles_au"}


def test_sqlite_utils_search_finds_articles_and_follows_edits(library, filled):
    db = sqlite_utils.Database(filled)
    assert [r["headline"] for r in db["articles"].search("river")] == ["Floods in Easthaven"]
    assert [r["headline"] for r in db["articles"].search("cafe")] == ["Floods in Easthaven"]
    (ferry,) = library.articles.list(search="ferry")
    library.articles.update(ferry.id, body="Boats cross the river hourly.")
    assert sorted(r["headline"] for r in db["articles"].search("river")) == [
        "Ferry timetable", "Floods in Easthaven"]
    assert [r["title"] for r in db["materials"].search("floodgates")] == ["Transcript of the briefing"]


def test_the_sqlite_utils_command_searches_the_library(filled):
    out = subprocess.run([str(SQLITE_UTILS), "search", str(filled), "articles", "river",
                          "-c", "headline", "--csv"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["headline", "Floods in Easthaven"]


def test_desk_search_keeps_prefixes_diacritics_and_ranking(library, filled):
    assert [a.headline for a in library.articles.list(search="flo")] == ["Floods in Easthaven"]
    assert library.articles.count(search="CAFE") == 1
    best = library.articles.create(headline="River river", body="river river river")
    assert library.articles.list(search="river")[0].id == best.id
    assert [m.title for m in library.materials.search("floodgates")] == ["Transcript of the briefing"]


def test_datasette_search_finds_an_article(filled):
    from datasette.app import Datasette

    async def search(word):
        response = await Datasette([str(filled)]).client.get(
            f"/{filled.stem}/articles.json?_search={word}&_shape=array&_col=headline")
        assert response.status_code == 200, response.text
        return [row["headline"] for row in response.json()]

    assert asyncio.run(search("river")) == ["Floods in Easthaven"]
    assert asyncio.run(search("boats")) == ["Ferry timetable"]


def test_every_older_schema_upgrades_to_findable_indexes(tmp_path, monkeypatch):
    """A library made at schema k (before 6) keeps its articles, and after the upgrade
    both desk and sqlite-utils find them: the new index is built from the old rows."""
    all_migrations = migrations.available()
    six = next(n for n, name, _ in all_migrations if name.endswith("_fts_sqlite_utils.sql"))
    for k in range(1, six):
        old_dir = tmp_path / f"v{k}"
        old_dir.mkdir()
        for _number, name, path in all_migrations[:k]:
            (old_dir / name).write_text(path.read_text())
        path = tmp_path / f"lib{k}.db"
        with monkeypatch.context() as m:
            m.setattr(migrations, "migrations_dir", lambda d=old_dir: d)
            with Library.open(path, seed=False) as lib:
                lib.conn.execute("INSERT INTO articles (headline, body, created_at, updated_at)"
                                 " VALUES ('Kept', 'the old riverbank', '2026-01-01', '2026-01-01')")
                if k >= 2:
                    lib.conn.execute("INSERT INTO materials (article_id, title, text, created_at) "
                                     "VALUES (1, 'Old notes', 'about the riverbank', '2026-01-01')")
            assert sqlite_utils.Database(path)["articles"].detect_fts() is None  # not yet
        with Library.open(path) as lib:
            assert lib.schema_version == migrations.latest_version()
            assert [a.headline for a in lib.articles.list(search="riverb")] == ["Kept"]
            if k >= 2:
                assert [x.title for x in lib.materials.search("riverbank")] == ["Old notes"]
        db = sqlite_utils.Database(path)
        assert [r["headline"] for r in db["articles"].search("riverbank")] == ["Kept"], k
        triggers = {r[0] for r in sqlite3.connect(path).execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert not {"articles_fts_insert", "materials_fts_update"} & triggers
        assert {"articles_ai", "articles_ad", "articles_au", "materials_au"} <= triggers
