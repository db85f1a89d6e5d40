"""Copying a whole library into another: how an SQLite library moves onto a PostgreSQL
server and back (``desk migrate``, ``desk copy``), and how a team library is backed up into
a file (desk.storage.moving opens the two ends; this module copies between open ones).

Every table is copied row for row with its ids, in one write transaction of the target, in
an order where each row's references are already there; the target's own search indexes
(FTS5 triggers, GIN indexes) index the rows as they arrive, and a PostgreSQL target's id
sequences are moved past the copied ids. The source is read inside one snapshot
(``Engine.read_snapshot``: a deferred read transaction on SQLite, REPEATABLE READ READ ONLY
on PostgreSQL), so what arrives is the library as it was at one moment while other desks go
on writing, and it is read in batches (``Engine.stream``), never whole. Before the target's
transaction commits, its row counts and a checksum of the articles' text are compared with
the source's: a copy that came out different is rolled back. Both libraries must be at the
same schema (opening them migrates both to this desk's).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk.model import DeskError
from desk.storage.errors import StorageError

if TYPE_CHECKING:
    from desk.storage import Library

# Referenced tables before the tables that reference them.
TABLES = ("articles", "tags", "article_tags", "revisions", "sources", "source_aliases",
          "materials", "quotes", "dictionary_words", "export_log", "status_log",
          "import_batches", "import_batch_files", "check_results")
# Not copied: who has an article open for editing right now means nothing in another
# library (and --replace empties it with the rest). Each library keeps its own
# schema_migrations; the search indexes are rebuilt by the target as rows arrive.
TRANSIENT = ("edit_locks",)
BATCH = 500
# The text the checksum covers: what an editor would miss first.
CHECKSUM_SQL = "SELECT id, headline, dek, byline, body FROM articles ORDER BY id"

Progress = Callable[[str, int, int], None]  # (table, rows copied so far, rows in the table)


@dataclass(frozen=True)
class Copied:
    rows: dict[str, int]  # table -> rows copied (and found in the target after the copy)
    checksum: str = ""  # sha256 of the articles' text, the same in source and target

    def summary(self) -> str:
        r = self.rows
        return (f"{r['articles']} article(s), {r['revisions']} revision(s), {r['sources']} "
                f"source(s), {r['quotes']} quotation(s), {r['materials']} material(s), "
                f"{r['dictionary_words']} dictionary word(s)")

    def lines(self) -> list[str]:
        """One line per table: its name and the rows copied."""
        width = max(len(t) for t in self.rows)
        return [f"{table:<{width}}  {n:>9}" for table, n in self.rows.items()]


def row_counts(lib: Library, tables: tuple[str, ...] = TABLES) -> dict[str, int]:
    with lib.errors():
        return {t: int(lib.conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
                for t in tables}


def articles_checksum(lib: Library) -> str:
    """sha256 over every article's id and text, in id order (the same on both engines)."""
    digest = hashlib.sha256()
    with lib.errors():
        _names, batches = lib.engine.stream(CHECKSUM_SQL, BATCH)
        for batch in batches:
            for row in batch:
                digest.update("\x1f".join(str(v) for v in row).encode("utf-8", "surrogatepass"))
                digest.update(b"\x1e")
    return digest.hexdigest()


def copy_library(source: Library, target: Library, *, replace: bool = False,
                 progress: Progress | None = None) -> Copied:
    """Copy every row of ``source`` into ``target``, which must hold nothing yet (with
    ``replace``, whatever it holds is deleted first, in the same transaction)."""
    if source.schema_version != target.schema_version:
        raise DeskError(f"the libraries are at different schemas ({source.schema_version} and "
                        f"{target.schema_version}); open both with this desk first")
    if source.where == target.where:
        raise DeskError("a library cannot be copied into itself")
    with source.errors(), source.engine.read_snapshot():
        totals = row_counts(source)
        expected = articles_checksum(source)
        with target.transaction():
            filled = [t for t, n in row_counts(target, TABLES + TRANSIENT).items() if n]
            if filled and not replace:
                raise DeskError(f"the library {target.where} is not empty (it has "
                                f"{', '.join(filled)}); copy into a new file or an empty "
                                "database, or empty it first with --replace")
            if filled:
                for table in (*TRANSIENT, *reversed(TABLES)):
                    target.conn.execute(f'DELETE FROM "{table}"')
            counts = {t: _copy_table(source, target, t, totals[t], progress) for t in TABLES}
            target.engine.after_copy(TABLES)
            _verify(target, totals, counts, expected)
    return Copied(counts, expected)


def _copy_table(source: Library, target: Library, table: str, total: int,
                progress: Progress | None) -> int:
    with source.errors():
        names, batches = source.engine.stream(f'SELECT * FROM "{table}"', BATCH)
    columns = ", ".join(f'"{n}"' for n in names)
    sql = f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" * len(names))})'
    done = 0
    if progress is not None and total == 0:
        progress(table, 0, 0)
    while True:
        with source.errors():
            batch = next(batches, None)
        if not batch:
            return done
        target.conn.executemany(sql, batch)
        done += len(batch)
        if progress is not None:
            progress(table, done, total)


def _verify(target: Library, totals: dict[str, int], counts: dict[str, int],
            expected: str) -> None:
    """Inside the target's transaction: what it now holds is what the source held."""
    found = row_counts(target)
    for table in TABLES:
        if not totals[table] == counts[table] == found[table]:
            raise StorageError(
                f"the copy into {target.where} came out wrong: {table} has {found[table]} "
                f"row(s), the source {totals[table]}; nothing was written")
    if articles_checksum(target) != expected:
        raise StorageError(f"the copy into {target.where} came out wrong: the articles' text "
                           "differs from the source's; nothing was written")
