"""Which statements the SQLite engine reads with sqlite3 itself (no sqlite-utils import)."""

from __future__ import annotations

from desk.storage.engine import _is_select


def test_a_select_and_a_read_only_with_query_are_reads():
    assert _is_select("  SELECT 1")
    assert _is_select("WITH RECURSIVE s(x) AS (SELECT 1) SELECT x FROM s")
    assert _is_select("with s(x) as (select 1) select x from s")


def test_a_write_after_with_and_other_statements_are_not():
    assert not _is_select("WITH s(x) AS (SELECT 1) INSERT INTO t SELECT x FROM s")
    assert not _is_select("WITH s(x) AS (SELECT 1) DELETE FROM t WHERE id IN s")
    assert not _is_select("WITHOUT")
    assert not _is_select("SELECTED")
    assert not _is_select("UPDATE t SET x = 1")


def test_the_sections_skip_scan_reads_the_same_rows(library):
    library.articles.create(headline="One", body="x", section="World")
    library.articles.create(headline="Two", body="x", section="Arts")
    assert library.articles.sections() == ["Arts", "World"]
