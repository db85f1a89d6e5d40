"""Importing several files without holding the library for long.

Every file is read and parsed before anything is written (a bad file stops the import
with nothing written). Then each article is committed in its own short transaction,
together with its line in an import batch (desk.storage.imports), so another process (the
window autosaving) waits at most for one article, never for the whole batch.

- An error while writing rolls the batch back: the articles it brought in are deleted, so
  an import is still all or nothing.
- A batch killed half-way (kill -9, power cut) stays marked "running". The next import of
  the same files resumes it (only the missing files are written); ``resume()`` finishes it
  from the recorded paths (``desk import --resume``); an import of other files rolls it
  back first and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desk.model import DeskError


@dataclass
class ImportResult:
    ids: list[int]
    batch_id: int
    resumed: bool = False
    notes: list[str] = field(default_factory=list)  # what happened to killed batches


def import_files(library, paths, parsed=None) -> ImportResult:
    """``parsed``: the files already read with read_article, in the same order."""
    from desk.importing import read_article

    paths = [str(p) for p in paths]
    if parsed is None:
        parsed = [read_article(p) for p in paths]
    notes: list[str] = []
    batch = None
    for stale in library.imports.unfinished():
        if stale.paths == paths and batch is None:
            batch = stale
        else:
            notes.append(_roll_back(library, stale))
    if batch is not None:
        library.imports.claim(batch.id)
        ids = _write(library, batch.id, parsed, batch.article_ids)
        return ImportResult(ids, batch.id, resumed=True, notes=notes + [
            f"resumed an import that was stopped after {batch.done} of {len(paths)} files"])
    bid = library.imports.start(paths)
    return ImportResult(_write(library, bid, parsed, [None] * len(paths)), bid, notes=notes)


def resume(library) -> ImportResult:
    """Finish the most recent killed import from its recorded paths (older ones are rolled
    back). The files must still be readable; if not, it is rolled back and says so."""
    from desk.importing import read_article

    stale = library.imports.unfinished()
    if not stale:
        raise DeskError("no stopped import to resume")
    *older, batch = stale
    notes = [_roll_back(library, b) for b in older]
    try:
        parsed = [None if aid is not None else read_article(p)
                  for p, aid in zip(batch.paths, batch.article_ids)]
    except DeskError as exc:
        note = _roll_back(library, batch)
        raise DeskError(f"cannot resume: {exc}; {note}") from exc
    library.imports.claim(batch.id)
    ids = _write(library, batch.id, parsed, batch.article_ids)
    return ImportResult(ids, batch.id, resumed=True, notes=notes + [
        f"resumed an import that was stopped after {batch.done} of {len(batch.paths)} files"])


def _roll_back(library, batch) -> str:
    n = library.imports.roll_back(batch.id)
    return (f"an import stopped after {batch.done} of {len(batch.paths)} files "
            f"(started {batch.started_at[:19].replace('T', ' ')}) was rolled back; "
            f"{n} article{'s' if n != 1 else ''} removed")


def _write(library, batch_id: int, parsed, done: list[int | None]) -> list[int]:
    ids: list[int] = []
    try:
        for position, (item, article_id) in enumerate(zip(parsed, done)):
            if article_id is None:
                with library.transaction():  # one article and its batch line, together
                    article_id = library.articles.create(**item.fields, tags=item.tags).id
                    library.imports.mark_done(batch_id, position, article_id)
            ids.append(article_id)
    except BaseException:  # an error or Ctrl+C/SIGTERM: nothing half-imported stays
        library.imports.roll_back(batch_id)
        raise
    library.imports.finish(batch_id)
    return ids
