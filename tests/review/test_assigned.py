"""An editor's attribution and "not a quotation" survive syncs and open the status gate."""

from desk.review.gate import check_transition
from desk.review.reattach import attached, sync_quotes
from desk.review.tags import set_quote_status, tag_quote

UNATTRIBUTED = "The council met.\n\n\u201cWe should never have approved it, and it will cost us all.\u201d\n"


def test_tagging_a_source_marks_it_assigned_and_clearing_unmarks(library, article, ruiz):
    row = sync_quotes(library, article.id)[1]
    assert row.assigned == 0
    assert tag_quote(library, row.id, source_id=ruiz.id).assigned == 1
    assert tag_quote(library, row.id, source_id=None).assigned == 0


def test_other_tags_leave_the_assignment_alone(library, article, ruiz):
    row = sync_quotes(library, article.id)[1]
    tag_quote(library, row.id, source_id=ruiz.id)
    assert tag_quote(library, row.id, note="checked the tape").assigned == 1


def test_sync_keeps_an_assigned_speaker_over_the_engines_guess(library, article):
    row = sync_quotes(library, article.id)[0]  # the engine says Ana Ruiz
    library.quotes.update(row.id, speaker="Tom Hardy", assigned=1)
    body = library.articles.get(article.id).body
    library.articles.update(article.id, body="Intro. " + body)
    after = next(r for r in sync_quotes(library, article.id) if r.id == row.id)
    assert after.speaker == "Tom Hardy" and after.start == row.start + len("Intro. ")


def test_sync_still_fills_the_engines_speaker_when_nobody_assigned_one(library, article):
    row = sync_quotes(library, article.id)[0]
    library.quotes.update(row.id, speaker="Somebody")
    after = next(r for r in sync_quotes(library, article.id) if r.id == row.id)
    assert after.speaker == "Ana Ruiz"


def test_not_a_quote_row_stays_attached_after_sync(library):
    a = library.articles.create(headline="x", body=UNATTRIBUTED)
    (row,) = sync_quotes(library, a.id)
    set_quote_status(library, row.id, "not-a-quote")
    library.articles.update(a.id, body="Intro. " + UNATTRIBUTED)
    assert [(r.id, r.status) for r in sync_quotes(library, a.id)] == [(row.id, "not-a-quote")]
    assert attached(library, a.id)[0].start == row.start + len("Intro. ")


def test_gate_no_longer_blocks_once_the_only_unattributed_quote_is_not_a_quote(library):
    a = library.articles.create(headline="x", body=UNATTRIBUTED)
    blocked = check_transition(library, a.id, "ready")
    assert not blocked.allowed and any("has no speaker" in r for r in blocked.reasons)
    (row,) = sync_quotes(library, a.id)
    set_quote_status(library, row.id, "not-a-quote")
    result = check_transition(library, a.id, "ready")
    assert result.allowed, result.reasons


def test_gate_does_not_block_once_an_unattributed_quote_is_assigned_and_verified(library, ruiz):
    a = library.articles.create(headline="x", body=UNATTRIBUTED)
    (row,) = sync_quotes(library, a.id)
    tag_quote(library, row.id, source_id=ruiz.id)
    set_quote_status(library, row.id, "verified")
    result = check_transition(library, a.id, "ready")
    assert result.allowed, result.reasons
