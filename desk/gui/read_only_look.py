"""How a read-only field looks (the editor in a window that does not hold the editing lock):
its white (Base) turns the window's grey, as a disabled box's does, in the theme of the
moment.

Only the Base role is set on the field; every other role follows the application's palette.
The grey is taken from the field's own Window colour, and taken again whenever the palette
changes (Edit > Preferences > Theme, or the desktop's own switch): a grey copied once from
the light theme stayed light under the dark one, behind light text — unreadable.

A field stays looked after once it has been read-only: when the theme changes, desk's style
sheet is set again (desk.gui.theme) and Qt's style-sheet style puts back the palette it saw
when it last polished the field — the grey of a read-only time long gone. An editable field
whose Base comes back so is given the application's palette again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

_PALETTE_EVENTS = (QEvent.ApplicationPaletteChange, QEvent.PaletteChange)


class ReadOnlyLook(QObject):
    """Keeps the Base of the fields it looks after in step with the palette: the window's
    grey while read-only (``set(field, True)``), the theme's own once editable again."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._read_only: dict[QWidget, bool] = {}

    def set(self, field: QWidget, on: bool) -> None:
        if field not in self._read_only:
            if not on:
                return  # never greyed: nothing of ours to undo
            field.installEventFilter(self)
        self._read_only[field] = on
        _follow(field, on)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if event.type() in _PALETTE_EVENTS and watched in self._read_only:
            _follow(watched, self._read_only[watched])
        return False


def _follow(field: QWidget, read_only: bool) -> None:
    if read_only:
        _grey(field)
    elif field.palette().isBrushSet(QPalette.Active, QPalette.Base):
        field.setPalette(QPalette())  # the window's own again (its theme included)


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
