"""The status workflow and its gate.

draft → editing → copy-edit → ready → published, and killed from anywhere. Any move is
allowed (back for corrections, forward past a step), but moving to ``ready`` or
``published`` is blocked while the article has error-severity problems or quotations
that are not verified (unverified or disputed; "not a quotation" does not count),
unless the editor overrides with a reason.

This module decides (``check_transition``, a read); the one writer is
desk.operations.articles.change_status, which puts every change into the status log and,
for an override, leaves a labelled revision, so it shows in the article's history.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desk.model import ARTICLE_STATUSES, GATED_STATUSES, Article, DeskError

WORKFLOW = ("draft", "editing", "copy-edit", "ready", "published")
GATED = GATED_STATUSES
MAX_LISTED = 5  # problems listed one by one in the reasons; the rest are counted
MAX_QUOTES_LISTED = 3  # quotation snippets named per status; the rest are counted
SNIPPET_WORDS = 4


@dataclass
class GateResult:
    allowed: bool
    reasons: list[str] = field(default_factory=list)
    from_status: str = ""
    to_status: str = ""
    overridden: bool = False  # allowed only because of an override
    # the quotations that block the move: {"id", "status", "text"} (ids for scripts; the
    # reasons name them by their words, which is what an editor recognises)
    quotations: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def _check_status(status: str) -> None:
    if status not in ARTICLE_STATUSES:
        raise DeskError(f"unknown status {status!r}; choose one of {', '.join(ARTICLE_STATUSES)}")


def quote_snippet(text: str, words: int = SNIPPET_WORDS) -> str:
    """A quotation's first few words in curly quotes: “We will rebuild the…”."""
    parts = text.strip().strip("\"“”‘’'").split()
    short = " ".join(parts[:words])
    if len(short) > 40:
        short = short[:39].rstrip()
        return f"“{short}…”"
    return f"“{short}…”" if len(parts) > words else f"“{short.rstrip(',;:')}”"


def _quotation_reason(status: str, quotes: list) -> str:
    n = len(quotes)
    named = ", ".join(quote_snippet(q.text) for q in quotes[:MAX_QUOTES_LISTED])
    more = f" and {n - MAX_QUOTES_LISTED} more" if n > MAX_QUOTES_LISTED else ""
    return f"{n} {status} quotation{'s' if n != 1 else ''}: {named}{more}"


def blocking_reasons(lib, article: Article) -> list[str]:
    """What keeps the article from ready/published (empty when nothing does)."""
    return _blocking(lib, article)[0]


def _blocking(lib, article: Article) -> tuple[list[str], list[dict]]:
    """The reasons, and the blocking quotations as dicts (id, status, text). Only reads:
    the quotations are the report's matched against the stored rows the way the sync
    would match them (desk.review.reattach.planned_rows); a quotation with no row yet
    counts as unverified, with id None."""
    from desk.checking import check_article
    from desk.checks.blocking import blocking_problems, describe
    from desk.review.reattach import planned_rows

    report = check_article(lib, article, spelling=True, suggestions=False)
    rows = planned_rows(lib, article.id, report.all_quotes)
    reasons = []
    errors = blocking_problems(report)  # the same problems, said the same way, as export
    reasons += [describe(p, article.body) for p in errors[:MAX_LISTED]]
    if len(errors) > MAX_LISTED:
        reasons.append(f"… and {len(errors) - MAX_LISTED} more error(s)")
    quotations = []
    for status in ("unverified", "disputed"):
        these = [q for q in rows if q.status == status]
        if these:
            reasons.append(_quotation_reason(status, these))
            quotations += [{"id": q.id, "status": q.status, "text": q.text} for q in these]
    return reasons, quotations


def check_transition(lib, article_id: int, new_status: str, override: str | None = None) -> GateResult:
    """May the article move to ``new_status``? Only reads (see _blocking)."""
    _check_status(new_status)
    article = lib.articles.get(article_id)
    result = GateResult(allowed=True, from_status=article.status, to_status=new_status)
    if new_status in GATED and new_status != article.status:
        result.reasons, result.quotations = _blocking(lib, article)
        if result.reasons:
            if override and override.strip():
                result.overridden = True
            else:
                result.allowed = False
    return result


def history(lib, article_id: int):
    """The article's status changes, oldest first (StatusChange records)."""
    return lib.status_log.list(article_id)
