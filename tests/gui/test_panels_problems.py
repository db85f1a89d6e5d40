"""Problems panel: counts in the title, double-click and Enter jump to the problem."""

from PySide6.QtCore import Qt

from desk.checks.engine import CheckReport
from desk.gui.panels.problems import ProblemsPanel, title_for
from desk.model import Problem

TEXT = "First line.\nThe electon was close.\n“Unclosed quote"
REPORT = CheckReport(words=8, problems=[
    Problem("misspelling", "warning", 16, 23, "Possible misspelling", ("election",)),
    Problem("unclosed-quote", "error", 35, 50, "quotation is not closed"),
    Problem("boilerplate", "info", 0, 5, "boilerplate"),
])


def panel(qtbot):
    p = ProblemsPanel()
    qtbot.addWidget(p)
    p.resize(500, 300)
    p.show()
    return p


def test_title_counts_by_severity():
    assert title_for(REPORT.problems) == "Problems (1 error, 1 warning, 1 note)"
    assert title_for([]) == "Problems"


def test_show_report_emits_the_title(qtbot):
    p = panel(qtbot)
    with qtbot.waitSignal(p.title_changed) as blocker:
        p.show_report(REPORT, TEXT)
    assert blocker.args == ["Problems (1 error, 1 warning, 1 note)"]


def test_rows_give_line_and_word(qtbot):
    p = panel(qtbot)
    p.show_report(REPORT, TEXT)
    rows = [[p.tree.topLevelItem(i).text(c) for c in range(4)] for i in range(3)]
    assert rows[1][:3] == ["warning", "2", "Spelling"] and "electon" in rows[1][3]


def test_double_click_jumps_to_the_problem(qtbot):
    p = panel(qtbot)
    p.show_report(REPORT, TEXT)
    item = p.tree.topLevelItem(1)
    rect = p.tree.visualItemRect(item)
    with qtbot.waitSignal(p.jump_requested) as blocker:
        qtbot.mouseClick(p.tree.viewport(), Qt.LeftButton, pos=rect.center())
        qtbot.mouseDClick(p.tree.viewport(), Qt.LeftButton, pos=rect.center())
    assert blocker.args == [16, 23]


def test_enter_jumps_to_the_current_problem(qtbot):
    p = panel(qtbot)
    p.show_report(REPORT, TEXT)
    p.select_row(2)
    p.tree.setFocus()
    with qtbot.waitSignal(p.jump_requested) as blocker:
        qtbot.keyClick(p.tree, Qt.Key_Return)
    assert blocker.args == [35, 50]


def test_severity_filter_hides_other_rows(qtbot):
    p = panel(qtbot)
    p.show_report(REPORT, TEXT)
    p.filter.setCurrentIndex(1)  # errors
    assert p.tree.topLevelItemCount() == 1 and p.tree.topLevelItem(0).text(0) == "error"


def test_details_column_fills_the_panel_and_keeps_full_text_in_a_tooltip(qtbot):
    p = panel(qtbot)
    p.resize(380, 300)
    long = Problem("unattributed-quote", "warning", 35, 50,
                   "nobody is named as saying this quotation; add a speaker or tag it")
    p.show_report(CheckReport(words=8, problems=[REPORT.problems[0], long]), TEXT)
    qtbot.waitUntil(lambda: p.tree.viewport().width() < 380)
    header = p.tree.header()
    assert sum(header.sectionSize(c) for c in range(4)) == p.tree.viewport().width()
    assert not p.tree.horizontalScrollBar().isVisible()
    spelling = p.tree.topLevelItem(0)
    assert spelling.toolTip(3).startswith("“electon” — try election")
    assert p.tree.topLevelItem(1).toolTip(3) == long.message


def _row_of_kind(p, label):
    return next(p.tree.topLevelItem(i) for i in range(p.tree.topLevelItemCount())
                if p.tree.topLevelItem(i).text(2) == label)


def test_a_boilerplate_row_offers_remove_boilerplate(qtbot):
    p = panel(qtbot)
    p.show_report(REPORT, TEXT)
    menu = p.menu_for(_row_of_kind(p, "Boilerplate"))
    texts = [a.text() for a in menu.actions()]
    assert texts == ["Go to problem", "Remove boilerplate"]
    with qtbot.waitSignal(p.remove_boilerplate_requested) as blocker:
        menu.actions()[1].trigger()
    assert blocker.args == [0, 5]


def test_other_rows_offer_no_removal(qtbot):
    p = panel(qtbot)
    p.show_report(REPORT, TEXT)
    menu = p.menu_for(_row_of_kind(p, "Spelling"))
    assert [a.text() for a in menu.actions()] == ["Go to problem"]
    with qtbot.waitSignal(p.jump_requested) as blocker:
        menu.actions()[0].trigger()
    assert blocker.args == [16, 23]


# -- a report not yet spell-checked (first start) ------------------------------------------
def test_a_notice_replaces_no_problems_found(qtbot):
    p = panel(qtbot)
    p.show_report(CheckReport(words=3, problems=[]), "All is well.")
    assert p.summary.text() == "No problems found"
    p.show_notice("Preparing spelling — first start")
    assert p.summary.text() == "Preparing spelling — first start"
    p.show_notice("")
    assert p.summary.text() == "No problems found"


def test_a_notice_follows_the_count(qtbot):
    p = panel(qtbot)
    p.show_notice("Preparing spelling — first start")
    p.show_report(REPORT, TEXT)
    assert p.summary.text() == "3 problems · Preparing spelling — first start"


def _rows(p):
    tree = p.tree
    return [tuple(tree.topLevelItem(i).text(c) for c in range(4)) + (tree.topLevelItem(i).toolTip(3),)
            for i in range(tree.topLevelItemCount())]


def test_rows_updated_in_place_equal_a_fresh_fill_and_jump_to_the_new_offsets(qtbot):
    from desk.checks.engine import check_text

    before = "The electon was close.\n\n“We won,” she said.\n\nThe budgett passed."
    after = "New line.\nThe electon was close.\n\n“We won,” she sayd.\n\nThe budgett passed."
    kept = panel(qtbot)
    kept.show_report(check_text(before), before)
    first = kept.tree.topLevelItem(0)
    kept.show_report(check_text(after), after)
    new = panel(qtbot)
    new.show_report(check_text(after), after)
    assert _rows(kept) == _rows(new) and len(_rows(new)) >= 4
    assert kept.tree.topLevelItem(0) is not first or _rows(kept)[0][1] == "1"
    last = kept.tree.topLevelItem(kept.tree.topLevelItemCount() - 1)
    with qtbot.waitSignal(kept.jump_requested) as jumped:
        kept._activated(last)
    p = new.problem_of(new.tree.topLevelItem(new.tree.topLevelItemCount() - 1))
    assert jumped.args == [p.start, p.end] and after[p.start:p.end] == "budgett"
