"""The welcome article shows what the checks do: registered sources, attributed quotes,
one unattributed quote and one misspelling."""

from desk.checks.engine import check_text


def test_welcome_article_shows_each_check_once(seeded):
    (summary,) = seeded.articles.list()
    article = seeded.articles.get(summary.id)
    report = check_text(article.body, sources=seeded.sources.refs(),
                        dictionary=seeded.dictionary.words(article.id), language=article.language)
    kinds = sorted(p.kind for p in report.problems)
    assert kinds == ["misspelling", "unattributed-quote"]
    (typo,) = [p for p in report.problems if p.kind == "misspelling"]
    assert article.body[typo.start:typo.end] == "recieved" and typo.suggestions[0] == "received"
    attributed = [q for q in report.quotes if q.speaker]
    assert len(attributed) == len(report.quotes) - 1 >= 5
    assert all(q.source_id for q in attributed)
    assert {seeded.sources.get(q.source_id).name for q in attributed} == {
        "Ruth Dalton", "Tomás Ferreira", "Easthaven River Authority"}
