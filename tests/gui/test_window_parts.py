"""Building the window: every part made in one place, a missing part an error at start."""

from dataclasses import fields, replace

import pytest

from desk.gui.main_window import MainWindow
from desk.gui.window_parts import PANEL_TITLES, WindowParts, build_parts
from tests.gui.shell_helpers import close_window, make_window

PART_NAMES = [f.name for f in fields(WindowParts)]


def test_the_window_is_laid_out_from_the_parts_it_is_given(qtbot, library, tmp_path):
    parts = build_parts(library)
    w = make_window(qtbot, library, tmp_path / "s.ini", open_last=False, parts=parts)
    try:
        assert w.runner is parts.runner and w.runner.parent() is w
        assert w.checker is parts.checker and w.editor_menu is parts.editor_menu
        assert w.editor is parts.editor and w.library_panel is parts.library_panel
        assert list(w.panel_docks) == list(PANEL_TITLES)
        for name, title in PANEL_TITLES.items():
            assert w.panel_docks[name].widget() is parts.panels[name]
            assert w.panel_docks[name].windowTitle().startswith(title)
    finally:
        close_window(w)


@pytest.mark.parametrize("name", PART_NAMES)
def test_a_missing_part_stops_the_start(qtbot, library, name):
    parts = build_parts(library)
    qtbot.addWidget(parts.editor)
    with pytest.raises(TypeError, match=name):
        replace(parts, **{name: None})


def test_a_missing_panel_stops_the_start(qtbot, library):
    parts = build_parts(library)
    qtbot.addWidget(parts.editor)
    panels = {k: v for k, v in parts.panels.items() if k != "review"}
    with pytest.raises(TypeError, match="review"):
        replace(parts, panels=panels)


def test_parts_cannot_be_left_out(qtbot, library):
    parts = build_parts(library)
    qtbot.addWidget(parts.editor)
    given = {f.name: getattr(parts, f.name) for f in fields(WindowParts) if f.name != "checker"}
    with pytest.raises(TypeError, match="checker"):
        WindowParts(**given)


def test_the_window_does_not_build_its_own_parts(library):
    with pytest.raises(TypeError):
        MainWindow(library)
