import pytest

from desk.model import DeskError, SourceRef


def test_source_with_aliases_round_trip(library):
    s = library.sources.add("Mustafa al-Kadhimi", aliases=["Kadhimi", "al-Kadhimi"],
                            title="Prime Minister", organisation="Government of Iraq")
    got = library.sources.get(s.id)
    assert got.aliases == ["Kadhimi", "al-Kadhimi"]
    assert library.sources.refs() == [
        SourceRef(id=s.id, name="Mustafa al-Kadhimi", kind="person", aliases=("Kadhimi", "al-Kadhimi"))]
    assert library.sources.find("kadhimi").id == s.id


def test_the_list_is_by_name_each_source_with_its_own_aliases_as_get_reads_them(library):
    b = library.sources.add("bruno Marchetti", aliases=["Marchetti"])
    a = library.sources.add("Ada Okafor", aliases=["Okafor", "Dr Okafor"], role="mayor")
    c = library.sources.add("Carla Ruiz")
    listed = library.sources.list()
    assert [s.id for s in listed] == [a.id, b.id, c.id]  # by name, case aside
    assert listed == [library.sources.get(i) for i in (a.id, b.id, c.id)]
    assert listed[0].aliases == ["Okafor", "Dr Okafor"] and listed[2].aliases == []


def test_a_searched_list_keeps_the_searchs_order_and_only_what_it_found(library):
    library.sources.add("Ada Okafor", aliases=["Okafor"])
    library.sources.add("Carla Ruiz")
    found = library.sources.list(search="Okafor")
    assert [s.name for s in found] == ["Ada Okafor"] and found[0].aliases == ["Okafor"]
    assert library.sources.list(search="Nobody Atall") == []


def test_source_kind_is_checked(library):
    with pytest.raises(DeskError, match="unknown source kind"):
        library.sources.add("X", kind="robot")


def test_merge_moves_aliases_and_quotes(library):
    a = library.articles.create(headline="x", body='"Hi," Kadhemi said.')
    keep = library.sources.add("Mustafa al-Kadhimi")
    other = library.sources.add("M. Kadhemi", aliases=["Kadhemi"], contact="press@example.org")
    q = library.quotes.add(a.id, "Hi,", source_id=other.id)
    merged = library.sources.merge(keep.id, other.id)
    assert set(merged.aliases) == {"M. Kadhemi", "Kadhemi"}
    assert merged.contact == "press@example.org"
    assert library.quotes.get(q.id).source_id == keep.id
    with pytest.raises(DeskError):
        library.sources.get(other.id)
    assert library.sources.quoted_in(keep.id)[0]["quotes"] == 1


def test_deleting_a_source_unlinks_its_quotes(library):
    a = library.articles.create(headline="x")
    s = library.sources.add("Someone")
    q = library.quotes.add(a.id, "words", source_id=s.id)
    library.sources.delete(s.id)
    assert library.quotes.get(q.id).source_id is None


def test_quote_tags_and_statuses(library):
    a = library.articles.create(headline="x")
    q = library.quotes.add(a.id, "We are ready", speaker="Ana Ruiz", origin="interview", start=0, end=14)
    library.quotes.update(q.id, status="verified", original="We are ready", reviewed_by="ed")
    assert [t.status for t in library.quotes.tagged(a.id)] == ["verified"]
    assert library.quotes.list(status="verified")[0].reviewed_by == "ed"
    with pytest.raises(DeskError, match="unknown quotation status"):
        library.quotes.update(q.id, status="great")
    with pytest.raises(DeskError, match="unknown origin"):
        library.quotes.update(q.id, origin="rumour")


def test_dictionary_global_and_per_article(library):
    a = library.articles.create(headline="x")
    b = library.articles.create(headline="y")
    assert library.dictionary.add("Khatibzadeh") is True
    assert library.dictionary.add("Khatibzadeh") is False
    assert library.dictionary.add("Kadhemi", article_id=a.id) is True
    assert library.dictionary.words(a.id) == {"Khatibzadeh", "Kadhemi"}
    assert library.dictionary.words(b.id) == {"Khatibzadeh"}
    assert library.dictionary.words() == {"Khatibzadeh"}
    assert library.dictionary.list(a.id) == ["Kadhemi"]


def test_dictionary_undo_add(library):
    library.dictionary.add("brinkmanship")
    assert library.dictionary.remove("brinkmanship") is True
    assert library.dictionary.words() == set()
    assert library.dictionary.remove("brinkmanship") is False


def test_dictionary_refuses_phrases(library):
    with pytest.raises(DeskError, match="not a single word"):
        library.dictionary.add("two words")


def test_export_log(library):
    a = library.articles.create(headline="x")
    library.exports.record(a.id, "html", "/tmp/x.html", forced=True)
    (row,) = library.exports.list(a.id)
    assert (row["format"], row["forced"]) == ("html", 1)


def test_transaction_rolls_back_everything(library):
    with pytest.raises(RuntimeError):
        with library.transaction():
            library.articles.create(headline="one")
            library.sources.add("two")
            raise RuntimeError("boom")
    assert library.articles.count() == 0 and library.sources.list() == []


def test_orphaned_tags_are_not_offered_to_the_checks(library):
    a = library.articles.create(headline="x")
    library.quotes.add(a.id, "still here", start=0, end=12)
    library.quotes.add(a.id, "deleted from the text", status="verified")
    assert [t.text for t in library.quotes.tagged(a.id)] == ["still here"]


def test_articles_of_names_each_existing_rows_article(library):
    a = library.articles.create(headline="A", body="x").id
    b = library.articles.create(headline="B", body="y").id
    qa = library.quotes.add(a, "one").id
    qb = library.quotes.add(b, "two").id
    qb2 = library.quotes.add(b, "three").id
    library.quotes.delete(qb2)
    assert library.quotes.articles_of([qa, qb, qb2, qa]) == {qa: a, qb: b}
    assert library.quotes.articles_of([]) == {}
