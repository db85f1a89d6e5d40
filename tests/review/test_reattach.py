from desk.model import QuoteSpan
from desk.review.reattach import orphaned, plan_sync, sync_quotes
from desk.review.tags import set_quote_status, tag_quote
from desk.storage.quotes import QuoteTag


def by_text(rows):
    return {r.text: r for r in rows}


def edit(library, article, old, new):
    body = library.articles.get(article.id).body
    assert old in body
    library.articles.update(article.id, body=body.replace(old, new))


def test_first_sync_creates_one_unverified_row_per_quotation(library, article, ruiz):
    rows = sync_quotes(library, article.id)
    assert [r.text for r in rows] == ["We will rebuild the bridge by spring,", "It is a disaster,",
                                     "Nobody will pay more."]
    assert {r.status for r in rows} == {"unverified"}
    assert rows[0].source_id == ruiz.id and rows[0].speaker == "Ana Ruiz"
    body = library.articles.get(article.id).body
    assert body[rows[2].start:rows[2].end] == "\u201cNobody will pay more.\u201d"


def test_sync_twice_keeps_ids(library, article):
    first = [r.id for r in sync_quotes(library, article.id)]
    assert [r.id for r in sync_quotes(library, article.id)] == first


def test_tags_follow_quotation_when_text_before_it_changes(library, article):
    rows = by_text(sync_quotes(library, article.id))
    target = rows["Nobody will pay more."]
    tag_quote(library, target.id, note="from the council meeting tape", origin="interview")
    edit(library, article, "The mayor defended the plan.", "On Tuesday, after a long night, the mayor defended it.")
    after = by_text(sync_quotes(library, article.id))["Nobody will pay more."]
    assert after.id == target.id
    assert after.note == "from the council meeting tape" and after.origin == "interview"
    assert after.start > target.start


def test_tags_follow_quotation_edited_inside(library, article):
    rows = by_text(sync_quotes(library, article.id))
    target = rows["We will rebuild the bridge by spring,"]
    tag_quote(library, target.id, note="checked with the tape")
    edit(library, article, "rebuild the bridge by spring", "rebuild the old bridge by spring")
    after = sync_quotes(library, article.id)
    moved = [r for r in after if r.id == target.id]
    assert moved and moved[0].text == "We will rebuild the old bridge by spring,"
    assert moved[0].note == "checked with the tape"
    assert len(after) == 3


def test_verified_quotation_whose_words_change_needs_review_again(library, article):
    target = by_text(sync_quotes(library, article.id))["Nobody will pay more."]
    set_quote_status(library, target.id, "verified")
    edit(library, article, "Nobody will pay more.", "Nobody will pay much more.")
    after = library.quotes.get(target.id)
    assert after.status == "verified"  # until synced
    sync_quotes(library, article.id)
    after = library.quotes.get(target.id)
    assert after.status == "unverified"
    assert after.original == "Nobody will pay more."
    assert after.text == "Nobody will pay much more."


def test_changed_words_raise_a_misquote_with_the_diff(library, article):
    from desk.checks.engine import check_text
    from desk.review.reattach import attached_tags

    target = by_text(sync_quotes(library, article.id))["Nobody will pay more."]
    set_quote_status(library, target.id, "verified")
    edit(library, article, "Nobody will pay more.", "Nobody will pay much more.")
    sync_quotes(library, article.id)
    body = library.articles.get(article.id).body
    report = check_text(body, sources=library.sources.refs(), tagged=attached_tags(library, article.id),
                        spelling=False)
    misquotes = [p for p in report.problems if p.kind == "misquote"]
    assert len(misquotes) == 1 and "much" in misquotes[0].message


def test_punctuation_change_keeps_verified(library, article):
    target = by_text(sync_quotes(library, article.id))["Nobody will pay more."]
    set_quote_status(library, target.id, "verified")
    edit(library, article, "Nobody will pay more.", "Nobody will pay more!")
    sync_quotes(library, article.id)
    assert library.quotes.get(target.id).status == "verified"


def test_removed_quotation_with_review_work_is_orphaned_and_comes_back(library, article):
    target = by_text(sync_quotes(library, article.id))["It is a disaster,"]
    set_quote_status(library, target.id, "disputed", note="no second source")
    paragraph = "\u201cIt is a disaster,\u201d one official said, speaking on condition of anonymity.\n\n"
    edit(library, article, paragraph, "")
    rows = sync_quotes(library, article.id)
    assert target.id not in [r.id for r in rows]
    assert [o.id for o in orphaned(library, article.id)] == [target.id]
    assert library.quotes.get(target.id).status == "disputed"
    edit(library, article, "Ruiz added:", paragraph + "Ruiz added:")
    rows = sync_quotes(library, article.id)
    assert target.id in [r.id for r in rows]
    assert orphaned(library, article.id) == []


def test_removed_quotation_without_review_work_is_deleted(library, article):
    target = by_text(sync_quotes(library, article.id))["It is a disaster,"]
    edit(library, article, "\u201cIt is a disaster,\u201d", "It was bad,")
    sync_quotes(library, article.id)
    assert target.id not in [q.id for q in library.quotes.list(article_id=article.id)]


def test_editor_source_tag_is_not_overwritten_by_the_engine(library, article):
    other = library.sources.add("City Hall", kind="organisation")
    target = by_text(sync_quotes(library, article.id))["We will rebuild the bridge by spring,"]
    tag_quote(library, target.id, source_id=other.id)
    sync_quotes(library, article.id)
    assert library.quotes.get(target.id).source_id == other.id


def _row(id, text, start):
    return QuoteTag(id=id, article_id=1, source_id=None, text=text, speaker=None, start=start,
                    end=None if start is None else start + len(text), status="unverified", origin=None,
                    origin_ref="", original=None, note="", reviewed_by="", reviewed_at=None,
                    created_at="", updated_at="")


def test_same_quotation_twice_pairs_by_nearest_position():
    rows = [_row(1, "Yes.", 10), _row(2, "Yes.", 500)]
    spans = [QuoteSpan(start=520, end=526, text="Yes."), QuoteSpan(start=30, end=36, text="Yes.")]
    plan = plan_sync(rows, spans)
    assert {(m.row_id, m.span_index) for m in plan.matches} == {(1, 1), (2, 0)}


def test_exact_match_beats_fuzzy_match():
    rows = [_row(1, "We will win the vote tomorrow", 0)]
    spans = [QuoteSpan(start=0, end=10, text="We will win the vote today"),
             QuoteSpan(start=900, end=950, text="We will win the vote tomorrow")]
    plan = plan_sync(rows, spans)
    assert [(m.row_id, m.span_index) for m in plan.matches] == [(1, 1)]
    assert plan.new == [0]


def test_unrelated_quotation_is_not_matched():
    plan = plan_sync([_row(1, "The budget is balanced", 0)],
                     [QuoteSpan(start=0, end=10, text="Schools will open on Monday")])
    assert plan.matches == [] and plan.new == [0] and plan.gone == [1]


def test_heavily_rewritten_sole_quotation_still_matches():
    rows = [_row(1, "We are going to rebuild that bridge before spring", 0)]
    spans = [QuoteSpan(start=0, end=10, text="We are going to rebuild the bridge before the spring comes")]
    plan = plan_sync(rows, spans)
    assert [m.row_id for m in plan.matches] == [1]
