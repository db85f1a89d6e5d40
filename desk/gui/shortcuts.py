"""QShortcut with a context that sticks.

In this PySide6 (6.11), ``QShortcut(key, parent, slot, context=...)`` silently ignores the
``context`` keyword: the shortcut becomes window-wide, so two of them on the same key (Del on
the library list and on the sources table; F3 on the find bar and in the Edit menu) are
ambiguous and neither fires. Setting the context after construction works.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut


def local_shortcut(key, parent, slot, context=Qt.WidgetShortcut) -> QShortcut:
    """A shortcut active only in ``parent`` (or its children, with WidgetWithChildrenShortcut)."""
    shortcut = QShortcut(QKeySequence(key), parent)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    return shortcut
