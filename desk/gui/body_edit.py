"""BodyEdit: the Markdown editor for an article's body.

Offsets that cross this widget's boundary are Python str offsets. QTextDocument counts
UTF-16 code units, so astral characters (emoji) count twice there; py_to_qt / qt_to_py
convert, with a fast path for the usual case of text without any astral character.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

# Layers are drawn bottom to top in this order; unknown layers go on top.
LAYER_ORDER = ("checks", "find")
TEXT_COLUMN_CHARS = 78  # the widest the text column grows, in average character widths


def py_to_qt(text: str, i: int) -> int:
    """A Python str offset into text -> the QTextDocument position (UTF-16 units)."""
    if not _ASTRAL.search(text, 0, i):
        return i
    return len(text[:i].encode("utf-16-le")) // 2


def qt_to_py(text: str, i: int) -> int:
    """A QTextDocument position (UTF-16 units) into text -> the Python str offset."""
    if not _ASTRAL.search(text, 0, i):
        return i
    units = 0
    for n, ch in enumerate(text):
        if units >= i:
            return n
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def fields_of(selection: QTextEdit.ExtraSelection) -> tuple[QTextCursor, QTextCharFormat]:
    """(cursor, format) of an ExtraSelection the window keeps, read from a copy of it.

    Reading ``selection.cursor`` makes a Python wrapper over the selection's own memory (the
    field), which the selection keeps; when the collector clears that wrapper first (a
    window's selections in a cycle at exit), PySide 6.11 hands it ownership and the memory
    is freed twice (desk.gui.mark_painter). The copy's wrappers go with the copy, here."""
    copy = QTextEdit.ExtraSelection(selection)
    return QTextCursor(copy.cursor), QTextCharFormat(copy.format)


class BodyEdit(QPlainTextEdit):
    """Plain Markdown text; marks from other parts of the window come in named layers."""

    context_menu_about_to_show = Signal(QMenu, int)  # menu, str offset under the mouse
    files_dropped = Signal(list)  # local paths dropped onto the text
    zoom_changed = Signal(int)
    viewport_resized = Signal()  # after a resize: more or less text may be on screen

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("body")
        self.setAccessibleName("Article body")
        self.setAccessibleDescription("The article text, in Markdown")
        self.setTabChangesFocus(False)
        self.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.setCenterOnScroll(False)
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        # (headline, dek) -> which of them the article took: a paste that starts with a
        # headline fills an empty Headline field (set by ArticleEditor; desk.gui.paste)
        self.headline_sink: Callable[[str, str], tuple[bool, bool]] | None = None
        self._zoom = 0
        font = QFont()
        font.setFamilies(["Source Serif 4", "Charter", "Georgia", "DejaVu Serif", "Noto Serif",
                          "serif"])
        font.setStyleHint(QFont.Serif)
        font.setPointSizeF(max(12.0, QFont().pointSizeF() * 1.25))
        self.setFont(font)
        self.document().setDocumentMargin(18)
        # The margins around the text column are part of the page, not grey window chrome.
        self.setStyleSheet("BodyEdit { background: palette(base); border: none; }")

    # -- marks -----------------------------------------------------------------
    def set_marks(self, layer: str, selections: list) -> None:
        """Replace one layer of ExtraSelections (B's "checks", find's "find")."""
        if selections:
            self._layers[layer] = list(selections)
        else:
            self._layers.pop(layer, None)
        ordered = sorted(self._layers, key=lambda n: (
            LAYER_ORDER.index(n) if n in LAYER_ORDER else len(LAYER_ORDER), n))
        merged: list = []
        for name in ordered:
            merged.extend(self._layers[name])
        self.setExtraSelections(merged)

    def marks(self, layer: str) -> list:
        """The layer's selections themselves: read their place and look through
        ``fields_of``, never their ``cursor`` or ``format`` (see there)."""
        return list(self._layers.get(layer, ()))

    # -- offsets ---------------------------------------------------------------
    def select_range(self, start: int, end: int) -> None:
        """Select text[start:end] (str offsets), scroll it into view and focus the editor."""
        text = self.toPlainText()
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        cursor = self.textCursor()
        cursor.setPosition(py_to_qt(text, start))
        cursor.setPosition(py_to_qt(text, end), QTextCursor.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus(Qt.OtherFocusReason)

    def cursor_offset(self) -> int:
        return qt_to_py(self.toPlainText(), self.textCursor().position())

    # -- context menu ----------------------------------------------------------
    def contextMenuEvent(self, event):  # noqa: N802 (Qt override)
        menu = self.createStandardContextMenu(event.pos())
        qt_pos = self.cursorForPosition(event.pos()).position()
        self.context_menu_about_to_show.emit(menu, qt_to_py(self.toPlainText(), qt_pos))
        self._exec_menu(menu, event.globalPos())
        menu.deleteLater()

    def _exec_menu(self, menu: QMenu, where) -> None:
        menu.exec(where)

    # -- paste and drop ----------------------------------------------------------
    def insertFromMimeData(self, source):  # noqa: N802 (Qt override)
        paths = _local_files(source)
        if paths:
            self.files_dropped.emit(paths)
            return
        from desk.gui.paste import paste_html, paste_text

        pasted = paste_html(source.html()) if source.hasHtml() else None
        if (pasted is None or not pasted.markdown) and source.hasText():
            pasted = paste_text(source.text())
        if pasted is None or not pasted.markdown:
            return
        taken = (False, False)
        if pasted.headline and self.headline_sink is not None:
            taken = self.headline_sink(pasted.headline, pasted.dek)
        text = pasted.text_to_insert(*taken)
        if text:
            self.textCursor().insertText(text)
        self.ensureCursorVisible()

    def canInsertFromMimeData(self, source):  # noqa: N802 (Qt override)
        return bool(_local_files(source)) or source.hasHtml() or source.hasText()

    # -- zoom and the text column ----------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        steps = max(-6, min(12, int(steps)))
        if steps != self._zoom:
            self.zoomIn(steps - self._zoom)
            self._zoom = steps
            self._fit_column()
            self.zoom_changed.emit(steps)

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        self._fit_column(relayout=False)  # margins first, so the layout below uses them
        super().resizeEvent(event)
        self.viewport_resized.emit()

    def _fit_column(self, relayout: bool = True) -> None:
        """Keep lines at a readable length: wide windows get margins, not 200-char lines."""
        column = self.fontMetrics().averageCharWidth() * TEXT_COLUMN_CHARS
        spare = self.width() - column - 40
        side = max(0, spare // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)
            if relayout:
                from PySide6.QtGui import QResizeEvent

                super().resizeEvent(QResizeEvent(self.size(), self.size()))


def _local_files(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p]
