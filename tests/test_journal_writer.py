"""Journal writes on a worker thread: coalesced, ordered, never older over newer."""

import threading

from desk.journal import Journal
from desk.journal_writer import JournalWriter


def fields(body: str) -> dict:
    return {"headline": "Weir", "body": body}


class Gated:
    """Journal.write that records each body and holds the first write until released."""

    def __init__(self, journal: Journal):
        self.real = journal.write
        self.bodies: list[str] = []
        self.started = threading.Event()
        self.release = threading.Event()
        journal.write = self  # type: ignore[method-assign]

    def __call__(self, article_id, flds, base=None, **kw):
        self.bodies.append(flds["body"])
        if len(self.bodies) == 1:
            self.started.set()
            assert self.release.wait(10)
        return self.real(article_id, flds, base, **kw)


def body_on_disk(journal: Journal) -> str:
    [entry] = journal.entries()
    return entry.fields["body"]


def test_a_burst_of_snapshots_leaves_the_newest_and_skips_the_ones_in_between(tmp_path):
    journal = Journal(tmp_path / "lib.db", tmp_path / "j")
    gate = Gated(journal)
    done = []
    writer = JournalWriter(journal, on_done=lambda *a: done.append(a))
    writer.submit(3, fields("v0"))
    assert gate.started.wait(10)  # v0 is being written; the rest queue behind it
    for n in range(1, 50):
        writer.submit(3, fields(f"v{n}"))
    gate.release.set()
    assert writer.wait_idle(10)
    assert body_on_disk(journal) == "v49"
    assert gate.bodies == ["v0", "v49"]
    assert [(aid, err) for aid, _seq, err in done] == [(3, None), (3, None)]


def test_write_now_waits_for_the_write_in_flight_and_drops_the_older_pending_one(tmp_path):
    journal = Journal(tmp_path / "lib.db", tmp_path / "j")
    gate = Gated(journal)
    writer = JournalWriter(journal)
    writer.submit(3, fields("old"))
    assert gate.started.wait(10)
    writer.submit(3, fields("queued"))
    now = threading.Thread(target=writer.write_now, args=(3, fields("newest")))
    now.start()
    now.join(0.2)
    assert now.is_alive()  # it waits for "old" to finish
    gate.release.set()
    now.join(10)
    assert body_on_disk(journal) == "newest"
    assert writer.wait_idle(10)
    assert body_on_disk(journal) == "newest" and gate.bodies == ["old", "newest"]


def test_remove_is_not_undone_by_a_queued_write(tmp_path):
    journal = Journal(tmp_path / "lib.db", tmp_path / "j")
    gate = Gated(journal)
    writer = JournalWriter(journal)
    writer.submit(3, fields("old"))
    assert gate.started.wait(10)
    writer.submit(3, fields("queued"))
    remover = threading.Thread(target=writer.remove, args=(3,))
    remover.start()
    remover.join(0.2)
    assert remover.is_alive()  # it dropped "queued" and waits for "old" to finish
    gate.release.set()
    remover.join(10)
    assert writer.wait_idle(10)
    assert journal.entries() == [] and gate.bodies == ["old"]


def test_a_snapshot_of_another_article_is_not_coalesced_away(tmp_path):
    journal = Journal(tmp_path / "lib.db", tmp_path / "j")
    gate = Gated(journal)
    writer = JournalWriter(journal)
    writer.submit(1, fields("first"))
    assert gate.started.wait(10)
    writer.submit(2, fields("second"))
    writer.submit(1, fields("first, later"))
    gate.release.set()
    assert writer.wait_idle(10)
    assert {e.article_id: e.fields["body"] for e in journal.entries()} == {
        1: "first, later", 2: "second"}


def test_a_failed_background_write_is_reported_and_the_next_one_runs(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the journal folder should be")
    journal = Journal(tmp_path / "lib.db", blocker / "journal")
    done = []
    writer = JournalWriter(journal, on_done=lambda *a: done.append(a))
    writer.submit(3, fields("lost"))
    assert writer.wait_idle(10)
    [(aid, _seq, error)] = done
    assert aid == 3 and isinstance(error, OSError)
    journal.folder = tmp_path / "j"  # the disk is back
    writer.submit(3, fields("kept"))
    assert writer.wait_idle(10)
    assert done[-1][2] is None and body_on_disk(journal) == "kept"


def test_text_that_cannot_be_encoded_is_reported_not_raised_on_the_worker(tmp_path):
    journal = Journal(tmp_path / "lib.db", tmp_path / "journal")
    done = []
    writer = JournalWriter(journal, on_done=lambda *a: done.append(a))
    writer.submit(4, fields("half a pair \ud800 of surrogates"))
    assert writer.wait_idle(10)
    [(aid, _seq, error)] = done
    assert aid == 4 and isinstance(error, OSError) and "surrogate" in str(error)
    writer.submit(4, fields("whole again"))  # the worker is still there for the next one
    assert writer.wait_idle(10)
    assert done[-1][2] is None and body_on_disk(journal) == "whole again"
