"""Review queue panel (keyboard), review dialog (find in material), status gate dialog."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desk.gui import status_gate
from desk.gui.op_runner import OperationRunner
from desk.gui.panels.review_queue import KEYS_HELP, ReviewQueuePanel
from desk.gui.review_dialog import ReviewDialog
from desk.review.reattach import sync_quotes
from tests.gui.live_helpers import warm_spelling

A = ("“We cannot keep paying for empty rooms,” said Maria Lopez.\n\n"
     "“Every pound matters this year,” said Maria Lopez.")
B = "“This is the only quiet place my children have,” said Tom Hardy."


@pytest.fixture(autouse=True, scope="module")
def _warm():
    warm_spelling()


@pytest.fixture
def lib(library):
    maria = library.sources.add("Maria Lopez")
    library.sources.add("Tom Hardy")
    a = library.articles.create(headline="Library to close", body=A).id
    b = library.articles.create(headline="Parents object", body=B).id
    sync_quotes(library, a)
    sync_quotes(library, b)
    library.ids = {"a": a, "b": b, "maria": maria.id}
    return library


def panel(qtbot, lib):
    p = ReviewQueuePanel(lib, runner=OperationRunner(lib))
    qtbot.addWidget(p)
    p.show()
    p.tree.setFocus()
    return p


def texts(p):
    return [p.tree.topLevelItem(i).text(1) for i in range(p.tree.topLevelItemCount())]


def current_text(p):
    return p.tree.currentItem().text(1)


def test_lists_unverified_quotations_of_all_articles(qtbot, lib):
    p = panel(qtbot, lib)
    assert len(texts(p)) == 3 and KEYS_HELP in p.keys.text()


def test_j_and_k_move_through_the_queue(qtbot, lib):
    p = panel(qtbot, lib)
    first = current_text(p)
    qtbot.keyClick(p.tree, Qt.Key_J)
    second = current_text(p)
    assert second != first and p.cursor.current.text.startswith(second[:20].rstrip("…"))
    qtbot.keyClick(p.tree, Qt.Key_K)
    assert current_text(p) == first


def test_down_arrow_moves_the_cursor_too(qtbot, lib):
    p = panel(qtbot, lib)
    qtbot.keyClick(p.tree, Qt.Key_Down)
    assert p.cursor.index == 1


def test_v_verifies_and_the_item_leaves_the_queue(qtbot, lib):
    p = panel(qtbot, lib)
    qid = p.cursor.current.quote_id
    qtbot.keyClick(p.tree, Qt.Key_V)
    assert lib.quotes.get(qid).status == "verified"
    assert len(texts(p)) == 2 and p.cursor.current.quote_id != qid


def test_d_disputes(qtbot, lib):
    p = panel(qtbot, lib)
    qid = p.cursor.current.quote_id
    qtbot.keyClick(p.tree, Qt.Key_D)
    assert lib.quotes.get(qid).status == "disputed"


def test_enter_opens_the_quotation(qtbot, lib):
    p = panel(qtbot, lib)
    item = p.cursor.current
    with qtbot.waitSignal(p.open_quote) as blocker:
        qtbot.keyClick(p.tree, Qt.Key_Return)
    assert blocker.args == [item.article_id, item.start, item.end]


def test_filter_by_article_and_source(qtbot, lib):
    p = panel(qtbot, lib)
    p.fill_article_filter()  # what opening the filter's list does
    p.article_filter.setCurrentIndex(p.article_filter.findData(lib.ids["b"]))
    p.article_filter.activated.emit(p.article_filter.currentIndex())
    assert len(texts(p)) == 1 and texts(p)[0].startswith("This is the only")
    p.article_filter.setCurrentIndex(0)
    p.source_filter.setCurrentIndex(p.source_filter.findData(lib.ids["maria"]))
    p.source_filter.activated.emit(p.source_filter.currentIndex())
    assert len(texts(p)) == 2


def test_filter_by_status(qtbot, lib):
    p = panel(qtbot, lib)
    qtbot.keyClick(p.tree, Qt.Key_D)
    p.status_filter.setCurrentIndex(2)  # disputed
    p.status_filter.activated.emit(2)
    assert len(texts(p)) == 1


# -- review dialog ----------------------------------------------------------------------------
def first_quote(lib):
    return [q for q in lib.quotes.list(article_id=lib.ids["a"])][0]


def test_find_in_material_identical_marks_verified(qtbot, lib):
    q = first_quote(lib)
    lib.materials.add("Interview notes. We cannot keep paying for empty rooms, she said. Then more.",
                      title="Interview", source_id=lib.ids["maria"])
    d = ReviewDialog(lib, q.id, runner=OperationRunner(lib))
    qtbot.addWidget(d)
    d.find_button.click()
    assert "Identical words" in d.result.toHtml() and d.apply_button.text() == "Mark &verified"
    d.apply_button.click()
    row = lib.quotes.get(q.id)
    assert row.status == "verified" and row.reviewed_at and d.reviewed.text().startswith("by ")


def test_find_in_material_different_records_the_original(qtbot, lib):
    q = first_quote(lib)
    lib.materials.add("Interview. We simply cannot keep paying for empty rooms forever. End.",
                      title="Interview", source_id=lib.ids["maria"])
    d = ReviewDialog(lib, q.id, runner=OperationRunner(lib))
    qtbot.addWidget(d)
    d.find_button.click()
    assert "differ" in d.result.toPlainText() and d.apply_button.text() == "Record as &original"
    assert "simply" in d.result.toPlainText()
    d.apply_button.click()
    row = lib.quotes.get(q.id)
    assert row.status != "verified" and "simply" in row.original


def test_find_without_material_says_so(qtbot, lib):
    d = ReviewDialog(lib, first_quote(lib).id, runner=OperationRunner(lib))
    qtbot.addWidget(d)
    d.find_button.click()
    assert "material" in d.result.toPlainText() and not d.apply_button.isEnabled()


def test_dialog_saves_tags(qtbot, lib):
    q = first_quote(lib)
    d = ReviewDialog(lib, q.id, runner=OperationRunner(lib))
    qtbot.addWidget(d)
    d.origin.setCurrentIndex(d.origin.findData("interview"))
    d.origin_ref.setText("call, 3 May")
    d.note.setPlainText("checked with the press office")
    d.accept()
    row = lib.quotes.get(q.id)
    assert (row.origin, row.origin_ref, row.note) == ("interview", "call, 3 May",
                                                      "checked with the press office")


def test_verify_button_fills_reviewer(qtbot, lib, monkeypatch):
    monkeypatch.setenv("DESK_REVIEWER", "Ann Lee")
    q = first_quote(lib)
    d = ReviewDialog(lib, q.id, runner=OperationRunner(lib))
    qtbot.addWidget(d)
    d.verify_button.click()
    row = lib.quotes.get(q.id)
    assert row.status == "verified" and row.reviewed_by == "Ann Lee"


# -- status gate ---------------------------------------------------------------------------------
def test_unblocked_move_goes_ahead(qtbot, lib):
    aid = lib.articles.create(headline="Plain", body="Nothing quoted here.").id
    assert status_gate.request_status_change(None, OperationRunner(lib), aid, "ready")
    assert lib.articles.get(aid).status == "ready"


def test_blocked_move_lists_reasons_and_cancel_keeps_status(qtbot, lib, monkeypatch):
    seen = {}

    def cancel(dialog):
        seen["reasons"] = [dialog.reasons.item(i).text() for i in range(dialog.reasons.count())]
        seen["override_enabled"] = dialog.override.isEnabled()
        return QDialog.Rejected
    monkeypatch.setattr(status_gate.StatusGateDialog, "exec", cancel)
    assert not status_gate.request_status_change(None, OperationRunner(lib), lib.ids["a"], "ready")
    assert lib.articles.get(lib.ids["a"]).status == "draft"
    assert any("unverified" in r for r in seen["reasons"]) and not seen["override_enabled"]


def test_blocked_move_with_a_reason_is_overridden(qtbot, lib, monkeypatch):
    def override(dialog):
        dialog.reason.setText("editor-in-chief approved")
        assert dialog.override.isEnabled()
        dialog.accept()
        return dialog.result()
    monkeypatch.setattr(status_gate.StatusGateDialog, "exec", override)
    assert status_gate.request_status_change(None, OperationRunner(lib), lib.ids["a"], "ready")
    assert lib.articles.get(lib.ids["a"]).status == "ready"
    log = lib.status_log.list(lib.ids["a"])
    assert log[-1].override_reason == "editor-in-chief approved"


def test_quotation_column_takes_the_room_in_a_narrow_dock(qtbot, lib):
    lib.articles.update(lib.ids["a"], headline="City council votes to close the central library "
                        "branch after a long and heated debate")
    p = panel(qtbot, lib)
    p.refresh()
    p.resize(360, 400)
    qtbot.waitUntil(lambda: p.tree.viewport().width() < 360)
    header = p.tree.header()
    sizes = [header.sectionSize(i) for i in range(4)]
    assert sizes[1] > sizes[2] and sizes[1] > sizes[3]
    assert sum(sizes) <= p.tree.viewport().width()


def test_long_speaker_and_headline_are_elided_with_the_full_text_in_a_tooltip(qtbot, lib):
    headline = "City council votes to close the central library branch after a long debate"
    lib.articles.update(lib.ids["a"], headline=headline)
    p = panel(qtbot, lib)
    p.refresh()
    rows = [p.tree.topLevelItem(i) for i in range(p.tree.topLevelItemCount())]
    row = next(r for r in rows if r.text(3) == headline)
    assert row.toolTip(3) == headline and row.toolTip(2) == row.text(2)
    assert p.tree.header().sectionSize(3) < p.tree.sizeHintForColumn(3)
