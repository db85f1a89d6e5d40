"""`desk migrate SRC DST` and `desk backup` of a team library through the command line: what
was copied, one line per table; one line on stderr for each way it is refused."""

import sqlite3
import subprocess
import sys

import pytest

from desk.cli import main
from desk.storage import Library
from desk.storage.transfer import TABLES
from tests.cli.test_postgresql import assert_one_line
from tests.pg_cluster import free_port
from tests.storage.test_transfer import dump, fill


@pytest.fixture
def desk_run(capsys):
    def _run(*argv):
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err
    return _run


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path, seed=False) as lib:
        fill(lib)
        rows = dump(lib)
    return path, rows


def test_a_file_onto_the_server_and_back(desk_run, filled, pg_url, tmp_path):
    path, rows = filled
    code, out, err = desk_run("migrate", str(path), pg_url)
    assert code == 0 and err == "", err
    lines = out.splitlines()
    assert [line.split()[0] for line in lines[:-1]] == list(TABLES)
    assert lines[0].split() == ["articles", "2"] and lines[7].split() == ["quotes", "2"]
    assert lines[-1].startswith("migrated 2 article(s)") and "postgresql://" in lines[-1]
    assert "row count and the articles' checksum match" in lines[-1]
    back = tmp_path / "back.db"
    code, out, _ = desk_run("migrate", pg_url, str(back))
    assert code == 0 and out.splitlines()[-1].endswith("match the source's")
    with Library.open(back, seed=False) as lib:
        assert dump(lib) == rows


def test_progress_goes_to_stderr(desk_run, filled, tmp_path):
    path, _rows = filled
    code, out, err = desk_run("migrate", "--progress", str(path), str(tmp_path / "out.db"))
    assert code == 0
    assert "desk: articles: 2/2 row(s)" in err.splitlines()
    assert "desk: check_results: 1/1 row(s)" in err.splitlines()
    assert "desk:" not in out


def test_a_target_with_rows_needs_replace(desk_run, filled, tmp_path):
    path, rows = filled
    dest = tmp_path / "dest.db"
    Library.open(dest).close()  # the welcome article
    assert_one_line(desk_run("migrate", str(path), str(dest)), "is not empty")
    code, out, err = desk_run("migrate", "--replace", str(path), str(dest))
    assert code == 0, err
    with Library.open(dest, seed=False) as lib:
        assert dump(lib) == rows


def test_replace_on_the_server(desk_run, filled, pg_url):
    path, rows = filled
    Library.open(pg_url).close()
    assert_one_line(desk_run("migrate", str(path), pg_url), "not empty (it has articles")
    assert desk_run("migrate", str(path), pg_url, "--replace")[0] == 0
    with Library.open(pg_url, seed=False) as lib:
        assert dump(lib) == rows


def test_one_line_for_each_refusal(desk_run, filled, tmp_path, pg_url):
    path, _rows = filled
    notes = tmp_path / "notes.txt"
    notes.write_text("words\n")
    future = tmp_path / "future.db"
    with Library.open(future, seed=False) as lib:
        lib.sqlite.execute("PRAGMA user_version = 999")
    out = str(tmp_path / "out.db")
    down = f"postgresql://desk@127.0.0.1:{free_port()}/lib"
    for argv, needle in [
        (("migrate", str(tmp_path / "missing.db"), out), "no library at"),
        (("migrate", str(notes), out), "not a desk library"),
        (("migrate", str(future), out), "written by a newer desk (schema 999"),
        (("migrate", down, out), "no PostgreSQL server answers there"),
        (("migrate", str(path), down), "no PostgreSQL server answers there"),
        (("migrate", pg_url, out), "is an empty database, not a desk library"),
        (("migrate", str(path), str(path)), "is the library being copied"),
        (("migrate", str(path), str(notes), "--replace"), "--replace replaces only a library"),
    ]:
        assert_one_line(desk_run(*argv), needle)
    assert notes.read_text() == "words\n"
    assert not (tmp_path / "out.db").exists()


def test_migrate_ignores_db(desk_run, filled, tmp_path):
    path, _rows = filled
    code, _out, err = desk_run("--db", str(tmp_path / "other.db"), "migrate", str(path),
                               str(tmp_path / "out.db"))
    assert code == 0, err
    assert not (tmp_path / "other.db").exists()


def test_backup_of_a_team_library_is_a_library_file(desk_run, pg_url, tmp_path):
    assert desk_run("--db", pg_url, "new", "--headline", "Floodgates open")[0] == 0
    out = tmp_path / "team.db"
    code, printed, err = desk_run("--db", pg_url, "backup", str(out))
    assert code == 0 and printed.strip() == str(out), err
    conn = sqlite3.connect(out)
    try:  # one file to keep or mail: no -wal beside it
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    code, listed, _ = desk_run("--db", str(out), "list")
    assert code == 0 and "Floodgates open" in listed and "Welcome to desk" in listed
    assert_one_line(desk_run("--db", pg_url, "backup", str(out)), "use --force")


def test_a_killed_migrate_leaves_the_target_as_it_was(filled, tmp_path):
    """SIGTERM mid-copy (the CLI unwinds as Ctrl+C): no file appears, none is left behind."""
    path, _rows = filled
    out = tmp_path / "out.db"
    code = ("import os, signal, sys\n"
            "from desk.storage import transfer\n"
            "real = transfer._copy_table\n"
            "def killed(*a):\n"
            "    if a[2] == 'quotes':\n"
            "        os.kill(os.getpid(), signal.SIGTERM)\n"
            "    return real(*a)\n"
            "transfer._copy_table = killed\n"
            "from desk.cli import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    done = subprocess.run([sys.executable, "-c", code, "migrate", str(path), str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 130, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lib.db"]
    assert main(["migrate", str(path), str(out)]) == 0
