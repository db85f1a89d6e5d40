"""Who did what (schema 10): every change a library writes carries its editor's name, on
both engines; a library with no name records '' (as every row before schema 10 has)."""

import pytest

from desk.storage import Library
from desk.storage.edits import KEPT_LABEL, save_edit, text_of


@pytest.fixture
def ann(library):
    library.editor = "Ann Lee"
    return library


@pytest.fixture
def ben(library, library_target):
    """A second desk on the same library, another editor."""
    other = Library.open(library_target, seed=False, editor="Ben Ode")
    yield other
    other.close()


def test_a_new_article_is_stamped_with_its_editor(ann):
    assert ann.articles.create(headline="Weir").updated_by == "Ann Lee"


def test_an_update_stamps_the_last_editor(ann, ben):
    aid = ann.articles.create(headline="Weir").id
    assert ben.articles.update(aid, body="The weir held.").updated_by == "Ben Ode"
    assert ann.articles.get(aid).updated_by == "Ben Ode"


def test_an_update_that_changes_nothing_keeps_the_last_editor(ann, ben):
    aid = ann.articles.create(headline="Weir").id
    assert ben.articles.update(aid, headline="Weir").updated_by == "Ann Lee"


def test_imported_articles_are_stamped_too(ann):
    ann.articles.create_many([{"headline": "One"}, {"headline": "Two"}])
    assert {ann.articles.get(a.id).updated_by for a in ann.articles.list()} == {"Ann Lee"}


def test_a_revision_is_stamped_with_who_saved_it(ann, ben):
    aid = ann.articles.create(headline="Weir").id
    ann.revisions.create(aid, label="first")
    ben.revisions.create(aid, label="second")
    assert [(r.label, r.editor) for r in ann.revisions.list(aid)] == [
        ("second", "Ben Ode"), ("first", "Ann Lee")]


def test_a_revision_may_name_another_editor(ann):
    aid = ann.articles.create(headline="Weir").id
    assert ann.revisions.create(aid, editor="Cy Diaz").editor == "Cy Diaz"


def test_a_status_change_is_stamped(ann):
    aid = ann.articles.create(headline="Weir").id
    change = ann.status_log.record(aid, "draft", "ready", override_reason="chief said so")
    assert change.editor == "Ann Lee"
    assert ann.status_log.list(aid)[0].editor == "Ann Lee"


def test_an_export_is_stamped(ann, tmp_path):
    aid = ann.articles.create(headline="Weir").id
    ann.exports.record(aid, "markdown", str(tmp_path / "weir.md"))
    assert [row["editor"] for row in ann.exports.list(aid)] == ["Ann Lee"]


def test_a_library_without_a_name_records_nothing(library, tmp_path):
    aid = library.articles.create(headline="Weir").id
    library.revisions.create(aid)
    library.status_log.record(aid, "draft", "editing")
    library.exports.record(aid, "markdown", str(tmp_path / "w.md"))
    assert library.articles.get(aid).updated_by == ""
    assert library.revisions.list(aid)[0].editor == ""
    assert library.status_log.list(aid)[0].editor == ""
    assert library.exports.list(aid)[0]["editor"] == ""


def test_a_worker_connection_is_the_same_editor(ann):
    with ann.another_connection() as worker:
        assert worker.editor == "Ann Lee"
        assert worker.articles.create(headline="From a worker").updated_by == "Ann Lee"
    with ann.reader() as reader:
        assert reader.editor == "Ann Lee"


def test_a_save_over_another_editors_version_keeps_it_in_their_name(ann, ben):
    aid = ann.articles.create(headline="Weir", body="Ann's text.").id
    base = text_of(ann.articles.get(aid))
    ben.articles.update(aid, body="Ben's text.")
    result = save_edit(ann, aid, base, {"body": "Ann's new text."})
    assert result.kept_revision is not None
    assert (result.kept_revision.label, result.kept_revision.editor) == (KEPT_LABEL, "Ben Ode")
    assert result.kept_revision.body == "Ben's text."
    assert result.article.updated_by == "Ann Lee"


def test_assigning_a_speaker_can_be_stamped(ann):
    aid = ann.articles.create(headline="Q", body="x").id
    q = ann.quotes.add(aid, "We will rebuild", start=0, end=5)
    assert ann.quotes.update(q.id, assigned=1, assigned_by="Ann Lee").assigned_by == "Ann Lee"
    assert ann.quotes.get(q.id).assigned_by == "Ann Lee"
