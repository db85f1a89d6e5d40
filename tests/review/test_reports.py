from desk.review.reattach import sync_quotes
from desk.review.reports import article_report, format_article_report, format_library_report, library_report
from desk.review.tags import set_quote_status, tag_quote


def test_article_report_counts_sources_statuses_and_anonymous(library, article, ruiz):
    rows = sync_quotes(library, article.id)
    set_quote_status(library, rows[2].id, "verified")
    r = article_report(library, article.id)
    assert r.quotations == 3
    assert r.by_status == {"unverified": 2, "verified": 1, "disputed": 0}
    [line] = r.sources
    assert (line.source_id, line.quotations, line.by_status["verified"]) == (ruiz.id, 2, 1)
    assert [(a.speaker, a.quotations) for a in r.anonymous] == [("one official", 1)]


def test_article_report_leaves_out_not_a_quotation(library, article):
    rows = sync_quotes(library, article.id)
    set_quote_status(library, rows[1].id, "not-a-quote")
    r = article_report(library, article.id)
    assert r.quotations == 2 and r.anonymous == []


def test_registered_anonymous_source_counts_as_anonymous(library, article):
    anon = library.sources.add("a city official", kind="anonymous")
    rows = sync_quotes(library, article.id)
    tag_quote(library, rows[1].id, source_id=anon.id)
    r = article_report(library, article.id)
    assert [(a.speaker, a.source_id) for a in r.anonymous] == [("a city official", anon.id)]


def test_article_report_text_names_sources_and_anonymous(library, article):
    text = format_article_report(article_report(library, article.id))
    assert "Ana Ruiz" in text and "one official" in text and "3 unverified" in text


def test_library_report_most_quoted_share_and_diversity(library, article, ruiz):
    lee = library.sources.add("Sam Lee", organisation="Flood Action", role="campaigner")
    library.articles.create(headline="Floods", body=(
        "\u201cThe river is rising,\u201d said Sam Lee.\n\n"
        "\u201cWe need sandbags now,\u201d Sam Lee said.\n\n"
        "\u201cThe council knew,\u201d Lee added.\n\n"
        "\u201cBudgets are tight,\u201d said Ana Ruiz.\n"))
    r = library_report(library)
    assert r.quotations == 7 and r.articles == 2
    assert [(s.name, s.quotations, s.articles) for s in r.most_quoted] == [
        ("Ana Ruiz", 3, 2), ("Sam Lee", 3, 1)]
    assert r.anonymous_quotations == 1 and r.anonymous_share == round(1 / 7, 4)
    assert {(g.name, g.sources, g.quotations) for g in r.by_organisation} == {
        ("City of Springfield", 1, 3), ("Flood Action", 1, 3)}
    assert {g.name for g in r.by_role} == {"mayor", "campaigner"}
    assert lee.id in {s.source_id for s in r.most_quoted}


def test_library_report_groups_sources_without_organisation(library, article):
    library.sources.add("Jo Park")
    library.articles.create(headline="Park", body="\u201cIt went well,\u201d said Jo Park.\n")
    r = library_report(library)
    assert r.by_organisation[-1].name == "(not recorded)"


def test_library_report_of_an_empty_library(library):
    r = library_report(library)
    assert r.quotations == 0 and r.anonymous_share == 0.0 and r.most_quoted == []
    assert "quotations: 0" in format_library_report(r)
