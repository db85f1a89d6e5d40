"""Quote review: tags that follow their quotations, checking against source material,
the review queue, the status gate and the reports. Qt-free; the window and the CLI
both call these plain functions.

The calls a front end needs:

- ``sync_quotes(lib, article_id)``: after every save; returns the attached QuoteTag rows.
- ``review_queue(lib, article_id=, source_id=, status=)`` / ``QueueCursor``: the queue.
- ``tag_quote``, ``set_quote_status``, ``verify_quote``: review actions on one quotation.
- ``find_in_material`` / ``verify_from_material``: "Find in material" and its one action.
- ``check_transition``: the workflow gate's decision (the move itself is
  desk.operations.articles.change_status).
- ``article_report`` / ``library_report`` (+ ``format_*``): the reports; the library report
  reads stored per-article check results and checks only stale articles
  (desk.review.results: ``refresh``, ``library_results``).
"""

from desk.review.gate import GateResult, check_transition, history
from desk.review.material import DiffOp, MaterialIndex, Passage, find_passage, format_diff, word_diff
from desk.review.material_files import read_material
from desk.review.queue import OpenTarget, QueueCursor, QueueItem, review_queue, sync_all
from desk.review.reattach import attached, orphaned, sync_quotes
from desk.review.reports import (
    ArticleReport,
    LibraryReport,
    article_report,
    format_article_report,
    format_library_report,
    library_report,
)
from desk.review.tags import reviewer_name, set_quote_status, tag_quote, verify_quote
from desk.review.verify import Verification, find_in_material, verify_from_material

__all__ = [
    "ArticleReport", "DiffOp", "GateResult", "LibraryReport", "MaterialIndex", "OpenTarget", "Passage",
    "QueueCursor", "QueueItem", "Verification", "article_report", "attached", "check_transition",
    "find_in_material", "find_passage", "format_article_report", "format_diff", "format_library_report",
    "history", "library_report", "orphaned", "read_material", "review_queue", "reviewer_name",
    "set_quote_status", "sync_all", "sync_quotes", "tag_quote", "verify_from_material",
    "verify_quote", "word_diff",
]
