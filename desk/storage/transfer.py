"""Copying a whole library into another, empty one: how an SQLite library moves onto a
PostgreSQL server (``desk copy postgresql://...``), or back into a file.

Every table is copied row for row with its ids, in one write transaction of the target, in
an order where each row's references are already there; the target's own search indexes
(FTS5 triggers, GIN indexes) index the rows as they arrive, and a PostgreSQL target's id
sequences are moved past the copied ids. Both libraries must be at the same schema (opening
them migrates both to this desk's).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk.model import DeskError

if TYPE_CHECKING:
    from desk.storage import Library

# Referenced tables before the tables that reference them.
TABLES = ("articles", "tags", "article_tags", "revisions", "sources", "source_aliases",
          "materials", "quotes", "dictionary_words", "export_log", "status_log",
          "import_batches", "import_batch_files", "check_results")
BATCH = 500


@dataclass(frozen=True)
class Copied:
    rows: dict[str, int]  # table -> rows copied

    def summary(self) -> str:
        r = self.rows
        return (f"{r['articles']} article(s), {r['revisions']} revision(s), {r['sources']} "
                f"source(s), {r['quotes']} quotation(s), {r['materials']} material(s), "
                f"{r['dictionary_words']} dictionary word(s)")


def copy_library(source: Library, target: Library) -> Copied:
    """Copy every row of ``source`` into ``target``, which must hold nothing yet."""
    if source.schema_version != target.schema_version:
        raise DeskError(f"the libraries are at different schemas ({source.schema_version} and "
                        f"{target.schema_version}); open both with this desk first")
    if source.where == target.where:
        raise DeskError("a library cannot be copied into itself")
    with target.errors():
        filled = [t for t in TABLES
                  if target.conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]]
    if filled:
        raise DeskError(f"the library {target.where} is not empty (it has {', '.join(filled)}); "
                        "copy into a new file or an empty database")
    counts: dict[str, int] = {}
    with target.transaction():
        for table in TABLES:
            with source.errors():
                cursor = source.conn.execute(f'SELECT * FROM "{table}"')
                names = [d[0] for d in cursor.description]
            columns = ", ".join(f'"{n}"' for n in names)
            sql = f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" * len(names))})'
            counts[table] = 0
            while True:
                with source.errors():
                    batch = [tuple(row) for row in cursor.fetchmany(BATCH)]
                if not batch:
                    break
                target.conn.executemany(sql, batch)
                counts[table] += len(batch)
        target.engine.after_copy(TABLES)
    return Copied(counts)
