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
    return [[panel.tree.topLevelItem(i).text(c) for c in range(3)]
            for i in range(panel.tree.topLevelItemCount())]


def test_lists_speaker_source_and_review_status(qtbot, library):
    aid, edit, checker, panel = setup(qtbot, library)
    library.articles.update(aid, body=BODY)
    first = sync_quotes(library, aid)[0]
    library.quotes.update(first.id, status="verified")
    panel.show_report(checker.report, aid)
    got = rows(panel)
    assert got[0][1:] == ["Maria Lopez\nregistered source", "verified"]
    assert got[1][1:] == ["Tom Hardy\nnot in sources", "unverified"]


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


def reviews(panel):
    return [r[2] for r in rows(panel)]


def test_saved_quotations_without_rows_yet_are_unverified_not_unsaved(qtbot, library):
    aid, edit, checker, panel = setup(qtbot, library)
    library.articles.update(aid, body=BODY)  # stored, as another program writes it: no rows
    assert library.quotes.list(article_id=aid) == []
    panel.show_report(checker.report, aid)
    assert reviews(panel) == ["unverified", "unverified"]


def test_quotations_not_in_the_stored_text_are_not_yet_saved(qtbot, library):
    aid, edit, checker, panel = setup(qtbot, library)
    library.articles.update(aid, body="Nothing quoted here yet.")
    panel.show_report(checker.report, aid)
    assert reviews(panel) == ["not yet saved", "not yet saved"]


def test_rows_changing_redraw_the_review_column(qtbot, library):
    from desk.operations.changes import Changes

    aid, edit, checker, panel = setup(qtbot, library)
    library.articles.update(aid, body=BODY)
    panel.show_report(checker.report, aid)
    first = sync_quotes(library, aid)[0]
    library.quotes.update(first.id, status="disputed")
    panel.library_changed(Changes.of(quotes=[first.id]))
    assert reviews(panel) == ["disputed", "unverified"]
    panel.library_changed(Changes.of(articles=[aid + 1]))  # another article: nothing to redo
    assert reviews(panel) == ["disputed", "unverified"]


def test_the_quotation_column_is_readable_in_the_dock(qtbot, library):
    aid, edit, checker, panel = setup(qtbot, library)
    panel.resize(380, 400)
    panel.show()
    panel.show_report(checker.report, aid)
    qtbot.waitExposed(panel)
    tree = panel.tree
    width = tree.columnWidth(0)
    # the widest column, with room for about 20 characters a line
    assert width > max(tree.columnWidth(1), tree.columnWidth(2))
    assert width >= 20 * tree.fontMetrics().averageCharWidth()
    item = tree.topLevelItem(1)
    text = "This is the only quiet place my children have,"
    assert item.text(0) == text and item.toolTip(0) == text
    # wrapped, not elided: the row is as tall as the lines the text needs at that width
    lines = -(-tree.fontMetrics().horizontalAdvance(text) // width)
    qtbot.waitUntil(lambda: tree.visualItemRect(item).height()
                    >= min(lines, 2) * tree.fontMetrics().lineSpacing())


def test_the_review_column_agrees_with_the_status_bar(qtbot, window):
    from tests.gui.shell_helpers import move_to_end, type_text

    quotes, state = window.panels["quotes"], window.status.save_state
    window.panel_docks["quotes"].raise_()  # the panel is fed while its tab is on screen
    qtbot.waitUntil(lambda: window.report is not None and bool(reviews(quotes)))
    assert state.text() == "Saved" and "not yet saved" not in reviews(quotes)
    saver = window.autosaver
    for timer in (saver._pause, saver._deadline):  # the check comes first, then we save
        timer.setInterval(600_000)
    move_to_end(window.editor.body)
    with qtbot.waitSignal(window.checker.report_ready, timeout=20000):
        type_text(window.editor.body, "\n\n“We are still here,” said Ruth Dalton.")
    assert state.text() == "Edited" and reviews(quotes)[-1] == "not yet saved"
    assert "not yet saved" not in reviews(quotes)[:-1]  # the others are stored as they are
    assert saver.save()
    assert state.text() == "Saved"
    assert len(reviews(quotes)) == 7 and reviews(quotes)[-1] == "unverified"
