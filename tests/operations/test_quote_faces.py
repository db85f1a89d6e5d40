"""Each quotation operation run once through the CLI and once through the window part that
offers it (editor menu, review queue, review dialog), on twin libraries: the same state."""

import pytest
from PySide6.QtWidgets import QDialog

from desk.gui import verify_confirm
from desk.gui.editor_menu import EditorMenu
from desk.gui.panels.review_queue import ReviewQueuePanel
from desk.gui.review_dialog import ReviewDialog
from desk.review.reattach import sync_quotes
from tests.gui.live_helpers import warm_spelling
from tests.operations.faces import editor_menu, menu_action

HARDY = "“We are ready for the vote,” said Tom Hardy, a parent.\n"
UNATTRIBUTED = "The plan is dead.\n\n“We should never have approved it, and it will cost us all.”\n"
SINISTER = "“The regime has sinister plans for the region,” said Saeed Khatibzadeh.\n"
TRANSCRIPT = "KHATIBZADEH: The regime has malign plans for the region. Next question."


@pytest.fixture(autouse=True, scope="module")
def _warm():
    warm_spelling()


def article_with(body, *sources):
    """A twin set-up: the sources, then one article with ``body`` and its quotation rows."""
    def setup(lib):
        ids = [lib.sources.add(name).id for name in sources]
        aid = lib.articles.create(headline="Test", body=body).id
        (row,) = sync_quotes(lib, aid)
        return aid, row.id, *ids
    return setup


def with_material(lib):
    src = lib.sources.add("Saeed Khatibzadeh").id
    aid = lib.articles.create(headline="Talks", body=SINISTER).id
    (row,) = sync_quotes(lib, aid)
    mid = lib.materials.add(TRANSCRIPT, title="Briefing", source_id=src).id
    lib.quotes.update(row.id, source_id=src, status="disputed")
    return aid, row.id, src, mid


def queue(qtbot, t, quote_id):
    p = ReviewQueuePanel(t.window, runner=t.runner)
    qtbot.addWidget(p)
    p.cursor.set_filters(status=("unverified", "disputed"))
    p.cursor.select(quote_id)
    return p


@pytest.mark.parametrize("confirmed", [True, False])
def test_assign_source_faces(qtbot, twins, capsys, monkeypatch, confirmed):
    t = twins(article_with(HARDY, "Thomas Hardy"))
    aid, qid, src = t.ids
    t.cli(capsys, "quotes", "tag", str(qid), "--source", str(src), *(["--alias"] if confirmed else []))
    monkeypatch.setattr(EditorMenu, "confirm_alias", lambda self, name, source: confirmed)
    menu_action(editor_menu(qtbot, t, aid), 5, "Thomas Hardy")
    state = t.assert_same()
    speaker, aliases = ("Tom Hardy", ["Tom Hardy"]) if confirmed else ("Thomas Hardy", [])
    (quote,) = state["quotes"]
    assert (quote["source_id"], quote["speaker"], quote["assigned"], quote["reviewed"]) == \
        (src, speaker, 1, True)
    assert state["sources"][0]["aliases"] == aliases


def test_set_speaker_faces(qtbot, twins, capsys, monkeypatch):
    t = twins(article_with(UNATTRIBUTED))
    aid, qid = t.ids
    t.cli(capsys, "quotes", "tag", str(qid), "--speaker", "Ann Lee")
    monkeypatch.setattr(EditorMenu, "ask_speaker", lambda self, q: self.set_speaker(q, "Ann Lee"))
    menu_action(editor_menu(qtbot, t, aid), UNATTRIBUTED.index("never"), "Set speaker…")
    (quote,) = t.assert_same()["quotes"]
    assert (quote["source_id"], quote["speaker"], quote["assigned"]) == (None, "Ann Lee", 1)


def test_create_source_from_speaker_faces(qtbot, twins, capsys):
    t = twins(article_with(HARDY))
    aid, qid = t.ids
    src = t.cli(capsys, "sources", "add", "Tom Hardy").strip()
    t.cli(capsys, "quotes", "tag", str(qid), "--source", src)
    menu_action(editor_menu(qtbot, t, aid), 5, "Create source “Tom Hardy”")
    state = t.assert_same()
    assert state["quotes"][0]["source_id"] == int(src) and state["sources"][0]["name"] == "Tom Hardy"


def test_mark_not_a_quote_faces(qtbot, twins, capsys):
    t = twins(article_with(UNATTRIBUTED))
    aid, qid = t.ids
    t.cli(capsys, "quotes", "status", str(qid), "not-a-quote")
    menu_action(editor_menu(qtbot, t, aid), UNATTRIBUTED.index("never"), "Mark as not a quotation")
    assert t.assert_same()["quotes"][0]["status"] == "not-a-quote"


def test_dispute_faces(qtbot, twins, capsys):
    t = twins(article_with(SINISTER, "Saeed Khatibzadeh"))
    _aid, qid, _src = t.ids
    t.cli(capsys, "quotes", "status", str(qid), "disputed")
    with qtbot.waitSignal(t.runner.changed):
        queue(qtbot, t, qid).dispute()
    assert t.assert_same()["quotes"][0]["status"] == "disputed"


def test_verify_anyway_faces(qtbot, twins, capsys, monkeypatch):
    t = twins(with_material)
    _aid, qid, _src, mid = t.ids
    t.cli(capsys, "quotes", "verify", str(qid), "--force")
    monkeypatch.setattr(verify_confirm, "confirm_verify_anyway", lambda parent, exc: True)
    queue(qtbot, t, qid).verify()
    (quote,) = t.assert_same()["quotes"]
    assert (quote["status"], quote["verified_material_id"]) == ("verified", mid)
    assert "malign" in quote["verified_against"]


def test_verify_from_material_faces(qtbot, twins, capsys):
    t = twins(with_material)
    _aid, qid, _src, mid = t.ids
    from desk.cli import main

    assert main(["--db", str(t.cli_path), "quotes", "verify", str(qid), "--material-id", str(mid)]) == 1
    capsys.readouterr()  # the words differ: the original is recorded, exit code 1
    d = ReviewDialog(t.window, qid, runner=t.runner)
    qtbot.addWidget(d)
    d.find_in_material()
    d.apply_passage()
    (quote,) = t.assert_same()["quotes"]
    assert "malign" in quote["original"] and quote["origin_ref"].startswith(f"material {mid}")


def test_tag_faces(qtbot, twins, capsys):
    t = twins(article_with(HARDY, "Thomas Hardy"))  # not the detected speaker's source yet
    _aid, qid, src = t.ids
    t.cli(capsys, "quotes", "tag", str(qid), "--source", str(src), "--origin", "interview",
          "--ref", "tape 2", "--note", "check the date")
    d = ReviewDialog(t.window, qid, runner=t.runner)
    qtbot.addWidget(d)
    d.source.setCurrentIndex(d.source.findData(src))
    d.origin.setCurrentIndex(d.origin.findData("interview"))
    d.origin_ref.setText("tape 2")
    d.note.setPlainText("check the date")
    d.accept()
    assert QDialog.result(d) == QDialog.Accepted  # (d.result is the material pane)
    (quote,) = t.assert_same()["quotes"]
    assert {k: quote[k] for k in ("source_id", "speaker", "origin", "origin_ref", "note",
                                  "assigned")} == \
        {"source_id": src, "speaker": "Thomas Hardy", "origin": "interview",
         "origin_ref": "tape 2", "note": "check the date", "assigned": 1}
