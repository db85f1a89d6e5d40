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

from desk.model import GATED_STATUSES, DeskError


@dataclass
class ImportResult:
    ids: list[int]
    batch_id: int
    resumed: bool = False
    notes: list[str] = field(default_factory=list)  # what happened to killed batches
    # article id -> the gated status its file asked for; written as a draft, the import
    # operation then asks the gate (desk.operations.imports)
    held: dict[int, str] = field(default_factory=dict)


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
        held: dict[int, str] = {}
        ids = _write(library, batch.id, parsed, batch.article_ids, held)
        return ImportResult(ids, batch.id, resumed=True, notes=notes + [
            f"resumed an import that was stopped after {batch.done} of {len(paths)} files"],
            held=held)
    bid = library.imports.start(paths, [item.content_hash for item in parsed])
    held = {}
    ids = _write(library, bid, parsed, [None] * len(paths), held)
    return ImportResult(ids, bid, notes=notes, held=held)


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
    held: dict[int, str] = {}
    ids = _write(library, batch.id, parsed, batch.article_ids, held)
    return ImportResult(ids, batch.id, resumed=True, notes=notes + [
        f"resumed an import that was stopped after {batch.done} of {len(batch.paths)} files"],
        held=held)


def _roll_back(library, batch) -> str:
    n = library.imports.roll_back(batch.id)
    return (f"an import stopped after {batch.done} of {len(batch.paths)} files "
            f"(started {batch.started_at[:19].replace('T', ' ')}) was rolled back; "
            f"{n} article{'s' if n != 1 else ''} removed")


def _write(library, batch_id: int, parsed, done: list[int | None],
           held: dict[int, str]) -> list[int]:
    """Write the articles not done yet. A file asking for a gated status (ready,
    published) is written as a draft and listed in ``held``: only the gate moves it on."""
    ids: list[int] = []
    try:
        for position, (item, article_id) in enumerate(zip(parsed, done)):
            if article_id is None:
                fields = dict(item.fields)
                wanted = fields.get("status")
                if wanted in GATED_STATUSES:
                    fields["status"] = "draft"
                with library.transaction():  # one article and its batch line, together
                    article_id = library.articles.create(**fields, tags=item.tags).id
                    library.imports.mark_done(batch_id, position, article_id)
                if wanted in GATED_STATUSES:
                    held[article_id] = wanted
            ids.append(article_id)
    except BaseException:  # an error or Ctrl+C/SIGTERM: nothing half-imported stays
        library.imports.roll_back(batch_id)
        raise
    library.imports.finish(batch_id)
    return ids
