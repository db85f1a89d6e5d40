"""Engineer B's widgets, looked up by the names agreed in GUI.md. A module that is not
there (yet) leaves its dock out instead of stopping the window from starting."""

from __future__ import annotations

import importlib


def _find(module: str, name: str):
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:  # it exists but needs a part of desk that has not landed
            import sys

            print(f"desk: {module} unavailable: {exc}", file=sys.stderr)
        return None
    return getattr(mod, name, None)


def live_checker_class():
    return _find("desk.gui.live_checks", "LiveChecker")


def status_gate():
    """B's request_status_change(parent, library, article_id, new_status) -> bool, or None."""
    return _find("desk.gui.status_gate", "request_status_change")


def editor_menu():
    """B's right-click menu installer, if it exposes one (install_editor_menu / EditorMenu)."""
    return (_find("desk.gui.editor_menu", "install_editor_menu")
            or _find("desk.gui.editor_menu", "EditorMenu"))


def review_wiring():
    """B's connect_review_signals(checker=, editor_menu=, panels=, autosaver=), or None."""
    return _find("desk.gui.panels", "connect_review_signals")


# (dock title, object name, module, class, takes the library)
PANELS = (
    ("Problems", "problems", "desk.gui.panels.problems", "ProblemsPanel", False),
    ("Quotes", "quotes", "desk.gui.panels.quotes", "QuotesPanel", True),
    ("Sources", "sources", "desk.gui.panels.sources", "SourcesPanel", True),
    ("Preview", "preview", "desk.gui.panels.preview", "PreviewPanel", False),
    ("Review", "review", "desk.gui.panels.review_queue", "ReviewQueuePanel", True),
)


def build_panels(library, *, runner=None) -> list[tuple[str, str, object]]:
    """[(title, object name, widget)] for every panel that exists."""
    out = []
    for title, name, module, cls_name, takes_library in PANELS:
        cls = _find(module, cls_name)
        if cls is None:
            continue
        widget = cls(library, runner=runner) if takes_library else cls()
        out.append((title, name, widget))
    return out
