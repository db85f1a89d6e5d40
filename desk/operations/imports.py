"""Importing files as new articles: File ▸ Import and a drop on the window, and ``desk import``.

Every file is read and parsed before the library is touched. A file that cannot be read is
one line naming it; when any file fails, ``ImportRefused`` lists each failure (one per
file) and nothing is imported, as the CLI has always promised ("either every file is
imported or none is"). Then each article is committed on its own, in an import batch that
is rolled back on error and resumed or rolled back after a kill (desk.importing.batch):
the batch, not one transaction, is what makes the import all or nothing.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desk.importing import ParsedArticle, batch, read_article
from desk.model import DeskError
from desk.operations.articles import StatusBlocked, change_status, synced_rows
from desk.operations.changes import Changes
from desk.operations.logged import logged

if TYPE_CHECKING:
    from desk.storage import Library

__all__ = ["ImportRefused", "ImportResult", "import_files", "read_files", "resume_import"]


class ImportRefused(DeskError):
    """Some files cannot be read; ``errors`` has one line per such file. Nothing was imported."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(errors[0] if len(errors) == 1
                         else f"{len(errors)} files cannot be imported: " + "; ".join(errors))
        self.errors = list(errors)


@dataclass(frozen=True)
class ImportResult:
    article_ids: list[int]  # the new articles, in the order of the files
    resumed: bool = False  # finished an import that had been stopped
    notes: list[str] = field(default_factory=list)  # what happened to stopped imports
    changes: Changes = field(default_factory=Changes)


def read_files(paths: Sequence[str | os.PathLike[str]]) -> list[ParsedArticle]:
    """Every file parsed, or ImportRefused naming each one that cannot be (no library needed)."""
    if not paths:
        raise DeskError("no files to import")
    parsed: list[ParsedArticle] = []
    errors: list[str] = []
    for path in paths:
        try:
            parsed.append(read_article(path))
        except DeskError as exc:
            errors.append(str(exc))
    if errors:
        raise ImportRefused(errors)
    return parsed


@logged
def import_files(lib: Library, *, paths: Sequence[str | os.PathLike[str]],
                 parsed: list[ParsedArticle] | None = None) -> ImportResult:
    """Import ``paths`` as new articles. ``parsed``: the files already read with read_files
    (the CLI reads them before it opens the library), in the same order."""
    if parsed is None:
        parsed = read_files(paths)
    elif len(parsed) != len(paths):
        raise DeskError("the parsed files do not match the paths to import")
    result = batch.import_files(lib, [str(p) for p in paths], parsed)
    return _finished(lib, result)


@logged
def resume_import(lib: Library) -> ImportResult:
    """Finish the most recent stopped import from its recorded paths (``desk import --resume``)."""
    return _finished(lib, batch.resume(lib))


def _finished(lib: Library, result: batch.ImportResult) -> ImportResult:
    """The batch is in: quotation rows synced, then the gate asked for each article whose
    file said ready or published (it came in as a draft; a blocked one stays a draft, and a
    note says why — an import never moves an article past the gate)."""
    # Importing is saving: each new article's quotation rows are synced, so `desk quotes
    # list` and the review queue list them without syncing first.
    quotes = set().union(*(synced_rows(lib, aid) for aid in result.ids))
    notes = list(result.notes)
    for article_id, wanted in result.held.items():
        try:
            change_status(lib, article_id=article_id, status=wanted)
        except StatusBlocked as exc:
            notes.append(f"article {article_id} was imported as a draft, not {wanted}: "
                         + "; ".join(exc.reasons))
    return ImportResult(result.ids, result.resumed, notes,
                        Changes.of(articles=result.ids, quotes=quotes))

