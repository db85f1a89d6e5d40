"""Several processes syncing one article's quotations at once leave one row per quotation."""

import multiprocessing

from desk.review.reattach import sync_quotes
from desk.storage import Library

BODY = " ".join(f"\u201cQuotation number {i} was said here today,\u201d said Person{i}."
                for i in range(6))


def _sync(path, article_id, barrier):
    with Library.open(path, seed=False) as lib:
        barrier.wait()
        sync_quotes(lib, article_id)


def test_parallel_syncs_store_each_quotation_once(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    for trial in range(3):
        path = tmp_path / f"lib{trial}.db"
        with Library.open(path, seed=False) as lib:
            aid = lib.articles.create(headline="x", body=BODY).id
        barrier = ctx.Barrier(3)
        procs = [ctx.Process(target=_sync, args=(str(path), aid, barrier)) for _ in range(3)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(120)
        assert [p.exitcode for p in procs] == [0, 0, 0]
        with Library.open(path, seed=False) as lib:
            rows = lib.quotes.list(article_id=aid)
        assert len(rows) == 6
        assert sorted(r.text for r in rows) == sorted({r.text for r in rows})
