"""The review dialog: attaching source material by button and by drop, then finding the
quotation in it at once."""

import docx
import pytest
from PySide6.QtWidgets import QMessageBox

from desk.gui import material_attach
from desk.gui.op_runner import OperationRunner
from desk.gui.review_dialog import ReviewDialog
from desk.review.reattach import sync_quotes
from tests.gui.material_helpers import drop_files
from tests.gui.shell_helpers import Dialogs

BODY = "“We will reopen the bridge on Thursday,” said Ruth Dalton.\n"
TRANSCRIPT = "DALTON: We will reopen the bridge on Thursday. Next question, please."


@pytest.fixture
def quote(library):
    src = library.sources.add("Ruth Dalton")
    aid = library.articles.create(headline="Bridge", body=BODY).id
    (row,) = sync_quotes(library, aid)
    return library.quotes.update(row.id, source_id=src.id)


@pytest.fixture
def dialog(qtbot, library, quote):
    d = ReviewDialog(library, quote.id, runner=OperationRunner(library))
    qtbot.addWidget(d)
    return d


@pytest.fixture
def transcript(tmp_path):
    path = tmp_path / "dalton-briefing.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    return path


def test_without_material_the_dialog_says_how_to_attach_it(dialog):
    text = dialog.result.toPlainText()
    assert "Attach material…" in text and "desk material add" not in text
    dialog.find_button.click()
    assert "Attach material…" in dialog.result.toPlainText()
    assert dialog.material_list.text() == "No material attached yet."


def test_attach_button_stores_the_file_and_finds_the_quotation(dialog, library, quote,
                                                               transcript, monkeypatch):
    monkeypatch.setattr(material_attach, "choose_material_files", lambda *a: [str(transcript)])
    dialog.attach_button.click()
    (m,) = library.materials.list(source_id=quote.source_id)
    assert m.title == "dalton-briefing" and m.filename == "dalton-briefing.txt"
    assert m.text == TRANSCRIPT
    assert "dalton-briefing" in dialog.material_list.text()
    assert "Identical words" in dialog.result.toPlainText()  # found at once, no click
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    assert library.quotes.get(quote.id).status == "verified"


def test_dropping_a_docx_on_the_dialog_attaches_it(dialog, library, quote, tmp_path):
    path = tmp_path / "statement.docx"
    document = docx.Document()
    document.add_paragraph(TRANSCRIPT)
    document.save(str(path))
    assert drop_files(dialog, path)
    (m,) = library.materials.list(source_id=quote.source_id)
    assert m.filename == "statement.docx" and "reopen the bridge" in m.text
    assert "statement" in dialog.material_list.text()
    assert "Identical words" in dialog.result.toPlainText()


def test_a_quotation_without_a_source_attaches_to_its_article(qtbot, library, transcript):
    aid = library.articles.create(headline="Bridge", body=BODY).id
    (row,) = sync_quotes(library, aid)
    d = ReviewDialog(library, row.id, runner=OperationRunner(library))
    qtbot.addWidget(d)
    assert drop_files(d, transcript)
    (m,) = library.materials.list(article_id=aid)
    assert m.source_id is None and m.article_id == aid


@pytest.mark.parametrize("name, content", [("recording.mp3", b"ID3\x00"),
                                           ("empty.txt", b"   \n")])
def test_an_unsupported_or_empty_file_is_refused_with_a_dialog(dialog, library, quote,
                                                               tmp_path, monkeypatch,
                                                               name, content):
    shown = Dialogs(monkeypatch, answer=QMessageBox.Ok)
    bad = tmp_path / name
    bad.write_bytes(content)
    drop_files(dialog, bad)
    assert library.materials.list(source_id=quote.source_id) == []
    assert len(shown.texts("warning")) == 1 and name in shown.texts("warning")[0]
    assert "Nothing was attached" in shown.texts("warning")[0]


def test_one_bad_file_among_several_attaches_none(dialog, library, quote, transcript,
                                                  tmp_path, monkeypatch):
    shown = Dialogs(monkeypatch, answer=QMessageBox.Ok)
    missing = tmp_path / "gone.txt"
    drop_files(dialog, transcript, missing)
    assert library.materials.list() == []
    assert "gone.txt" in shown.texts("warning")[0]


def test_the_library_file_is_never_read_as_material(dialog, library, monkeypatch):
    shown = Dialogs(monkeypatch, answer=QMessageBox.Ok)
    drop_files(dialog, library.path)
    assert library.materials.list() == []
    assert "library's own files" in shown.texts("warning")[0]


def test_the_dialog_says_who_reviewed_and_assigned(qtbot, library, quote):
    from desk.operations import quotes as ops

    library.editor = "Ann Lee"
    ops.set_speaker(library, quote_id=quote.id, name="Ruth Dalton")
    library.editor = "Ben Ode"
    ops.dispute(library, quote_id=quote.id)
    d = ReviewDialog(library, quote.id, runner=OperationRunner(library))
    qtbot.addWidget(d)
    assert d.reviewed.text().startswith("by Ben Ode at ")
    assert d.assigned.text() == "by Ann Lee"


def test_an_assignment_from_before_names_were_kept_shows_a_dash(dialog, library, quote):
    library.quotes.update(quote.id, assigned=1, reviewed_by="", reviewed_at="2026-01-02T10:00:00")
    dialog._load(library.quotes.get(quote.id))
    assert dialog.assigned.text() == "by —" and dialog.reviewed.text().startswith("by — at")


def test_a_quotation_no_editor_assigned_says_so(dialog):
    assert dialog.assigned.text().startswith("not by an editor")
