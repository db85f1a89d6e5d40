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

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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


# name -> the module that defines it; each module imported when one of its names is first
# asked for (PEP 562), so importing one part (desk.review.reattach, as the window does at
# start-up) does not import the others (the queue, the reports, material files).
_HOME = {
    "ArticleReport": "reports",
    "DiffOp": "material",
    "GateResult": "gate",
    "LibraryReport": "reports",
    "MaterialIndex": "material",
    "OpenTarget": "queue",
    "Passage": "material",
    "QueueCursor": "queue",
    "QueueItem": "queue",
    "Verification": "verify",
    "article_report": "reports",
    "attached": "reattach",
    "check_transition": "gate",
    "find_in_material": "verify",
    "find_passage": "material",
    "format_article_report": "reports",
    "format_diff": "material",
    "format_library_report": "reports",
    "history": "gate",
    "library_report": "reports",
    "orphaned": "reattach",
    "read_material": "material_files",
    "review_queue": "queue",
    "reviewer_name": "tags",
    "set_quote_status": "tags",
    "sync_all": "queue",
    "sync_quotes": "reattach",
    "tag_quote": "tags",
    "verify_from_material": "verify",
    "verify_quote": "tags",
    "word_diff": "material",
}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))
