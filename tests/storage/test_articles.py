import pytest

from desk.model import DeskError


def test_create_and_get_round_trip(library):
    a = library.articles.create(headline="Dam opens", dek="Six gates", byline="A. Writer",
                                section="Local", body="Water rose fast.\n", tags=["floods", "weather"])
    got = library.articles.get(a.id)
    assert (got.headline, got.dek, got.byline, got.section) == ("Dam opens", "Six gates", "A. Writer", "Local")
    assert got.tags == ["floods", "weather"]
    assert got.words == 3
    assert got.status == "draft" and got.language == "en-US"
    assert got.created_at == got.updated_at


def test_update_changes_updated_at_and_words(library):
    a = library.articles.create(headline="x", body="one two")
    b = library.articles.update(a.id, body="one two three four")
    assert b.words == 4
    assert b.updated_at > a.updated_at


def test_update_without_changes_keeps_timestamp(library):
    a = library.articles.create(headline="x", body="same")
    assert library.articles.update(a.id, body="same").updated_at == a.updated_at


def test_publishing_sets_published_at_once(library):
    a = library.articles.create(headline="x")
    assert a.published_at is None
    b = library.articles.update(a.id, status="published")
    assert b.published_at
    c = library.articles.update(b.id, status="killed")
    assert c.published_at == b.published_at


def test_unknown_status_is_refused(library):
    a = library.articles.create(headline="x")
    with pytest.raises(DeskError, match="unknown status"):
        library.articles.update(a.id, status="done")


def test_missing_article_is_a_desk_error(library):
    with pytest.raises(DeskError, match="no article with id 42"):
        library.articles.get(42)


def test_trash_hides_and_restore_brings_back(library):
    a = library.articles.create(headline="gone soon")
    library.articles.trash(a.id)
    assert library.articles.list() == []
    assert [x.id for x in library.articles.list(trashed=True)] == [a.id]
    with pytest.raises(DeskError, match=f"article {a.id} is in the trash"):
        library.articles.get(a.id)
    library.articles.restore(a.id)
    assert [x.id for x in library.articles.list()] == [a.id]


def test_purge_only_from_trash(library):
    a = library.articles.create(headline="x")
    with pytest.raises(DeskError, match="not in the trash"):
        library.articles.purge(a.id)
    library.articles.trash(a.id)
    library.articles.purge(a.id)
    assert library.articles.count(trashed=True) == 0


def test_duplicate_copies_fields_and_tags(library):
    a = library.articles.create(headline="Orig", body="text", tags=["t"])
    d = library.articles.duplicate(a.id)
    assert d.id != a.id and d.headline == "Orig (copy)" and d.body == "text" and d.tags == ["t"]


def test_list_sorted_by_last_change(library):
    a = library.articles.create(headline="first")
    b = library.articles.create(headline="second")
    library.articles.update(a.id, body="edited")
    assert [x.id for x in library.articles.list()] == [a.id, b.id]


def test_filters_by_status_section_and_tag(library):
    library.articles.create(headline="a", section="Sport", tags=["x"])
    library.articles.create(headline="b", section="News", status="ready", tags=["y"])
    assert [x.headline for x in library.articles.list(section="Sport")] == ["a"]
    assert [x.headline for x in library.articles.list(status="ready")] == ["b"]
    assert [x.headline for x in library.articles.list(tag="y")] == ["b"]
    assert library.articles.count(tag="x") == 1
    assert library.articles.sections() == ["News", "Sport"]
    assert library.articles.all_tags() == ["x", "y"]


def test_pagination(library):
    for i in range(5):
        library.articles.create(headline=f"h{i}")
    page = library.articles.list(limit=2, offset=2)
    assert [x.headline for x in page] == ["h2", "h1"]


def test_create_many_in_one_go(library):
    n = library.articles.create_many({"headline": f"h{i}", "body": "a b c"} for i in range(30))
    assert n == 30
    assert library.articles.count(search="h29") == 1
    assert {a.words for a in library.articles.list()} == {3}


def test_tags_keep_the_order_typed(library):
    a = library.articles.create(headline="x", tags=["water", "Northfield", "council"])
    assert library.articles.get(a.id).tags == ["water", "Northfield", "council"]
    b = library.articles.update(a.id, tags=["council", "water"])
    assert b.tags == ["council", "water"] and b.updated_at > a.updated_at


# -- languages: one of desk.languages, refused in the core before SQL ---------------------
def test_an_unknown_language_is_refused_on_create_and_update(library):
    from desk.languages import UnknownLanguage

    with pytest.raises(UnknownLanguage, match="unknown language 'fr'; desk supports en-US"):
        library.articles.create(headline="x", language="fr")
    a = library.articles.create(headline="x")
    with pytest.raises(UnknownLanguage, match="'en-CA'"):
        library.articles.update(a.id, language="en-CA")
    assert library.articles.get(a.id).language == "en-US"
    assert library.articles.count() == 1


def test_a_language_alias_is_stored_canonical(library):
    a = library.articles.create(headline="x", language="en_au")
    assert a.language == "en-AU"
    assert library.articles.update(a.id, language="EN-gb").language == "en-GB"
    library.articles.create_many([{"headline": "y", "language": "en_nz"}])
    assert [x.language for x in map(library.articles.get, (1, 2))] == ["en-GB", "en-NZ"]


def test_a_code_stored_before_the_table_is_kept_when_other_fields_change(library):
    a = library.articles.create(headline="x")
    library.conn.execute("UPDATE articles SET language = 'xx' WHERE id = ?", (a.id,))
    assert library.articles.update(a.id, headline="y", language="xx").language == "xx"


def test_sections_are_those_outside_the_trash_a_to_z_whatever_the_case(library):
    for section in ("sport", "News", "", "Business", "News", "Weather"):
        library.articles.create(headline=section or "none", section=section)
    trashed = library.articles.create(headline="only in the trash", section="Obituaries")
    library.articles.trash(trashed.id)
    kept = library.articles.create(headline="one of two", section="Weather")
    library.articles.trash(kept.id)  # its section keeps the other article
    assert library.articles.sections() == ["Business", "News", "sport", "Weather"]
    library.articles.restore(trashed.id)
    assert "Obituaries" in library.articles.sections()
