"""File ▸ Import in the window: the status bar names what was not UTF-8, and a file
imported before is asked about (Import Again / Skip / Cancel) instead of copied silently."""

from PySide6.QtWidgets import QMessageBox

from desk.gui import file_actions
from desk.operations.imports import Duplicate, ImportResult

OLD = b"Caf\xe9 reopens\n\nThe owner said \x93soon\x94 \x97 maybe.\n"


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_status_bar_names_the_encoding(window, tmp_path):
    paths = [_write(tmp_path, "old.txt", OLD), _write(tmp_path, "a.md", b"# A\n\none\n"),
             _write(tmp_path, "b.md", b"# B\n\ntwo\n")]
    ids = window.import_paths(paths)
    assert len(ids) == 3
    assert window.statusBar().currentMessage() == "Imported 3 articles (1 from Windows-1252)"
    window.open_article(ids[0])
    assert window.editor.headline.text() == "Café reopens"
    assert window.editor.body.toPlainText() == "The owner said “soon” — maybe.\n"


def _answering(monkeypatch, name):
    """QMessageBox.exec clicks the button called ``name`` (or Cancel) and records the box."""
    seen = []

    def exec_(box):
        seen.append(box)
        wanted = [b for b in box.buttons() if b.objectName() == name]
        (wanted[0] if wanted else box.button(QMessageBox.Cancel)).click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen


def test_reimport_asks_and_skip_imports_only_the_new_file(window, tmp_path, monkeypatch):
    story = _write(tmp_path, "story.md", b"# Story\n\ntext\n")
    (first,) = window.import_paths([story])
    seen = _answering(monkeypatch, "skip")
    fresh = _write(tmp_path, "fresh.md", b"# Fresh\n\nnew\n")
    ids = window.import_paths([story, fresh])
    assert len(ids) == 1 and window.library.articles.get(ids[0]).headline == "Fresh"
    (box,) = seen
    assert "already in the library" in box.text()
    assert f"article {first}, “Story”" in box.informativeText() and str(story) in box.informativeText()
    assert window.statusBar().currentMessage() == (
        "Imported 1 article; skipped 1 file already in the library")


def test_reimport_again_makes_a_new_article(window, tmp_path, monkeypatch):
    story = _write(tmp_path, "story.md", b"# Story\n\ntext\n")
    (first,) = window.import_paths([story])
    _answering(monkeypatch, "again")
    (second,) = window.import_paths([story])
    assert second != first
    assert [a.headline for a in window.library.articles.list()].count("Story") == 2


def test_reimport_cancel_imports_nothing(window, tmp_path, monkeypatch):
    story = _write(tmp_path, "story.md", b"# Story\n\ntext\n")
    window.import_paths([story])
    count = window.library.articles.count()
    _answering(monkeypatch, "cancel")
    assert window.import_paths([story, _write(tmp_path, "new.md", b"# New\n\nx\n")]) == []
    assert window.library.articles.count() == count


def test_the_question_offers_three_answers(qtbot):
    box = file_actions.reimport_question(None, [Duplicate("/a/x.md", 3, "X"),
                                                Duplicate("/a/y.md", 4, "Y")])
    labels = sorted(b.text().replace("&", "") for b in box.buttons())
    assert labels == ["Cancel", "Import Again as New Articles", "Skip Them"]
    assert box.defaultButton().objectName() == "skip"


def test_message_when_everything_was_skipped():
    result = ImportResult([], skipped=[Duplicate("/a/x.md", 3, "X")])
    assert file_actions.import_message(result) == "Skipped 1 file already in the library"
