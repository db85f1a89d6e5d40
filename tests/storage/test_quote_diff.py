"""Quotes.apply: a sync's diff writes only the rows it names, in one transaction, and
nothing when the rows or the text it was computed from are no longer what is stored."""

import pytest

from desk.checks.engine import check_text
from desk.model import DeskError
from desk.review.reattach import diff_sync, sync_quotes
from desk.storage.quotes import QuoteDiff

BODY = ("\u201cWe will rebuild the bridge by spring,\u201d said Ana Ruiz.\n\n"
        "\u201cNobody will pay more,\u201d said Tom Hardy.\n")
STAMP = "2000-01-01T00:00:00"


@pytest.fixture
def synced(library):
    aid = library.articles.create(headline="Bridge", body=BODY).id
    sync_quotes(library, aid)
    # an old stamp on every row: a row the diff did not write keeps it
    library.conn.execute("UPDATE quotes SET updated_at = ?", (STAMP,))
    return library, aid


def spans_of(text):
    return check_text(text, spelling=False).all_quotes


def stamps(library, aid):
    return {q.text: q.updated_at for q in library.quotes.list(article_id=aid)}


def test_typing_after_the_quotations_makes_an_empty_diff_that_writes_nothing(synced):
    library, aid = synced
    text = BODY + "\nThe council meets on Monday."
    diff = diff_sync(aid, library.quotes.list(article_id=aid), spans_of(text))
    assert not diff
    library.articles.update(aid, body=text)
    assert library.quotes.apply(diff, rows=library.quotes.list(article_id=aid), body=text) == set()
    assert set(stamps(library, aid).values()) == {STAMP}


def test_an_edit_in_one_quotation_writes_only_that_row(synced):
    library, aid = synced
    rows = library.quotes.list(article_id=aid)
    text = BODY + "\n\u201cThe work starts in May,\u201d said Ana Ruiz.\n"
    text = text.replace("Nobody will pay more", "Nobody will pay much more")
    library.articles.update(aid, body=text)
    diff = diff_sync(aid, rows, spans_of(text))
    touched = library.quotes.apply(diff, rows=rows, body=text)
    after = library.quotes.list(article_id=aid)
    changed = {q.text for q in after if q.updated_at != STAMP}
    assert changed == {"Nobody will pay much more,", "The work starts in May,"}
    assert touched == {q.id for q in after if q.text in changed}
    assert stamps(library, aid)["We will rebuild the bridge by spring,"] == STAMP


def test_a_diff_whose_rows_changed_since_writes_nothing(synced):
    library, aid = synced
    rows = library.quotes.list(article_id=aid)
    text = BODY.replace("said Tom Hardy.", "said Tom Hardy.\n\n\u201cSoon,\u201d said Ana Ruiz.")
    library.articles.update(aid, body=text)
    diff = diff_sync(aid, rows, spans_of(text))
    assert diff.added
    library.quotes.update(rows[0].id, note="checked by phone")  # the editor, meanwhile
    assert library.quotes.apply(diff, rows=rows, body=text) is None
    assert [q.text for q in library.quotes.list(article_id=aid)] == [r.text for r in rows]


def test_a_diff_of_an_older_text_writes_nothing(synced):
    library, aid = synced
    rows = library.quotes.list(article_id=aid)
    older = BODY.replace("Nobody will pay more", "Nobody pays")
    diff = diff_sync(aid, rows, spans_of(older))
    assert diff  # the second quotation's row replaced by a new one
    library.articles.update(aid, body=older + "\nA newer paragraph.")  # saved again since
    assert library.quotes.apply(diff, rows=rows, body=older) is None
    assert set(stamps(library, aid).values()) == {STAMP}


def test_a_failure_part_way_leaves_every_row_as_it_was(synced):
    library, aid = synced
    rows = library.quotes.list(article_id=aid)
    diff = QuoteDiff(aid, deleted=(rows[0].id,), added=({"text": "Bad", "start": 1, "end": 2,
                                                         "source_id": 999_999},))
    with pytest.raises(DeskError):  # no source 999999: the insert fails after the delete
        library.quotes.apply(diff, rows=rows, body=BODY)
    assert library.quotes.list(article_id=aid) == rows


def test_a_diff_names_unknown_fields_before_anything_is_written(synced):
    library, aid = synced
    rows = library.quotes.list(article_id=aid)
    with pytest.raises(TypeError):
        library.quotes.apply(QuoteDiff(aid, deleted=(rows[0].id,),
                                       updated=((rows[1].id, {"article_id": 5}),)))
    assert library.quotes.list(article_id=aid) == rows


def test_sync_quotes_writes_through_the_diff_and_keeps_review_work(synced):
    library, aid = synced
    first = library.quotes.list(article_id=aid)[0]
    library.quotes.update(first.id, status="verified")
    text = BODY.split("\n\n")[1]  # the first quotation deleted
    library.articles.update(aid, body=text)
    attached = sync_quotes(library, aid)
    assert [q.text for q in attached] == ["Nobody will pay more,"]
    kept = library.quotes.get(first.id)
    assert kept.start is None and kept.status == "verified"  # orphaned, not deleted


def test_a_fingerprint_changes_with_any_stored_value_of_the_rows(synced):
    library, aid = synced
    rows, before = library.quotes.snapshot(aid)
    assert before == library.quotes.fingerprint(aid) and len(rows) == 2
    library.quotes.update(rows[1].id, note="asked her office")
    after = library.quotes.fingerprint(aid)
    assert after != before
    diff = QuoteDiff(aid, deleted=(rows[0].id,))
    assert library.quotes.apply(diff, fingerprint=before, body=BODY) is None  # stale: refused
    assert library.quotes.apply(diff, fingerprint=after, body=BODY) == {rows[0].id}
    assert [q.id for q in library.quotes.list(article_id=aid)] == [rows[1].id]
