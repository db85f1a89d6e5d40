from desk.review.queue import QueueCursor, review_queue
from desk.review.reattach import sync_quotes
from desk.review.tags import set_quote_status


def test_queue_lists_unverified_and_disputed_with_headline_and_source(library, article, ruiz):
    rows = sync_quotes(library, article.id)
    set_quote_status(library, rows[0].id, "disputed")
    set_quote_status(library, rows[2].id, "verified")
    items = review_queue(library)
    assert [i.quote_id for i in items] == [rows[0].id, rows[1].id]
    first = items[0]
    assert (first.headline, first.source_name, first.speaker, first.status) == \
        ("Bridge to reopen", "Ana Ruiz", "Ana Ruiz", "disputed")


def test_queue_filters_by_article_source_and_status(library, article, ruiz):
    other = library.articles.create(headline="Other", body="\u201cRoads are fine,\u201d said Ana Ruiz.\n")
    sync_quotes(library, article.id)
    sync_quotes(library, other.id)
    assert {i.article_id for i in review_queue(library, article_id=other.id)} == {other.id}
    assert {i.source_id for i in review_queue(library, source_id=ruiz.id)} == {ruiz.id}
    assert len(review_queue(library, source_id=ruiz.id)) == 3
    assert review_queue(library, status="disputed") == []


def test_queue_sync_picks_up_new_articles(library, article):
    assert review_queue(library) == []
    assert len(review_queue(library, sync=True)) == 3


def test_trashed_articles_leave_the_queue(library, article):
    sync_quotes(library, article.id)
    library.articles.trash(article.id)
    assert review_queue(library) == []


def test_cursor_walks_verifies_and_lands_on_the_next(library, article):
    rows = sync_quotes(library, article.id)
    cursor = QueueCursor(library)
    assert cursor.current.quote_id == rows[0].id
    assert cursor.next().quote_id == rows[1].id
    assert cursor.verify().quote_id == rows[2].id
    assert library.quotes.get(rows[1].id).status == "verified"
    assert cursor.previous().quote_id == rows[0].id
    assert len(cursor.items) == 2


def test_cursor_dispute_keeps_the_item_listed_and_moves_on(library, article):
    rows = sync_quotes(library, article.id)
    cursor = QueueCursor(library)
    assert cursor.dispute(note="denied by her office").quote_id == rows[1].id
    assert library.quotes.get(rows[0].id).note == "denied by her office"
    assert len(cursor.items) == 3


def test_cursor_open_gives_the_span_to_select(library, article):
    rows = sync_quotes(library, article.id)
    target = QueueCursor(library).open()
    assert (target.article_id, target.start, target.end) == (article.id, rows[0].start, rows[0].end)


def test_empty_queue_cursor_is_harmless(library):
    cursor = QueueCursor(library)
    assert cursor.current is None and cursor.next() is None and cursor.verify() is None
    assert cursor.open() is None


def test_pages_read_one_after_another_give_the_whole_queue(library, article):
    from desk.storage.queue import key

    sync_quotes(library, article.id)
    other = library.articles.create(headline="Other", body=article.body)
    sync_quotes(library, other.id)
    whole = [i.quote_id for i in review_queue(library)]
    pages, after = [], None
    while True:
        rows = library.queue.page(("unverified", "disputed"), after=after, limit=2)
        if not rows:
            break
        pages += [r["quote_id"] for r in rows]
        after = key(rows[-1])
    assert pages == whole and len(whole) == 6


def test_a_paged_cursor_walks_the_same_queue(library, article):
    sync_quotes(library, article.id)
    sync_quotes(library, library.articles.create(headline="Other", body=article.body).id)
    paged = QueueCursor(library, page_size=2)
    assert len(paged.items) == 2 and paged.more and paged.total() == 6
    walked = [paged.current.quote_id]
    while (item := paged.next()).quote_id != walked[-1]:
        walked.append(item.quote_id)
    assert walked == [i.quote_id for i in QueueCursor(library).items]


def test_the_walk_of_articles_and_the_quotations_first_give_the_same_pages(library, article,
                                                                           monkeypatch):
    """Few quotations are read by their status and sorted, many by walking the articles
    newest first (desk.storage.queue.FEW_QUOTES): the same queue either way."""
    from desk.storage import queue
    from desk.storage.queue import key

    sync_quotes(library, article.id)
    for n in range(4):
        other = library.articles.create(headline=f"Other {n}", body=article.body)
        sync_quotes(library, other.id)
        if n == 2:
            library.articles.trash(other.id)
    library.articles.create(headline="No quotations", body="Nothing said.")

    def pages(few: int, statuses=("unverified", "disputed")) -> list[int]:
        monkeypatch.setattr(queue, "FEW_QUOTES", few)
        out, after = [], None
        while rows := library.queue.page(statuses, after=after, limit=4):
            out += [r["quote_id"] for r in rows]
            after = key(rows[-1])
        return out

    walked = pages(0)
    assert len(walked) == 12
    assert pages(1000) == walked
    assert pages(1000, ("verified",)) == pages(0, ("verified",)) == []
