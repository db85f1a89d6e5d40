"""Verify in the window asks first when the evidence says different words."""

import pytest

from desk.gui import verify_confirm
from desk.gui.op_runner import OperationRunner
from desk.gui.panels.review_queue import ReviewQueuePanel
from desk.gui.review_dialog import ReviewDialog
from desk.review.reattach import sync_quotes

BODY = "“The regime has sinister plans for the region,” said Saeed Khatibzadeh.\n"
TRANSCRIPT = "KHATIBZADEH: The regime has malign plans for the region. Next question."


@pytest.fixture
def quote(library):
    src = library.sources.add("Saeed Khatibzadeh")
    aid = library.articles.create(headline="Talks", body=BODY).id
    (row,) = sync_quotes(library, aid)
    library.materials.add(TRANSCRIPT, title="Briefing", source_id=src.id)
    return library.quotes.update(row.id, source_id=src.id, status="disputed")


@pytest.fixture
def answers(monkeypatch):
    """What the editor answers to "Verify anyway?"; records what they were shown."""
    shown, replies = [], []
    monkeypatch.setattr(verify_confirm, "confirm_verify_anyway",
                        lambda parent, exc: shown.append(str(exc)) or replies.pop(0))
    return shown, replies


@pytest.mark.parametrize("reply, status", [(False, "disputed"), (True, "verified")])
def test_queue_verify_shows_the_difference_and_asks(qtbot, library, quote, answers, reply, status):
    shown, replies = answers
    replies.append(reply)
    p = ReviewQueuePanel(library, runner=OperationRunner(library))
    qtbot.addWidget(p)
    p.cursor.select(quote.id)
    p.verify()
    assert len(shown) == 1 and "“malign” in the evidence, “sinister” in the quotation" in shown[0]
    row = library.quotes.get(quote.id)
    assert row.status == status
    assert (row.verified_against is not None) == reply


def test_review_dialog_verify_asks_too(qtbot, library, quote, answers):
    shown, replies = answers
    replies.append(False)
    d = ReviewDialog(library, quote.id, runner=OperationRunner(library))
    qtbot.addWidget(d)
    d.verify_button.click()
    assert len(shown) == 1 and library.quotes.get(quote.id).status == "disputed"


def test_the_question_names_the_difference(qtbot, library, quote, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desk.review.evidence import EvidenceDiffers, evidence_for

    seen = {}

    def fake_exec(box):
        seen["text"] = box.text()
        seen["default"] = box.defaultButton().text()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    exc = EvidenceDiffers(library.quotes.get(quote.id), evidence_for(library, quote.id))
    assert verify_confirm.confirm_verify_anyway(None, exc) is False
    assert "malign" in seen["text"] and "sinister" in seen["text"] and "disputed" in seen["text"]
    assert "Cancel" in seen["default"]
