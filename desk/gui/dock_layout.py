"""Docks that leave the text a readable line, and dock tabs that say their whole name.

The window's docks are laid out by QMainWindow; this keeps two promises on top of it:

- the tab bars of tabbed docks never elide their titles ("Quot…", "Sourc…"): they keep the
  whole title and scroll when there are more tabs than room;
- the body keeps at least READABLE_CHARS characters a line: when the window is too narrow
  for the library, the text and the panels side by side, the library becomes a tab among
  the panels, and goes back to the left once the window is wide enough again. Where the
  room allows, the panels' dock is widened so all its tabs fit.

DockFitter watches the window's resizes (and docks shown or hidden) and acts after the
layout has settled, on the next turn of the event loop."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QPlainTextEdit, QTabBar

READABLE_CHARS = 60  # the fewest characters a line of the body keeps
LIBRARY_WIDTH = 300  # the library dock's width when it goes back to the left
SLACK = 24  # separators and rounding: a window this much wider than needed unstacks


def line_chars(body: QPlainTextEdit) -> int:
    """How many average characters a line of the body holds now."""
    room = body.viewport().width() - 2 * body.document().documentMargin()
    return int(room // max(1, body.fontMetrics().averageCharWidth()))


def readable_width(body: QPlainTextEdit) -> int:
    """The body's width (frame, margins, scroll bar) for READABLE_CHARS a line."""
    chrome = body.width() - body.viewport().width() + 2 * body.document().documentMargin()
    chrome = max(chrome, 2 * body.document().documentMargin())
    return int(body.fontMetrics().averageCharWidth() * READABLE_CHARS + chrome + 2)


def readable_tabs(bar: QTabBar) -> None:
    """Whole titles; scroll buttons when the tabs do not fit."""
    if bar.elideMode() != Qt.ElideNone:
        bar.setElideMode(Qt.ElideNone)
    if not bar.usesScrollButtons():
        bar.setUsesScrollButtons(True)
    bar.setExpanding(False)


class DockFitter(QObject):
    def __init__(self, win: QMainWindow, library: QDockWidget, panels: list[QDockWidget],
                 body: QPlainTextEdit):
        super().__init__(win)
        self.win, self.library, self.panels, self.body = win, library, panels, body
        self.stacked = False  # the library was put among the panels by this fitter
        self._wide_enough = 0
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.fit)
        win.installEventFilter(self)
        for dock in (library, *panels):  # a dock shown, or a tab title grown ("Problems (3)")
            dock.visibilityChanged.connect(lambda _shown: self._timer.start())
            dock.windowTitleChanged.connect(lambda _title: self._timer.start())
        self.fix_tabs()

    def fix_tabs(self) -> None:
        for bar in self.win.findChildren(QTabBar):
            if bar.parent() is self.win:  # the docks' tab bars, not a panel's own tabs
                readable_tabs(bar)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if watched is self.win:
            kind = event.type()
            if kind == QEvent.Resize:
                self._timer.start()
            elif kind == QEvent.ChildPolished and isinstance(event.child(), QTabBar):
                readable_tabs(event.child())
        return super().eventFilter(watched, event)

    # -- fitting -------------------------------------------------------------------------
    def _host(self) -> QDockWidget | None:
        """The panel dock the library is stacked with (the first one docked and shown)."""
        for dock in self.panels:
            if dock.isVisible() and not dock.isFloating() \
                    and self.win.dockWidgetArea(dock) != Qt.NoDockWidgetArea:
                return dock
        return None

    def _library_beside(self) -> bool:
        lib = self.library
        return (lib.isVisible() and not lib.isFloating()
                and self.win.dockWidgetArea(lib) == Qt.LeftDockWidgetArea
                and not self.win.tabifiedDockWidgets(lib))

    def _tabs_width(self) -> int:
        """The widest the docks' tab bars want to be, whole titles shown."""
        bars = [b for b in self.win.findChildren(QTabBar)
                if b.parent() is self.win and b.isVisible() and b.count() > 1]
        return max((b.sizeHint().width() for b in bars), default=0) + 8

    def _floor(self, host: QDockWidget) -> int:
        """The narrowest the panels' dock goes before the library is stacked with it.

        Any panel of the host's tab group may be the one in front (the host is only the
        first one shown), and the dock is as wide as the widest of them asks: measuring
        the host alone let a wide Sources panel unstack the library as soon as it was
        stacked, and stack it again, on every turn of the event loop."""
        group = [host, *self.win.tabifiedDockWidgets(host)]
        widest = max(d.minimumSizeHint().width() for d in group if d is not self.library)
        return max(widest, self._tabs_width())

    def fit(self) -> None:
        """Stack or unstack the library for the width the window has now; then widen the
        panels to their tabs when there is room."""
        self.fix_tabs()
        if not self.win.isVisible():
            return
        need = readable_width(self.body)
        central = self.win.centralWidget().width()
        host = self._host()
        if host is None:
            return
        if not self.stacked and self._library_beside() and central < need:
            give = need - central
            if host.width() - give >= self._floor(host):  # narrower panels are enough
                self.win.resizeDocks([host], [host.width() - give], Qt.Horizontal)
            else:
                self._stack(host, need)
        elif self.stacked and self.win.width() >= self._wide_enough:
            self._unstack(host, need)
        self._widen_for_tabs(host, need)

    def _library_width(self) -> int:
        return max(LIBRARY_WIDTH, self.library.minimumSizeHint().width())

    def _stack(self, host: QDockWidget, need: int) -> None:
        shown = next((d for d in [host, *self.win.tabifiedDockWidgets(host)]
                      if not d.visibleRegion().isEmpty()), host)
        self._wide_enough = self._library_width() + self._floor(host) + need + SLACK
        width = host.width()
        self.win.tabifyDockWidget(host, self.library)
        shown.raise_()  # the panel that was showing stays in front
        self.stacked = True
        room = self.win.width() - need - SLACK
        self.win.resizeDocks([host], [max(host.minimumSizeHint().width(), min(width, room))],
                             Qt.Horizontal)
        self.fix_tabs()

    def _unstack(self, host: QDockWidget, need: int) -> None:
        self.stacked = False
        self.win.addDockWidget(Qt.LeftDockWidgetArea, self.library)
        self.library.show()
        left = self._library_width()
        room = self.win.width() - left - need - SLACK
        self.win.resizeDocks([self.library, host], [left, max(self._floor(host), room)],
                             Qt.Horizontal)
        self.fix_tabs()

    def _widen_for_tabs(self, host: QDockWidget, need: int) -> None:
        if not self.win.tabifiedDockWidgets(host):
            return
        want = self._tabs_width()
        spare = self.win.centralWidget().width() - need
        if host.width() < want and spare > 0:
            self.win.resizeDocks([host], [host.width() + min(spare, want - host.width())],
                                 Qt.Horizontal)
