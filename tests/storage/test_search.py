def test_search_headline_dek_and_body(library):
    library.articles.create(headline="Floodgates open", body="nothing")
    library.articles.create(headline="Budget", dek="The council votes on floodgates")
    library.articles.create(headline="Schools", body="A report on floodgates and rivers")
    library.articles.create(headline="Unrelated", body="sports")
    assert library.articles.count(search="floodgates") == 3


def test_search_follows_edits_and_deletes(library):
    a = library.articles.create(headline="Old words", body="alpha")
    library.articles.update(a.id, body="omega")
    assert library.articles.count(search="alpha") == 0
    assert library.articles.count(search="omega") == 1
    library.articles.trash(a.id)
    library.articles.purge(a.id)
    assert library.articles.count(search="omega") == 0


def test_search_prefix_as_you_type(library):
    library.articles.create(headline="Khatibzadeh briefing")
    assert library.articles.count(search="khatib") == 1


def test_search_ignores_diacritics_and_case(library):
    library.articles.create(headline="Tomás Ferreira speaks")
    assert library.articles.count(search="TOMAS") == 1


def test_search_is_safe_with_fts_syntax(library):
    library.articles.create(headline="Quote marks", body='he said "hello" AND NOT (x)')
    assert library.articles.count(search='"hello" AND NOT (') == 1
    assert library.articles.count(search='***') == 0


def test_search_ranks_best_match_first(library):
    library.articles.create(headline="Other", body="river " + "filler " * 200)
    best = library.articles.create(headline="River river", body="river river river")
    assert library.articles.list(search="river")[0].id == best.id


def test_source_search_includes_aliases(library):
    s = library.sources.add("Mustafa al-Kadhimi", title="Prime Minister", aliases=["Kadhimi"])
    library.sources.add("Ruth Dalton")
    assert [x.id for x in library.sources.list(search="Kadhimi")] == [s.id]
    assert [x.id for x in library.sources.list(search="prime")] == [s.id]
    library.sources.remove_alias(s.id, "Kadhimi")
    library.sources.update(s.id, name="M. K.")
    assert library.sources.list(search="Kadhimi") == []


def test_search_splits_joined_words_as_it_reads_the_query(library):
    # what PostgreSQL's parser keeps whole (signed numbers, decimals, addresses, paths) is
    # found as on SQLite: by its runs of letters and digits
    a = library.articles.create(headline="Vote", body="The bill passed 7-2 on Route A-1.")
    b = library.articles.create(headline="Clinic", body="COVID-19 cases rose 3.5 percent; "
                                "write to desk@example.org or see www.example.org/cases")
    library.articles.create(headline="Other", body="nothing of the kind")
    for query, found in [("7-2", a), ("A-1", a), ("COVID-19", b), ("19", b), ("3.5", b),
                         ("desk@example.org", b), ("example.org/cases", b), ("covid", b)]:
        assert [x.id for x in library.articles.list(search=query)] == [found.id], query


def test_source_search_splits_hyphenated_names(library):
    s = library.sources.add("Mustafa al-Kadhimi", organisation="Ministry of Health-Care")
    library.sources.add("Ruth Dalton")
    assert [x.id for x in library.sources.list(search="Kadhimi")] == [s.id]
    assert [x.id for x in library.sources.list(search="care")] == [s.id]
