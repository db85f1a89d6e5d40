"""Dock tabs say their whole title, and the text keeps a readable line in a small window:
the library joins the panels' tabs rather than squeezing the body."""

from PySide6.QtWidgets import QTabBar

from desk.gui.dock_layout import READABLE_CHARS, line_chars


def dock_bars(win):
    return [b for b in win.findChildren(QTabBar) if b.parent() is win and b.isVisible()]


def whole_titles(bar) -> bool:
    """Every tab is as wide as its text needs (nothing elided) and on screen."""
    fm = bar.fontMetrics()
    return all(bar.tabRect(i).width() >= fm.horizontalAdvance(bar.tabText(i))
               and bar.rect().contains(bar.tabRect(i)) for i in range(bar.count()))


def test_tabs_read_whole_at_the_default_size(qtbot, window):
    window.resize(1440, 900)
    qtbot.waitUntil(lambda: window.report is not None)  # "Problems (2)", the longest title
    (bar,) = dock_bars(window)
    titles = [bar.tabText(i) for i in range(bar.count())]
    assert titles == ["Problems (2)", "Quotes", "Sources", "Preview", "Review"]
    qtbot.waitUntil(lambda: whole_titles(bar))
    assert not window.dock_fitter.stacked


def test_a_small_window_keeps_a_readable_line(qtbot, window):
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.dock_fitter.stacked)
    qtbot.waitUntil(lambda: line_chars(window.editor.body) >= READABLE_CHARS)
    # the library is a tab among the panels, still one click (or Alt+1) away
    assert window.library_dock in window.tabifiedDockWidgets(window.panel_docks["problems"])
    (bar,) = dock_bars(window)
    assert "Library" in [bar.tabText(i) for i in range(bar.count())]
    qtbot.waitUntil(lambda: whole_titles(bar))


def test_the_library_goes_back_to_the_left_when_there_is_room(qtbot, window):
    from PySide6.QtCore import Qt

    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.dock_fitter.stacked)
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: not window.dock_fitter.stacked)
    assert window.dockWidgetArea(window.library_dock) == Qt.LeftDockWidgetArea
    assert window.tabifiedDockWidgets(window.library_dock) == []
    assert window.library_dock.isVisible()
    qtbot.waitUntil(lambda: line_chars(window.editor.body) >= READABLE_CHARS)


def test_a_medium_window_narrows_the_panels_before_stacking(qtbot, window):
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: line_chars(window.editor.body) >= READABLE_CHARS)
    assert not window.dock_fitter.stacked and window.library_dock.isVisible()


def test_a_wide_panel_in_front_keeps_the_library_stacked(qtbot, window):
    """The floor is the widest panel of the tab group, not the first one: measured on
    Problems while a wide Sources panel was in front, the library went back to the left as
    soon as it was stacked, and was stacked again, on every turn of the event loop."""
    from PySide6.QtWidgets import QApplication

    window.resize(1280, 800)
    qtbot.waitUntil(lambda: line_chars(window.editor.body) >= READABLE_CHARS)
    sources = window.panel_docks["sources"]
    sources.raise_()
    sources.widget().setMinimumWidth(470)  # as a Sources table with long names asks
    fitter = window.dock_fitter
    moves = []
    for name in ("_stack", "_unstack"):
        real = getattr(fitter, name)
        setattr(fitter, name, lambda host, need, real=real, name=name: (moves.append(name),
                                                                        real(host, need)))
    fitter.fit()
    for _ in range(10):
        QApplication.processEvents()
        fitter.fit()
    assert moves == ["_stack"]
    assert fitter.stacked
