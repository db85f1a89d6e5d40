"""The window autosaving while other processes write and read the same library: another
process holding the write lock (as a long `desk import` does), imports of large files, a
third process listing. No typed character is lost and no dialog opens."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desk.gui.autosave import TYPING_WAIT_MS
from tests.gui.shell_helpers import Dialogs, close_window, make_window, move_to_end, type_text

pytestmark = pytest.mark.subprocess
ROOT = Path(__file__).resolve().parents[2]

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO tags (name) VALUES ('held by another process')")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
print("released", flush=True)
"""


class Lister(threading.Thread):
    """`desk list` over and over in another process until stopped; records exit codes."""

    def __init__(self, db: Path):
        super().__init__(daemon=True)
        self.db = db
        self.codes: list[int] = []
        self.errors: list[str] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            done = desk(self.db, "list", "--format", "json")
            self.codes.append(done.returncode)
            if done.returncode:
                self.errors.append(done.stderr)


def desk(db: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DESK_DB"}
    return subprocess.run([sys.executable, "-m", "desk", "--db", str(db), *argv], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def setup(qtbot, library, tmp_path, monkeypatch):
    aid = library.articles.create(headline="Weir", body="Start.").id
    window = make_window(qtbot, library, tmp_path / "settings.ini", open_last=False)
    window.open_article(aid)
    move_to_end(window.editor.body)
    dialogs = Dialogs(monkeypatch)
    yield window, aid, dialogs
    close_window(window)


def test_typing_while_another_process_holds_the_write_lock(qtbot, library, setup):
    window, aid, dialogs = setup
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(library.path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    lister = Lister(library.path)
    try:
        assert holder.stdout.readline().strip() == "locked"
        lister.start()
        typed = ""
        for word in [" The weir held,", " officials said", " on Tuesday."]:
            type_text(window.editor.body, word)
            typed += word
            qtbot.wait(TYPING_WAIT_MS)
        qtbot.waitUntil(lambda: window.autosaver.state == "failed", timeout=10000)
        assert window.status.save_state.text() == "Not saved yet — retrying"
        assert "another program" in window.status.save_state.toolTip()
        qtbot.waitUntil(lambda: bool(window.journal.entries()), timeout=5000)
        assert window.journal.entries()[0].fields["body"] == "Start." + typed
        type_text(window.editor.body, " More.")  # keys still reach the editor
        typed += " More."
        assert not window.autosaver.save(wait_ms=TYPING_WAIT_MS + 1)  # as switching does
        assert "another program" in window.statusBar().currentMessage()  # asked: say why
        qtbot.waitUntil(lambda: len(lister.codes) >= 2, timeout=30000)  # readers go on
        assert library.articles.get(aid).body == "Start."
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
        lister.stopping.set()
        lister.join(timeout=60)
    qtbot.waitUntil(lambda: library.articles.get(aid).body == "Start." + typed, timeout=15000)
    qtbot.waitUntil(lambda: window.status.save_state.text() == "Saved", timeout=15000)  # heard back
    assert dialogs.shown == []
    assert lister.errors == [] and set(lister.codes) == {0}
    qtbot.waitUntil(lambda: window.journal.entries() == [], timeout=5000)


def test_typing_through_imports_of_large_files_and_a_lister(qtbot, library, setup, tmp_path):
    window, aid, dialogs = setup
    paragraph = " ".join(["The river rose and the council met again to talk about it."] * 10)
    files = []
    for n in range(3):
        path = tmp_path / f"big{n}.md"
        path.write_text(f"# Big {n}\n\n" + "\n\n".join([paragraph] * 1500), encoding="utf-8")
        files.append(str(path))
    results: list[subprocess.CompletedProcess] = []
    importer = threading.Thread(target=lambda: results.extend(
        desk(library.path, "import", "--again", *files) for _ in range(2)), daemon=True)
    lister = Lister(library.path)
    importer.start()
    lister.start()
    typed = ""
    try:
        while importer.is_alive() or len(typed) < 60:
            word = f" w{len(typed)}"
            type_text(window.editor.body, word)
            typed += word
            qtbot.wait(30)
    finally:
        importer.join(timeout=120)
        lister.stopping.set()
        lister.join(timeout=60)
    assert window.autosaver.save()
    assert library.articles.get(aid).body == "Start." + typed
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert dialogs.shown == [] and lister.errors == []
    assert library.articles.count() == 1 + 6
    conn = sqlite3.connect(library.path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
