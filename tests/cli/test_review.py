import json

import pytest

from desk.review.reattach import sync_quotes
from desk.storage import Library

BODY = ("The mayor defended the plan. \u201cWe will rebuild the bridge by spring,\u201d said Ana Ruiz.\n\n"
        "Ruiz added: \u201cNobody will pay more.\u201d\n")
TRANSCRIPT = "Q: The bridge?\nRUIZ: We will rebuild the bridge by the spring. Nobody will pay more.\n"


@pytest.fixture
def ids(db_path):
    with Library.open(db_path, seed=False) as lib:
        source = lib.sources.add("Ana Ruiz", organisation="City", role="mayor")
        article = lib.articles.create(headline="Bridge", body=BODY)
        sync_quotes(lib, article.id)  # saved, as the window or desk import does
        return {"source": source.id, "article": article.id}


def quotes(run, *extra):
    code, out, _ = run("quotes", "list", "--format", "json", *extra)
    assert code == 0
    return json.loads(out)


def test_quotes_list_json_has_stable_ids_and_fields(run, ids):
    first = quotes(run)
    assert [q["text"] for q in first] == ["We will rebuild the bridge by spring,", "Nobody will pay more."]
    assert {"id", "article_id", "text", "speaker", "source_id", "status"} <= set(first[0])
    assert first[0]["source_id"] == ids["source"] and first[0]["status"] == "unverified"
    assert [q["id"] for q in quotes(run)] == [q["id"] for q in first]


def test_quotes_list_filters_by_status(run, ids):
    qid = quotes(run)[1]["id"]
    assert run("quotes", "status", str(qid), "verified")[0] == 0
    assert [q["id"] for q in quotes(run, "--status", "verified")] == [qid]
    assert len(quotes(run, "--article", str(ids["article"]), "--status", "unverified")) == 1


def test_verify_against_material_file_that_matches(run, ids, tmp_path):
    f = tmp_path / "interview.txt"
    f.write_text(TRANSCRIPT)
    qid = quotes(run)[1]["id"]
    code, out, _ = run("quotes", "verify", str(qid), "--material", str(f), "--note", "tape 2")
    assert code == 0 and "verified" in out
    q = quotes(run)[1]
    assert q["status"] == "verified" and q["note"] == "tape 2"


def test_verify_against_material_file_that_differs(run, ids, tmp_path):
    f = tmp_path / "interview.txt"
    f.write_text(TRANSCRIPT)
    qid = quotes(run)[0]["id"]
    code, out, _ = run("quotes", "verify", str(qid), "--material", str(f))
    assert code == 1
    assert "[-the-]" in out
    assert quotes(run)[0]["original"] == "We will rebuild the bridge by the spring."


def test_verify_with_original_text(run, ids):
    qid = quotes(run)[1]["id"]
    code, out, _ = run("quotes", "verify", str(qid), "--original", "nobody will pay more")
    assert code == 0 and quotes(run)[1]["status"] == "verified"


def test_tag_sets_source_and_origin(run, ids, db_path):
    with Library.open(db_path) as lib:
        other = lib.sources.add("City Hall", kind="organisation").id
    qid = quotes(run)[0]["id"]
    code, _, _ = run("quotes", "tag", str(qid), "--source", str(other), "--origin", "statement",
                     "--ref", "https://example.org/statement")
    assert code == 0
    q = quotes(run)[0]
    assert (q["source_id"], q["origin"], q["origin_ref"]) == (other, "statement", "https://example.org/statement")


def test_tag_unknown_quotation_is_a_one_line_error(run, ids):
    code, _, err = run("quotes", "tag", "999", "--note", "x")
    assert code == 2 and err.strip() == "desk: error: no quotation with id 999"


def test_status_blocked_then_overridden(run, ids):
    aid = str(ids["article"])
    code, _, err = run("status", aid, "ready")
    assert code == 2 and "unverified" in err and err.count("\n") == 1
    code, out, _ = run("status", aid, "ready", "--override", "editor in chief approved")
    assert code == 0 and "override" in out
    code, out, _ = run("show", aid, "--format", "json")
    assert json.loads(out)["status"] == "ready"


def test_status_check_reports_without_moving(run, ids):
    code, out, _ = run("status", str(ids["article"]), "published", "--check", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["allowed"] is False and data["reasons"]


def test_status_check_json_keeps_the_quotation_ids(run, ids):
    code, out, _ = run("status", str(ids["article"]), "ready", "--check", "--format", "json")
    data = json.loads(out)
    blocking = data["quotations"][0]
    assert blocking["status"] == "unverified" and isinstance(blocking["id"], int)
    assert any(blocking["text"].split()[0] in r for r in data["reasons"])


def test_material_add_and_list(run, ids, tmp_path):
    f = tmp_path / "notes.md"
    f.write_text("# Notes\n\nShe said the bridge would be rebuilt.\n")
    code, out, _ = run("material", "add", "--article", str(ids["article"]), str(f), "--title", "My notes")
    assert code == 0
    mid = int(out)
    code, out, _ = run("material", "list", "--format", "json")
    [m] = json.loads(out)
    assert (m["id"], m["article_id"], m["title"], m["words"]) == (mid, ids["article"], "My notes", 9)


def test_material_add_docx(run, ids, tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Q: The bridge?")
    d.add_paragraph("RUIZ: Nobody will pay more.")
    f = tmp_path / "call.docx"
    d.save(f)
    code, out, _ = run("material", "add", "--source", str(ids["source"]), str(f))
    assert code == 0
    _, out, _ = run("material", "list", "--source", str(ids["source"]), "--format", "json")
    assert json.loads(out)[0]["title"] == "call"


def test_material_add_needs_source_or_article(run, ids, tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("x")
    with pytest.raises(SystemExit):
        run("material", "add", str(f))


def test_material_add_refuses_unknown_file_type(run, ids, tmp_path):
    f = tmp_path / "x.pdf"
    f.write_bytes(b"%PDF-1.4")
    code, _, err = run("material", "add", "--article", str(ids["article"]), str(f))
    assert code == 2 and ".docx" in err


def test_review_article_text_and_json(run, ids):
    code, out, _ = run("review", str(ids["article"]))
    assert code == 0 and "Ana Ruiz" in out
    code, out, _ = run("review", str(ids["article"]), "--format", "json")
    data = json.loads(out)
    assert data["quotations"] == 2 and data["sources"][0]["name"] == "Ana Ruiz"


def test_review_library_json(run, ids):
    code, out, _ = run("review", "--library", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["most_quoted"][0]["quotations"] == 2
    assert data["by_role"] == [{"name": "mayor", "sources": 1, "quotations": 2}]


def test_review_needs_an_id_or_library(run, ids):
    code, _, err = run("review")
    assert code == 2 and "--library" in err


def test_quotes_list_is_a_read(run, db_path):
    """Rows are synced on save; listing does not sync an article saved without it."""
    with Library.open(db_path, seed=False) as lib:
        aid = lib.articles.create(headline="Unsynced", body=BODY).id
    before = db_path.read_bytes()
    assert quotes(run, "--article", str(aid)) == []
    assert db_path.read_bytes() == before
    with Library.open(db_path, seed=False) as lib:
        assert lib.quotes.list(article_id=aid) == []


def test_imported_articles_are_listed_without_a_sync(run, tmp_path):
    f = tmp_path / "bridge.md"
    f.write_text("# Bridge\n\n" + BODY, encoding="utf-8")
    code, out, _ = run("import", str(f))
    assert code == 0
    assert [q["text"] for q in quotes(run, "--article", out.strip())] == \
        ["We will rebuild the bridge by spring,", "Nobody will pay more."]


def test_review_report_is_a_read(run, db_path):
    """`desk review ID` counts the quotations the text has, matched to their tags as a save
    would sync them, without writing a row; `--library` writes only its stored check
    results (a cache), never a quotation row."""
    with Library.open(db_path, seed=False) as lib:
        aid = lib.articles.create(headline="Unsynced", body=BODY).id
    before = db_path.read_bytes()
    code, out, _ = run("review", str(aid), "--format", "json")
    assert code == 0 and json.loads(out)["quotations"] == 2
    assert db_path.read_bytes() == before
    code, _, _ = run("review", "--library", "--format", "json")
    assert code == 0
    with Library.open(db_path, seed=False) as lib:
        assert lib.quotes.list(article_id=aid) == []
        assert lib.check_results.get(aid).quotations == 2


@pytest.mark.parametrize("argv, said", [
    (("quotes", "list", "--source", "999"), "no source with id 999"),
    (("dict", "list", "--article", "999"), "no article with id 999"),
])
def test_listing_for_an_unknown_id_is_an_error(run, ids, argv, said):
    code, out, err = run(*argv)
    assert (code, out) == (2, "") and said in err
