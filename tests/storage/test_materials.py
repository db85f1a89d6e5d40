import sqlite3

import pytest

from desk.model import DeskError


def test_add_and_get_material_for_a_source(library):
    s = library.sources.add("Ana Ruiz")
    m = library.materials.add("Q: Hello?\nA: Hi.\n", title="Interview", source_id=s.id, filename="i.txt")
    got = library.materials.get(m.id)
    assert (got.title, got.source_id, got.article_id, got.filename) == ("Interview", s.id, None, "i.txt")
    assert got.text == "Q: Hello?\nA: Hi.\n" and got.created_at


def test_material_needs_a_source_or_an_article(library):
    with pytest.raises(DeskError, match="source or an article"):
        library.materials.add("text")


def test_material_for_unknown_article_is_refused(library):
    with pytest.raises(DeskError, match="no article"):
        library.materials.add("text", article_id=99)


def test_empty_material_is_refused(library):
    a = library.articles.create(headline="x")
    with pytest.raises(DeskError, match="empty"):
        library.materials.add("  \n", article_id=a.id)


def test_list_filters_by_source_or_article(library):
    s = library.sources.add("Ana Ruiz")
    a = library.articles.create(headline="x")
    m1 = library.materials.add("one", source_id=s.id)
    m2 = library.materials.add("two", article_id=a.id)
    library.materials.add("three", source_id=library.sources.add("Other").id)
    assert [m.id for m in library.materials.list(source_id=s.id)] == [m1.id]
    assert [m.id for m in library.materials.list(source_id=s.id, article_id=a.id)] == [m2.id, m1.id]
    assert len(library.materials.list()) == 3


def test_search_finds_material_sharing_words(library):
    a = library.articles.create(headline="x")
    hit = library.materials.add("we will rebuild the bridge", article_id=a.id)
    library.materials.add("the weather is fine", article_id=a.id)
    assert [m.id for m in library.materials.search("rebuild bridges? bridge")] == [hit.id]


def test_deleting_the_source_keeps_its_material_unattached(library):
    s = library.sources.add("Ana Ruiz")
    m = library.materials.add("transcript", source_id=s.id)
    library.sources.delete(s.id)
    assert library.materials.get(m.id).source_id is None


def test_purging_the_article_removes_its_material(library):
    a = library.articles.create(headline="x")
    m = library.materials.add("notes", article_id=a.id)
    library.articles.trash(a.id)
    library.articles.purge(a.id)
    with pytest.raises(DeskError):
        library.materials.get(m.id)


def test_deleted_material_leaves_the_search_index(library):
    a = library.articles.create(headline="x")
    m = library.materials.add("unique zebra words", article_id=a.id)
    library.materials.delete(m.id)
    assert library.materials.search("zebra") == []


def test_status_log_records_changes_in_order(library):
    a = library.articles.create(headline="x")
    library.status_log.record(a.id, "draft", "editing")
    library.status_log.record(a.id, "editing", "ready", override_reason="deadline", blocked_by="1 unverified")
    log = library.status_log.list(a.id)
    assert [(c.from_status, c.to_status) for c in log] == [("draft", "editing"), ("editing", "ready")]
    assert [c.id for c in library.status_log.list(a.id, overrides_only=True)] == [log[1].id]


@pytest.mark.sqlite_only
def test_schema_2_tables_exist(db_path, library):
    conn = sqlite3.connect(db_path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"materials", "materials_fts", "status_log"} <= names


def test_merging_sources_moves_the_material(library):
    keep = library.sources.add("Ana Ruiz")
    other = library.sources.add("A. Ruiz")
    m = library.materials.add("transcript", source_id=other.id)
    library.sources.merge(keep.id, other.id)
    assert library.materials.get(m.id).source_id == keep.id
