import json
import subprocess
import sys

import pytest

from desk.cli import main
from desk.storage import Library


def test_import_markdown_with_front_matter(run, tmp_path):
    f = tmp_path / "story.md"
    f.write_text("---\nheadline: Dam opens\ndek: Six gates\ntags: [floods]\nstatus: editing\n---\n\nBody text.\n")
    code, out, _ = run("import", str(f))
    assert code == 0
    article_id = int(out.strip())
    code, out, _ = run("show", str(article_id), "--format", "json")
    data = json.loads(out)
    assert (data["headline"], data["dek"], data["status"], data["tags"]) == ("Dam opens", "Six gates", "editing", ["floods"])
    assert data["body"] == "Body text.\n"


def test_import_heading_and_plain_text(run, tmp_path):
    md = tmp_path / "a.md"
    md.write_text("# Heading here\n\nFirst para.\n")
    txt = tmp_path / "b.txt"
    txt.write_text("Plain headline\nSecond line body.\n")
    code, out, _ = run("import", str(md), str(txt))
    ids = [int(x) for x in out.split()]
    assert code == 0 and len(ids) == 2
    _, out, _ = run("list", "--format", "json")
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows[ids[0]]["headline"] == "Heading here"
    assert rows[ids[1]]["headline"] == "Plain headline"
    assert {"id", "headline", "status", "words", "updated_at"} <= set(rows[ids[0]])


def test_import_is_all_or_nothing(run, tmp_path):
    good = tmp_path / "good.md"
    good.write_text("# Good\n\ntext\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(1, 256)) * 3)  # neither UTF-8 nor Windows-1252 text
    code, out, err = run("import", str(good), str(bad))
    assert code == 2 and out == ""
    assert err.startswith("desk: error:") and "UTF-8" in err and err.count("\n") == 1
    _, out, _ = run("list", "--format", "json")
    assert [r["headline"] for r in json.loads(out) if r["headline"] == "Good"] == []


def test_import_missing_file(run, tmp_path):
    code, _, err = run("import", str(tmp_path / "nope.md"))
    assert code == 2 and "no such file" in err and "Traceback" not in err


def test_list_filters_and_search(run, tmp_path):
    f = tmp_path / "s.md"
    f.write_text("---\nheadline: Weir report\nstatus: ready\n---\nThe weir held.\n")
    run("import", str(f))
    _, out, _ = run("list", "--status", "ready", "--format", "json")
    assert [r["headline"] for r in json.loads(out)] == ["Weir report"]
    _, out, _ = run("list", "--search", "weir held", "--format", "json")
    assert [r["headline"] for r in json.loads(out)] == ["Weir report"]
    _, out, _ = run("list")
    assert "Weir report" in out and "HEADLINE" in out


def test_show_text_and_missing(run):
    code, out, _ = run("show", "1")
    assert code == 0 and "Welcome to desk" in out
    code, _, err = run("show", "999")
    assert code == 2 and "no article with id 999" in err


def test_sources_add_alias_list(run):
    code, out, _ = run("sources", "add", "Saeed Khatibzadeh", "--title", "Foreign Ministry spokesman",
                       "--alias", "Khatibzadeh")
    sid = int(out)
    run("sources", "alias", str(sid), "S. Khatibzadeh")
    _, out, _ = run("sources", "list", "--format", "json")
    src = next(s for s in json.loads(out) if s["id"] == sid)
    assert src["aliases"] == ["Khatibzadeh", "S. Khatibzadeh"]
    assert src["title"] == "Foreign Ministry spokesman"
    _, out, _ = run("sources", "list", "--search", "khatib")
    assert "Saeed Khatibzadeh" in out and "Ruth Dalton" not in out
    code, _, err = run("sources", "alias", str(sid), "Nope", "--remove")
    assert code == 2 and "no alias" in err


def test_dict_add_list_remove(run):
    assert run("dict", "add", "Kadhimi", "brinkmanship")[0] == 0
    assert [line.split() for line in run("dict", "list")[1].splitlines()] == [
        ["WORD", "SCOPE", "EDITOR"], ["brinkmanship", "shared", "—"], ["Kadhimi", "shared", "—"]]
    run("dict", "add", "Kadhemi", "--article", "1")
    assert json.loads(run("dict", "list", "--article", "1", "--format", "json")[1]) == ["Kadhemi"]
    run("dict", "remove", "Kadhimi")
    assert run("dict", "list", "--format", "json")[1].strip() == json.dumps(["brinkmanship"], indent=2).strip()


def test_backup(run, tmp_path):
    target = tmp_path / "b.db"
    code, out, _ = run("backup", str(target))
    assert code == 0 and target.exists()
    code, _, err = run("backup", str(target))
    assert code == 2 and "exists" in err


def test_not_a_library(tmp_path, capsys):
    bogus = tmp_path / "x.db"
    bogus.write_text("hello")
    assert main(["--db", str(bogus), "list"]) == 2
    err = capsys.readouterr().err
    assert "not a desk library" in err and err.count("\n") == 1


def test_db_from_environment(tmp_path, monkeypatch, capsys):
    path = tmp_path / "env.db"
    monkeypatch.setenv("DESK_DB", str(path))
    assert main(["list"]) == 0
    assert path.exists()


def test_default_library_in_user_data_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert main(["list"]) == 0
    assert (tmp_path / "xdg" / "desk" / "library.db").exists()


def test_every_command_has_help(capsys):
    from desk.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert {"import", "list", "show", "sources", "dict", "backup"} <= set(sub.choices)
    for name in sub.choices:
        with pytest.raises(SystemExit) as exc:
            main([name, "--help"])
        assert exc.value.code == 0
        assert "usage: desk" in capsys.readouterr().out


@pytest.mark.subprocess
def test_as_a_subprocess(tmp_path):
    db = tmp_path / "p.db"
    f = tmp_path / "x.md"
    f.write_text("# From a process\n\nbody\n")
    r = subprocess.run([sys.executable, "-m", "desk", "--db", str(db), "import", str(f)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([sys.executable, "-m", "desk", "--db", str(db), "list", "--format", "json"],
                       capture_output=True, text=True, timeout=60)
    assert "From a process" in {x["headline"] for x in __import__("json").loads(r.stdout)}
    r = subprocess.run([sys.executable, "-m", "desk", "--db", str(db), "show", "77"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and r.stderr.strip() == "desk: error: no article with id 77"


@pytest.mark.subprocess
def test_a_closed_pipe_ends_quietly(tmp_path):
    """`desk list | head -1`: the reader stops early; desk exits 0 with nothing on stderr."""
    db = tmp_path / "lib.db"
    with Library.open(db, seed=False) as lib:
        for n in range(3000):
            lib.articles.create(headline=f"Story {n}")
    proc = subprocess.Popen([sys.executable, "-m", "desk", "--db", str(db), "list", "--limit", "3000"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # like head -1 exiting
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0 and err == ""


def test_import_of_windows_1252_text_notes_the_encoding(run, tmp_path):
    old = tmp_path / "old.txt"
    old.write_bytes(b"Caf\xe9 reopens\n\nThe owner said \x93soon\x94 \x97 maybe.\n")
    code, out, err = run("import", str(old))
    assert code == 0 and out.strip().isdigit()
    assert err == f"desk: note: {old}: read as Windows-1252 (not UTF-8)\n"
    _, shown, _ = run("show", out.strip(), "--format", "json")
    assert json.loads(shown)["body"] == "The owner said “soon” — maybe.\n"


def test_reimport_is_skipped_with_a_note_and_again_imports_it(run, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("# Story\n\ntext\n")
    _, first, _ = run("import", str(story))
    code, out, err = run("import", str(story))
    assert (code, out) == (0, "")
    assert err.startswith(f"desk: note: skipped {story} is already in the library as article "
                          f"{first.strip()}") and err.count("\n") == 1
    code, out, err = run("import", "--again", str(story))
    assert code == 0 and out.strip() != first.strip() and err == ""
