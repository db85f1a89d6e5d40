"""Helpers for the workstation-shell tests: a window on a temp library with temp settings,
typing any text (qtbot.keyClicks aborts on non-ASCII in this PySide6), captured dialogs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desk.gui.main_window import MainWindow
from desk.gui.settings import WindowSettings
from desk.gui.window_parts import build_window


def make_window(qtbot, library, settings_path, **kw) -> MainWindow:
    window = build_window(library, WindowSettings.at(settings_path), **kw)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def close_window(window) -> None:
    window.close()
    window.checker.shutdown()


def type_text(widget, text: str) -> None:
    """Type text key by key into a widget, non-ASCII included."""
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            key, code = Qt.Key_Return, "\r"
        else:
            key, code = Qt.Key_unknown, ch
        press = QKeyEvent(QEvent.KeyPress, key, Qt.NoModifier, code)
        QApplication.sendEvent(widget, press)
        release = QKeyEvent(QEvent.KeyRelease, key, Qt.NoModifier, code)
        QApplication.sendEvent(widget, release)


def move_to_end(body) -> None:
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    body.setTextCursor(cursor)


class Dialogs:
    """Records QMessageBox calls instead of showing them; answers as told."""

    def __init__(self, monkeypatch, answer=QMessageBox.Yes):
        self.shown: list[tuple[str, str, str]] = []
        self.answer = answer
        for kind in ("warning", "critical", "information", "question"):
            monkeypatch.setattr(QMessageBox, kind, self._recorder(kind))

    def _recorder(self, kind):
        def show(parent, title, text, *args, **kwargs):
            self.shown.append((kind, title, text))
            return self.answer
        return staticmethod(show)

    def texts(self, kind: str | None = None) -> list[str]:
        return [t for k, _, t in self.shown if kind is None or k == kind]


def no_modal_dialogs(monkeypatch) -> Dialogs:
    """A test that forgot to expect a dialog must fail, not hang on a modal loop."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    def refuse(*a, **k):
        raise AssertionError(f"unexpected modal dialog: {a[1:3]}")

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(refuse))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(refuse))
    monkeypatch.setattr(QFileDialog, "exec", refuse)  # desk's own dialogs (file_dialog.py)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(refuse))
    monkeypatch.setattr(QMessageBox, "exec", refuse)  # e.g. the recovery question
    return Dialogs(monkeypatch, answer=QMessageBox.Cancel)


def library_panel(qtbot, library):
    """A library panel on ``library``, shown on its own, with a runner of its own."""
    from desk.gui.library_panel import LibraryPanel
    from desk.gui.op_runner import OperationRunner

    panel = LibraryPanel(library, runner=OperationRunner(library))
    qtbot.addWidget(panel)
    panel.resize(320, 600)
    panel.show()
    return panel
