"""Sources panel: list, add, edit, merge, and the articles that quote a source."""

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desk.gui import material_attach
from desk.gui.op_runner import OperationRunner
from desk.gui.panels.sources import ID_ROLE, SourcesPanel
from desk.gui.source_dialog import MergeDialog, SourceDialog
from tests.gui.material_helpers import drop_files
from tests.gui.shell_helpers import Dialogs


def panel(qtbot, library):
    p = SourcesPanel(library, runner=OperationRunner(library))
    qtbot.addWidget(p)
    return p


def names(p):
    return [p.table.topLevelItem(i).text(0) for i in range(p.table.topLevelItemCount())]


def fake_exec(fill):
    """Stand in for the modal loop: fill the fields, press the default button."""
    def run(dialog):
        fill(dialog)
        dialog.accept()
        return dialog.result()
    return run


def test_lists_sources_with_their_fields(qtbot, library):
    library.sources.add("Maria Lopez", aliases=["M. Lopez"], title="finance director",
                        organisation="Town council", contact="0123", notes="Prefers email")
    p = panel(qtbot, library)
    item = p.table.topLevelItem(0)
    assert [item.text(c) for c in range(6)] == ["Maria Lopez", "finance director", "Town council",
                                                "M. Lopez", "0123", "Prefers email"]


def test_add_source(qtbot, library, monkeypatch):
    p = panel(qtbot, library)
    monkeypatch.setattr(SourceDialog, "exec", fake_exec(lambda d: (
        d.name.setText("Tom Hardy"), d.organisation.setText("Parents' group"),
        d.aliases.setText("Tommy Hardy, T. Hardy"))))
    with qtbot.waitSignal(p.sources_changed):
        p.add_button.click()
    src = library.sources.find("Tom Hardy")
    assert src.organisation == "Parents' group" and src.aliases == ["Tommy Hardy", "T. Hardy"]
    assert names(p) == ["Tom Hardy"] and p.selected_ids() == [src.id]


def test_add_without_a_name_keeps_the_dialog_open(qtbot, library, monkeypatch):
    monkeypatch.setattr("desk.gui.dialogs.QMessageBox.warning", lambda *a: None)
    d = SourceDialog(library, runner=OperationRunner(library))
    qtbot.addWidget(d)
    d.accept()
    assert d.result() != QDialog.Accepted and library.sources.list() == []


def test_edit_source_changes_fields_and_aliases(qtbot, library, monkeypatch):
    src = library.sources.add("Maria Lopez", aliases=["M. Lopez"])
    p = panel(qtbot, library)
    p.select_ids([src.id])
    monkeypatch.setattr(SourceDialog, "exec", fake_exec(lambda d: (
        d.title.setText("finance director"), d.aliases.setText("Ms Lopez"))))
    p.edit_button.click()
    got = library.sources.get(src.id)
    assert got.title == "finance director" and got.aliases == ["Ms Lopez"]
    assert p.table.topLevelItem(0).text(1) == "finance director"


def test_merge_two_sources(qtbot, library, monkeypatch):
    keep = library.sources.add("Maria Lopez")
    other = library.sources.add("M. Lopez", organisation="Town council")
    aid = library.articles.create(headline="Library", body="x").id
    library.quotes.add(aid, "We cannot", source_id=other.id, start=0, end=5)
    p = panel(qtbot, library)
    p.select_ids([keep.id, other.id])
    assert p.merge_button.isEnabled()
    monkeypatch.setattr(MergeDialog, "exec", fake_exec(
        lambda d: (d.keep_first if d.first.id == keep.id else d.keep_second).setChecked(True)))
    with qtbot.waitSignal(p.sources_changed):
        p.merge_button.click()
    merged = library.sources.get(keep.id)
    assert names(p) == ["Maria Lopez"] and "M. Lopez" in merged.aliases
    assert merged.organisation == "Town council"
    assert [q.source_id for q in library.quotes.list(article_id=aid)] == [keep.id]


def test_merge_needs_two_selected(qtbot, library):
    library.sources.add("Maria Lopez")
    p = panel(qtbot, library)
    p.select_ids([library.sources.list()[0].id])
    assert not p.merge_button.isEnabled()


def test_quoted_in_lists_articles_and_opens_one(qtbot, library):
    src = library.sources.add("Maria Lopez")
    aid = library.articles.create(headline="Library to close on Sundays", body="x").id
    library.quotes.add(aid, "We cannot", source_id=src.id, start=0, end=5)
    p = panel(qtbot, library)
    p.select_ids([src.id])
    assert p.quoted_in.item(0).text() == "Library to close on Sundays — 1 quotation"
    with qtbot.waitSignal(p.open_article) as blocker:
        p.quoted_in.itemActivated.emit(p.quoted_in.item(0))
    assert blocker.args == [aid]


def test_search_filters_the_list(qtbot, library):
    library.sources.add("Maria Lopez")
    library.sources.add("Tom Hardy")
    p = panel(qtbot, library)
    p.search.setText("Hardy")
    p.refresh()
    assert names(p) == ["Tom Hardy"]


def _source_with_many_aliases(library):
    library.sources.add("Maria Lopez", aliases=["M. Lopez", "Ms Lopez", "Mrs Lopez"],
                        title="finance director", organisation="Town council of Springfield",
                        contact="0123 456 789", notes="Prefers email; do not call before 9")


def test_aliases_column_shows_its_text_when_there_is_room(qtbot, library):
    _source_with_many_aliases(library)
    p = panel(qtbot, library)
    p.resize(1000, 300)
    p.show()
    qtbot.waitUntil(lambda: p.table.viewport().width() > 900)
    fit = p.table.sizeHintForColumn(3)
    assert p.table.columnWidth(3) >= fit
    assert p.table.topLevelItem(0).toolTip(3) == "M. Lopez\nMs Lopez\nMrs Lopez"


def test_columns_fit_a_narrow_dock_without_hiding_aliases(qtbot, library):
    _source_with_many_aliases(library)
    p = panel(qtbot, library)
    p.resize(450, 300)
    p.show()
    qtbot.waitUntil(lambda: p.table.viewport().width() < 450)
    header = p.table.header()
    assert sum(header.sectionSize(c) for c in range(6)) <= p.table.viewport().width()
    assert header.sectionSize(3) >= max(header.sectionSize(c) for c in (1, 2, 4, 5))


# -- source material ---------------------------------------------------------------------
TRANSCRIPT = "LOPEZ: We cannot keep paying for empty rooms. That is the whole of it."


@pytest.fixture
def transcript(tmp_path):
    path = tmp_path / "lopez-interview.md"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    return path


def materials_shown(p):
    return [p.materials.item(i).text() for i in range(p.materials.count())]


def test_attach_button_attaches_to_the_selected_source(qtbot, library, transcript,
                                                       monkeypatch):
    src = library.sources.add("Maria Lopez")
    p = panel(qtbot, library)
    assert not p.attach_button.isEnabled()  # nothing selected yet
    p.select_ids([src.id])
    monkeypatch.setattr(material_attach, "choose_material_files", lambda *a: [str(transcript)])
    p.attach_button.click()
    (m,) = library.materials.list(source_id=src.id)
    assert m.title == "lopez-interview" and m.text == TRANSCRIPT
    assert materials_shown(p) == [f"lopez-interview ({len(TRANSCRIPT.split())} words)"]
    assert p.material_label.text() == "Material (1)"


def test_files_dropped_on_a_row_go_to_that_source(qtbot, library, transcript):
    library.sources.add("Maria Lopez")
    tom = library.sources.add("Tom Hardy")
    p = panel(qtbot, library)
    p.resize(600, 400)
    p.show()
    qtbot.waitExposed(p)
    row = next(p.table.topLevelItem(i) for i in range(2)
               if p.table.topLevelItem(i).data(0, ID_ROLE) == tom.id)
    at = p.table.visualItemRect(row).center()
    assert drop_files(p.table.viewport(), transcript, pos=at)
    (m,) = library.materials.list()
    assert m.source_id == tom.id
    assert p.selected_ids() == [tom.id] and materials_shown(p) == [f"lopez-interview ({len(TRANSCRIPT.split())} words)"]


def test_files_dropped_on_the_panel_go_to_the_selected_source(qtbot, library, transcript):
    src = library.sources.add("Maria Lopez")
    p = panel(qtbot, library)
    p.select_ids([src.id])
    assert drop_files(p, transcript)
    assert [m.source_id for m in library.materials.list()] == [src.id]
    assert len(materials_shown(p)) == 1


def test_a_drop_without_a_source_chosen_asks_for_one(qtbot, library, transcript, monkeypatch):
    library.sources.add("Maria Lopez")
    shown = Dialogs(monkeypatch, answer=QMessageBox.Ok)
    p = panel(qtbot, library)
    drop_files(p, transcript)
    assert library.materials.list() == []
    assert "Select one source" in shown.texts("information")[0]


def test_an_unreadable_file_attaches_nothing(qtbot, library, tmp_path, monkeypatch):
    src = library.sources.add("Maria Lopez")
    shown = Dialogs(monkeypatch, answer=QMessageBox.Ok)
    bad = tmp_path / "notes.docx"
    bad.write_bytes(b"not a zip file at all")
    p = panel(qtbot, library)
    p.select_ids([src.id])
    drop_files(p, bad)
    assert library.materials.list() == []
    assert "notes.docx" in shown.texts("warning")[0]
    assert p.material_label.text().startswith("Material: none yet")


# -- "Quoted in" in the window ------------------------------------------------------------
def quoted_count(window, name) -> str:
    p = window.panels["sources"]
    p.select_ids([window.library.sources.find(name).id])
    return p.quoted_label.text()


def test_quoted_in_counts_the_open_article_before_any_edit(qtbot, window):
    """The welcome article was never saved in a window: its quotations count at once."""
    qtbot.waitUntil(lambda: window.report is not None)
    qtbot.waitUntil(lambda: quoted_count(window, "Ruth Dalton").startswith("Quoted in 1 article"))
    assert window.panels["sources"].quoted_in.item(0).text().endswith("— 3 quotations")


def test_a_source_made_from_a_speaker_counts_all_their_quotations(qtbot, window):
    body = ("“We will rebuild the bridge,” said Anna Berg.\n\n"
            "“It takes time,” Berg added.\n")
    aid = window.library.articles.create(headline="Bridge", body=body).id
    window.library_panel.reload()
    with qtbot.waitSignal(window.checker.report_ready, timeout=20000):
        window.open_article(aid)
    (first, _second) = [q for q in window.checker.report.quotes if q.speaker]
    window.editor_menu.create_source_from_speaker(first)
    qtbot.waitUntil(lambda: quoted_count(window, "Anna Berg").startswith("Quoted in 1 article"))
    p = window.panels["sources"]
    qtbot.waitUntil(lambda: p.quoted_in.count() == 1
                    and p.quoted_in.item(0).text() == "Bridge — 2 quotations")
