"""Quotes panel: speaker, source and review status per quotation; selecting highlights it."""

import pytest
from PySide6.QtCore import Qt

from desk.gui.panels.quotes import QuotesPanel
from desk.review.reattach import sync_quotes
from tests.gui.live_helpers import make_editor, warm_spelling

BODY = ("“We cannot keep paying for empty rooms,” said Maria Lopez.\n\n"
        "Residents disagreed. “This is the only quiet place my children have,” said Tom Hardy.")


@pytest.fixture(autouse=True, scope="module")
def _warm():
    warm_spelling()


def setup(qtbot, library):
    library.sources.add("Maria Lopez", title="finance director")
    aid, edit, checker = make_editor(qtbot, library, BODY)
    panel = QuotesPanel(library)
    qtbot.addWidget(panel)
    panel.jump_requested.connect(edit.select_range)
    return aid, edit, checker, panel


def rows(panel):
    return [[panel.tree.topLevelItem(i).text(c) for c in range(4)]
            for i in range(panel.tree.topLevelItemCount())]


def test_lists_speaker_source_and_review_status(qtbot, library):
    aid, edit, checker, panel = setup(qtbot, library)
    library.articles.update(aid, body=BODY)
    first = sync_quotes(library, aid)[0]
    library.quotes.update(first.id, status="verified")
    panel.show_report(checker.report, aid)
    got = rows(panel)
    assert got[0][1:] == ["Maria Lopez", "Maria Lopez", "verified"]
    assert got[1][1:] == ["Tom Hardy", "not in sources", "unverified"]


def test_selecting_a_quotation_highlights_it_in_the_text(qtbot, library):
    aid, edit, checker, panel = setup(qtbot, library)
    panel.show_report(checker.report, aid)
    panel.show()
    panel.tree.setFocus()
    panel.select_quote(1)
    selected = edit.textCursor().selectedText()
    assert selected == "“This is the only quiet place my children have,”"


def test_arrow_keys_walk_the_quotations_and_keep_focus_in_the_list(qtbot, library):
    aid, edit, checker, panel = setup(qtbot, library)
    panel.show_report(checker.report, aid)
    panel.show()
    edit.show()
    panel.activateWindow()
    panel.select_quote(0)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key_Down)
    assert edit.textCursor().selectedText().startswith("“This is")
    assert panel.tree.currentIndex().row() == 1
