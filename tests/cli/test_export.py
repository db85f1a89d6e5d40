import json
import re
import subprocess
import sys

import pytest

from desk.storage import Library

UNCLOSED = "He said “this quotation never closes and goes on for a while.\n"


@pytest.fixture
def ids(db_path):
    with Library.open(db_path, seed=False) as lib:
        good = lib.articles.create(headline="Bridge closes", body="Plain report.\n").id
        other = lib.articles.create(headline="Ferry runs", body="Another report.\n").id
        bad = lib.articles.create(headline="Open quote", body=UNCLOSED).id
    return good, other, bad


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "out"  # tmp_path itself holds the library
    folder.mkdir()
    return folder


def test_output_file_is_written_and_printed(run, ids, tmp_path):
    target = tmp_path / "story.md"
    code, out, _ = run("export", str(ids[0]), "--format", "md", "-o", str(target))
    assert code == 0
    assert out.strip() == str(target)
    assert "headline: Bridge closes" in target.read_text(encoding="utf-8")


def test_dir_writes_id_slug_ext_for_each(run, ids, out_dir):
    code, out, _ = run("export", str(ids[0]), str(ids[1]), "--format", "html", "--dir", str(out_dir))
    assert code == 0
    assert sorted(p.name for p in out_dir.iterdir()) == [
        f"{ids[0]}-bridge-closes.html", f"{ids[1]}-ferry-runs.html"]
    assert len(out.split()) == 2


def test_existing_file_needs_force(run, ids, tmp_path):
    target = tmp_path / "story.txt"
    target.write_text("keep")
    code, _, err = run("export", str(ids[0]), "--format", "txt", "-o", str(target))
    assert code == 2 and "exists" in err and "--force" in err
    assert target.read_text() == "keep"
    code, _, _ = run("export", str(ids[0]), "--format", "txt", "-o", str(target), "--force")
    assert code == 0 and target.read_text(encoding="utf-8").startswith("Bridge closes")


def test_blocked_article_exits_1_and_lists_problems(run, ids, out_dir):
    code, out, err = run("export", str(ids[2]), "--format", "md", "--dir", str(out_dir))
    assert code == 1 and out == ""
    assert f"article {ids[2]}" in err and "blocks export" in err and "line 1" in err
    assert "this quotation never" in err
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize("fmt", ["quotes-csv", "quotes-xlsx"])
def test_quote_sheet_of_a_blocked_article_is_written_without_force(run, ids, out_dir, db_path, fmt):
    code, out, err = run("export", str(ids[2]), "--format", fmt, "--dir", str(out_dir))
    assert code == 0 and err == ""
    (written,) = out_dir.iterdir()
    assert out.strip() == str(written) and written.name.endswith(f".{fmt.replace('-', '.')}")
    with Library.open(db_path) as lib:
        assert lib.exports.list(ids[2])[0]["forced"] == 0


def test_quote_sheet_notes_the_unclosed_quotation(run, ids, tmp_path):
    import csv

    target = tmp_path / "sheet.csv"
    assert run("export", str(ids[2]), "--format", "quotes-csv", "-o", str(target))[0] == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    (row,) = csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines())
    assert row["Quotation"] == "“this quotation never closes and goes on for a while."
    assert "not closed" in row["Notes"]


def test_one_blocked_article_stops_the_whole_batch(run, ids, out_dir):
    code, _, err = run("export", str(ids[0]), str(ids[2]), "--format", "md", "--dir", str(out_dir))
    assert code == 1 and "nothing was exported" in err
    assert list(out_dir.iterdir()) == []


def test_force_exports_a_blocked_article_and_logs_it(run, ids, out_dir, db_path):
    code, _, _ = run("export", str(ids[2]), "--format", "md", "--dir", str(out_dir), "--force")
    assert code == 0
    with Library.open(db_path) as lib:
        assert lib.exports.list(ids[2])[0]["forced"] == 1


def test_output_file_takes_one_id(run, ids, tmp_path):
    code, _, err = run("export", str(ids[0]), str(ids[1]), "--format", "md", "-o", str(tmp_path / "x.md"))
    assert code == 2 and "--dir" in err


def test_unknown_article_is_exit_2(run, ids, tmp_path):
    code, _, err = run("export", "999", "--format", "md", "--dir", str(tmp_path))
    assert code == 2 and "no article with id 999" in err


def test_missing_dir_is_exit_2(run, ids, tmp_path):
    code, _, err = run("export", str(ids[0]), "--format", "md", "--dir", str(tmp_path / "nope"))
    assert code == 2 and "not a folder" in err


def test_letter_pdf(run, ids, tmp_path):
    target = tmp_path / "a.pdf"
    code, _, _ = run("export", str(ids[0]), "--format", "pdf", "--page-size", "letter", "-o", str(target))
    assert code == 0
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", target.read_bytes())
    assert (round(float(box.group(1))), round(float(box.group(2)))) == (612, 792)


def test_export_is_logged(run, ids, tmp_path, db_path):
    run("export", str(ids[0]), "--format", "ninjs", "-o", str(tmp_path / "a.json"))
    with Library.open(db_path) as lib:
        (entry,) = lib.exports.list(ids[0])
    assert entry["format"] == "ninjs" and json.loads((tmp_path / "a.json").read_text())["uri"]


def test_help_documents_formats_and_exit_codes():
    out = subprocess.run([sys.executable, "-m", "desk", "export", "--help"], capture_output=True,
                         text=True, timeout=60).stdout
    for piece in ("quotes-csv", "quotes-xlsx", "quote sheets are written", "--page-size", "exit status", "1  blocked", "2  a user error"):
        assert piece in out


@pytest.mark.subprocess
def test_pdf_from_a_fresh_process_without_display(ids, db_path, tmp_path):
    """The CLI has no QGuiApplication: pdf_out must make one (offscreen) by itself."""
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    target = tmp_path / "a.pdf"
    r = subprocess.run([sys.executable, "-m", "desk", "--db", str(db_path), "export", str(ids[0]),
                        "--format", "pdf", "-o", str(target)], capture_output=True, text=True,
                       env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert target.read_bytes().startswith(b"%PDF-")


def test_output_that_is_a_folder_is_exit_2(run, ids, out_dir):
    code, _, err = run("export", str(ids[0]), "--format", "md", "-o", str(out_dir))
    assert code == 2 and "is a folder" in err


def test_markdown_export_imports_back_as_the_same_article(run, db_path, out_dir):
    with Library.open(db_path, seed=False) as lib:
        src = lib.sources.add("Amara Okafor", title="City engineer")
        original = lib.articles.create(
            headline="Bridge: “closed” for good?", dek="Ring road from Monday", byline="L. Mokoena",
            section="City", status="copy-edit", tags=["transport", "council"],
            body="“It is not safe,” said Amara Okafor.\n\n## Next\n\n- buses\n- *ferries*\n")
        assert src.id
    target = out_dir / "a.md"
    assert run("export", str(original.id), "--format", "md", "-o", str(target))[0] == 0
    code, out, _ = run("import", str(target))
    assert code == 0
    with Library.open(db_path) as lib:
        again = lib.articles.get(int(out.strip()))
    for field in ("headline", "dek", "byline", "section", "status", "body", "language"):
        assert getattr(again, field) == getattr(original, field), field
    assert sorted(again.tags) == sorted(original.tags)


def test_html_export_imports_back_with_dek_section_and_tags(run, db_path, out_dir):
    with Library.open(db_path, seed=False) as lib:
        original = lib.articles.create(
            headline="Bridge: “closed” for good?", dek="Ring road from Monday — café owners’ worry",
            byline="L. Mokoena", section="City & Region", language="en-GB",
            tags=["transport", "council, city", "Ré"],
            body="“It is not safe,” said Amara Okafor.\n\n## Next\n\n- buses\n- *ferries*\n\n"
                 "A [map](https://example.org/map) and **times**.\n")
    target = out_dir / "a.html"
    assert run("export", str(original.id), "--format", "html", "-o", str(target))[0] == 0
    code, out, _ = run("import", str(target))
    assert code == 0
    with Library.open(db_path) as lib:
        again = lib.articles.get(int(out.strip()))
    for field in ("headline", "dek", "byline", "section", "body", "language"):
        assert getattr(again, field) == getattr(original, field), field
    assert again.tags == original.tags


def test_import_of_a_windows_1252_page_reads_it_in_that_encoding(run, ids, out_dir, db_path):
    page = out_dir / "old.htm"
    page.write_bytes(b'<meta charset="windows-1252"><p>Caf\xe9 \x93open\x94</p>')
    code, out, err = run("import", str(page))
    assert code == 0
    assert err == f"desk: note: {page}: read as Windows-1252 (not UTF-8)\n"
    with Library.open(db_path) as lib:
        assert lib.articles.get(int(out.strip())).body == "Café “open”\n"


def test_import_of_a_page_in_an_unknown_charset_is_a_one_line_error(run, ids, out_dir):
    page = out_dir / "odd.htm"
    page.write_bytes(b'<meta charset="x-unheard-of"><p>Caf\xe9</p>')
    code, out, err = run("import", str(page))
    assert code == 2 and out == ""
    assert "x-unheard-of" in err and err.count("\n") == 1
