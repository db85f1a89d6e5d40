"""Helpers for the team-library window tests: a window on a PostgreSQL library of the
throwaway cluster, and what its list and panels show."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.storage import Library
from tests.gui.shell_helpers import make_window


def team_window(qtbot, url: str, settings_path):
    """A window on the team library at ``url`` (seeded as a new team gets it)."""
    library = Library.open(url)
    window = make_window(qtbot, library, settings_path)
    qtbot.waitUntil(lambda: window.team.listener.listening.is_set(), timeout=10000)
    return window, library


def listed_headlines(window) -> list[str]:
    model = window.library_panel.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def listed_status(window, headline: str) -> str | None:
    model = window.library_panel.model
    for r in range(model.rowCount()):
        if model.data(model.index(r, 0)) == headline:
            return model.data(model.index(r, 1))
    return None


def source_names(window) -> list[str]:
    table = window.panels["sources"].table
    return [table.topLevelItem(i).text(0) for i in range(table.topLevelItemCount())]


def queued_quotes(window) -> list[int]:
    tree = window.panels["review"].tree
    return [tree.topLevelItem(i).data(0, Qt.UserRole) for i in range(tree.topLevelItemCount())]
