"""The article operations: what each writes and refuses in the core, and the same library
state whether it runs in the core, through `desk` or through the window's part."""

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desk.model import DeskError
from desk.operations import articles as ops
from desk.operations.changes import Changes
from tests.operations.articles_faces import CLEAN, QUOTED, cli, make_libraries, run_window, state


@pytest.fixture
def libraries(tmp_path):
    yield from make_libraries(tmp_path)


@pytest.fixture
def lib(library):
    return library


def blocked_article(lib):
    return lib.articles.create(headline="Bridge to reopen", body=QUOTED)


# -- change_status: the core -----------------------------------------------------------------
def test_an_open_move_writes_the_status_and_one_log_line(lib):
    a = lib.articles.create(headline="Budget", body=CLEAN)
    result = ops.change_status(lib, article_id=a.id, status="editing")
    assert lib.articles.get(a.id).status == "editing" == result.article.status
    assert [(c.from_status, c.to_status, c.override_reason) for c in lib.status_log.list(a.id)] \
        == [("draft", "editing", None)]
    assert result.changes == Changes.of(articles=[a.id])
    assert lib.revisions.list(a.id) == []


def test_a_blocked_move_is_refused_with_its_reasons_and_changes_nothing(lib):
    a = blocked_article(lib)
    before = state(lib)
    with pytest.raises(ops.StatusBlocked) as refused:
        ops.change_status(lib, article_id=a.id, status="ready")
    assert any(r.startswith("3 unverified quotations") for r in refused.value.reasons)
    assert "fix these, or override with a reason" in str(refused.value)
    assert len(refused.value.quotations) == 3 and refused.value.status == "ready"
    assert isinstance(refused.value, DeskError)
    assert state(lib) == before


def test_an_override_moves_logs_the_reason_and_leaves_a_revision(lib):
    a = blocked_article(lib)
    result = ops.change_status(lib, article_id=a.id, status="published", override="  chief said go ")
    assert result.gate.overridden and result.changes == Changes.of(articles=[a.id])
    stored = lib.articles.get(a.id)
    assert stored.status == "published" and stored.published_at
    [change] = lib.status_log.list(a.id)
    assert change.override_reason == "chief said go" and "unverified" in change.blocked_by
    assert [r.label for r in lib.revisions.list(a.id)] == ["status → published (override: chief said go)"]


def test_an_override_on_an_open_move_is_not_an_override(lib):
    a = lib.articles.create(headline="Budget", body=CLEAN)
    result = ops.change_status(lib, article_id=a.id, status="ready", override="just in case")
    assert not result.gate.overridden
    [change] = lib.status_log.list(a.id)
    assert (change.override_reason, change.blocked_by) == (None, "")
    assert lib.revisions.list(a.id) == []


@pytest.mark.parametrize("status, override, message", [
    ("ready", "   ", "an override needs a reason"),
    ("approved", None, "unknown status"),
])
def test_bad_requests_are_refused_before_anything_changes(lib, status, override, message):
    a = blocked_article(lib)
    before = state(lib)
    with pytest.raises(DeskError, match=message):
        ops.change_status(lib, article_id=a.id, status=status, override=override)
    assert state(lib) == before


def test_the_same_status_changes_nothing(lib):
    a = lib.articles.create(headline="Budget", body=CLEAN)
    result = ops.change_status(lib, article_id=a.id, status="draft")
    assert not result.changes and lib.status_log.list(a.id) == []


# -- change_status: the faces --------------------------------------------------------------------
def _gate_dialog(monkeypatch, reason):
    """Stub the gate's dialog: type ``reason`` and override, or cancel when it is None."""
    from desk.gui import status_gate

    shown = []

    def answer(dialog):
        shown.append([dialog.reasons.item(i).text() for i in range(dialog.reasons.count())])
        if reason is None:
            return QDialog.Rejected
        dialog.reason.setText(reason)
        dialog.accept()
        return dialog.result()
    monkeypatch.setattr(status_gate.StatusGateDialog, "exec", answer)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"unexpected warning {a}"))
    return shown


def _window_status(lib, qtbot, article_id, status):
    from desk.gui.status_gate import request_status_change

    return run_window(lib, qtbot, lambda runner: request_status_change(None, runner, article_id,
                                                                      status))


def test_an_override_leaves_the_same_state_from_every_face(libraries, capsys, qtbot, monkeypatch):
    libs = libraries(blocked_article)
    ops.change_status(libs["core"], article_id=1, status="ready", override="chief said go")
    code, out, _ = cli(libs["cli"], capsys, "status", "1", "ready", "--override", "chief said go")
    assert (code, out) == (0, "article 1: draft → ready (override recorded)\n")
    shown = _gate_dialog(monkeypatch, "chief said go")
    moved, announced = _window_status(libs["window"], qtbot, 1, "ready")
    assert moved and announced == [Changes.of(articles=[1])]
    assert any("unverified" in r for r in shown[0])
    assert state(libs["core"]) == state(libs["cli"]) == state(libs["window"])
    assert libs["window"].articles.get(1).status == "ready"


def test_a_blocked_move_changes_nothing_from_any_face(libraries, capsys, qtbot, monkeypatch):
    libs = libraries(blocked_article)
    before = state(libs["core"])
    with pytest.raises(ops.StatusBlocked):
        ops.change_status(libs["core"], article_id=1, status="published")
    code, _, err = cli(libs["cli"], capsys, "status", "1", "published")
    assert code == 2 and err.startswith("desk: error: cannot move article 1 to published")
    assert err.count("\n") == 1
    _gate_dialog(monkeypatch, None)
    moved, announced = _window_status(libs["window"], qtbot, 1, "published")
    assert not moved and announced == []
    assert state(libs["core"]) == state(libs["cli"]) == state(libs["window"]) == before


def test_an_open_move_leaves_the_same_state_from_every_face(libraries, capsys, qtbot, monkeypatch):
    libs = libraries(lambda lib: lib.articles.create(headline="Budget", body=CLEAN))
    ops.change_status(libs["core"], article_id=1, status="published")
    assert cli(libs["cli"], capsys, "status", "1", "published")[0] == 0
    monkeypatch.setattr("desk.gui.status_gate.StatusGateDialog.exec",
                        lambda d: pytest.fail("the gate asked about an open move"))
    assert _window_status(libs["window"], qtbot, 1, "published")[0]
    assert state(libs["core"]) == state(libs["cli"]) == state(libs["window"])
    assert [c.to_status for c in libs["cli"].status_log.list(1)] == ["published"]


# -- new, duplicate, trash, restore: the core -------------------------------------------------
def test_a_new_article_is_an_empty_draft(lib):
    result = ops.new_article(lib, headline="  Flood  warning ", section="News")
    a = lib.articles.get(result.article.id)
    assert (a.headline, a.section, a.status, a.body) == ("Flood warning", "News", "draft", "")
    assert result.changes == Changes.of(articles=[a.id])


def test_a_new_article_takes_the_language_asked_for(lib):
    assert lib.articles.get(ops.new_article(lib, language="en-GB").article.id).language == "en-GB"
    assert lib.articles.get(ops.new_article(lib).article.id).language == "en-US"


def test_a_new_article_in_an_unknown_language_is_refused(lib):
    from desk.model import DeskError

    before = lib.articles.count()
    with pytest.raises(DeskError):
        ops.new_article(lib, language="xx-YY")
    assert lib.articles.count() == before


def test_duplicate_copies_fields_and_tags_into_a_new_draft(lib):
    a = lib.articles.create(headline="Original", body="text", section="City", tags=["flood", "rain"],
                            status="editing")
    result = ops.duplicate_article(lib, article_id=a.id)
    copy = lib.articles.get(result.article.id)
    assert (copy.headline, copy.body, copy.section, copy.tags, copy.status) \
        == ("Original (copy)", "text", "City", ["flood", "rain"], "draft")
    assert result.changes == Changes.of(articles=[copy.id])


def test_trash_and_restore_round_trip(lib):
    a = lib.articles.create(headline="Gone for now", body="b", tags=["t"])
    before = state(lib)
    trashed = ops.trash_article(lib, article_id=a.id)
    assert trashed.article.deleted_at and trashed.changes == Changes.of(articles=[a.id])
    assert lib.articles.count() == 0
    restored = ops.restore_article(lib, article_id=a.id)
    assert restored.article.deleted_at is None and restored.changes == Changes.of(articles=[a.id])
    assert state(lib) == before  # nothing else was touched on the way


@pytest.mark.parametrize("op, trashed, message", [
    (ops.trash_article, True, "already in the trash"),
    (ops.restore_article, False, "is not in the trash"),
    (ops.trash_article, None, "no article with id 99"),
    (ops.duplicate_article, True, r"article \d+ is in the trash \(restore it first\)"),
])
def test_trash_restore_and_duplicate_refusals_change_nothing(lib, op, trashed, message):
    a = lib.articles.create(headline="A", body="b")
    if trashed:
        lib.articles.trash(a.id)
    before = state(lib)
    with pytest.raises(DeskError, match=message):
        op(lib, article_id=99 if trashed is None else a.id)
    assert state(lib) == before


# -- new, duplicate, trash, restore: the faces ---------------------------------------------------
def _panel(lib, runner, qtbot, select=None, trash_view=False):
    from desk.gui.library_panel import LibraryPanel

    panel = LibraryPanel(lib, runner=runner)
    qtbot.addWidget(panel)
    panel.reload()
    if trash_view:
        panel.trash_toggle.setChecked(True)
    if select is not None:
        panel.view.setCurrentIndex(panel.model.index(panel.model.row_of(select), 0))
    return panel


def _two_articles(lib):
    lib.articles.create(headline="First", body="one", tags=["a"])
    lib.articles.create(headline="Second", body="two", section="City", tags=["b", "c"])


def test_new_leaves_the_same_state_from_every_face(libraries, capsys, qtbot):
    libs = libraries(_two_articles)
    ops.new_article(libs["core"])
    assert cli(libs["cli"], capsys, "new") == (0, "3\n", "")
    new_id, announced = run_window(libs["window"], qtbot,
                                   lambda r: _panel(libs["window"], r, qtbot).new_article())
    assert new_id == 3 and announced == [Changes.of(articles=[3])]
    assert state(libs["core"]) == state(libs["cli"]) == state(libs["window"])


def test_duplicate_leaves_the_same_state_from_every_face(libraries, capsys, qtbot):
    libs = libraries(_two_articles)
    ops.duplicate_article(libs["core"], article_id=2)
    assert cli(libs["cli"], capsys, "duplicate", "2") == (0, "3\n", "")
    copy_id, announced = run_window(
        libs["window"], qtbot, lambda r: _panel(libs["window"], r, qtbot, select=2).duplicate_current())
    assert copy_id == 3 and announced == [Changes.of(articles=[3])]
    assert state(libs["core"]) == state(libs["cli"]) == state(libs["window"])
    assert libs["cli"].articles.get(3).tags == ["b", "c"]


def test_trash_leaves_the_same_state_from_every_face(libraries, capsys, qtbot, monkeypatch):
    libs = libraries(_two_articles)
    ops.trash_article(libs["core"], article_id=1)
    code, out, _ = cli(libs["cli"], capsys, "trash", "1")
    assert code == 0 and out.startswith("article 1: moved to the trash")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.Yes)
    done, announced = run_window(
        libs["window"], qtbot, lambda r: _panel(libs["window"], r, qtbot, select=1).trash_current())
    assert done and announced == [Changes.of(articles=[1])]
    assert state(libs["core"]) == state(libs["cli"]) == state(libs["window"])
    assert libs["window"].articles.get(1, include_deleted=True).deleted_at


def test_restore_leaves_the_same_state_from_every_face(libraries, capsys, qtbot):
    def build(lib):
        _two_articles(lib)
        lib.articles.trash(2)
    libs = libraries(build)
    ops.restore_article(libs["core"], article_id=2)
    assert cli(libs["cli"], capsys, "restore", "2") == (0, "article 2: restored from the trash\n", "")
    done, announced = run_window(
        libs["window"], qtbot,
        lambda r: _panel(libs["window"], r, qtbot, select=2, trash_view=True).restore_current())
    assert done and announced == [Changes.of(articles=[2])]
    assert state(libs["core"]) == state(libs["cli"]) == state(libs["window"])
    assert libs["window"].articles.get(2).deleted_at is None


def test_restoring_an_article_not_in_the_trash_is_one_line_on_the_cli(libraries, capsys):
    libs = libraries(_two_articles)
    before = state(libs["cli"])
    assert cli(libs["cli"], capsys, "restore", "1") == (
        2, "", "desk: error: article 1 is not in the trash\n")
    assert cli(libs["cli"], capsys, "trash", "7") == (2, "", "desk: error: no article with id 7\n")
    assert state(libs["cli"]) == before


# -- restore a revision -------------------------------------------------------------------------
def _with_revision(lib):
    a = lib.articles.create(headline="Weir", body="The weir held.")
    lib.revisions.create(a.id, label="good")
    lib.articles.update(a.id, headline="Weir gone", body="Éverything changed.")
    lib.articles.create(headline="Other", body="x")
    lib.revisions.create(2, label="other's")


def test_restoring_a_revision_keeps_the_text_before_it(lib):
    _with_revision(lib)
    result = ops.restore_revision(lib, revision_id=1)
    assert (result.article.headline, result.article.body) == ("Weir", "The weir held.")
    assert lib.articles.get(1).body == "The weir held."
    assert result.saved_as.label == "before restoring revision 1"
    assert result.saved_as.body == "Éverything changed." and result.revision.id == 1
    assert result.changes == Changes.of(articles=[1])


def test_restoring_a_revision_leaves_the_status_to_the_gate(lib):
    a = lib.articles.create(headline="Weir", body="The weir held.")
    ops.change_status(lib, article_id=a.id, status="editing")
    lib.revisions.create(a.id, label="while editing")
    ops.change_status(lib, article_id=a.id, status="draft")
    log = len(lib.status_log.list(a.id))
    ops.restore_revision(lib, revision_id=lib.revisions.latest(a.id).id)
    assert lib.articles.get(a.id).status == "draft"
    assert len(lib.status_log.list(a.id)) == log


@pytest.mark.parametrize("kwargs, message", [
    ({"revision_id": 2, "article_id": 1}, "revision 2 belongs to article 2, not article 1"),
    ({"revision_id": 9}, "no revision with id 9"),
])
def test_restoring_the_wrong_revision_is_refused_and_changes_nothing(lib, kwargs, message):
    _with_revision(lib)
    before = state(lib)
    with pytest.raises(DeskError, match=message):
        ops.restore_revision(lib, **kwargs)
    assert state(lib) == before


def test_restoring_a_revision_leaves_the_same_state_from_every_face(libraries, capsys, qtbot):
    from desk.gui.history_dialog import HistoryDialog

    libs = libraries(_with_revision)
    ops.restore_revision(libs["core"], revision_id=1, article_id=1)
    code, out, _ = cli(libs["cli"], capsys, "history", "1", "--restore", "1")
    assert (code, out) == (0, "article 1: revision 1 restored; the text before it is revision 3\n")

    def restore(runner):
        lib = libs["window"]
        dialog = HistoryDialog(lib, 1, {"headline": "Weir gone", "dek": "", "body": "x"},
                               runner=runner)
        qtbot.addWidget(dialog)
        dialog.revisions.setCurrentRow(0)  # the only revision of article 1
        return dialog.restore_selected()
    article, announced = run_window(libs["window"], qtbot, restore)
    assert article.body == "The weir held." and announced == [Changes.of(articles=[1])]
    assert state(libs["core"]) == state(libs["cli"]) == state(libs["window"])


def test_desk_history_lists_the_revisions_newest_first(libraries, capsys):
    libs = libraries(_with_revision)
    ops.restore_revision(libs["cli"], revision_id=1)
    code, out, _ = cli(libs["cli"], capsys, "history", "1")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["REV", "CREATED", "BY", "LABEL", "HEADLINE"]
    assert [line.split()[0] for line in lines[1:]] == ["3", "1"]
    assert "before restoring revision 1" in lines[1] and "Weir gone" in lines[1]
    assert cli(libs["cli"], capsys, "history", "1", "--restore", "2")[2] == (
        "desk: error: revision 2 belongs to article 2, not article 1\n")
    assert cli(libs["cli"], capsys, "history", "8")[2] == "desk: error: no article with id 8\n"


TWO_QUOTES = "“We will rebuild the bridge,” said Ana Ruiz. “Nobody pays more,” she added."


def test_a_duplicate_has_its_quotation_rows(lib):
    a = lib.articles.create(headline="Bridge", body=TWO_QUOTES)
    result = ops.duplicate_article(lib, article_id=a.id)
    rows = lib.quotes.list(article_id=result.article.id)
    assert [q.text for q in rows] == ["We will rebuild the bridge,", "Nobody pays more,"]
    assert result.changes.quotes == {q.id for q in rows}


def test_restoring_a_revision_brings_its_quotation_rows_back_in_line(lib):
    from desk.review.reattach import sync_quotes

    a = lib.articles.create(headline="Bridge", body=TWO_QUOTES)
    sync_quotes(lib, a.id)
    rev = lib.revisions.create(a.id, label="before the new quote")
    lib.articles.update(a.id, body=TWO_QUOTES + " “This is new,” said Dan Wu.")
    sync_quotes(lib, a.id)
    new_row = next(q for q in lib.quotes.list(article_id=a.id) if q.text.startswith("This is new"))
    result = ops.restore_revision(lib, revision_id=rev.id)
    attached = [q.text for q in lib.quotes.list(article_id=a.id) if q.start is not None]
    assert attached == ["We will rebuild the bridge,", "Nobody pays more,"]
    assert new_row.id in result.changes.quotes
