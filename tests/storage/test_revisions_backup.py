import sqlite3

import pytest

from desk.model import DeskError
from desk.storage import Library


def test_restore_creates_a_revision_and_loses_nothing(library):
    a = library.articles.create(headline="v1", body="first text")
    r1 = library.revisions.create(a.id, label="first")
    library.articles.update(a.id, headline="v2", body="second text")
    restored = library.revisions.restore(r1.id)
    assert (restored.headline, restored.body) == ("v1", "first text")
    revs = library.revisions.list(a.id)
    assert [r.label for r in revs] == [f"before restoring revision {r1.id}", "first"]
    assert revs[0].body == "second text"


def test_backup_is_a_working_library(seeded, tmp_path):
    seeded.articles.create(headline="written before backup")
    out = seeded.backup(tmp_path / "copy.db")
    with Library.open(out) as copy:
        assert {a.headline for a in copy.articles.list()} >= {"written before backup"}
    assert not list(tmp_path.glob(".desk-backup-*"))


def test_backup_refuses_to_overwrite(seeded, tmp_path):
    target = tmp_path / "copy.db"
    target.write_text("keep me")
    with pytest.raises(DeskError, match="exists"):
        seeded.backup(target)
    assert target.read_text() == "keep me"


def test_backup_into_missing_folder_is_a_clear_error(seeded, tmp_path):
    with pytest.raises(DeskError, match="not a folder"):
        seeded.backup(tmp_path / "nope" / "copy.db")


def test_backup_while_another_connection_writes(seeded, db_path, tmp_path):
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE articles SET headline = 'uncommitted'")
    out = seeded.backup(tmp_path / "copy.db")
    other.execute("ROLLBACK")
    other.close()
    with Library.open(out) as copy:
        assert "uncommitted" not in {a.headline for a in copy.articles.list()}


def test_welcome_article_and_sources(seeded):
    (a,) = seeded.articles.list()
    article = seeded.articles.get(a.id)
    assert "desk" in article.headline.lower()
    assert {s.name for s in seeded.sources.list()} >= {"Ruth Dalton", "Tomás Ferreira"}
    assert "“" in article.body
