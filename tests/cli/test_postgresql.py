"""`desk --db postgresql://...` (or DESK_DB=postgresql://...): a team library on the test
cluster through the command line, and one line on stderr for each way opening it fails."""

import json
import subprocess
import sys

import psycopg
import pytest

from desk.cli import main
from desk.storage import Library
from tests.pg_cluster import free_port


@pytest.fixture
def desk_run(capsys):
    def _run(*argv):
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err
    return _run


def assert_one_line(result, needle):
    code, _out, err = result
    assert code == 2
    assert err.startswith("desk: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and needle in err, err


def test_commands_work_on_a_postgresql_library(desk_run, pg_url):
    code, out, _ = desk_run("--db", pg_url, "list")
    assert code == 0 and "Welcome to desk" in out
    code, out, _ = desk_run("--db", pg_url, "new", "--headline", "Floodgates open")
    assert code == 0
    code, out, _ = desk_run("--db", pg_url, "list")
    assert "Floodgates open" in out and "Welcome to desk" in out


def test_desk_db_in_the_environment_names_it_too(desk_run, pg_url, monkeypatch):
    monkeypatch.setenv("DESK_DB", pg_url)
    code, out, _ = desk_run("list")
    assert code == 0 and "Welcome to desk" in out


def test_server_down(desk_run):
    assert_one_line(desk_run("--db", f"postgresql://desk@127.0.0.1:{free_port()}/lib", "list"),
                    "no PostgreSQL server answers there")


def test_wrong_password(desk_run, pg_server, pg_url):
    name = pg_url.split("/")[3].split("?")[0]
    result = desk_run("--db", pg_server.tcp_url(name, password="not-it"), "list")
    assert_one_line(result, "refused the password of the PostgreSQL user desk_admin")
    assert "not-it" not in result[2]


def test_database_missing(desk_run, pg_server):
    assert_one_line(desk_run("--db", pg_server.url("no_such_db"), "list"),
                    "has no database 'no_such_db'; create it first (createdb no_such_db)")


def test_newer_schema(desk_run, pg_url):
    assert desk_run("--db", pg_url, "list")[0] == 0
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 'later')")
    assert_one_line(desk_run("--db", pg_url, "list"), "written by a newer desk (schema 999")


def test_the_window_renders_on_a_postgresql_library(pg_url, tmp_path):
    out = tmp_path / "team.png"
    done = subprocess.run([sys.executable, "-m", "desk", "--db", pg_url, "screenshot", str(out)],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"\x89PNG")


def test_checking_a_file_never_imports_psycopg(tmp_path):
    Library.open(tmp_path / "lib.db").close()  # checked against an SQLite library
    article = tmp_path / "a.md"
    article.write_text("# Headline\n\nA body.\n", encoding="utf-8")
    code = ("import sys; from desk.cli import main; rc = main(['check', sys.argv[1]]); "
            "print('psycopg' in sys.modules, rc)")
    done = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True,
                          text=True, timeout=120, env={"DESK_DB": str(tmp_path / "lib.db"),
                                                       "PATH": "/usr/bin:/bin",
                                                       "HOME": str(tmp_path)})
    assert done.stdout.split()[-2] == "False", done.stdout + done.stderr


def test_check_reads_a_postgresql_library(desk_run, pg_url, tmp_path):
    assert desk_run("--db", pg_url, "sources", "add", "Ana Ruiz")[0] == 0
    article = tmp_path / "a.md"
    article.write_text("# Bridge\n\n“We will rebuild,” said Ana Ruiz.\n", encoding="utf-8")
    code, out, err = desk_run("--db", pg_url, "check", "--format", "json", str(article))
    assert code == 0 and "Traceback" not in err, err
    [quote] = json.loads(out)["quotes"]
    with Library.open(pg_url) as lib:  # the speaker was found in the server's registry
        assert quote["source_id"] == lib.sources.find("Ana Ruiz").id
    assert "unknown-source" not in out


def test_backup_writes_a_library_file(desk_run, pg_url, tmp_path):
    assert desk_run("--db", pg_url, "list")[0] == 0
    code, out, _ = desk_run("--db", pg_url, "backup", str(tmp_path / "copy.db"))
    assert code == 0 and out.strip() == str(tmp_path / "copy.db")
    code, out, _ = desk_run("--db", str(tmp_path / "copy.db"), "list")
    assert code == 0 and "Welcome to desk" in out  # tests/cli/test_migrate.py has more


def test_copy_moves_a_library_file_onto_the_server(desk_run, pg_url, tmp_path):
    db = str(tmp_path / "lib.db")
    assert desk_run("--db", db, "new", "--headline", "Floodgates open")[0] == 0
    code, out, err = desk_run("--db", db, "copy", pg_url)
    assert code == 0, err
    assert out.startswith("copied 2 article(s)") and "postgresql://" in out
    code, out, _ = desk_run("--db", pg_url, "list", "--search", "floodg")
    assert code == 0 and "Floodgates open" in out
    assert_one_line(desk_run("--db", db, "copy", pg_url), "is not empty")
    assert_one_line(desk_run("--db", db, "copy", db), "is the open library")
    assert desk_run("--db", db, "new", "--headline", "Sluice repaired")[0] == 0
    code, out, err = desk_run("--db", db, "copy", "--replace", pg_url)  # what the refusal offers
    assert code == 0 and out.startswith("copied 3 article(s)"), err
    code, out, _ = desk_run("--db", pg_url, "list", "--search", "sluice")
    assert code == 0 and "Sluice repaired" in out


def test_a_malformed_url_is_one_line_without_its_password(desk_run):
    result = desk_run("--db", "postgresql://desk:secret@[::1/lib", "list")
    assert_one_line(result, "malformed postgresql:// URL): Invalid IPv6 URL")
    assert "secret" not in result[2]
