"""desk's log: one line per event to stderr with -v, every run to a rotating file in the user
state folder, and a folder that cannot hold the log never stops a command."""

import logging
import os
import subprocess
import sys

import pytest

import desk.log
from desk.cli import main
from desk.paths import log_path
from desk.storage import Library

ARTICLE = "The council met on Tuesday and approved the budget for the coming year.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _no_handlers_left_behind():
    yield
    desk.log.setup(0, log_file=None)  # later tests log to their own state folder again


def log_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("desk: INFO ")
            or line.startswith("desk: DEBUG ")]


def test_verbose_check_says_what_it_does_on_stderr(tmp_path, article, capsys):
    Library.open(tmp_path / "lib.db").close()  # `desk check FILE` reads an existing library
    capsys.readouterr()
    code = main(["-v", "--db", str(tmp_path / "lib.db"), "check", str(article)])
    out, err = capsys.readouterr()
    assert code == 0
    lines = log_lines(err)
    assert any("desk.cli" in line and "check" in line for line in lines), err
    assert any("opened the library" in line for line in lines), err
    assert not any(line.startswith("desk: DEBUG") for line in lines)  # -v is INFO


def test_twice_verbose_adds_debug_lines(tmp_path, article, capsys):
    assert main(["-vv", "--db", str(tmp_path / "lib.db"), "check", str(article)]) == 0
    err = capsys.readouterr().err
    assert any(line.startswith("desk: DEBUG desk.cli: check done in") for line in
               log_lines(err)), err


def test_without_verbose_stderr_stays_quiet(tmp_path, article, capsys):
    assert main(["--db", str(tmp_path / "lib.db"), "check", str(article)]) == 0
    assert capsys.readouterr().err == ""


def test_every_run_is_recorded_in_the_log_file(tmp_path, article, capsys):
    db = tmp_path / "lib.db"
    assert main(["--db", str(db), "list"]) == 0  # a new library: created and migrated
    text = log_path().read_text(encoding="utf-8")
    assert str(os.environ["XDG_STATE_HOME"]) in str(log_path())
    assert "INFO desk.cli: desk " in text and f"opened the library {db}" in text
    assert f"migrated the library {db}" in text


def test_a_refusal_is_recorded_too(tmp_path, capsys):
    db = tmp_path / "lib.db"
    assert main(["--db", str(db), "show", "999"]) == 2
    assert "refused: no article with id 999" in log_path().read_text(encoding="utf-8")


def test_an_unusable_state_folder_does_not_stop_the_command(tmp_path, article, monkeypatch,
                                                            capsys):
    blocker = tmp_path / "state-is-a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    code = main(["--db", str(tmp_path / "lib.db"), "check", "--format", "json", str(article)])
    out, err = capsys.readouterr()
    assert code == 0 and err == "" and '"problems"' in out
    assert not (blocker / "desk").exists()


def test_an_unusable_state_folder_still_allows_verbose(tmp_path, article, monkeypatch, capsys):
    blocker = tmp_path / "state-is-a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    assert main(["-v", "--db", str(tmp_path / "lib.db"), "check", str(article)]) == 0
    assert log_lines(capsys.readouterr().err)


def test_setup_says_which_file_it_uses(tmp_path):
    assert desk.log.setup(0, log_file=tmp_path / "logs" / "desk.log") == tmp_path / "logs" / "desk.log"
    assert desk.log.setup(0, log_file=tmp_path / "x" / "\0bad") is None


def test_the_log_file_rotates(tmp_path, monkeypatch):
    monkeypatch.setattr(desk.log, "MAX_BYTES", 2_000)
    path = tmp_path / "desk.log"
    desk.log.setup(0, log_file=path)
    logger = logging.getLogger("desk.test")
    for n in range(400):
        logger.info("record %d with some words to fill the file", n)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == ["desk.log", "desk.log.1", "desk.log.2", "desk.log.3"]
    assert all(p.stat().st_size <= 2_100 for p in tmp_path.iterdir())
    assert "record 399" in path.read_text(encoding="utf-8")


def test_a_failing_log_file_drops_records_silently(tmp_path, capsys):
    path = tmp_path / "desk.log"
    desk.log.setup(0, log_file=path)
    handler = next(h for h in logging.getLogger("desk").handlers
                   if isinstance(h, logging.FileHandler))
    handler.stream.close()  # as when the disk fills or the folder goes away
    logging.getLogger("desk.test").info("lost")
    assert capsys.readouterr().err == ""


@pytest.mark.subprocess
def test_verbose_in_a_separate_process(tmp_path, article):
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    proc = subprocess.run([sys.executable, "-m", "desk", "-v", "--db", str(tmp_path / "lib.db"),
                           "list"], capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr
    assert log_lines(proc.stderr) and "Traceback" not in proc.stderr
    assert "opened the library" in (tmp_path / "state" / "desk" / "desk.log").read_text()


def test_a_urls_password_never_reaches_the_log_or_stderr(tmp_path, capsys):
    # a mistyped team URL carrying a password: refused, and neither the command line in the
    # log nor the one-line error repeats the password
    code = main(["-v", "--db", "postgresql:/ana:s3cret@127.0.0.1/newsroom?password=s3cret",
                 "list"])
    err = capsys.readouterr().err
    assert code == 2 and "is not a library" in err
    assert "s3cret" not in err
    text = log_path().read_text(encoding="utf-8")
    assert "postgresql:/ana:***@127.0.0.1" in text and "s3cret" not in text
