"""The one place that builds the window: every part made with a normal import and handed to
MainWindow, so a part that is missing or cannot be built stops desk at start instead of
leaving a dock out or letting a status change skip the gate.

``build_window(library, settings)`` is what desk.app and the tests call; ``build_parts``
makes the parts alone (a test may swap one with ``dataclasses.replace`` before building).
At start-up (``defer_panels``) the panels but Problems are made just after the first paint
(desk.gui.panel_set); their modules are imported then, the same normal imports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desk.gui.article_editor import ArticleEditor
from desk.gui.editor_menu import EditorMenu
from desk.gui.library_panel import LibraryPanel
from desk.gui.live_checks import LiveChecker
from desk.gui.op_runner import OperationRunner
from desk.gui.panel_set import PanelSet
from desk.gui.panels.problems import ProblemsPanel

if TYPE_CHECKING:
    from desk.gui.main_window import MainWindow
    from desk.gui.settings import WindowSettings
    from desk.journal import Journal
    from desk.storage import Library

# The right-hand docks, in their tab order: object name -> dock title.
PANEL_TITLES = {"problems": "Problems", "quotes": "Quotes", "sources": "Sources",
                "preview": "Preview", "review": "Review"}

# (parent widget, the runner, article id, new status) -> whether the status changed
StatusGate = Callable[[QWidget, OperationRunner, int, str], bool]


@dataclass
class WindowParts:
    """Everything the window lays out and wires; each field is required."""

    runner: OperationRunner
    editor: ArticleEditor
    checker: LiveChecker
    editor_menu: EditorMenu
    status_gate: StatusGate
    library_panel: LibraryPanel
    panels: PanelSet  # PANEL_TITLES' names -> panel (a plain dict is taken as made)

    def __post_init__(self) -> None:
        if isinstance(self.panels, dict):
            self.panels = PanelSet(self.panels)
        missing = [f.name for f in fields(self) if getattr(self, f.name) is None]
        if missing:
            raise TypeError(f"the window cannot start without: {', '.join(missing)}")
        absent = [name for name in PANEL_TITLES if name not in self.panels]
        if absent:
            raise TypeError(f"the window cannot start without the panels: {', '.join(absent)}")


def request_status_change(parent: QWidget, runner: OperationRunner, article_id: int,
                          new_status: str) -> bool:
    """desk.gui.status_gate's request_status_change, imported when a status first changes
    (its dialog and desk.operations.articles are not needed before the first paint)."""
    from desk.gui.status_gate import request_status_change as request

    return request(parent, runner, article_id, new_status)


def panel_makers(library: Library, runner: OperationRunner) -> dict[str, Callable[[], QWidget]]:
    """PANEL_TITLES' names -> what makes the panel (each panel's module imported then)."""

    def quotes() -> QWidget:
        from desk.gui.panels.quotes import QuotesPanel

        return QuotesPanel(library)

    def sources() -> QWidget:
        from desk.gui.panels.sources import SourcesPanel

        return SourcesPanel(library, runner=runner)

    def preview() -> QWidget:
        from desk.gui.panels.preview import PreviewPanel

        return PreviewPanel()

    def review() -> QWidget:
        from desk.gui.panels.review_queue import ReviewQueuePanel

        return ReviewQueuePanel(library, runner=runner, separate_process=True)

    return {"problems": ProblemsPanel, "quotes": quotes, "sources": sources,
            "preview": preview, "review": review}


def build_parts(library: Library, *, defer_panels: bool = False) -> WindowParts:
    """Every part made now; with ``defer_panels`` the panels but Problems are made when
    first needed (start-up: just after the first paint)."""
    runner = OperationRunner(library)
    editor = ArticleEditor(library)
    checker = LiveChecker(library, editor.body, separate_process=True)  # checks never hold the GIL
    panels = PanelSet(makers=panel_makers(library, runner))
    panels["problems"]
    if not defer_panels:
        panels.make_rest()
    return WindowParts(
        runner=runner,
        editor=editor,
        checker=checker,
        editor_menu=EditorMenu(library, editor, checker, editor, runner=runner),
        status_gate=request_status_change,
        library_panel=LibraryPanel(library, runner=runner),
        panels=panels,
    )


def build_window(library: Library, settings: WindowSettings | None = None, *,
                 open_last: bool = True, journal: Journal | None = None,
                 parts: WindowParts | None = None, defer_panels: bool = False) -> MainWindow:
    """The main window on ``library`` with all its parts (built here unless given)."""
    from desk.gui.main_window import MainWindow

    if parts is None:
        parts = build_parts(library, defer_panels=defer_panels)
    return MainWindow(library, parts, settings, open_last=open_last, journal=journal)
