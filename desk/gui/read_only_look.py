"""How a read-only field looks (the editor in a window that does not hold the editing lock):
its white (Base) turns the window's grey, as a disabled box's does, in the theme of the
moment.

Only the Base role is set on the field; every other role follows the application's palette.
The grey is taken from the field's own Window colour, and taken again whenever the palette
changes (Edit > Preferences > Theme, or the desktop's own switch): a grey copied once from
the light theme stayed light under the dark one, behind light text — unreadable."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

_PALETTE_EVENTS = (QEvent.ApplicationPaletteChange, QEvent.PaletteChange)


class ReadOnlyLook(QObject):
    """Keeps the grey of the fields it looks after (``on``) in step with the palette."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._fields: list[QWidget] = []

    def set(self, field: QWidget, on: bool) -> None:
        if on:
            if field not in self._fields:
                self._fields.append(field)
                field.installEventFilter(self)
            _grey(field)
        else:
            if field in self._fields:
                self._fields.remove(field)
                field.removeEventFilter(self)
            field.setPalette(QPalette())  # the window's own again (its theme included)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if event.type() in _PALETTE_EVENTS and watched in self._fields:
            _grey(watched)
        return False


def _grey(field: QWidget) -> None:
    """Base as the field's Window colour; set only when it differs (setting it sends a
    PaletteChange, which comes back here)."""
    palette = field.palette()
    window = palette.color(QPalette.Window)
    if palette.color(QPalette.Base) != window or not palette.isBrushSet(QPalette.Active,
                                                                        QPalette.Base):
        fresh = QPalette()  # nothing resolved: only Base is the field's own
        for group in (QPalette.Active, QPalette.Inactive, QPalette.Disabled):
            fresh.setColor(group, QPalette.Base, window)
        field.setPalette(fresh)
