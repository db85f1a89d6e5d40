"""Running an operation from the window, and announcing what it changed.

Menus, dialogs and panels never change the library themselves: they call
``runner.run(op, parent=widget, **kwargs)`` with a function from desk.operations. The runner
runs it (one transaction, in the core), shows a DeskError as a dialog and returns None, and
on success emits ``changed`` with the result's Changes. Panels subscribe to ``changed`` and
refresh what the change concerns; they disconnect when they close.

``editor_name`` (the Preferences' name, set by the window) is passed as ``reviewer`` to every
operation that stamps one, unless the caller names a reviewer itself; without it the
operations stamp their own default (desk.editor_name.cli_name).

``lock_session`` (the window's editing-lock session, desk.gui.edit_lock) is passed likewise as
``session`` to every operation that takes one (a status change, the trash, a restored
revision), which is then refused, naming the holder, while another window holds the
article's editing lock (desk.operations.articles).

A lost connection to the team library is raised (or shown) as desk.gui.offline.TeamOffline,
in the offline banner's words, and announced with ``connection_lost``."""

from __future__ import annotations

import inspect
import logging
from functools import lru_cache

from PySide6.QtCore import QObject, Signal

from desk.model import DeskError
from desk.operations.changes import Changes

log = logging.getLogger(__name__)


class OperationRunner(QObject):
    # (Changes, the widget that asked, or None): a panel may skip refreshing what it did itself
    changed = Signal(object, object)
    connection_lost = Signal()  # an operation failed on a lost team-library connection

    def __init__(self, library, parent=None, *, editor_name: str | None = None):
        super().__init__(parent)
        self.library = library
        self.editor_name = editor_name
        self.lock_session: str | None = None

    def run(self, op, /, *, parent=None, quiet: bool = False, **kwargs):
        """``op(library, **kwargs)``; its result, or None after telling the editor why not
        (``quiet``: no dialog, the caller shows the error itself — the DeskError is raised)."""
        if self.editor_name and "reviewer" not in kwargs and _takes(op, "reviewer"):
            kwargs["reviewer"] = self.editor_name
        if self.lock_session and "session" not in kwargs and _takes(op, "session"):
            kwargs["session"] = self.lock_session
        try:
            result = op(self.library, **kwargs)
        except DeskError as exc:
            log.debug("%s refused in the window: %s", getattr(op, "__name__", op), exc)
            failure = self.explain(exc, getattr(op, "__name__", str(op)))
            if quiet:
                if failure is exc:
                    raise
                raise failure from exc
            from desk.gui.dialogs import show_error

            show_error(parent, str(failure))
            return None
        self.announce(getattr(result, "changes", None), origin=parent)
        return result

    def explain(self, exc: DeskError, doing: str = "an action") -> DeskError:
        """The error to show for ``exc``: TeamOffline, in the offline banner's words, for a
        lost team-library connection (``connection_lost`` is emitted), else ``exc``."""
        from desk.gui.offline import TeamOffline, lost_connection

        if isinstance(exc, TeamOffline) or not lost_connection(self.library, exc):
            return exc
        log.info("%s: the team library is offline (%s)", doing, exc)
        self.connection_lost.emit()
        return TeamOffline()

    def announce(self, changes: Changes | None, *, origin=None) -> None:
        """Tell every subscriber what changed (nothing when nothing did)."""
        if changes:
            log.debug("library changed: %s", changes.describe())
            self.changed.emit(changes, origin)


@lru_cache(maxsize=256)
def _takes(op, name: str) -> bool:
    try:
        return name in inspect.signature(op).parameters
    except (TypeError, ValueError):
        return False
