"""QShortcut with a context that sticks, and the keys that widgets read themselves.

In this PySide6 (6.11), ``QShortcut(key, parent, slot, context=...)`` silently ignores the
``context`` keyword: the shortcut becomes window-wide, so two of them on the same key (Del on
the library list and on the sources table; F3 on the find bar and in the Edit menu) are
ambiguous and neither fires. Setting the context after construction works.

Help > Keyboard Shortcuts (desk.gui.help_dialogs) lists every QAction and QShortcut of the
window; a shortcut says what it does in its whatsThis. The keys a widget handles in its own
keyPressEvent are not objects Qt can list, so they are named in WIDGET_KEYS (a test checks
the review queue's against the panel).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

# (where, what it does, keys): keys that no QAction or QShortcut carries.
WIDGET_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Review queue", "Next quotation", "J"),
    ("Review queue", "Previous quotation", "K"),
    ("Review queue", "Verify the quotation", "V"),
    ("Review queue", "Dispute the quotation", "D"),
    ("Review queue", "Review dialog for the quotation", "R"),
    ("Review queue", "Open the quotation in its article", "Return"),
    ("Library", "From the search field into the list", "Down"),
    ("Library", "Open the selected article and go to its text", "Return"),
    ("Article fields", "Next field (headline, dek)", "Return"),
    ("Article text", "Suggestions, speaker and source for the word or quotation",
     "Menu, Shift+F10"),
    ("Quotes panel", "Walk the quotations (each is selected in the text)", "Up, Down"),
)


def _described(slot) -> str:
    """A slot's name as words: trash_current -> "Trash current"."""
    name = getattr(slot, "__name__", "").strip("_").replace("_", " ")
    return name[:1].upper() + name[1:]


def local_shortcut(key, parent, slot, context=Qt.WidgetShortcut, *,
                   description: str | None = None) -> QShortcut:
    """A shortcut active only in ``parent`` (or its children, with WidgetWithChildrenShortcut);
    ``description`` (default: the slot's name as words) is what Help > Keyboard Shortcuts says."""
    shortcut = QShortcut(QKeySequence(key), parent)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    shortcut.setWhatsThis(description or _described(slot))
    return shortcut
