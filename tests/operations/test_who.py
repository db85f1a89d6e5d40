"""Who did what through the operations: the library's editor stamps status changes (an
override and its revision too), exports, assignments and personal words; on both engines."""

import pytest

from desk.model import DeskError
from desk.operations import articles as article_ops
from desk.operations import dictionary as dict_ops
from desk.operations import quotes as ops
from desk.review.reattach import sync_quotes

QUOTE = "“We will rebuild the bridge,” said Ana Ruiz.\n"


@pytest.fixture
def ann(library):
    library.editor = "Ann Lee"
    return library


def one_quote(lib):
    aid = lib.articles.create(headline="Bridge", body=QUOTE).id
    (row,) = sync_quotes(lib, aid)
    return row


def test_a_status_change_records_its_editor(ann):
    aid = ann.articles.create(headline="Weir").id
    article_ops.change_status(ann, article_id=aid, status="editing")
    (change,) = ann.status_log.list(aid)
    assert (change.to_status, change.editor) == ("editing", "Ann Lee")
    assert ann.articles.get(aid).updated_by == "Ann Lee"


def test_an_override_records_its_editor_reason_and_revision(ann):
    row = one_quote(ann)  # an unverified quotation blocks "ready"
    article_ops.change_status(ann, article_id=row.article_id, status="ready",
                              override="the desk chief heard the tape")
    (change,) = ann.status_log.list(row.article_id)
    assert (change.editor, change.override_reason) == ("Ann Lee", "the desk chief heard the tape")
    assert change.blocked_by
    (revision,) = ann.revisions.list(row.article_id)
    assert "override" in revision.label and revision.editor == "Ann Lee"


def test_assigning_a_source_records_who_assigned_it(ann):
    row = one_quote(ann)
    src = ann.sources.add("Ana Ruiz")
    done = ops.assign_source(ann, quote_id=row.id, source_id=src.id)
    assert (done.quote.assigned_by, done.quote.reviewed_by) == ("Ann Lee", "Ann Lee")


def test_a_named_reviewer_is_who_assigned_it(ann):
    row = one_quote(ann)
    done = ops.set_speaker(ann, quote_id=row.id, name="Ana Ruiz", reviewer="Cy Diaz")
    assert (done.quote.assigned_by, done.quote.reviewed_by) == ("Cy Diaz", "Cy Diaz")


def test_removing_the_source_clears_who_assigned_it(ann):
    row = one_quote(ann)
    src = ann.sources.add("Ana Ruiz")
    ops.assign_source(ann, quote_id=row.id, source_id=src.id)
    ann.editor = "Ben Ode"
    done = ops.tag(ann, quote_id=row.id, source_id=None)
    assert (done.quote.assigned, done.quote.assigned_by) == (0, "")
    assert done.quote.reviewed_by == "Ben Ode"


def test_a_review_without_an_assignment_leaves_assigned_by_alone(ann):
    row = one_quote(ann)
    ops.set_speaker(ann, quote_id=row.id, name="Ana Ruiz")
    ann.editor = "Ben Ode"
    done = ops.dispute(ann, quote_id=row.id, note="check the tape")
    assert (done.quote.assigned_by, done.quote.reviewed_by) == ("Ann Lee", "Ben Ode")


def test_an_export_records_its_editor(ann, tmp_path):
    from desk.export import prepare, write

    aid = ann.articles.create(headline="Weir", body="The weir held.").id
    write(ann, prepare(ann, aid, "md", tmp_path / "weir.md"))
    assert [row["editor"] for row in ann.exports.list(aid)] == ["Ann Lee"]


def test_restoring_a_revision_is_stamped(ann):
    aid = ann.articles.create(headline="Weir", body="one").id
    rev = ann.revisions.create(aid)
    ann.articles.update(aid, body="two")
    ann.editor = "Ben Ode"
    done = article_ops.restore_revision(ann, revision_id=rev.id)
    assert done.article.updated_by == "Ben Ode" and done.saved_as.editor == "Ben Ode"


def test_a_personal_word_through_the_operation(ann):
    result = dict_ops.add_words(ann, words=["Kadhimi"], personal=True)
    assert result.changed == ["Kadhimi"] and result.changes.dictionary
    assert ann.dictionary.list(personal=True) == ["Kadhimi"] and ann.dictionary.list() == []
    assert dict_ops.remove_words(ann, words=["Kadhimi"]).unchanged == ["Kadhimi"]  # not shared
    assert dict_ops.remove_words(ann, words=["Kadhimi"], personal=True).changed == ["Kadhimi"]


def test_a_personal_word_without_a_name_is_refused(library):
    with pytest.raises(DeskError, match="needs your name"):
        dict_ops.add_words(library, words=["Kadhimi"], personal=True)
