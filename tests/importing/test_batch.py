"""Imports commit one article at a time in a batch that is rolled back or resumed."""

import pytest

from desk.importing import batch
from desk.model import DeskError
from desk.storage import Library


@pytest.fixture
def files(tmp_path):
    out = []
    for n in range(4):
        f = tmp_path / f"story{n}.md"
        f.write_text(f"# Story {n}\n\nBody of story {n}.\n")
        out.append(f)
    return out


def kill_after(monkeypatch, n):
    """Stop the import after n articles are in, as kill -9 would (in the middle of the next
    article's transaction, which is lost): nothing of desk's runs afterwards."""
    import desk.storage.imports as imports

    real = imports.ImportBatches.mark_done
    calls = []

    class Killed(BaseException):
        pass

    def mark_done(self, batch_id, position, article_id):
        real(self, batch_id, position, article_id)
        calls.append(position)
        if len(calls) == n + 1:
            raise Killed
    monkeypatch.setattr(imports.ImportBatches, "mark_done", mark_done)
    monkeypatch.setattr(imports.ImportBatches, "roll_back", lambda self, bid: 0)  # no cleanup
    return Killed


def headlines(lib):
    return sorted(a.headline for a in lib.articles.list())


def test_each_article_commits_on_its_own(library, files, monkeypatch):
    begins = []  # the statements run, through a wrapper around the connection
    library.conn = library.engine.conn = _Counting(library.conn, begins)
    if not library.is_postgresql:
        library.db.conn = library.conn  # sqlite-utils' inserts run on it too
    else:  # BEGIN travels with the writer lock, sent by the engine's PgConnection.begin
        real_begin = library.engine.pg.begin

        def begin(**kwargs):
            begins.append("BEGIN")
            return real_begin(**kwargs)
        monkeypatch.setattr(library.engine.pg, "begin", begin)
    result = batch.import_files(library, files)
    assert len(result.ids) == 4
    begin = "BEGIN" if library.is_postgresql else "BEGIN IMMEDIATE"
    assert begins.count(begin) == 1 + 4 + 1  # start, one per article, finish


class _Counting:
    def __init__(self, conn, log):
        self._conn, self._log = conn, log

    def execute(self, sql, *args):
        self._log.append(sql)
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_a_killed_import_is_resumed_by_importing_the_same_files(db_path, files, monkeypatch):
    with Library.open(db_path, seed=False) as lib:
        killed = kill_after(monkeypatch, 2)
        with pytest.raises(killed):
            batch.import_files(lib, files)
        monkeypatch.undo()
        assert headlines(lib) == ["Story 0", "Story 1"]
    with Library.open(db_path, seed=False) as lib:
        result = batch.import_files(lib, files)
        assert result.resumed and "after 2 of 4" in result.notes[-1]
        assert headlines(lib) == ["Story 0", "Story 1", "Story 2", "Story 3"]
        assert len(result.ids) == 4 and lib.imports.unfinished() == []


def test_resume_finishes_it_from_the_recorded_paths(db_path, files, monkeypatch):
    with Library.open(db_path, seed=False) as lib:
        with pytest.raises(kill_after(monkeypatch, 1)):
            batch.import_files(lib, files)
    monkeypatch.undo()
    with Library.open(db_path, seed=False) as lib:
        batch.resume(lib)
        assert headlines(lib) == [f"Story {n}" for n in range(4)]
        with pytest.raises(DeskError, match="no stopped import"):
            batch.resume(lib)


def test_an_import_of_other_files_rolls_the_killed_one_back_and_says_so(db_path, files, monkeypatch):
    with Library.open(db_path, seed=False) as lib:
        with pytest.raises(kill_after(monkeypatch, 3)):
            batch.import_files(lib, files)
    monkeypatch.undo()
    with Library.open(db_path, seed=False) as lib:
        result = batch.import_files(lib, files[:1])
        assert "rolled back; 3 articles removed" in result.notes[0]
        assert headlines(lib) == ["Story 0"]


def test_an_error_while_writing_rolls_the_batch_back(library, files, monkeypatch):
    real = library.articles.create
    made = []

    def create(**values):
        if len(made) == 2:
            raise DeskError("the disk is full")
        made.append(1)
        return real(**values)
    monkeypatch.setattr(library.articles, "create", create)
    with pytest.raises(DeskError, match="disk is full"):
        batch.import_files(library, files)
    assert headlines(library) == []
    assert library.imports.unfinished() == []

