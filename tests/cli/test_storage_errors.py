"""Through the command line, each storage error is one line on stderr and exit code 2."""

import sqlite3
import subprocess
import sys

import pytest

import desk.cli
from desk.storage import Library


@pytest.fixture
def filled(db_path):
    with Library.open(db_path, seed=False) as lib:
        for n in range(60):
            lib.articles.create(headline=f"Article {n}", body="Words in a body. " * 40)
    return db_path


def assert_one_line(code, out, err, needle):
    assert code == 2
    assert err.startswith("desk: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and needle in err


def test_locked(run, filled, monkeypatch):
    monkeypatch.setattr(desk.cli, "CLI_BUSY_TIMEOUT_MS", 30)
    other = sqlite3.connect(filled, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert_one_line(*run("dict", "add", "zeitgeber"), "is busy")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_garbage(run, db_path):
    db_path.write_bytes(b"\x00\x01 not sqlite " * 500)
    assert_one_line(*run("list"), "not a desk library")


def test_truncated(run, filled):
    data = filled.read_bytes()
    filled.write_bytes(data[: len(data) // 2])
    assert_one_line(*run("list"), "is damaged")


def test_newer_schema(run, filled):
    conn = sqlite3.connect(filled)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    assert_one_line(*run("list"), "newer desk")


def test_read_only(run, filled, monkeypatch):
    monkeypatch.setattr("desk.storage._writable", lambda path: False)
    assert_one_line(*run("dict", "add", "zeitgeber"), "read-only")
    code, out, err = run("list")  # reading still works
    assert code == 0 and "Article 59" in out


def test_disk_full(run, filled, tmp_path, monkeypatch):
    real_open = Library.open.__func__

    def open_on_a_full_disk(cls, *a, **k):
        lib = real_open(cls, *a, **k)
        pages = lib.conn.execute("PRAGMA page_count").fetchone()[0]
        lib.conn.execute(f"PRAGMA max_page_count = {pages}")
        return lib

    monkeypatch.setattr(Library, "open", classmethod(open_on_a_full_disk))
    big = tmp_path / "big.md"
    big.write_text("# Big\n\n" + "A long paragraph of words. " * 4000, encoding="utf-8")
    assert_one_line(*run("import", str(big)), "full disk")
    with sqlite3.connect(filled) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 60


@pytest.mark.subprocess
def test_a_damaged_library_in_a_separate_process(filled):
    data = filled.read_bytes()
    filled.write_bytes(data[:100] + b"\xa5" * 8000 + data[8100:])
    proc = subprocess.run([sys.executable, "-m", "desk", "--db", str(filled), "list"],
                          capture_output=True, text=True, timeout=60)
    assert_one_line(proc.returncode, proc.stdout, proc.stderr, "is damaged")
