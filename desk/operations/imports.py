"""Importing files as new articles: File ▸ Import and a drop on the window, and ``desk import``.

Every file is read and parsed before the library is touched. A file that cannot be read is
one line naming it; when any file fails, ``ImportRefused`` lists each failure (one per
file) and nothing is imported, as the CLI has always promised ("either every file is
imported or none is"). Then each article is committed on its own, in an import batch that
is rolled back on error and resumed or rolled back after a kill (desk.importing.batch):
the batch, not one transaction, is what makes the import all or nothing.

A file whose bytes an earlier import already brought in (an article not in the trash) is
skipped and listed in ``ImportResult.skipped``, unless ``again=True``: re-importing the
same file makes no silent duplicate. ``find_duplicates`` lets the window ask first.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from desk.importing import ParsedArticle, batch, legacy_encodings, read_article
from desk.model import DeskError
from desk.operations.articles import StatusBlocked, change_status, synced_rows
from desk.operations.changes import Changes
from desk.operations.logged import logged

if TYPE_CHECKING:
    from desk.storage import Library

__all__ = ["Duplicate", "ImportRefused", "ImportResult", "find_duplicates", "import_files",
           "read_files", "resume_import"]


class ImportRefused(DeskError):
    """Some files cannot be read; ``errors`` has one line per such file. Nothing was imported."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(errors[0] if len(errors) == 1
                         else f"{len(errors)} files cannot be imported: " + "; ".join(errors))
        self.errors = list(errors)


@dataclass(frozen=True)
class Duplicate:
    """A file to import whose bytes an earlier import brought in as ``article_id``."""
    path: str
    article_id: int
    headline: str

    def describe(self) -> str:
        return f"{self.path} is already in the library as article {self.article_id} (“{self.headline}”)"


@dataclass(frozen=True)
class ImportResult:
    article_ids: list[int]  # the new articles, in the order of the files
    resumed: bool = False  # finished an import that had been stopped
    notes: list[str] = field(default_factory=list)  # what happened to stopped imports
    changes: Changes = field(default_factory=Changes)
    skipped: list[Duplicate] = field(default_factory=list)  # already imported, not again
    # how many of the imported files were read in an encoding other than UTF-8, by name
    encodings: dict[str, int] = field(default_factory=dict)


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


def find_duplicates(lib: Library, *, paths: Sequence[str | os.PathLike[str]],
                    parsed: list[ParsedArticle]) -> list[Duplicate]:
    """The files (read with read_files, in the same order) that an earlier finished import
    brought in with the same bytes, as articles not in the trash. Reads only."""
    known = lib.imports.imported_from(p.content_hash for p in parsed if p.content_hash)
    out = []
    for path, item in zip(paths, parsed):
        found = known.get(item.content_hash or "")
        if found is not None:
            out.append(Duplicate(str(path), found.article_id, found.headline))
    return out


@logged
def import_files(lib: Library, *, paths: Sequence[str | os.PathLike[str]],
                 parsed: list[ParsedArticle] | None = None, again: bool = False) -> ImportResult:
    """Import ``paths`` as new articles. ``parsed``: the files already read with read_files
    (the CLI reads them before it opens the library), in the same order. A file imported
    before (same bytes) is skipped and listed in ``skipped``; ``again=True`` imports it anyway."""
    if parsed is None:
        parsed = read_files(paths)
    elif len(parsed) != len(paths):
        raise DeskError("the parsed files do not match the paths to import")
    names = [str(p) for p in paths]
    skipped = [] if again else find_duplicates(lib, paths=names, parsed=parsed)
    if skipped:
        dropped = {d.path for d in skipped}
        kept = [(n, item) for n, item in zip(names, parsed) if n not in dropped]
        if not kept:
            return ImportResult([], skipped=skipped)
        names, parsed = [n for n, _ in kept], [item for _, item in kept]
    result = batch.import_files(lib, names, parsed)
    return replace(_finished(lib, result), skipped=skipped, encodings=legacy_encodings(parsed))


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

