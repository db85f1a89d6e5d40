"""At start, text a stopped desk left in the journal: Recover or Discard."""

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from desk.gui import recovery
from desk.journal import Journal
from desk.storage.edits import text_of
from tests.gui.shell_helpers import close_window, make_window


@pytest.fixture
def dead_journal(library, tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return Journal(library.path, tmp_path / "journal", pid=proc.pid)


@pytest.fixture
def window(qtbot, library, tmp_path):
    w = make_window(qtbot, library, tmp_path / "s.ini", open_last=False,
                    journal=Journal(library.path, tmp_path / "journal"))
    yield w
    close_window(w)


def entry_for(journal, article, body):
    fields = {**text_of(article), "body": body}
    journal.write(article.id, fields, text_of(article))


def test_discard_removes_the_entry_and_leaves_the_article(window, library, dead_journal):
    a = library.articles.create(headline="Weir", body="Stored.")
    entry_for(dead_journal, a, "Unsaved.")
    assert window.offer_recovery(lambda *args: False) == []
    assert library.articles.get(a.id).body == "Stored."
    assert window.journal.pending() == [] and library.revisions.list(a.id) == []


def test_an_entry_the_library_already_holds_is_removed_without_asking(window, library,
                                                                     dead_journal):
    a = library.articles.create(headline="Weir", body="Stored.")
    entry_for(dead_journal, a, "Stored.")
    assert window.offer_recovery(lambda *args: pytest.fail("asked")) == []
    assert window.journal.pending() == []


def test_a_recovered_entry_for_a_deleted_article_comes_back_as_a_new_one(window, library,
                                                                        dead_journal):
    a = library.articles.create(headline="Weir", body="Stored.")
    entry_for(dead_journal, a, "Unsaved.")
    library.articles.trash(a.id)
    library.articles.purge(a.id)
    [new_id] = window.offer_recovery(lambda *args: True)
    assert library.articles.get(new_id).body == "Unsaved."
    assert library.articles.get(new_id).headline == "Weir (recovered)"


def test_two_entries_the_second_is_saved_with_the_library_version_kept(window, library,
                                                                       dead_journal):
    a = library.articles.create(headline="A", body="Stored A.")
    b = library.articles.create(headline="B", body="Stored B.")
    entry_for(dead_journal, a, "Unsaved A.")
    entry_for(dead_journal, b, "Unsaved B.")
    recovered = window.offer_recovery(lambda *args: True)
    assert sorted(recovered) == sorted([a.id, b.id])
    shown, other = recovered
    other_article = library.articles.get(other)
    assert other_article.body.startswith("Unsaved")
    assert [r.body for r in library.revisions.list(other)][0].startswith("Stored")
    assert window.editor.article_id == shown
    assert window.editor.body.toPlainText().startswith("Unsaved")


def test_the_question_names_the_article_and_offers_recover_and_discard(qtbot, monkeypatch,
                                                                       dead_journal, library):
    a = library.articles.create(headline="Weir", body="Stored.")
    entry_for(dead_journal, a, "Unsaved words here.")
    [entry] = dead_journal.entries()
    seen = {}

    def fake_exec(box):
        seen["text"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        box.buttons()[0].click()  # clicking Recover
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert recovery.ask(None, entry, "Weir") is True
    assert "Weir" in seen["text"] and "3 words" in seen["text"]
    assert seen["buttons"] == ["Recover", "Discard"]
