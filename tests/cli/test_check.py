"""desk check: output formats, exit status, sources and tags from the library."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desk.cli import main
from desk.storage import Library

ROOT = Path(__file__).resolve().parents[2]
CLEAN = "The council met on Tuesday.\n\n\u201cWe will rebuild the bridge,\u201d said Ana Ruiz, the mayor.\n"
BROKEN = "The council met.\n\n\u201cWe will rebuild the bridge, said Ana Ruiz.\n\nLeave a Reply\n"


@pytest.fixture
def clean_file(tmp_path):
    p = tmp_path / "clean.md"
    p.write_text(CLEAN, encoding="utf-8")
    return p


@pytest.fixture
def broken_file(tmp_path):
    p = tmp_path / "broken.md"
    p.write_text(BROKEN, encoding="utf-8")
    return p


def test_explain_prints_candidates_and_json_gains_them(run, clean_file):
    code, out, _ = run("check", "--explain", str(clean_file))
    assert "-> Ana Ruiz" in out and "[post]" in out
    code, out, _ = run("check", "--explain", "--format", "json", str(clean_file))
    data = json.loads(out)
    assert data["explain"] is True
    (q,) = data["quotes"]
    assert q["candidates"][0]["speaker"] == "Ana Ruiz" and "features" in q["candidates"][0]


def test_json_shape(run, clean_file):
    code, out, _ = run("check", "--format", "json", str(clean_file))
    data = json.loads(out)
    assert set(data) == {"words", "quotes", "problems"}
    (q,) = data["quotes"]
    assert set(q) == {"start", "end", "text", "speaker", "source_id", "cue", "closed", "speaker_mention"}
    assert q["speaker"] == "Ana Ruiz"
    assert CLEAN[q["start"]:q["end"]] == "\u201cWe will rebuild the bridge,\u201d"
    assert q["text"] == "We will rebuild the bridge,"
    for p in data["problems"]:
        assert set(p) == {"kind", "severity", "start", "end", "message", "suggestions"}


def test_clean_file_exits_zero_even_with_warnings(run, clean_file):
    code, out, _ = run("check", "--format", "json", str(clean_file))
    kinds = {p["kind"] for p in json.loads(out)["problems"]}
    assert "unknown-source" in kinds  # a warning: the library has no sources yet
    assert code == 0


def test_known_source_gets_its_id(run, clean_file, db_path):
    with Library.open(db_path, seed=False) as lib:
        sid = lib.sources.add("Ana Ruiz", aliases=["Ruiz"]).id
    code, out, _ = run("check", "--format", "json", str(clean_file))
    data = json.loads(out)
    assert data["quotes"][0]["source_id"] == sid
    assert "unknown-source" not in {p["kind"] for p in data["problems"]}


def test_errors_exit_one_and_text_format_is_linter_like(run, broken_file):
    code, out, _ = run("check", str(broken_file))
    assert code == 1
    lines = out.splitlines()
    assert f"{broken_file}:3:1: error unclosed-quote: " in lines[0]
    assert any(line.startswith(f"{broken_file}:5:1: error boilerplate:") for line in lines)


def test_missing_file_exits_two_with_one_line(run, tmp_path):
    code, out, err = run("check", str(tmp_path / "nope.md"))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1


def test_non_utf8_file_exits_two(run, tmp_path):
    p = tmp_path / "utf16.txt"  # without a BOM (Windows-1252 text is read: desk.importing.decode)
    p.write_bytes("caf\xe9 \u201cno\u201d".encode("utf-16-le"))
    code, _, err = run("check", str(p))
    assert code == 2
    assert "UTF-8" in err


def test_bom_is_accepted_and_offsets_exclude_it(run, tmp_path):
    p = tmp_path / "bom.md"
    p.write_bytes(b"\xef\xbb\xbf" + CLEAN.encode("utf-8"))
    code, out, _ = run("check", "--format", "json", str(p))
    q = json.loads(out)["quotes"][0]
    assert CLEAN[q["start"]:q["end"]].startswith("\u201cWe will")


def test_article_by_id_uses_its_tags(run, db_path):
    body = "\u201cWe will never close the school,\u201d said Ana Ruiz."
    with Library.open(db_path, seed=False) as lib:
        art = lib.articles.create(headline="School", body=body)
        end = body.index("\u201d") + 1
        lib.quotes.add(art.id, "We will never close the school,", original="We will not close the school.",
                       start=0, end=end)
    code, out, _ = run("check", "--format", "json", "--article", str(art.id))
    data = json.loads(out)
    kinds = [p["kind"] for p in data["problems"]]
    assert "misquote" in kinds
    assert code == 1


def test_missing_article_exits_two(run):
    code, _, err = run("check", "--article", "999")
    assert code == 2
    assert err.startswith("desk: error:")


def test_subprocess_round_trip(tmp_path, clean_file):
    proc = subprocess.run(
        [sys.executable, "-m", "desk", "--db", str(tmp_path / "lib.db"), "check", "--format", "json",
         str(clean_file)],
        capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["quotes"][0]["speaker"] == "Ana Ruiz"


def test_language_from_option_and_front_matter(tmp_path, capsys):
    from desk.cli import main

    db = str(tmp_path / "lib.db")
    plain = tmp_path / "gb.md"
    plain.write_text("The colour of the programme was criticised.\n", encoding="utf-8")
    main(["--db", db, "check", "--format", "json", str(plain)])
    us = json.loads(capsys.readouterr().out)
    assert {p["kind"] for p in us["problems"]} == {"misspelling"}
    main(["--db", db, "check", "--format", "json", "--language", "en-GB", str(plain)])
    assert json.loads(capsys.readouterr().out)["problems"] == []
    fm = tmp_path / "fm.md"
    fm.write_text("---\nlanguage: en-GB\n---\nThe colour of the programme was criticised.\n",
                  encoding="utf-8")
    main(["--db", db, "check", "--format", "json", str(fm)])
    assert json.loads(capsys.readouterr().out)["problems"] == []


def test_crlf_file_offsets_point_into_the_file_text(tmp_path, capsys):
    from desk.cli import main

    f = tmp_path / "crlf.md"
    f.write_bytes("Intro line.\r\n\r\n\u201cWe are ready,\u201d she said.\r\n".encode("utf-8"))
    main(["--db", str(tmp_path / "lib.db"), "check", "--format", "json", str(f)])
    (quote,) = json.loads(capsys.readouterr().out)["quotes"]
    text = f.read_bytes().decode("utf-8")
    assert text[quote["start"]:quote["end"]] == "\u201cWe are ready,\u201d"


def test_utf16_file_is_read(tmp_path, capsys):
    from desk.cli import main

    f = tmp_path / "u16.txt"
    f.write_bytes("\u201cWe are ready,\u201d said Ana Ruiz.\n".encode("utf-16"))
    assert main(["--db", str(tmp_path / "lib.db"), "check", "--format", "json", str(f)]) == 0
    (quote,) = json.loads(capsys.readouterr().out)["quotes"]
    assert quote["speaker"] == "Ana Ruiz"


# -- a check is a read: the data folder and the library are left as they were ----------
def _tree(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None
            for p in sorted(folder.rglob("*"))} if folder.exists() else {}


def test_checking_a_file_creates_no_library(tmp_path, clean_file, monkeypatch, capsys):
    import os

    from desk.paths import library_path

    data = Path(os.environ["XDG_DATA_HOME"])
    before = _tree(data)
    assert main(["check", str(clean_file)]) == 0
    assert _tree(data) == before
    assert not library_path().exists()


def test_checking_a_file_works_when_the_data_folder_cannot_be_made(tmp_path, clean_file,
                                                                   monkeypatch, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder would go")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "data"))  # nobody, root included, can mkdir
    monkeypatch.setenv("HOME", str(blocker / "home"))
    assert main(["check", "--format", "json", str(clean_file)]) == 0
    assert json.loads(capsys.readouterr().out)["quotes"][0]["speaker"] == "Ana Ruiz"


def test_an_existing_default_library_is_read_without_being_changed(tmp_path, monkeypatch, capsys):
    from desk.paths import library_path

    f = tmp_path / "words.md"
    f.write_text("The Zorblat council met.\n", encoding="utf-8")
    assert main(["check", "--format", "json", str(f)]) == 0  # no library: unknown word
    assert [p["kind"] for p in json.loads(capsys.readouterr().out)["problems"]] == ["unknown-name"]
    with Library.open(library_path(), seed=False) as lib:
        lib.dictionary.add("Zorblat")
    folder = library_path().parent
    before = _tree(folder)
    assert main(["check", "--format", "json", str(f)]) == 0
    assert json.loads(capsys.readouterr().out)["problems"] == []  # the personal dictionary
    assert _tree(folder) == before


def test_check_article_reads_the_library_read_only(run, db_path, capsys):
    with Library.open(db_path, seed=False) as lib:
        aid = lib.articles.create(headline="x", body="\u201cWe will win,\u201d said Ana Ruiz.\n").id
    before = _tree(db_path.parent)
    code, out, _ = run("check", "--article", str(aid))
    assert code == 0
    assert _tree(db_path.parent) == before


def test_check_article_without_a_library_says_so(tmp_path, capsys):
    missing = tmp_path / "none.db"
    assert main(["--db", str(missing), "check", "--article", "1"]) == 2
    assert f"no library at {missing}" in capsys.readouterr().err
    assert not missing.exists()


# -- languages ---------------------------------------------------------------------------
def test_an_unknown_language_option_is_refused_in_one_line(run, clean_file):
    code, out, err = run("check", "--language", "fr", str(clean_file))
    assert code == 2 and out == ""
    assert err.strip() == "desk: error: unknown language 'fr'; desk supports " \
        "en-US, en-GB, en-AU, en-NZ, en-IE, en-IN, en-ZA"


def test_language_option_takes_every_table_code_and_alias(tmp_path, capsys):
    f = tmp_path / "au.md"
    f.write_text("The colour of the programme was criticised.\n", encoding="utf-8")
    for code in ("en-AU", "en_gb", "EN-nz"):
        assert main(["check", "--format", "json", "--language", code, str(f)]) == 0
        assert json.loads(capsys.readouterr().out)["problems"] == []


def test_front_matter_language_from_the_table(tmp_path, capsys):
    f = tmp_path / "au.md"
    f.write_text("---\nlanguage: en-AU\n---\nThe colour of the programme was criticised.\n",
                 encoding="utf-8")
    assert main(["check", "--format", "json", str(f)]) == 0
    assert json.loads(capsys.readouterr().out)["problems"] == []
