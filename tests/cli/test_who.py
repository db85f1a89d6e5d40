"""Who did what on the command line: $DESK_EDITOR stamps every change, and history, show,
quotes list, review and dict list say who ("—" for a change from before names were kept)."""

import json

import pytest

from desk.review.reattach import sync_quotes
from desk.storage import Library

QUOTE = "“We will rebuild the bridge,” said Ana Ruiz."


@pytest.fixture
def as_editor(run, monkeypatch):
    """``as_editor(name, *argv)``: run desk as that editor."""
    def _run(name, *argv):
        monkeypatch.setenv("DESK_EDITOR", name)
        return run(*argv)
    return _run


@pytest.fixture
def article(db_path):
    """An article with one quotation and a revision written before names were kept."""
    with Library.open(db_path, seed=False) as lib:
        aid = lib.articles.create(headline="Bridge", body=QUOTE).id
        lib.revisions.create(aid, label="old")
        sync_quotes(lib, aid)
    return aid


def test_history_says_who_saved_each_revision(as_editor, article, db_path):
    as_editor("Ann Lee", "history", str(article), "--restore", "1")
    code, out, _ = as_editor("Ben Ode", "history", str(article))
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:3] == ["REV", "CREATED", "BY"]
    assert "Ann Lee" in lines[1] and "before restoring revision 1" in lines[1]
    assert "—" in lines[2] and "None" not in out  # the revision from before names were kept
    revisions = json.loads(as_editor("Ben Ode", "history", str(article), "--format", "json")[1])
    assert [r["editor"] for r in revisions] == ["Ann Lee", ""]
    assert {"id", "created_at", "label", "headline", "status"} <= set(revisions[0])


def test_history_status_lists_who_changed_it_and_why(as_editor, article):
    as_editor("Ann Lee", "status", str(article), "editing")
    as_editor("Ben Ode", "status", str(article), "ready", "--override", "chief heard the tape")
    code, out, _ = as_editor("Cy Diaz", "history", str(article), "--status")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["CHANGED", "BY", "STATUS", "NOTE"]
    assert "Ann Lee" in lines[1] and "draft → editing" in lines[1]
    assert "Ben Ode" in lines[2] and "override: chief heard the tape" in lines[2]
    changes = json.loads(as_editor("Cy Diaz", "history", str(article), "--status",
                                   "--format", "json")[1])
    assert [(c["editor"], c["override_reason"]) for c in changes] == [
        ("Ann Lee", None), ("Ben Ode", "chief heard the tape")]


def test_show_says_who_changed_the_article_last(as_editor, article):
    as_editor("Ann Lee", "status", str(article), "editing")
    out = as_editor("Ben Ode", "show", str(article))[1]
    assert "last changed by Ann Lee" in out
    assert json.loads(as_editor("Ben Ode", "show", str(article), "--format", "json")[1])[
        "updated_by"] == "Ann Lee"


def test_show_of_an_article_from_before_names_says_nothing_of_it(as_editor, article):
    assert "last changed by" not in as_editor("Ann Lee", "show", str(article))[1]


def test_quotes_list_says_who_reviewed_and_assigned(as_editor, article):
    (qid,) = [q["id"] for q in json.loads(as_editor("Ann Lee", "quotes", "list",
                                                    "--format", "json")[1])]
    as_editor("Ann Lee", "quotes", "tag", str(qid), "--speaker", "Ana Ruiz")
    as_editor("Ben Ode", "quotes", "status", str(qid), "disputed")
    (row,) = json.loads(as_editor("Cy Diaz", "quotes", "list", "--format", "json")[1])
    assert (row["assigned_by"], row["reviewed_by"], row["assigned"]) == ("Ann Lee", "Ben Ode", True)
    header, line = as_editor("Cy Diaz", "quotes", "list")[1].splitlines()
    assert "REVIEWED BY" in header and "Ben Ode" in line


def test_an_unreviewed_quotation_is_listed_with_a_dash(as_editor, article):
    header, line = as_editor("Ann Lee", "quotes", "list")[1].splitlines()
    assert "—" in line and "None" not in line


def test_review_report_names_the_reviewers(as_editor, article):
    qid = json.loads(as_editor("Ann Lee", "quotes", "list", "--format", "json")[1])[0]["id"]
    as_editor("Ann Lee", "quotes", "status", str(qid), "disputed")
    out = as_editor("Ben Ode", "review", str(article))[1]
    assert "reviewed by: Ann Lee (1)" in out
    report = json.loads(as_editor("Ben Ode", "review", str(article), "--format", "json")[1])
    assert report["reviewers"] == [{"editor": "Ann Lee", "quotations": 1}]
    assert report["quotations"] == 1  # the fields it had stay


def test_dict_add_is_shared_unless_personal(as_editor, article):
    as_editor("Ann Lee", "dict", "add", "brinkmanship")
    as_editor("Ann Lee", "dict", "add", "Kadhimi", "--personal")
    rows = [line.split(maxsplit=2) for line in as_editor("Ann Lee", "dict", "list")[1].splitlines()]
    assert rows == [["WORD", "SCOPE", "EDITOR"], ["brinkmanship", "shared", "—"],
                    ["Kadhimi", "personal", "Ann Lee"]]
    assert json.loads(as_editor("Ben Ode", "dict", "list", "--format", "json")[1]) == ["brinkmanship"]
    long = json.loads(as_editor("Ben Ode", "dict", "list", "--everyone", "--long",
                                "--format", "json")[1])
    assert [(w["word"], w["scope"], w["editor"]) for w in long] == [
        ("brinkmanship", "shared", ""), ("Kadhimi", "personal", "Ann Lee")]


def test_dict_list_personal_and_shared_filter(as_editor, article):
    as_editor("Ann Lee", "dict", "add", "brinkmanship")
    as_editor("Ann Lee", "dict", "add", "Kadhimi", "--personal")
    mine = as_editor("Ann Lee", "dict", "list", "--personal", "--format", "json")[1]
    shared = as_editor("Ann Lee", "dict", "list", "--shared", "--format", "json")[1]
    assert (json.loads(mine), json.loads(shared)) == (["Kadhimi"], ["brinkmanship"])


def test_dict_remove_personal_removes_only_mine(as_editor, article):
    as_editor("Ann Lee", "dict", "add", "Kadhimi", "--personal")
    as_editor("Ben Ode", "dict", "add", "Kadhimi", "--personal")
    assert as_editor("Ben Ode", "dict", "remove", "Kadhimi")[1] == (
        "Kadhimi: not in the shared dictionary\n")
    assert as_editor("Ben Ode", "dict", "remove", "Kadhimi", "--personal")[0] == 0
    assert json.loads(as_editor("Ann Lee", "dict", "list", "--personal",
                                "--format", "json")[1]) == ["Kadhimi"]


def test_check_accepts_my_personal_words_only(as_editor, db_path):
    with Library.open(db_path, seed=False) as lib:
        aid = lib.articles.create(headline="Talks", body="Kadhimi spoke on Monday.").id
    as_editor("Ann Lee", "dict", "add", "Kadhimi", "--personal")

    def misspelt(name):
        out = as_editor(name, "check", "--article", str(aid), "--format", "json")[1]
        return [p for p in json.loads(out)["problems"] if "Kadhimi" in p["message"]]
    assert misspelt("Ann Lee") == []
    assert misspelt("Ben Ode") != []


def test_an_article_without_revisions_or_status_changes_says_so(as_editor, db_path):
    with Library.open(db_path, seed=False) as lib:
        aid = lib.articles.create(headline="Fresh", body="Nothing saved yet.").id
    code, out, _ = as_editor("Ann Lee", "history", str(aid))
    assert code == 0 and out.strip() == f"article {aid} has no revisions yet (one is kept at " \
        "each save that changes its text)"
    code, out, _ = as_editor("Ann Lee", "history", str(aid), "--status")
    assert code == 0 and out.strip() == f"article {aid} has had no status changes"
    code, out, _ = as_editor("Ann Lee", "history", str(aid), "--format", "json")
    assert json.loads(out) == []
