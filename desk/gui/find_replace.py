"""Find (Ctrl+F) and replace (Ctrl+H) in the article body: a bar under the text that
highlights every match in the "find" mark layer and never hides the text."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QWidget,
)

from desk.gui.body_edit import py_to_qt, qt_to_py
from desk.gui.edit_dispatch import QuietTimer, for_body
from desk.gui.highlighter import blend
from desk.gui.shortcuts import local_shortcut

MAX_MARKS = 2000


class FindReplaceBar(QWidget):
    closed = Signal()

    def __init__(self, body, parent=None):
        super().__init__(parent)
        self.body = body
        self.setAccessibleName("Find and replace")
        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText("Find")
        self.find_field.setAccessibleName("Find")
        self.find_field.setClearButtonEnabled(True)
        self.replace_field = QLineEdit()
        self.replace_field.setPlaceholderText("Replace with")
        self.replace_field.setAccessibleName("Replace with")
        self.case = QCheckBox("Match &case")
        self.whole = QCheckBox("&Whole words")
        self.status = QLabel()
        self.status.setAccessibleName("Matches")
        prev_b = QPushButton("&Previous")
        next_b = QPushButton("&Next")
        self.replace_b = QPushButton("&Replace")
        self.replace_all_b = QPushButton("Replace &All")
        close_b = QToolButton()
        close_b.setText("✕")
        close_b.setAccessibleName("Close find bar")
        close_b.setAutoRaise(True)
        for b, name in ((prev_b, "Find previous"), (next_b, "Find next"),
                        (self.replace_b, "Replace"), (self.replace_all_b, "Replace all")):
            b.setAccessibleName(name)
            b.setAutoDefault(False)

        # Options and the match count get their own row: in one row with the fields the bar
        # needed ~700 px and widened the whole window past a 1440 px screen when it opened.
        options = QHBoxLayout()
        options.setSpacing(12)
        options.addWidget(self.case)
        options.addWidget(self.whole)
        options.addWidget(self.status, 1)
        self.status.setMinimumWidth(0)
        self.status.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.find_field, 0, 0)
        grid.addWidget(prev_b, 0, 1)
        grid.addWidget(next_b, 0, 2)
        grid.addWidget(close_b, 0, 3, Qt.AlignRight)
        grid.addWidget(self.replace_field, 1, 0)
        grid.addWidget(self.replace_b, 1, 1)
        grid.addWidget(self.replace_all_b, 1, 2)
        grid.addLayout(options, 2, 0, 1, 4)
        grid.setColumnStretch(0, 1)
        self.find_field.setMinimumWidth(120)
        self.replace_field.setMinimumWidth(120)

        self.find_field.textChanged.connect(self.refresh)
        self.find_field.returnPressed.connect(self.find_next)
        self.replace_field.returnPressed.connect(self.replace_one)
        self.case.toggled.connect(self.refresh)
        self.whole.toggled.connect(self.refresh)
        prev_b.clicked.connect(self.find_previous)
        next_b.clicked.connect(self.find_next)
        self.replace_b.clicked.connect(self.replace_one)
        self.replace_all_b.clicked.connect(self.replace_all)
        close_b.clicked.connect(self.close_bar)
        # F3 (find next) is the Edit menu's; a second F3 here would make both ambiguous.
        for key, slot in ((Qt.Key_Escape, self.close_bar),
                          (QKeySequence.FindPrevious, self.find_previous)):
            local_shortcut(key, self, slot, Qt.WidgetWithChildrenShortcut)
        edits = for_body(body)  # desk.gui.edit_dispatch: no slot of its own per key
        self._recount = QuietTimer(self, 300, edits, self.refresh)
        edits.on_edit(self._edited)
        self._replace_widgets = (self.replace_field, self.replace_b, self.replace_all_b)
        self.hide()

    def _edited(self) -> None:
        if self.isVisible():  # the matches are counted again once typing pauses
            self._recount.arm()

    # -- opening and closing ---------------------------------------------------------
    def open_find(self) -> None:
        self._open(replace=False)

    def open_replace(self) -> None:
        self._open(replace=True)

    def _open(self, replace: bool) -> None:
        for w in self._replace_widgets:
            w.setVisible(replace)
        selected = self.body.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        self.show()
        self.find_field.setFocus(Qt.ShortcutFocusReason)
        self.find_field.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.body.set_marks("find", [])
        self.hide()
        self.body.setFocus(Qt.OtherFocusReason)
        self.closed.emit()

    # -- matching --------------------------------------------------------------------------
    def pattern(self) -> re.Pattern | None:
        needle = self.find_field.text()
        if not needle:
            return None
        expr = re.escape(needle)
        if self.whole.isChecked():
            expr = rf"(?<!\w){expr}(?!\w)"
        return re.compile(expr, 0 if self.case.isChecked() else re.IGNORECASE)

    def matches(self, text: str | None = None) -> list[tuple[int, int]]:
        pat = self.pattern()
        if pat is None:
            return []
        text = self.body.toPlainText() if text is None else text
        return [(m.start(), m.end()) for m in pat.finditer(text) if m.end() > m.start()]

    def refresh(self, *_):
        if not self.isVisible():
            return
        text = self.body.toPlainText()
        found = self.matches(text)
        pal = self.body.palette()
        tint = blend(pal.color(QPalette.Base), QColor(255, 200, 0), 0.45)
        fmt = QTextCharFormat()
        fmt.setBackground(tint)
        fmt.setForeground(pal.color(QPalette.Text))
        marks = []
        for start, end in found[:MAX_MARKS]:
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(self.body.document())
            cur.setPosition(py_to_qt(text, start))
            cur.setPosition(py_to_qt(text, end), QTextCursor.KeepAnchor)
            sel.cursor = cur
            sel.format = fmt
            marks.append(sel)
        self.body.set_marks("find", marks)
        if not self.find_field.text():
            self.status.setText("")
        else:
            self.status.setText(f"{len(found)} match{'es' if len(found) != 1 else ''}"
                                if found else "No matches")

    def _selected_span(self, text: str) -> tuple[int, int]:
        cur = self.body.textCursor()
        return qt_to_py(text, cur.selectionStart()), qt_to_py(text, cur.selectionEnd())

    def find_next(self) -> bool:
        text = self.body.toPlainText()
        found = self.matches(text)
        if not found:
            return False
        _, end = self._selected_span(text)
        target = next((m for m in found if m[0] >= end), found[0])  # wrap around
        self._go(target)
        return True

    def _go(self, span: tuple[int, int]) -> None:
        """Select a match; typing stays in the bar if that is where it was."""
        focus = self.focusWidget() if self.isVisible() else None
        self.body.select_range(*span)
        if focus is not None and focus.hasFocus() is False and self.isAncestorOf(focus):
            focus.setFocus(Qt.OtherFocusReason)

    def find_previous(self) -> bool:
        text = self.body.toPlainText()
        found = self.matches(text)
        if not found:
            return False
        start, _ = self._selected_span(text)
        target = next((m for m in reversed(found) if m[1] <= start), found[-1])
        self._go(target)
        return True

    # -- replacing -----------------------------------------------------------------------
    def replace_one(self) -> bool:
        """Replace the selected match (if the selection is one), then go to the next."""
        if self._read_only():
            return False
        text = self.body.toPlainText()
        span = self._selected_span(text)
        if span in self.matches(text):
            cur = self.body.textCursor()
            cur.insertText(self.replace_field.text())
            self.refresh()
            self.find_next()
            return True
        return self.find_next() and False

    def replace_all(self) -> int:
        """Replace every match in one undoable step."""
        if self._read_only():
            return 0
        text = self.body.toPlainText()
        found = self.matches(text)
        if not found:
            self.status.setText("No matches")
            return 0
        replacement = self.replace_field.text()
        cur = QTextCursor(self.body.document())
        cur.beginEditBlock()
        for start, end in reversed(found):
            cur.setPosition(py_to_qt(text, start))
            cur.setPosition(py_to_qt(text, end), QTextCursor.KeepAnchor)
            cur.insertText(replacement)
        cur.endEditBlock()
        self.refresh()
        self.status.setText(f"Replaced {len(found)}")
        return len(found)

    def _read_only(self) -> bool:
        """Another editor has the article (desk.gui.edit_lock): nothing is replaced."""
        if self.body.isReadOnly():
            self.status.setText("Read-only: nothing replaced")
            return True
        return False
