"""Running an operation from the window, and announcing what it changed.

Menus, dialogs and panels never change the library themselves: they call
``runner.run(op, parent=widget, **kwargs)`` with a function from desk.operations. The runner
runs it (one transaction, in the core), shows a DeskError as a dialog and returns None, and
on success emits ``changed`` with the result's Changes. Panels subscribe to ``changed`` and
refresh what the change concerns; they disconnect when they close."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from desk.model import DeskError
from desk.operations.changes import Changes

log = logging.getLogger(__name__)


class OperationRunner(QObject):
    # (Changes, the widget that asked, or None): a panel may skip refreshing what it did itself
    changed = Signal(object, object)

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library

    def run(self, op, /, *, parent=None, quiet: bool = False, **kwargs):
        """``op(library, **kwargs)``; its result, or None after telling the editor why not
        (``quiet``: no dialog, the caller shows the error itself — the DeskError is raised)."""
        try:
            result = op(self.library, **kwargs)
        except DeskError as exc:
            log.debug("%s refused in the window: %s", getattr(op, "__name__", op), exc)
            if quiet:
                raise
            from desk.gui.dialogs import show_error

            show_error(parent, str(exc))
            return None
        self.announce(getattr(result, "changes", None), origin=parent)
        return result

    def announce(self, changes: Changes | None, *, origin=None) -> None:
        """Tell every subscriber what changed (nothing when nothing did)."""
        if changes:
            log.debug("library changed: %s", changes.describe())
            self.changed.emit(changes, origin)
