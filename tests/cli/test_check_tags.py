"""desk check --article honours the editor's decisions made with desk quotes."""

import json

import pytest

from desk.review.reattach import sync_quotes
from desk.storage import Library

BODY = "The council met.\n\n\u201cWe should never have approved it, and it will cost us all.\u201d\n"


@pytest.fixture
def ids(db_path):
    with Library.open(db_path, seed=False) as lib:
        source = lib.sources.add("Ana Ruiz")
        article = lib.articles.create(headline="Council", body=BODY)
        sync_quotes(lib, article.id)  # saved, as the window or desk import does
        return {"source": source.id, "article": article.id}


def only_quote_id(run, article_id):
    code, out, _ = run("quotes", "list", "--article", str(article_id), "--format", "json")
    (row,) = json.loads(out)
    return row["id"]


def test_marking_the_only_unattributed_quote_not_a_quote_makes_check_pass(run, ids):
    aid = str(ids["article"])
    code, out, _ = run("check", "--article", aid)
    assert code == 1 and "unattributed-quote" in out
    code, _, _ = run("quotes", "status", str(only_quote_id(run, ids["article"])), "not-a-quote")
    assert code == 0
    code, out, _ = run("check", "--article", aid, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["quotes"] == [] and "unattributed-quote" not in {p["kind"] for p in data["problems"]}


def test_tagging_a_source_attributes_the_quote(run, ids):
    qid = only_quote_id(run, ids["article"])
    assert run("quotes", "tag", str(qid), "--source", str(ids["source"]))[0] == 0
    code, out, _ = run("check", "--article", str(ids["article"]), "--format", "json")
    (q,) = json.loads(out)["quotes"]
    assert code == 0
    assert (q["speaker"], q["source_id"]) == ("Ana Ruiz", ids["source"])
