"""Bad input to any command is one line on stderr and exit 2, never a traceback."""

import os

import pytest

from desk import storage
from desk.cli import main
from desk.storage import Library

HUGE = str(10**30)


@pytest.fixture
def desk(db_path, capsys):
    with Library.open(db_path) as lib:  # the welcome article: id 1
        assert lib.articles.count() == 1

    def _run(*argv):
        try:
            code = main(["--db", str(db_path), *argv])
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err
    return _run


def one_line_error(result):
    code, _out, err = result
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and err.startswith("desk: error:"), err
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [
    ["show", HUGE], ["export", HUGE, "--format", "md", "-o", "x.md"], ["status", HUGE, "ready"],
    ["quotes", "verify", HUGE], ["quotes", "tag", "1", "--source", HUGE], ["quotes", "status", HUGE, "verified"],
    ["quotes", "list", "--article", HUGE], ["quotes", "list", "--source", HUGE],
    ["sources", "show", HUGE], ["sources", "alias", HUGE, "x"], ["dict", "add", "w", "--article", HUGE],
    ["dict", "list", "--article", HUGE], ["material", "add", "--article", HUGE, "f.txt"],
    ["material", "list", "--source", HUGE], ["review", HUGE], ["review", "--library", "--top", HUGE],
    ["check", "--article", HUGE], ["list", "--limit", HUGE], ["screenshot", "x.png", "--article", HUGE],
    ["show", "-1"], ["show", "0x10"],
])
def test_huge_or_bad_ids(desk, argv):
    one_line_error(desk(*argv))


@pytest.mark.parametrize("argv", [
    ["frobnicate"], ["show"], ["show", "1", "2"], ["list", "--status", "bogus"], ["list", "--nope"],
    ["export", "1"], ["export", "1", "--format", "nope", "-o", "x"], ["export", "1", "--format", "md"],
    ["export", "1", "--format", "md", "-o", "x", "--dir", "y"], ["quotes"], ["quotes", "frob"],
    ["quotes", "verify", "1", "--original", "a", "--material", "b"], ["material", "add", "f.txt"],
    ["sources"], ["dict"], ["backup"], ["check", "--format", "xml", "f"], ["status", "1", "nowhere"],
    ["import"],
])
def test_argument_errors_are_one_line(desk, argv):
    one_line_error(desk(*argv))


@pytest.mark.parametrize("argv", [
    ["show", "\udcff"], ["list", "--tag", "\udcff"], ["sources", "add", "\udcffname"],
    ["dict", "add", "w\udcff"], ["import", "nofile\udcfe.md"],
])
def test_non_utf8_arguments_are_one_line(desk, argv):
    one_line_error(desk(*argv))


def test_a_non_utf8_file_name_imports(desk, tmp_path):
    name = os.fsdecode(b"story\xff.md")
    (tmp_path / name).write_text("# From a strange name\n\nBody.\n")
    code, out, err = desk("import", str(tmp_path / name))
    assert code == 0, err
    assert out.strip().isdigit()


def test_read_only_library_lists_and_shows_and_refuses_writes(desk, monkeypatch):
    monkeypatch.setattr(storage, "_writable", lambda path: False)
    code, out, _ = desk("list")
    assert code == 0 and "Welcome" in out
    code, out, _ = desk("show", "1")
    assert code == 0 and "Welcome" in out
    result = desk("dict", "add", "floodgate")
    one_line_error(result)
    assert "read-only" in result[2]



def test_read_only_library_lists_quotations_without_syncing(desk, monkeypatch):
    code, out, _ = desk("quotes", "list")
    assert code == 0
    monkeypatch.setattr(storage, "_writable", lambda path: False)
    assert desk("quotes", "list") == (0, out, "")


def test_read_only_library_gives_its_review_report(desk, monkeypatch):
    monkeypatch.setattr(storage, "_writable", lambda path: False)
    code, out, err = desk("review", "1")
    assert code == 0, err
