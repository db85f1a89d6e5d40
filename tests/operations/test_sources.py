"""The source operations, in the core and run through both faces."""

import pytest
from PySide6.QtWidgets import QDialog

from desk.gui.panels.sources import SourcesPanel
from desk.gui.source_dialog import MergeDialog, SourceDialog
from desk.model import DeskError
from desk.operations import sources as ops
from desk.operations.changes import Changes
from tests.operations.faces import snapshot


@pytest.fixture
def lib(library):
    return library


def test_create_source_stores_the_card_and_each_alias_once(lib):
    result = ops.create_source(lib, name=" Maria  Lopez ", title="finance director",
                               aliases=["M. Lopez", "m. lopez", " ", "Maria Lopez", "Ms  Lopez"])
    src = lib.sources.get(result.source.id)
    assert (src.name, src.title, src.aliases) == ("Maria Lopez", "finance director",
                                                  ["M. Lopez", "Ms Lopez"])
    assert result.changes == Changes.of(sources=[src.id])


@pytest.mark.parametrize("kwargs, message", [({"name": "  "}, "needs a name"),
                                             ({"name": "X", "kind": "robot"}, "unknown source kind")])
def test_create_source_refusals_store_nothing(lib, kwargs, message):
    with pytest.raises(DeskError, match=message):
        ops.create_source(lib, **kwargs)
    assert lib.sources.list() == []


def test_update_source_diffs_the_aliases(lib):
    src = lib.sources.add("Maria Lopez", aliases=["M. Lopez", "Ms Lopez"], title="director")
    result = ops.update_source(lib, source_id=src.id, organisation="Town council",
                               aliases=["ms lopez", "Mrs Lopez"])
    got = lib.sources.get(src.id)
    assert got.aliases == ["Ms Lopez", "Mrs Lopez"]  # kept as it was written, one added
    assert (got.title, got.organisation) == ("director", "Town council")
    assert result.source == got and result.changes == Changes.of(sources=[src.id])


def test_update_source_without_aliases_leaves_them(lib):
    src = lib.sources.add("Maria Lopez", aliases=["M. Lopez"])
    ops.update_source(lib, source_id=src.id, role="spokeswoman")
    assert lib.sources.get(src.id).aliases == ["M. Lopez"]


def test_update_source_refused_changes_nothing(lib):
    src = lib.sources.add("Maria Lopez", aliases=["M. Lopez"])
    before = snapshot(lib)
    with pytest.raises(DeskError, match="needs a name"):
        ops.update_source(lib, source_id=src.id, name=" ", aliases=[])
    with pytest.raises(DeskError, match="unknown source kind"):
        ops.update_source(lib, source_id=src.id, kind="robot", aliases=[])
    assert snapshot(lib) == before


def test_add_and_remove_aliases(lib):
    src = lib.sources.add("Maria Lopez")
    assert ops.add_aliases(lib, source_id=src.id, aliases=["M. Lopez", "maria lopez"]).source.aliases \
        == ["M. Lopez"]
    with pytest.raises(DeskError, match="no alias 'Ms Lopez'"):
        ops.remove_aliases(lib, source_id=src.id, aliases=["m. lopez", "Ms Lopez"])
    assert lib.sources.get(src.id).aliases == ["M. Lopez"]  # nothing removed on refusal
    assert ops.remove_aliases(lib, source_id=src.id, aliases=["m. lopez"]).source.aliases == []


def test_merge_moves_quotations_and_material_and_says_so(lib):
    keep = lib.sources.add("Maria Lopez")
    other = lib.sources.add("M. Lopez", organisation="Town council")
    aid = lib.articles.create(headline="Library", body="x").id
    qid = lib.quotes.add(aid, "We cannot", source_id=other.id, start=0, end=5).id
    mid = lib.materials.add("We cannot keep paying.", source_id=other.id).id
    result = ops.merge_sources(lib, keep_id=keep.id, other_id=other.id)
    assert result.source.aliases == ["M. Lopez"] and result.source.organisation == "Town council"
    assert lib.quotes.get(qid).source_id == keep.id and lib.materials.get(mid).source_id == keep.id
    assert result.changes == Changes.of(sources=[keep.id, other.id], quotes=[qid], materials=[mid])


def test_merge_with_itself_is_refused(lib):
    src = lib.sources.add("Maria Lopez")
    with pytest.raises(DeskError, match="itself"):
        ops.merge_sources(lib, keep_id=src.id, other_id=src.id)
    assert [s.id for s in lib.sources.list()] == [src.id]


def test_delete_source_untags_its_quotations(lib):
    src = lib.sources.add("Maria Lopez")
    aid = lib.articles.create(headline="Library", body="x").id
    qid = lib.quotes.add(aid, "We cannot", source_id=src.id, start=0, end=5).id
    result = ops.delete_source(lib, source_id=src.id)
    assert lib.sources.list() == [] and lib.quotes.get(qid).source_id is None
    assert result.changes == Changes.of(sources=[src.id], quotes=[qid])


# -- both faces ------------------------------------------------------------------------------
def fake_exec(fill):
    def run(dialog):
        fill(dialog)
        dialog.accept()
        return dialog.result()
    return run


def maria(lib):
    src = lib.sources.add("Maria Lopez", aliases=["M. Lopez"])
    other = lib.sources.add("Ms Lopez", organisation="Town council")
    aid = lib.articles.create(headline="Library", body="x").id
    lib.quotes.add(aid, "We cannot", source_id=other.id, start=0, end=5)
    return src.id, other.id


def panel(qtbot, t):
    p = SourcesPanel(t.window, runner=t.runner)
    qtbot.addWidget(p)
    return p


def test_create_source_faces(qtbot, twins, capsys, monkeypatch):
    t = twins(maria)
    t.cli(capsys, "sources", "add", "Tom Hardy", "--organisation", "Parents' group",
          "--alias", "Tommy Hardy", "--alias", "T. Hardy")
    monkeypatch.setattr(SourceDialog, "exec", fake_exec(lambda d: (
        d.name.setText("Tom Hardy"), d.organisation.setText("Parents' group"),
        d.aliases.setText("Tommy Hardy, T. Hardy"))))
    with qtbot.waitSignal(t.runner.changed):
        panel(qtbot, t).add_button.click()
    state = t.assert_same()
    assert ("Tom Hardy", ["Tommy Hardy", "T. Hardy"]) in [(s["name"], s["aliases"]) for s in state["sources"]]


def test_update_source_faces(qtbot, twins, capsys, monkeypatch):
    t = twins(maria)
    keep, _other = t.ids
    t.cli(capsys, "sources", "edit", str(keep), "--title", "finance director",
          "--alias", "Mrs Lopez")
    p = panel(qtbot, t)
    p.select_ids([keep])
    monkeypatch.setattr(SourceDialog, "exec", fake_exec(lambda d: (
        d.title.setText("finance director"), d.aliases.setText("Mrs Lopez"))))
    p.edit_button.click()
    t.assert_same()
    assert t.window.sources.get(keep).aliases == ["Mrs Lopez"]


def test_add_alias_faces(qtbot, twins, capsys, monkeypatch):
    t = twins(maria)
    keep, _other = t.ids
    t.cli(capsys, "sources", "alias", str(keep), "Maria L.")
    p = panel(qtbot, t)
    p.select_ids([keep])
    monkeypatch.setattr(SourceDialog, "exec", fake_exec(
        lambda d: d.aliases.setText(d.aliases.text() + ", Maria L.")))
    p.edit_button.click()
    t.assert_same()
    assert t.window.sources.get(keep).aliases == ["M. Lopez", "Maria L."]


def test_merge_sources_faces(qtbot, twins, capsys, monkeypatch):
    t = twins(maria)
    keep, other = t.ids
    t.cli(capsys, "sources", "merge", str(keep), str(other))
    p = panel(qtbot, t)
    p.select_ids([keep, other])
    monkeypatch.setattr(MergeDialog, "exec", fake_exec(
        lambda d: (d.keep_first if d.first.id == keep else d.keep_second).setChecked(True)))
    with qtbot.waitSignal(t.runner.changed) as changed:
        p.merge_button.click()
    assert changed.args[0].sources == {keep, other}
    state = t.assert_same()
    assert [s["id"] for s in state["sources"]] == [keep]
    assert {q["source_id"] for q in state["quotes"]} == {keep}


def test_a_refused_card_keeps_the_dialog_open_and_stores_nothing(qtbot, twins, monkeypatch):
    shown = []
    monkeypatch.setattr("desk.gui.dialogs.QMessageBox.warning", lambda *a: shown.append(a[2]))
    t = twins(maria)
    before = snapshot(t.window)
    d = SourceDialog(t.window, t.ids[0], runner=t.runner)
    qtbot.addWidget(d)
    d.name.setText("  ")
    d.accept()
    assert d.result() != QDialog.Accepted and shown == []  # said in the dialog instead
    assert d.error.text() == "A source needs a name" and not d.error.isHidden()
    assert snapshot(t.window) == before


@pytest.mark.parametrize("make", [
    lambda lib, carter: ops.add_aliases(lib, source_id=carter, aliases=["Mayor Ruiz"]),
    lambda lib, carter: ops.update_source(lib, source_id=carter, aliases=["J. C.", "mayor ruiz"]),
    lambda lib, carter: ops.create_source(lib, name="Jo Carter", aliases=["Jane Ruiz"]),
])
def test_an_alias_that_names_another_source_is_refused(lib, make):
    ruiz = ops.create_source(lib, name="Jane Ruiz", aliases=["Mayor Ruiz"]).source
    carter = ops.create_source(lib, name="John Carter").source
    before = [(s.name, s.aliases) for s in lib.sources.list()]
    with pytest.raises(DeskError, match=rf"already a name of Jane Ruiz \(source {ruiz.id}\)"):
        make(lib, carter.id)
    assert [(s.name, s.aliases) for s in lib.sources.list()] == before


@pytest.mark.parametrize("name, message", [
    ("Maria Lopez", "already a source named “Maria Lopez”"),
    ("maria  LOPEZ", "already a source named “maria LOPEZ”"),
    ("M. Lopez", "already a source that goes by “M. Lopez”: Maria Lopez"),
])
def test_a_new_source_cannot_take_another_sources_name(lib, name, message):
    ops.create_source(lib, name="Maria Lopez", aliases=["M. Lopez"])
    with pytest.raises(DeskError, match=message):
        ops.create_source(lib, name=name)
    assert [s.name for s in lib.sources.list()] == ["Maria Lopez"]


def test_a_rename_cannot_take_another_sources_name_but_may_keep_its_own(lib):
    maria = ops.create_source(lib, name="Maria Lopez").source
    tom = ops.create_source(lib, name="Tom Hardy").source
    with pytest.raises(DeskError, match="already a source named “Maria Lopez”"):
        ops.update_source(lib, source_id=tom.id, name="Maria Lopez")
    assert lib.sources.get(tom.id).name == "Tom Hardy"
    assert ops.update_source(lib, source_id=maria.id, name="maria lopez").source.name == "maria lopez"
