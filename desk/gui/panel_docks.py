"""The right-hand docks, tabbed in PANEL_TITLES' order, and what each panel asks of the
window. A panel not made yet (start-up, desk.gui.panel_set) has an empty dock until it is
made (just after the first paint, or when its dock shows): it is docked and wired then,
as a panel made at the start is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from desk.gui.window_parts import PANEL_TITLES

if TYPE_CHECKING:
    from desk.gui.main_window import MainWindow

FEATURES = (QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetClosable
            | QDockWidget.DockWidgetFloatable)


def build(win: MainWindow) -> dict[str, QDockWidget]:
    """One dock per panel, tabbed together on the right, the first in front."""
    docks: dict[str, QDockWidget] = {}
    for name, title in PANEL_TITLES.items():
        dock = QDockWidget(title, win)
        dock.setObjectName(f"{name}-dock")
        dock.setWidget(win.panels.made(name) or QWidget())
        dock.setAccessibleName(title)
        dock.setFeatures(FEATURES)
        win.addDockWidget(Qt.RightDockWidgetArea, dock)
        if docks:
            win.tabifyDockWidget(next(iter(docks.values())), dock)
        docks[name] = dock
        # a panel not made yet is made when its dock shows (a saved layout's front tab)
        dock.visibilityChanged.connect(lambda shown, n=name: shown and win.panels[n])
    first = next(iter(docks.values()))
    first.raise_()
    win.resizeDocks([win.library_dock], [300], Qt.Horizontal)
    win.resizeDocks([first], [380], Qt.Horizontal)
    return docks


def panel_made(win: MainWindow, name: str, panel: QWidget) -> None:
    """Dock ``panel`` (if it came after its dock) and wire what it asks of the window."""
    dock = win.panel_docks[name]
    if dock.widget() is not panel:
        placeholder = dock.widget()
        dock.setWidget(panel)
        if placeholder is not None:
            placeholder.deleteLater()
        panel.setVisible(dock.isVisible())
    if name in ("problems", "quotes"):
        panel.jump_requested.connect(win.editor.body.select_range)
    if name == "problems":
        panel.title_changed.connect(win._problems_title)
        panel.remove_boilerplate_requested.connect(win.editor_menu.remove_boilerplate)
        win.checker.notice_changed.connect(panel.show_notice)  # "Preparing spelling — …"
    elif name == "sources":
        panel.open_article.connect(win.open_article)
    elif name == "review":
        panel.open_quote.connect(win.open_quote)


__all__ = ["build", "panel_made"]
