"""Importing files: all or nothing with one line per bad file, the same from the core, `desk
import` and the window's File ▸ Import / drop."""

import pytest
from PySide6.QtWidgets import QMessageBox

from desk.model import DeskError
from desk.operations.changes import Changes
from desk.operations.imports import ImportRefused, import_files, read_files, resume_import
from tests.operations.articles_faces import cli, make_libraries, state


@pytest.fixture
def libraries(tmp_path):
    yield from make_libraries(tmp_path)


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "flood.md"
    good.write_text("---\nsection: City\ntags: [flood]\n---\n# Flood warning\n\nThe river rose.\n",
                    encoding="utf-8")
    plain = tmp_path / "weir.txt"
    plain.write_text("Weir held\n\nThe weir held overnight.\n", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(bytes(range(1, 256)) * 3)  # neither UTF-8 nor Windows-1252 text
    return {"good": str(good), "plain": str(plain), "latin": str(latin),
            "missing": str(tmp_path / "nope.md")}


def test_files_become_articles_in_order(library, files):
    result = import_files(library, paths=[files["good"], files["plain"]])
    first, second = (library.articles.get(i) for i in result.article_ids)
    assert (first.headline, first.section, first.tags) == ("Flood warning", "City", ["flood"])
    assert second.body.strip() == "The weir held overnight."
    assert result.changes == Changes.of(articles=result.article_ids) and not result.resumed
    assert library.imports.unfinished() == []


def test_each_bad_file_is_one_line_and_nothing_is_imported(library, files):
    before = state(library)
    with pytest.raises(ImportRefused) as refused:
        import_files(library, paths=[files["good"], files["latin"], files["missing"]])
    assert len(refused.value.errors) == 2
    assert "UTF-8" in refused.value.errors[0] and "no such file" in refused.value.errors[1]
    assert str(refused.value).startswith("2 files cannot be imported: ")
    assert "\n" not in str(refused.value)
    assert state(library) == before and library.articles.count() == 0


def test_one_bad_file_is_its_own_message(files):
    with pytest.raises(ImportRefused) as refused:
        read_files([files["missing"]])
    assert str(refused.value) == refused.value.errors[0] and "no such file" in str(refused.value)


def test_nothing_to_import_is_refused(library):
    with pytest.raises(DeskError, match="no files to import"):
        import_files(library, paths=[])


def test_a_stopped_import_is_finished_by_resume(library, files):
    paths = [files["good"], files["plain"]]
    batch_id = library.imports.start(paths)
    first = library.articles.create(headline="Flood warning", body="The river rose.\n")
    library.imports.mark_done(batch_id, 0, first.id)
    result = resume_import(library)
    assert result.resumed and result.article_ids[0] == first.id and len(result.article_ids) == 2
    assert "resumed an import that was stopped after 1 of 2 files" in result.notes[0]
    assert result.changes == Changes.of(articles=result.article_ids)
    assert library.imports.unfinished() == []
    with pytest.raises(DeskError, match="no stopped import to resume"):
        resume_import(library)


# -- the faces --------------------------------------------------------------------------------
def _window_import(lib, qtbot, tmp_path, paths):
    from tests.gui.shell_helpers import close_window, make_window

    window = make_window(qtbot, lib, tmp_path / "settings.ini", open_last=False)
    announced = []
    window.runner.changed.connect(lambda changes, origin: announced.append(changes))
    try:
        ids = window.import_paths(paths)
        opened = window.editor.article_id
    finally:
        close_window(window)
    return ids, opened, announced


def _one_article(lib):
    lib.articles.create(headline="Already here", body="x")


def test_an_import_leaves_the_same_state_from_every_face(libraries, files, capsys, qtbot, tmp_path):
    libs = libraries(_one_article)
    paths = [files["good"], files["plain"]]
    assert import_files(libs["core"], paths=paths).article_ids == [2, 3]
    assert cli(libs["cli"], capsys, "import", *paths) == (0, "2\n3\n", "")
    ids, opened, announced = _window_import(libs["window"], qtbot, tmp_path, paths)
    assert ids == [2, 3] and opened == 3 and announced == [Changes.of(articles=[2, 3])]
    assert state(libs["core"]) == state(libs["cli"]) == state(libs["window"])


def test_a_bad_file_imports_nothing_from_any_face(libraries, files, capsys, qtbot, tmp_path,
                                                  monkeypatch):
    libs = libraries(_one_article)
    paths = [files["good"], files["latin"]]
    before = state(libs["core"])
    with pytest.raises(ImportRefused):
        import_files(libs["core"], paths=paths)
    code, out, err = cli(libs["cli"], capsys, "import", *paths)
    assert (code, out) == (2, "") and "UTF-8" in err and err.count("\n") == 1
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    ids, _, announced = _window_import(libs["window"], qtbot, tmp_path, paths)
    assert ids == [] and announced == []
    assert len(warnings) == 1 and warnings[0].startswith("Nothing was imported.")
    assert "UTF-8" in warnings[0]
    assert state(libs["core"]) == state(libs["cli"]) == state(libs["window"]) == before


def test_imported_articles_have_their_quotation_rows(library, tmp_path):
    lib = library
    f = tmp_path / "quoted.md"
    f.write_text("# Bridge\n\n\u201cWe will rebuild it by spring,\u201d said Ana Ruiz.\n",
                 encoding="utf-8")
    result = import_files(lib, paths=[f])
    (aid,) = result.article_ids
    rows = lib.quotes.list(article_id=aid)
    assert [(q.text, q.start is not None) for q in rows] == [("We will rebuild it by spring,", True)]
    assert result.changes.quotes == {rows[0].id}


def test_an_import_never_moves_an_article_past_the_gate(library, tmp_path):
    blocked = tmp_path / "blocked.md"
    blocked.write_text("---\nheadline: Sneaky\nstatus: published\n---\n\n"
                       "\u201cUnclosed and nobody said it\n", encoding="utf-8")
    clean = tmp_path / "clean.md"
    clean.write_text("---\nheadline: Clean\nstatus: ready\n---\n\nThe weir held overnight.\n",
                     encoding="utf-8")
    result = import_files(library, paths=[blocked, clean])
    first, second = (library.articles.get(i) for i in result.article_ids)
    assert first.status == "draft" and library.status_log.list(first.id) == []
    assert any(n.startswith(f"article {first.id} was imported as a draft, not published: ")
               for n in result.notes)
    # the clean one passes the gate, and the move is in its log like any other
    assert second.status == "ready"
    assert [(c.from_status, c.to_status) for c in library.status_log.list(second.id)] == \
        [("draft", "ready")]


def test_a_blocked_status_stays_a_draft_from_every_face_and_says_why(libraries, capsys, qtbot,
                                                                    tmp_path, monkeypatch):
    from desk.gui import dialogs

    told = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message, title="desk":
                        told.append(message))
    f = tmp_path / "sneaky.md"
    f.write_text("---\nheadline: Sneaky\nstatus: ready\n---\n\n\u201cUnclosed\n", encoding="utf-8")
    libs = libraries(_one_article)
    notes = import_files(libs["core"], paths=[f]).notes
    code, out, err = cli(libs["cli"], capsys, "import", str(f))
    ids, _opened, _announced = _window_import(libs["window"], qtbot, tmp_path, [f])
    assert code == 0 and out == "2\n" and ids == [2]
    said = "article 2 was imported as a draft, not ready: "
    assert notes[0].startswith(said) and err.startswith(f"desk: note: {said}")
    assert len(told) == 1 and told[0].startswith(said)
    assert libs["core"].articles.get(2).status == "draft"
    assert state(libs["core"]) == state(libs["cli"]) == state(libs["window"])


# -- the same file again ------------------------------------------------------------------------
def test_a_file_imported_before_is_skipped_and_listed(library, files):
    first = import_files(library, paths=[files["good"]]).article_ids
    result = import_files(library, paths=[files["good"], files["plain"]])
    assert [(d.path, d.article_id, d.headline) for d in result.skipped] == [
        (files["good"], first[0], "Flood warning")]
    assert len(result.article_ids) == 1
    assert library.articles.get(result.article_ids[0]).headline == "Weir held"
    assert [a.headline for a in library.articles.list()].count("Flood warning") == 1


def test_the_same_bytes_under_another_name_are_the_same_file(library, files, tmp_path):
    import_files(library, paths=[files["good"]])
    copy = tmp_path / "copy-of-flood.md"
    copy.write_bytes(open(files["good"], "rb").read())
    result = import_files(library, paths=[str(copy)])
    assert result.article_ids == [] and result.skipped[0].path == str(copy)
    assert result.changes == Changes()


def test_again_imports_a_file_imported_before(library, files):
    first = import_files(library, paths=[files["good"]]).article_ids
    result = import_files(library, paths=[files["good"]], again=True)
    assert result.skipped == [] and result.article_ids != first
    assert [a.headline for a in library.articles.list()].count("Flood warning") == 2


def test_an_article_in_the_trash_does_not_count_as_imported(library, files):
    (first,) = import_files(library, paths=[files["good"]]).article_ids
    library.articles.trash(first)
    result = import_files(library, paths=[files["good"]])
    assert result.skipped == [] and len(result.article_ids) == 1


def test_a_changed_file_is_a_new_file(library, files):
    import_files(library, paths=[files["good"]])
    with open(files["good"], "a", encoding="utf-8") as fh:
        fh.write("\nThe river fell.\n")
    assert len(import_files(library, paths=[files["good"]]).article_ids) == 1


def test_a_rolled_back_import_does_not_count_as_imported(library, files):
    batch_id = library.imports.start([files["good"]], [read_files([files["good"]])[0].content_hash])
    article = library.articles.create(headline="Flood warning", body="x")
    library.imports.mark_done(batch_id, 0, article.id)
    library.imports.roll_back(batch_id)
    assert import_files(library, paths=[files["good"]]).skipped == []


def test_windows_1252_files_are_counted_by_encoding(library, tmp_path, files):
    old = tmp_path / "old.txt"
    old.write_bytes(b"Caf\xe9 reopens\n\nThe owner said \x93soon\x94.\n")
    result = import_files(library, paths=[str(old), files["plain"]])
    assert result.encodings == {"Windows-1252": 1}
    assert library.articles.get(result.article_ids[0]).body == "The owner said “soon”.\n"


def _imported_once(files):
    def build(lib):
        import_files(lib, paths=[files["good"]])
    return build


def test_a_reimport_is_skipped_from_every_face_unless_asked_again(libraries, files, capsys, qtbot,
                                                                 tmp_path, monkeypatch):
    from desk.gui import file_actions

    libs = libraries(_imported_once(files))
    paths = [files["good"], files["plain"]]
    assert import_files(libs["core"], paths=paths).article_ids == [2]
    code, out, err = cli(libs["cli"], capsys, "import", *paths)
    assert (code, out) == (0, "2\n")
    assert err == (f"desk: note: skipped {files['good']} is already in the library as article 1 "
                   "(“Flood warning”); desk import --again imports it anyway\n")
    asked = []
    monkeypatch.setattr(file_actions, "ask_reimport",
                        lambda win, dupes: asked.append(dupes) or "skip")
    ids, opened, _ = _window_import(libs["window"], qtbot, tmp_path, paths)
    assert ids == [2] and opened == 2
    assert [(d.path, d.article_id) for d in asked[0]] == [(files["good"], 1)]
    assert state(libs["core"]) == state(libs["cli"]) == state(libs["window"])


def test_import_again_from_the_cli_and_the_window(libraries, files, capsys, qtbot, tmp_path,
                                                 monkeypatch):
    from desk.gui import file_actions

    libs = libraries(_imported_once(files))
    assert import_files(libs["core"], paths=[files["good"]], again=True).article_ids == [2]
    assert cli(libs["cli"], capsys, "import", "--again", files["good"]) == (0, "2\n", "")
    monkeypatch.setattr(file_actions, "ask_reimport", lambda win, dupes: "again")
    ids, _, _ = _window_import(libs["window"], qtbot, tmp_path, [files["good"]])
    assert ids == [2]
    assert state(libs["core"]) == state(libs["cli"]) == state(libs["window"])


def test_cancel_in_the_window_imports_nothing(libraries, files, qtbot, tmp_path, monkeypatch):
    from desk.gui import file_actions

    libs = libraries(_imported_once(files))
    before = state(libs["window"])
    monkeypatch.setattr(file_actions, "ask_reimport", lambda win, dupes: None)
    ids, _, announced = _window_import(libs["window"], qtbot, tmp_path,
                                       [files["good"], files["plain"]])
    assert ids == [] and announced == [] and state(libs["window"]) == before
