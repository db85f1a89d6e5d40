"""desk check over standard input, several files and folders; the gcc line format; colour."""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desk.cli import main
from desk.cli.output import use_color

ROOT = Path(__file__).resolve().parents[2]
CLEAN = "The council met on Tuesday.\n\n\u201cWe will rebuild the bridge,\u201d said Ana Ruiz, the mayor.\n"
BROKEN = "The council met.\n\n\u201cWe will rebuild the bridge, said Ana Ruiz.\n\nLeave a Reply\n"
SPELLING = "The colour of teh programme.\n"
# VS Code's $gcc problem matcher (vscode-cpptools) and the same with gcc's notes.
VSCODE_GCC = re.compile(r"^(.*):(\d+):(\d+):\s+(?:fatal\s+)?(warning|error):\s+(.*)$")
GCC_WITH_NOTES = re.compile(r"^(.*?):(\d+):(\d+):\s+(?:fatal\s+)?(warning|error|note):\s+(.*)$")


@pytest.fixture
def tree(tmp_path):
    """docs/ with a broken article, a subfolder, hidden entries and a file of another kind."""
    root = tmp_path / "docs"
    (root / "sub").mkdir(parents=True)
    (root / ".drafts").mkdir()
    (root / "b-broken.md").write_text(BROKEN, encoding="utf-8")
    (root / "a-clean.md").write_text(CLEAN, encoding="utf-8")
    (root / "sub" / "spelling.TXT").write_text(SPELLING, encoding="utf-8")
    (root / ".drafts" / "hidden.md").write_text(BROKEN, encoding="utf-8")
    (root / ".hidden.md").write_text(BROKEN, encoding="utf-8")
    (root / "notes.rst").write_text(BROKEN, encoding="utf-8")
    return root


@pytest.fixture
def desk(tmp_path, capsys, monkeypatch):
    def _run(*argv, stdin: bytes | None = None):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        try:
            code = main(["--db", str(tmp_path / "none.db"), *argv])
        except SystemExit as exc:  # an argument error
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err
    return _run


def names_in(out: str) -> list[str]:
    seen: list[str] = []
    for line in out.splitlines():
        name = line.split(":", 1)[0]
        if name not in seen:
            seen.append(name)
    return seen


def test_one_file_prints_as_it_always_did(desk, tmp_path):
    f = tmp_path / "broken.md"
    f.write_text(BROKEN, encoding="utf-8")
    code, out, err = desk("check", str(f))
    assert code == 1 and err == ""
    assert out.splitlines()[0] == (f"{f}:3:1: error unclosed-quote: quotation is not closed "
                                   "before the end of its paragraph")


def test_standard_input_is_named_stdin(desk):
    code, out, _ = desk("check", "-", stdin=BROKEN.encode("utf-8"))
    assert code == 1
    assert out.startswith("<stdin>:3:1: error unclosed-quote: ")


def test_standard_input_in_json_keeps_the_one_object_shape(desk):
    code, out, _ = desk("check", "--format", "json", "-", stdin=CLEAN.encode("utf-8"))
    data = json.loads(out)
    assert code == 0 and set(data) == {"words", "quotes", "problems"}
    assert data["quotes"][0]["speaker"] == "Ana Ruiz"


def test_standard_input_with_a_bom_and_front_matter_language(desk):
    text = "---\nlanguage: en-GB\n---\nThe colour of the programme was criticised.\n"
    code, out, _ = desk("check", "--format", "json", "-", stdin=b"\xef\xbb\xbf" + text.encode())
    assert code == 0 and json.loads(out)["problems"] == []


def test_standard_input_given_twice_is_refused(desk):
    code, out, err = desk("check", "-", "-", stdin=b"x")
    assert code == 2 and out == "" and err.startswith("desk: error: standard input")


def test_a_folder_is_walked_in_name_order_skipping_hidden_and_other_kinds(desk, tree):
    code, out, err = desk("check", str(tree))
    assert code == 1 and err == ""
    assert names_in(out) == [str(tree / "a-clean.md"), str(tree / "b-broken.md"),
                             str(tree / "sub" / "spelling.TXT")]


def test_several_inputs_in_the_order_given(desk, tree, tmp_path):
    other = tmp_path / "other.md"
    other.write_text(SPELLING, encoding="utf-8")
    code, out, _ = desk("check", str(other), "-", str(tree / "sub"), stdin=BROKEN.encode())
    assert code == 1
    assert names_in(out) == [str(other), "<stdin>", str(tree / "sub" / "spelling.TXT")]


def test_warnings_only_exit_zero_across_files(desk, tree):
    code, out, _ = desk("check", str(tree / "a-clean.md"), str(tree / "sub"))
    assert code == 0 and "warning misspelling" in out


def test_an_unreadable_file_is_one_line_and_the_others_are_checked(desk, tree, tmp_path):
    missing = tmp_path / "nope.md"
    code, out, err = desk("check", str(missing), str(tree / "sub"))
    assert code == 2
    assert err == f"desk: error: {missing}: no such file\n"
    assert names_in(out) == [str(tree / "sub" / "spelling.TXT")]


def test_one_unreadable_file_alone_is_the_old_one_line_error(desk, tmp_path):
    code, out, err = desk("check", "--format", "json", str(tmp_path / "nope.md"))
    assert (code, out) == (2, "")
    assert err == f"desk: error: {tmp_path / 'nope.md'}: no such file\n"


def test_an_empty_folder_says_so_and_checks_nothing(desk, tmp_path):
    (tmp_path / "empty").mkdir()
    code, out, err = desk("check", "--format", "json", str(tmp_path / "empty"))
    assert code == 0 and json.loads(out) == []
    assert err == f"desk: warning: {tmp_path / 'empty'}: no .md or .txt files in this folder\n"


def test_json_for_several_files_is_a_list_with_file_and_error(desk, tree, tmp_path):
    latin1 = tmp_path / "latin1.txt"  # UTF-16 without a byte-order mark: refused (Windows-1252 is read)
    latin1.write_bytes("caf\xe9 and more words".encode("utf-16-le"))
    code, out, err = desk("check", "--format", "json", str(tree), str(latin1))
    assert code == 2 and "UTF-8" in err
    data = json.loads(out)
    assert [d["file"] for d in data] == [str(tree / "a-clean.md"), str(tree / "b-broken.md"),
                                         str(tree / "sub" / "spelling.TXT"), str(latin1)]
    assert set(data[0]) == {"file", "words", "quotes", "problems"}
    assert list(data[0])[0] == "file"
    assert data[0]["quotes"][0]["speaker"] == "Ana Ruiz"
    assert "unclosed-quote" in {p["kind"] for p in data[1]["problems"]}
    assert set(data[3]) == {"file", "error"} and "UTF-8" in data[3]["error"]


def test_a_folder_with_one_file_is_still_a_list(desk, tree):
    code, out, _ = desk("check", "--format", "json", str(tree / "sub"))
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 1


def test_language_option_applies_to_every_file(desk, tree):
    code, out, _ = desk("check", "--format", "json", "--language", "en-GB", str(tree / "sub"))
    (only,) = json.loads(out)
    assert [p["message"] for p in only["problems"]] == ["Possible misspelling: \u201cteh\u201d"]


def test_files_and_article_are_exclusive(desk, tree):
    code, out, err = desk("check", "--article", "1", str(tree))
    assert code == 2 and out == "" and "not allowed with" in err


def test_explain_per_file_names_each_file(desk, tree):
    code, out, _ = desk("check", "--explain", str(tree / "a-clean.md"), str(tree / "b-broken.md"))
    explained = [line for line in out.splitlines() if "->" in line]
    assert any(line.startswith(f"{tree / 'a-clean.md'}:3:") for line in explained)


# -- the gcc format ----------------------------------------------------------------------
def test_gcc_lines_parse_with_a_problem_matcher_and_agree_with_json(desk, tree):
    """Every line parses with gcc's pattern (VS Code's $gcc for errors and warnings, gcc's
    notes for desk's info), and file, line, column, message and kind agree with the JSON."""
    inputs = (str(tree), "-")
    stdin = ("The Zorblat council met.\n\n" + BROKEN).encode()
    code, out, _ = desk("check", "--format", "gcc", *inputs, stdin=stdin)
    assert code == 1
    lines = out.splitlines()
    _, js, _ = desk("check", "--format", "json", *inputs, stdin=stdin)
    expected = []
    for entry in json.loads(js):
        text = stdin.decode() if entry["file"] == "<stdin>" else \
            Path(entry["file"]).read_text(encoding="utf-8")
        for p in entry["problems"]:
            before = text[:p["start"]]
            line, col = before.count("\n") + 1, p["start"] - (before.rfind("\n") + 1) + 1
            expected.append((entry["file"], line, col, p["severity"], p["kind"]))
    parsed = []
    for line in lines:
        m = GCC_WITH_NOTES.match(line)
        assert m, line
        file, ln, col, severity, message = m.groups()
        kind = re.search(r" \[([a-z-]+)\]$", message).group(1)
        assert (VSCODE_GCC.match(line) is not None) == (severity != "note")
        parsed.append((file, int(ln), int(col), {"note": "info"}.get(severity, severity), kind))
    assert parsed == expected
    assert {"error", "warning", "info"} <= {p[3] for p in parsed}


def test_gcc_columns_count_characters_not_bytes(desk):
    text = "\u00c9l\u00e9onore \u2014 said teh mayor.\n"
    code, out, _ = desk("check", "--format", "gcc", "-", stdin=text.encode())
    (line,) = [x for x in out.splitlines() if "teh" in x]
    assert line.startswith(f"<stdin>:1:{text.index('teh') + 1}: warning: ")
    assert line.endswith("[misspelling]")


# -- colour ------------------------------------------------------------------------------
class _Tty(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("choice, environ, tty, expected", [
    ("auto", {}, True, True),
    ("auto", {}, False, False),
    ("auto", {"NO_COLOR": "1"}, True, False),
    ("auto", {"NO_COLOR": "0"}, True, False),  # any non-empty value
    ("auto", {"NO_COLOR": ""}, True, True),    # empty is unset
    ("auto", {"TERM": "dumb"}, True, False),
    ("always", {"NO_COLOR": "1"}, False, True),  # the option beats the environment
    ("never", {}, True, False),
])
def test_use_color(choice, environ, tty, expected):
    stream = _Tty() if tty else io.StringIO()
    assert use_color(choice, stream, environ) is expected


def test_color_always_paints_severity_and_bold_file_names(desk, tree):
    code, out, _ = desk("check", "--color", "always", str(tree / "b-broken.md"))
    first = out.splitlines()[0]
    assert first.startswith(f"\x1b[1m{tree / 'b-broken.md'}:3:1:\x1b[0m \x1b[1;31merror\x1b[0m ")
    code, plain, _ = desk("check", str(tree / "b-broken.md"))
    assert re.sub(r"\x1b\[[0-9;]*m", "", out) == plain
    assert "\x1b" not in plain


def test_json_is_never_painted(desk, tree):
    code, out, _ = desk("check", "--format", "json", "--color", "always", str(tree / "b-broken.md"))
    assert "\x1b" not in out
    json.loads(out)


def _on_a_terminal(args, env_extra):
    """desk run with its stdout on a real pseudo-terminal; what it printed there."""
    import pty

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    env.update(env_extra)
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "desk", *args], stdout=follower,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=ROOT, env=env)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other side is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=120)
        assert proc.returncode == 1, proc.stderr.read()
        proc.stderr.close()
        return b"".join(chunks).decode()
    finally:
        os.close(leader)


def test_a_terminal_gets_colour_unless_no_color(tmp_path, tree):
    args = ["--db", str(tmp_path / "none.db"), "check", str(tree / "b-broken.md")]
    assert "\x1b[1;31merror\x1b[0m" in _on_a_terminal(args, {"TERM": "xterm"})
    assert "\x1b" not in _on_a_terminal(args, {"TERM": "xterm", "NO_COLOR": "1"})


def test_a_subfolder_that_cannot_be_listed_is_an_error_in_its_place(desk, tree, monkeypatch):
    real_scandir = os.scandir
    locked = str(tree / "sub")

    def scandir(path="."):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = desk("check", "--format", "json", str(tree))
    assert code == 2
    assert err == f"desk: error: {locked}: cannot read the folder: Permission denied\n"
    data = json.loads(out)
    assert [d["file"] for d in data] == [str(tree / "a-clean.md"), str(tree / "b-broken.md"), locked]
    assert data[-1]["error"].endswith("cannot read the folder: Permission denied")
