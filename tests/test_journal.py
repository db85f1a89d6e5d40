"""The crash journal: atomic entries per library and article, offered once the writer is gone."""

import json
import subprocess
import sys

import pytest

from desk.journal import Journal, default_folder, discard, library_key


@pytest.fixture
def dead_pid():
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


FIELDS = {"headline": "Weir", "body": "Typed but not saved.", "tags": ["flood"]}


def test_an_entry_of_a_stopped_process_is_pending(tmp_path, dead_pid):
    Journal(tmp_path / "lib.db", tmp_path / "j", pid=dead_pid).write(7, FIELDS, {"body": "x"})
    [entry] = Journal(tmp_path / "lib.db", tmp_path / "j").pending()
    assert entry.article_id == 7 and entry.fields == FIELDS and entry.base == {"body": "x"}


def test_entries_of_this_process_are_not_offered(tmp_path):
    journal = Journal(tmp_path / "lib.db", tmp_path / "j")
    journal.write(7, FIELDS)
    assert journal.pending() == [] and len(journal.entries()) == 1


def test_a_living_process_keeps_its_entries(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        Journal(tmp_path / "lib.db", tmp_path / "j", pid=proc.pid).write(1, FIELDS)
        assert Journal(tmp_path / "lib.db", tmp_path / "j").pending() == []
    finally:
        proc.kill()
        proc.wait()


def test_entries_belong_to_one_library(tmp_path, dead_pid):
    Journal(tmp_path / "a.db", tmp_path / "j", pid=dead_pid).write(1, FIELDS)
    assert Journal(tmp_path / "b.db", tmp_path / "j").pending() == []
    assert library_key(tmp_path / "a.db") == library_key(tmp_path / "." / "a.db")


def test_a_rewrite_replaces_the_entry_and_leaves_no_temporary(tmp_path):
    journal = Journal(tmp_path / "lib.db", tmp_path / "j")
    journal.write(1, {"body": "one"})
    journal.write(1, {"body": "two"})
    files = sorted(p.name for p in (tmp_path / "j").iterdir())
    assert len(files) == 1 and journal.entries()[0].fields == {"body": "two"}


def test_remove_and_discard(tmp_path, dead_pid):
    journal = Journal(tmp_path / "lib.db", tmp_path / "j")
    journal.write(1, FIELDS)
    journal.remove(1)
    journal.remove(1)  # twice is fine
    assert journal.entries() == []
    Journal(tmp_path / "lib.db", tmp_path / "j", pid=dead_pid).write(2, FIELDS)
    [entry] = journal.pending()
    discard(entry)
    assert journal.pending() == []


def test_unreadable_entries_are_skipped(tmp_path, dead_pid):
    journal = Journal(tmp_path / "lib.db", tmp_path / "j", pid=dead_pid)
    good = journal.write(1, FIELDS)
    (tmp_path / "j" / good.name.replace("-1-", "-2-")).write_text("{half", encoding="utf-8")
    (tmp_path / "j" / good.name.replace("-1-", "-3-")).write_text(
        json.dumps({"format": 99}), encoding="utf-8")
    assert [e.article_id for e in Journal(tmp_path / "lib.db", tmp_path / "j").pending()] == [1]


def test_a_failed_write_keeps_the_previous_entry(tmp_path, monkeypatch):
    journal = Journal(tmp_path / "lib.db", tmp_path / "j")
    journal.write(1, {"body": "kept"})

    def full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desk.journal.os.replace", full)
    with pytest.raises(OSError):
        journal.write(1, {"body": "lost"})
    monkeypatch.undo()
    assert journal.entries()[0].fields == {"body": "kept"}
    assert [p.name for p in (tmp_path / "j").iterdir() if p.suffix == ".tmp"] == []


def test_interrupted_temporaries_are_swept(tmp_path):
    journal = Journal(tmp_path / "lib.db", tmp_path / "j")
    journal.write(1, FIELDS)
    stray = tmp_path / "j" / f".{journal.key}-1-123-abc.tmp"
    stray.write_text("x")
    journal.sweep_temporaries()
    assert not stray.exists() and len(journal.entries()) == 1


def test_the_default_folder_is_the_user_state_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert default_folder() == tmp_path / "state" / "desk" / "journal"



def test_a_long_entry_is_encoded_as_json_dumps_would(tmp_path):
    from desk.journal import CHUNK, encode

    body = ("Weir \"held\" \\ naïve 🌊 \n\t\x00 " * (3 * CHUNK // 20))[: 3 * CHUNK + 7]
    data = {"format": 1, "article_id": 7, "fields": {"body": body, "tags": ["a", "ü"]},
            "base": None, "n": 1.5, "ok": True}
    assert encode(data) == json.dumps(data, ensure_ascii=False).encode("utf-8")
    journal = Journal(tmp_path / "lib.db", tmp_path / "j")
    journal.write(7, {"body": body}, {"body": body[:CHUNK + 1]}, in_steps=True)
    [entry] = journal.entries()
    assert entry.fields == {"body": body} and entry.base == {"body": body[:CHUNK + 1]}


def test_a_team_library_is_keyed_by_its_url_without_the_password(tmp_path, monkeypatch):
    url = "postgresql://ann@db.example.org/newsroom"
    key = library_key(url)
    monkeypatch.chdir(tmp_path)  # a file's key is of its absolute path; a URL's is not
    assert library_key(url) == key
    assert library_key("postgresql://ann:secret@db.example.org/newsroom") == key
    assert library_key("postgresql://ann@db.example.org/other") != key
    journal = Journal(url, folder=tmp_path / "journal")
    journal.write(3, {"headline": "H", "body": "Kept"})
    assert [e.library for e in journal.entries()] == [url]
