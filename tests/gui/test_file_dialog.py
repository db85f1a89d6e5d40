"""File dialogs never open the library file: closing any descriptor of it would drop the
window's SQLite locks, and the next `desk` command would then delete the WAL under it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from desk.gui import dialogs, file_dialog
from tests.gui.shell_helpers import close_window, make_window, move_to_end, type_text

ROOT = Path(__file__).resolve().parents[2]
SHARED_FIRST = 0x40000000 + 2  # SQLite's shared-lock bytes in the database file (os_unix.c)
SHARED_SIZE = 510


def window_holds_its_shared_lock(db: Path) -> bool:
    """Asked from a second process: can it lock the bytes the window's reader lock covers?
    (Run in a child, because a POSIX lock test in the same process always succeeds.)"""
    probe = (
        "import fcntl, os, sys\n"
        "fd = os.open(sys.argv[1], os.O_RDWR)\n"
        "try:\n"
        f"    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, {SHARED_SIZE}, {SHARED_FIRST})\n"
        "except OSError:\n"
        "    print('held')\n"
        "else:\n"
        "    print('free')\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(db)], capture_output=True,
                         text=True, check=True).stdout.strip()
    return out == "held"


def desk_cli(db: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DESK_DB"}
    return subprocess.run([sys.executable, "-m", "desk", "--db", str(db), *argv], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)


def show_dialog_on(qtbot, dlg: QFileDialog, folder: Path) -> None:
    """Show a dialog and let it list the folder fully (types, icons, painting)."""
    source = dlg.proxyModel().sourceModel() if dlg.proxyModel() else None
    dlg.setViewMode(QFileDialog.Detail)  # the Type column: where Qt sniffs file contents
    dlg.show()
    qtbot.waitExposed(dlg)
    if source is not None:
        qtbot.waitUntil(lambda: source.rowCount(source.index(str(folder))) > 0, timeout=5000)
    for _ in range(20):
        QApplication.processEvents()
    dlg.grab()  # paint every visible row


@pytest.fixture
def folder(library, tmp_path):
    (tmp_path / "story.md").write_text("# A story\n\nText.\n", encoding="utf-8")
    library.articles.create(headline="Open", body="Body.")
    return tmp_path


def listed_names(dlg: QFileDialog, folder: Path) -> set[str]:
    proxy = dlg.proxyModel()
    source = proxy.sourceModel()
    root = proxy.mapFromSource(source.index(str(folder)))
    return {proxy.index(r, 0, root).data() for r in range(proxy.rowCount(root))}


def test_the_dialog_lists_articles_but_not_the_library_files(qtbot, library, folder):
    os.link(library.path, folder / "innocent.txt")  # the library under another name
    dlg = file_dialog.make_dialog(None, "Import", str(folder), "All files (*)",
                                  library_path=library.path)
    qtbot.addWidget(dlg)
    show_dialog_on(qtbot, dlg, folder)
    names = listed_names(dlg, folder)
    assert "story.md" in names
    assert not {"library.db", "library.db-wal", "library.db-shm", "innocent.txt"} & names


def test_showing_the_import_dialog_on_the_library_folder_keeps_the_lock(qtbot, library,
                                                                         folder):
    assert window_holds_its_shared_lock(library.path)  # the premise: SQLite's own lock
    dlg = file_dialog.make_dialog(None, "Import", str(folder), dialogs.IMPORT_FILTER,
                                  library_path=library.path)
    qtbot.addWidget(dlg)
    dlg.selectNameFilter("All files (*)")
    show_dialog_on(qtbot, dlg, folder)
    dlg.close()
    assert window_holds_its_shared_lock(library.path)


def test_the_backup_dialog_keeps_the_lock(qtbot, library, folder):
    dlg = file_dialog.make_dialog(None, "Back up", str(folder / "backup.db"),
                                  "desk library (*.db);;All files (*)",
                                  library_path=library.path, save=True)
    qtbot.addWidget(dlg)
    show_dialog_on(qtbot, dlg, folder)
    dlg.close()
    assert window_holds_its_shared_lock(library.path)


def test_cli_writes_after_a_dialog_survive_the_window(qtbot, library, folder, tmp_path):
    """The reported loss: a dialog on the library folder, then `desk sources add` in a
    terminal (which, finding no lock, deletes the WAL under the window), typing in the
    window, another `desk sources add`, quit. Without the fix the window saw stale data and
    its last checkpoint wrote the second source away, integrity_check still "ok"."""
    window = make_window(qtbot, library, tmp_path / "settings.ini")
    dlg = file_dialog.make_dialog(window, "Import", str(folder), dialogs.IMPORT_FILTER,
                                  library_path=library.path)
    dlg.selectNameFilter("All files (*)")
    show_dialog_on(qtbot, dlg, folder)
    dlg.close()

    for name, typed in (("Ada Lovelace", " One."), ("Grace Hopper", " Two.")):
        added = desk_cli(library.path, "sources", "add", name)
        assert added.returncode == 0, added.stderr
        move_to_end(window.editor.body)
        type_text(window.editor.body, typed)
        assert window.autosaver.save()
    assert {"Ada Lovelace", "Grace Hopper"} <= {s.name for s in library.sources.list()}
    close_window(window)
    library.close()

    conn = sqlite3.connect(library.path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = {r[0] for r in conn.execute("SELECT name FROM sources")}
        bodies = [r[0] for r in conn.execute("SELECT body FROM articles")]
    finally:
        conn.close()
    assert {"Ada Lovelace", "Grace Hopper"} <= names
    assert "Body. One. Two." in bodies


def test_a_chosen_library_file_is_never_returned(qtbot, library, folder, monkeypatch):
    monkeypatch.setattr(QFileDialog, "exec", lambda self: QFileDialog.Accepted)
    monkeypatch.setattr(QFileDialog, "selectedFiles",
                        lambda self: [str(library.path), str(folder / "story.md")])
    chosen = file_dialog.open_file_names(None, "Import", str(folder), "All files (*)",
                                         library_path=library.path)
    assert chosen == [str(folder / "story.md")]


@pytest.mark.parametrize("name", ["library.db", "library.db-wal", "library.db-shm",
                                  "other.db-journal", "x-wal"])
def test_library_and_sidecar_files_are_recognised_by_name(tmp_path, name):
    assert file_dialog.is_library_file(tmp_path / name, tmp_path / "library.db")


def test_a_hard_link_to_the_library_is_recognised(library, tmp_path):
    link = tmp_path / "innocent.txt"
    os.link(library.path, link)
    assert file_dialog.is_library_file(link, library.path)
    assert not file_dialog.is_library_file(tmp_path / "story.md", library.path)



def test_dropping_the_library_file_imports_nothing_and_keeps_the_lock(qtbot, library, folder,
                                                                      tmp_path):
    window = make_window(qtbot, library, tmp_path / "settings.ini")
    before = library.articles.count()
    assert window.import_paths([library.path, Path(str(library.path) + "-wal")]) == []
    assert library.articles.count() == before
    assert "cannot be imported" in window.statusBar().currentMessage()
    assert window_holds_its_shared_lock(library.path)
    close_window(window)


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_a_save_over_a_library_file_is_refused(qtbot, library, folder, monkeypatch, suffix):
    from tests.gui.shell_helpers import Dialogs

    shown = Dialogs(monkeypatch)
    target = str(library.path) + suffix
    monkeypatch.setattr(QFileDialog, "exec", lambda self: QFileDialog.Accepted)
    monkeypatch.setattr(QFileDialog, "selectedFiles", lambda self: [target])
    assert file_dialog.save_file_name(None, "Back up", str(folder / "b.db"), "All files (*)",
                                      library_path=library.path) is None
    assert "library's own files" in shown.texts("warning")[0]
