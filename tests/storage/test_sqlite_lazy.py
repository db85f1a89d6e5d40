"""An SQLite library opens and reads without sqlite-utils (imported on the first write); the
rows it reads are those sqlite-utils' query gives, and the connection is set up as
sqlite-utils sets it."""

import subprocess
import sys
from pathlib import Path

import pytest

from desk.storage import Library

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
from desk.storage import Library
lib = Library.open(sys.argv[1])
lib.articles.list(limit=50)
lib.articles.get(lib.articles.list(limit=1)[0].id)
lib.sources.list()
print("after reads", "sqlite_utils" in sys.modules)
lib.articles.create(headline="Another", body="Text.")
print("after a write", "sqlite_utils" in sys.modules)
lib.close()
"""


def test_opening_and_reading_import_no_sqlite_utils_a_write_does(seeded, db_path):
    seeded.close()
    out = subprocess.run([sys.executable, "-c", PROBE, str(db_path)], cwd=ROOT, text=True,
                         capture_output=True, check=True).stdout.splitlines()
    assert out == ["after reads False", "after a write True"]


@pytest.mark.parametrize("sql, params", [
    ("SELECT id, headline, body FROM articles ORDER BY id", ()),
    ("  select count(*) AS n FROM articles WHERE headline LIKE ?", ("%e%",)),
    ("SELECT a.id, b.id FROM articles a JOIN articles b ON a.id = b.id", ()),  # same names
    ("SELECT id FROM articles WHERE id = :id", {"id": 1}),
    ("PRAGMA table_info(articles)", ()),
])
def test_rows_are_those_sqlite_utils_gives(seeded, sql, params):
    seeded.articles.create(headline="Second", body="More text.")
    got = seeded.engine.rows(sql, params)
    assert got and got == list(seeded.db.query(sql, params))


def test_the_connection_has_recursive_triggers_before_any_write(tmp_path):
    library = Library.open(tmp_path / "lib.db", seed=False)  # SQLite only: a file library
    assert library.conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 1
    other = library.another_connection()
    try:
        assert other.conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 1
    finally:
        other.close()
        library.close()
