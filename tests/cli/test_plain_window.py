"""The window's plain start (`desk`, `desk --db PATH`) skips building the parser, and reads
its arguments (and DESK_DB) exactly as the parser would; anything else gets the parser."""

from __future__ import annotations

import pytest

from desk.cli import _plain_window, build_parser, main

PLAIN = [[], ["--db", "lib.db"], ["--db=lib.db"], ["--db", "postgresql://u@h/d"]]


@pytest.mark.parametrize("argv", PLAIN)
@pytest.mark.parametrize("env_db", [None, "env.db"])
def test_the_plain_start_reads_what_the_parser_reads(argv, env_db, monkeypatch):
    if env_db is None:
        monkeypatch.delenv("DESK_DB", raising=False)
    else:
        monkeypatch.setenv("DESK_DB", env_db)
    whole = vars(build_parser().parse_args(argv))  # its --db default read from DESK_DB now
    plain = vars(_plain_window(argv))
    assert {k: whole[k] for k in plain} == plain
    assert plain["command"] is None


@pytest.mark.parametrize("argv", [["-v"], ["--db"], ["--db", ""], ["--db="], ["--help"],
                                  ["--version"], ["window"], ["list"], ["--db", "-v"],
                                  ["--db", "a.db", "list"], ["-h"]])
def test_anything_else_is_left_to_the_parser(argv):
    assert _plain_window(argv) is None


def test_desk_with_no_arguments_opens_the_window_without_building_the_parser(
        monkeypatch, tmp_path):
    import desk.cli.window

    monkeypatch.setenv("DESK_DB", str(tmp_path / "env.db"))
    monkeypatch.setattr(desk.cli, "build_parser", lambda *a: pytest.fail("parser built"))
    opened = []
    monkeypatch.setattr(desk.cli.window, "run_window",
                        lambda args, ctx: opened.append(ctx.db_path) or 0)
    assert main([]) == 0
    assert main(["--db", str(tmp_path / "lib.db")]) == 0
    assert opened == [tmp_path / "env.db", tmp_path / "lib.db"]


def test_help_and_a_bad_option_still_go_through_the_parser(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    assert "COMMAND" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        main(["--db"])
    assert exc.value.code == 2
    assert capsys.readouterr().err.startswith("desk: error:")
