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
