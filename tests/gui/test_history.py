"""History: revisions with a word diff against the current text, and Restore."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QPalette

from desk.gui.history_dialog import HistoryDialog, diff_html, word_ops
from desk.gui.op_runner import OperationRunner
from tests.gui.shell_helpers import close_window, make_window, type_text


def test_word_ops_mark_whole_words():
    ops = word_ops("the river rose", "the river fell")
    assert ("delete", "rose") in ops and ("insert", "fell") in ops


@given(st.text(alphabet="ab é😀\n.", max_size=60), st.text(alphabet="ab é😀\n.", max_size=60))
def test_word_ops_rebuild_both_texts(old, new):
    ops = word_ops(old, new)
    assert "".join(t for op, t in ops if op != "insert") == old
    assert "".join(t for op, t in ops if op != "delete") == new


def test_diff_html_escapes_and_strikes_removed_words():
    html = diff_html("<b> old", "<b> new", QPalette())
    assert "&lt;b&gt;" in html and "line-through" in html


def test_dialog_lists_revisions_newest_first(qtbot, library):
    a = library.articles.create(headline="H", body="first")
    library.revisions.create(a.id, label="one")
    library.articles.update(a.id, body="second")
    library.revisions.create(a.id, label="two")
    dlg = HistoryDialog(library, a.id, {"headline": "H", "dek": "", "body": "third"},
                        runner=OperationRunner(library))
    qtbot.addWidget(dlg)
    assert dlg.revisions.count() == 2
    assert dlg.revisions.item(0).text().endswith("two")
    assert "second" in dlg.diff.toPlainText() and "third" in dlg.diff.toPlainText()


def history(qtbot, library, aid):
    dlg = HistoryDialog(library, aid, {"headline": "H", "dek": "", "body": "now"},
                        runner=OperationRunner(library))
    qtbot.addWidget(dlg)
    return dlg


def status_rows(dlg):
    tree = dlg.status_changes
    return [[tree.topLevelItem(i).text(c) for c in range(4)]
            for i in range(tree.topLevelItemCount())]


def test_dialog_says_who_saved_each_revision(qtbot, library):
    from desk.operations.articles import change_status

    library.editor = "Ann Lee"
    a = library.articles.create(headline="H", body="first")
    library.revisions.create(a.id, label="one")
    library.editor = "Ben Ode"
    change_status(library, article_id=a.id, status="editing")
    library.revisions.create(a.id, label="two")
    dlg = history(qtbot, library, a.id)
    assert dlg.revisions.item(0).text().splitlines()[1].strip() == "by Ben Ode"
    assert dlg.revisions.item(1).text().splitlines()[1].strip() == "by Ann Lee"
    assert "Saved by Ann Lee" in dlg.revisions.item(1).toolTip()
    assert dlg.last_change.text().endswith("by Ben Ode")
    assert status_rows(dlg)[0][1:] == ["Ben Ode", "draft → editing", ""]


def test_dialog_shows_an_override_with_its_editor_and_reason(qtbot, library):
    from desk.operations.articles import change_status
    from desk.review.reattach import sync_quotes

    library.editor = "Ann Lee"
    a = library.articles.create(headline="H", body="“We will rebuild,” said Ana Ruiz.")
    sync_quotes(library, a.id)  # an unverified quotation: "ready" needs an override
    change_status(library, article_id=a.id, status="ready", override="chief heard the tape")
    dlg = history(qtbot, library, a.id)
    (row,) = status_rows(dlg)
    assert row[1:] == ["Ann Lee", "draft → ready", "chief heard the tape"]
    assert "Overridden" in dlg.status_changes.topLevelItem(0).toolTip(3)


def test_rows_from_before_names_were_kept_show_no_name(qtbot, library):
    a = library.articles.create(headline="H", body="first")  # a desk with no name: ''
    library.revisions.create(a.id, label="old")
    library.status_log.record(a.id, "draft", "editing")
    dlg = history(qtbot, library, a.id)
    assert dlg.revisions.item(0).text().endswith("old")  # no "by" line
    assert "Saved by —" in dlg.revisions.item(0).toolTip()
    assert status_rows(dlg)[0][1] == "—"
    assert not dlg.last_change.text().endswith("by ")
    shown = [dlg.revisions.item(0).text(), dlg.revisions.item(0).toolTip(),
             dlg.last_change.text(), *status_rows(dlg)[0]]
    assert not any("None" in text for text in shown)


def test_no_status_changes_says_so(qtbot, library):
    a = library.articles.create(headline="H", body="first")
    assert status_rows(history(qtbot, library, a.id))[0][2] == "no status changes yet"


@pytest.fixture
def window(qtbot, library, tmp_path):
    a = library.articles.create(headline="Weir", body="The weir held.")
    w = make_window(qtbot, library, tmp_path / "s.ini", open_last=False)
    w.open_article(a.id)
    yield w
    close_window(w)


def test_restore_brings_back_the_revision_and_keeps_the_current_text(window, library):
    aid = window.editor.article_id
    rev = library.revisions.create(aid, label="good")
    window.editor.body.selectAll()
    type_text(window.editor.body, "Éverything changed.")
    window.autosaver.save()
    dlg = HistoryDialog(library, aid, window.editor.current_fields(), window,
                        runner=window.runner)
    dlg.restored.connect(window._restored)
    row = next(i for i in range(dlg.revisions.count())
               if dlg.revisions.item(i).data(256) == rev.id)
    dlg.revisions.setCurrentRow(row)
    dlg.restore_selected()
    assert window.editor.body.toPlainText() == "The weir held."
    assert library.articles.get(aid).body == "The weir held."
    labels = [r.label for r in library.revisions.list(aid)]
    assert labels[0].startswith("before restoring")
    assert library.revisions.list(aid)[0].body == "Éverything changed."


def test_history_action_opens_the_dialog(window, monkeypatch):
    opened = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda self: opened.append(self) or 0)
    window.actions.history.trigger()
    assert len(opened) == 1 and opened[0].article_id == window.editor.article_id
