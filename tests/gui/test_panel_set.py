"""The panels made when first needed (start-up: just after the first paint): a panel made
late is docked and wired as one made at the start, and nothing the window needs is missing."""

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from desk.gui.panel_set import PanelSet, make_in_turns
from desk.gui.window_parts import PANEL_TITLES
from desk.operations.sources import create_source
from tests.gui.shell_helpers import close_window, make_window


def source_names(panel) -> list[str]:
    return [panel.table.topLevelItem(i).text(0) for i in range(panel.table.topLevelItemCount())]


def label_maker(made: list, name: str):
    def make():
        made.append(name)
        return QLabel(name)
    return make


def test_a_panel_is_made_once_when_first_asked_for(qtbot):
    made: list = []
    panels = PanelSet(makers={n: label_maker(made, n) for n in ("a", "b")})
    assert "a" in panels and "z" not in panels and list(panels) == ["a", "b"]
    assert made == [] and panels.made("a") is None and panels.pending() == ["a", "b"]
    first = panels["a"]
    qtbot.addWidget(first)
    assert panels["a"] is first and made == ["a"] and panels.pending() == ["b"]
    with pytest.raises(KeyError):
        panels["z"]


def test_who_wires_a_panel_hears_of_each_one_made_before_and_after(qtbot):
    made: list = []
    panels = PanelSet({"a": QLabel("a")}, {"b": label_maker(made, "b")})
    heard: list = []
    panels.when_made(lambda name, panel: heard.append((name, panel.text())))
    assert heard == [("a", "a")]
    panels.make_rest()
    assert heard == [("a", "a"), ("b", "b")] and panels.pending() == []
    for name in panels:
        qtbot.addWidget(panels[name])


def test_a_plain_dict_of_panels_counts_as_made(qtbot, library):
    from desk.gui.window_parts import build_parts

    parts = build_parts(library)
    qtbot.addWidget(parts.editor)
    assert isinstance(parts.panels, PanelSet) and parts.panels.pending() == []


@pytest.fixture
def deferred(qtbot, seeded, tmp_path):
    """The window as desk starts it: only the Problems panel made before the first paint."""
    w = make_window(qtbot, seeded, tmp_path / "s.ini", defer_panels=True)
    yield w
    close_window(w)


def test_only_the_problems_panel_is_made_before_the_paint(deferred):
    assert deferred.panels.pending() == ["quotes", "sources", "preview", "review"]
    assert deferred.panel_docks["problems"].widget() is deferred.panels["problems"]
    for name in deferred.panels.pending():  # an empty dock, titled, in its place
        dock = deferred.panel_docks[name]
        assert type(dock.widget()) is QWidget
        assert dock.windowTitle().startswith(PANEL_TITLES[name])


def test_a_deferred_dock_shown_makes_and_docks_its_panel(deferred, qtbot):
    dock = deferred.panel_docks["sources"]
    dock.raise_()
    qtbot.waitUntil(lambda: deferred.panels.made("sources") is not None, timeout=5000)
    panel = deferred.panels.made("sources")
    assert dock.widget() is panel
    qtbot.waitUntil(panel.isVisible, timeout=5000)
    assert source_names(panel)  # the welcome article's sources, read when made


def test_a_panel_made_late_is_wired_to_the_window(deferred, qtbot):
    aid = deferred.editor.article_id
    deferred.open_article(None)
    deferred.panels["sources"].open_article.emit(aid)  # "quoted in": opens that article
    assert deferred.editor.article_id == aid
    deferred.panels["quotes"].jump_requested.emit(0, 7)
    assert deferred.editor.body.textCursor().selectedText() == deferred.editor.body.toPlainText()[:7]
    deferred.open_article(None)
    deferred.panels["review"].open_quote.emit(aid, 0, 3)
    assert deferred.editor.article_id == aid
    assert deferred.editor.body.textCursor().selectedText() == deferred.editor.body.toPlainText()[:3]


def test_a_panel_made_late_hears_what_changed_in_the_library(deferred, qtbot):
    sources = deferred.panels["sources"]
    assert deferred.runner.run(create_source, name="Ana Ruiz") is not None
    assert "Ana Ruiz" in source_names(sources)


def test_the_rest_is_made_one_per_turn_of_the_event_loop(deferred, qtbot):
    make_in_turns(deferred.panels, deferred)
    assert len(deferred.panels.pending()) == 3  # one now, the others in later turns
    qtbot.waitUntil(lambda: not deferred.panels.pending(), timeout=10_000)
    for name, dock in deferred.panel_docks.items():
        assert dock.widget() is deferred.panels.made(name)
    assert deferred.panels["review"].refresher is not None  # its stale-results refresh, too


def test_nothing_more_is_made_once_the_window_closed(deferred, qtbot):
    deferred.autosaver.dirty = False
    deferred.close()
    assert deferred.closed
    make_in_turns(deferred.panels, deferred)
    assert len(deferred.panels.pending()) == 4
