import pytest

from desk.model import DeskError
from desk.operations.articles import change_status
from desk.review.gate import blocking_reasons, check_transition
from desk.review.reattach import sync_quotes
from desk.review.tags import set_quote_status

CLEAN = "The council met on Tuesday and approved the budget.\n"


def set_status(library, article_id, status, override=None):
    """The move, as the window and `desk status` make it (desk.operations.articles)."""
    return change_status(library, article_id=article_id, status=status, override=override).gate


def verify_all(library, article_id):
    for q in sync_quotes(library, article_id):
        set_quote_status(library, q.id, "verified")


def test_unverified_quotations_block_ready(library, article):
    result = check_transition(library, article.id, "ready")
    assert not result.allowed
    assert "3 unverified quotations: \u201cWe will rebuild the\u2026\u201d, \u201cIt is a disaster\u201d, " \
           "\u201cNobody will pay more.\u201d" in result.reasons


def test_gate_names_quotations_by_their_words_not_ids(library, article):
    ids = [q.id for q in sync_quotes(library, article.id)]  # saved: its rows are synced
    result = check_transition(library, article.id, "ready")
    assert not any(f"#{i}" in r for r in result.reasons for i in ids)
    assert [q["id"] for q in result.quotations] == ids
    assert result.quotations[0]["text"].startswith("We will rebuild")


def test_quotations_never_synced_block_as_unverified_without_ids(library, article):
    result = check_transition(library, article.id, "ready")
    assert [(q["id"], q["status"]) for q in result.quotations] == [(None, "unverified")] * 3
    assert library.quotes.list(article_id=article.id) == []  # the gate wrote no rows


def test_gate_lists_three_quotations_then_counts_the_rest(library):
    body = "".join(f"\u201cQuote number {n} is here,\u201d said Ana Ruiz.\n\n" for n in range(1, 10))
    a = library.articles.create(headline="Many", body=body)
    [reason] = [r for r in check_transition(library, a.id, "ready").reasons if "quotation" in r]
    assert reason == ("9 unverified quotations: \u201cQuote number 1 is\u2026\u201d, "
                      "\u201cQuote number 2 is\u2026\u201d, \u201cQuote number 3 is\u2026\u201d and 6 more")


def test_set_status_blocked_raises_with_the_reasons(library, article):
    with pytest.raises(DeskError, match="unverified quotation"):
        set_status(library, article.id, "published")
    assert library.articles.get(article.id).status == "draft"
    assert library.status_log.list(article.id) == []


def test_all_verified_may_go_to_ready(library, article):
    verify_all(library, article.id)
    result = set_status(library, article.id, "ready")
    assert result.allowed and not result.overridden
    assert library.articles.get(article.id).status == "ready"
    [change] = library.status_log.list(article.id)
    assert (change.from_status, change.to_status, change.override_reason) == ("draft", "ready", None)


def test_disputed_quotation_blocks_too(library, article):
    verify_all(library, article.id)
    q = sync_quotes(library, article.id)[0]
    set_quote_status(library, q.id, "disputed")
    assert not check_transition(library, article.id, "ready").allowed


def test_not_a_quotation_does_not_block(library, article):
    for q in sync_quotes(library, article.id):
        set_quote_status(library, q.id, "not-a-quote")
    assert check_transition(library, article.id, "ready").allowed


def test_error_problems_block_published(library):
    a = library.articles.create(headline="x", body="The mayor said \u201cwe will win.\n")
    result = check_transition(library, a.id, "published")
    assert not result.allowed
    assert any(r.startswith("line 1: quotation is not closed") for r in result.reasons)


def test_override_with_reason_moves_and_is_kept_in_the_history(library, article):
    result = set_status(library, article.id, "ready", override="desk chief approved by phone")
    assert result.overridden
    assert library.articles.get(article.id).status == "ready"
    [change] = library.status_log.list(article.id, overrides_only=True)
    assert change.override_reason == "desk chief approved by phone"
    assert "unverified" in change.blocked_by
    labels = [r.label for r in library.revisions.list(article.id)]
    assert "status \u2192 ready (override: desk chief approved by phone)" in labels


def test_blank_override_is_refused(library, article):
    with pytest.raises(DeskError, match="reason"):
        set_status(library, article.id, "ready", override="  ")


def test_earlier_statuses_are_not_gated(library, article):
    for status in ("editing", "copy-edit", "killed", "draft"):
        assert set_status(library, article.id, status).allowed
    assert [c.to_status for c in library.status_log.list(article.id)] == ["editing", "copy-edit", "killed", "draft"]


def test_article_without_quotations_or_errors_passes(library):
    a = library.articles.create(headline="Budget", body=CLEAN)
    assert set_status(library, a.id, "published").allowed
    assert library.articles.get(a.id).published_at


def test_unknown_status_is_a_user_error(library, article):
    with pytest.raises(DeskError, match="unknown status"):
        check_transition(library, article.id, "approved")


def _rows(library, article_id):
    return [q.to_dict() for q in library.quotes.list(article_id=article_id)]


def test_the_gate_writes_no_quotation_rows(library, article):
    verify_all(library, article.id)
    body = article.body.replace("Nobody will pay more.", "Nobody will ever pay more.")
    body += "\n\u201cA new quotation appears here today,\u201d said Ana Ruiz.\n"
    library.articles.update(article.id, body=body)  # saved elsewhere, not yet synced
    before = _rows(library, article.id)
    result = check_transition(library, article.id, "ready")
    assert blocking_reasons(library, library.articles.get(article.id)) == result.reasons
    assert _rows(library, article.id) == before
    # …yet the verdict is the one a sync would give: the changed verified quotation is
    # unverified again, the new one has no row
    assert [(q["status"], q["id"] is None) for q in result.quotations] == \
        [("unverified", False), ("unverified", True)]
    assert result.quotations[0]["text"] == "Nobody will ever pay more."
