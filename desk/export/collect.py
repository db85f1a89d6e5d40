"""Gathering what an export needs from the library: the article, the checks report (its
quotations and problems) and the editors' tags on each quotation. Read-only: exporting
never changes the library except for the export log."""

from __future__ import annotations

from desk.export.base import ExportData, QuoteRow
from desk.model import Article, DeskError, Source


def check_report(lib, article: Article, *, spelling: bool = True):
    """The same report the Problems panel and `desk check` show (desk.checking; suggestions
    skipped: export needs the problems, not the spelling alternatives)."""
    from desk.checking import check_article

    return check_article(lib, article, spelling=spelling, suggestions=False)


def quote_rows(lib, article: Article, spans) -> list[QuoteRow]:
    """Every quotation in the text, in text order, joined with its stored tag. Matched the
    way the review's tag-following (sync_quotes) matches, but without writing anything;
    a tag not yet placed in the text (no offsets) still matches its words."""
    from desk.review.reattach import plan_sync

    spans = [s for s in spans if s.text.strip()]
    tags = lib.quotes.list(article_id=article.id)
    plan = plan_sync(tags, spans)
    tag_for_span = {m.span_index: next(t for t in tags if t.id == m.row_id) for m in plan.matches}
    sources: dict[int, Source | None] = {}

    def source(source_id: int | None) -> Source | None:
        if source_id is None:
            return None
        if source_id not in sources:
            try:
                sources[source_id] = lib.sources.get(source_id)
            except DeskError:  # deleted since it was tagged
                sources[source_id] = None
        return sources[source_id]

    rows = []
    for index, span in enumerate(spans):
        tag = tag_for_span.get(index)
        if tag is not None and tag.status == "not-a-quote":
            continue
        source_id = tag.source_id if tag is not None and tag.source_id is not None else span.source_id
        rows.append(QuoteRow(
            text=span.text,
            speaker=span.speaker or (tag.speaker if tag else None),
            speaker_kind=span.speaker_kind,
            source=source(source_id),
            status=tag.status if tag else "unverified",
            origin=tag.origin if tag else None,
            original=tag.original if tag else None,
            note=tag.note if tag else "",
            reviewed_by=tag.reviewed_by if tag else "",
            reviewed_at=tag.reviewed_at if tag else None,
            start=span.start,
            tag_id=tag.id if tag else None,
            end=span.end,
            closed=span.closed,
        ))
    return rows


def gather(lib, article_id: int, *, page_size: str = "a4", spelling: bool = True) -> ExportData:
    article = lib.articles.get(article_id)
    report = check_report(lib, article, spelling=spelling)
    return ExportData(article=article, quotes=quote_rows(lib, article, report.quotes),
                      problems=list(report.problems), page_size=page_size)
