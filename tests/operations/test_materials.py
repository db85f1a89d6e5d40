"""Attaching source material, in the core and through the CLI (the window has no button yet)."""

import pytest

from desk.model import DeskError
from desk.operations.changes import Changes
from desk.operations.materials import attach_material


def test_attach_material_to_a_source(library):
    src = library.sources.add("Saeed Khatibzadeh")
    result = attach_material(library, text="KHATIBZADEH: The regime has malign plans.",
                             title="Briefing", source_id=src.id, filename="brief.txt")
    m = library.materials.get(result.material.id)
    assert (m.source_id, m.article_id, m.title, m.filename) == (src.id, None, "Briefing", "brief.txt")
    assert result.changes == Changes.of(materials=[m.id])


@pytest.mark.parametrize("kwargs, message", [
    ({"text": "words"}, "a source or an article"),
    ({"text": "  \n", "article_id": 1}, "empty"),
    ({"text": "words", "source_id": 99}, "no source"),
])
def test_refusals_store_nothing(library, kwargs, message):
    library.articles.create(headline="x", body="x")
    with pytest.raises(DeskError, match=message):
        attach_material(library, **kwargs)
    assert library.materials.list() == []


def test_cli_material_add_leaves_what_the_operation_leaves(twins, capsys, tmp_path):
    t = twins(lambda lib: lib.articles.create(headline="Talks", body="x").id)
    notes = tmp_path / "notes.txt"
    notes.write_text("The regime has malign plans for the region.\n", encoding="utf-8")
    out = t.cli(capsys, "material", "add", "--article", str(t.ids), "--title", "Notes", str(notes))
    attach_material(t.window, text=notes.read_text(encoding="utf-8"), title="Notes",
                    article_id=t.ids, filename="notes.txt")
    state = t.assert_same()
    (material_id, _source, article_id, title, _text, filename) = state["materials"][0]
    assert (out.strip(), article_id, title, filename) == (str(material_id), t.ids, "Notes", "notes.txt")
