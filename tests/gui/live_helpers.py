"""Shared helpers for the live-check tests: typing non-ASCII, a checked editor."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication

from desk.gui.body_edit import BodyEdit, fields_of
from desk.gui.live_checks import LiveChecker

WAIT_MS = 20000  # generous: other test runs may share the machine


def warm_spelling():
    """Load the word lists once (a cold build takes seconds), so signal waits stay short."""
    from desk.checks.engine import check_text

    check_text("warm wrods")


def type_text(widget, text):
    """Type like a user; non-ASCII characters go through QKeyEvent (keyClicks aborts on them)."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, Qt.Key_unknown, Qt.NoModifier, ch))


def make_editor(qtbot, library, body="", check=True):
    aid = library.articles.create(headline="Test", body=body).id
    edit = BodyEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(body)
    checker = LiveChecker(library, edit)
    if check:
        with qtbot.waitSignal(checker.report_ready, timeout=WAIT_MS):
            checker.set_article(aid, "en-US")
    return aid, edit, checker


def recheck(qtbot, checker):
    """Wait for the check an action started (inputs_changed dispatches at once)."""
    qtbot.waitUntil(checker.is_idle, timeout=WAIT_MS)


def squiggled_words(edit):
    return [cur.selectedText() for cur, fmt in map(fields_of, edit.marks("checks"))
            if fmt.underlineStyle() == QTextCharFormat.SpellCheckUnderline]
