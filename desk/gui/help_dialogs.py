"""The Help menu's windows: the user guide (resources/guide.md), the keyboard shortcuts and
where the log file is for a bug report.

They are not modal: an editor reads the guide or the shortcut list beside the text. The
shortcut list is read from the window itself (every QAction and QShortcut it has, plus the
keys desk.gui.shortcuts lists for widgets that handle keys themselves), so it cannot drift
from what the keys do."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.gui.shortcuts import WIDGET_KEYS


def _plain(text: str) -> str:
    """A menu text as read: "&Save Revision…" -> "Save Revision"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(sequences) -> str:
    return ", ".join(s.toString(QKeySequence.NativeText) for s in sequences if not s.isEmpty())


def _menu_actions(menu, where: str, seen: set[int]):
    for act in menu.actions():
        if act.isSeparator():
            continue
        sub = act.menu()
        if sub is not None:
            yield from _menu_actions(sub, f"{where} ▸ {_plain(act.text())}", seen)
            continue
        seen.add(id(act))
        if act.shortcuts():
            yield where, _plain(act.text()), _keys(act.shortcuts())


def window_shortcuts(win: QWidget) -> list[tuple[str, str, str]]:
    """(where, command, keys) for every key the window answers to: its menus' actions, any
    other QAction or QShortcut in it, and the keys of widgets that read keys themselves."""
    seen: set[int] = set()
    rows: list[tuple[str, str, str]] = []
    menu_bar = win.menuBar() if hasattr(win, "menuBar") else None
    if menu_bar is not None:
        for top in menu_bar.actions():
            if top.menu() is not None:
                rows.extend(_menu_actions(top.menu(), _plain(top.text()), seen))
    for act in win.findChildren(QAction):
        if id(act) not in seen and act.shortcuts() and act.menu() is None:
            seen.add(id(act))
            owner = act.parent()
            where = getattr(owner, "accessibleName", lambda: "")() or "Window"
            rows.append((where, _plain(act.text()), _keys(act.shortcuts())))
    for shortcut in win.findChildren(QShortcut):
        if shortcut.key().isEmpty():
            continue
        owner = shortcut.parent()
        where = (owner.accessibleName() if isinstance(owner, QWidget) else "") or "Window"
        rows.append((where, shortcut.whatsThis() or "(no description)",
                     _keys([shortcut.key()])))
    for where, command, keys in WIDGET_KEYS:
        rows.append((where, command, keys))
    return rows


class ShortcutsDialog(QDialog):
    """Help > Keyboard Shortcuts: every key, where it works and what it does; a filter."""

    def __init__(self, win: QWidget):
        super().__init__(win)
        self.setWindowTitle("Keyboard shortcuts")
        self.setObjectName("keyboard-shortcuts")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter commands or keys…")
        self.filter.setAccessibleName("Filter shortcuts")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.table = QTreeWidget()
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHeaderLabels(["Keys", "Command", "Where"])
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        for where, command, keys in window_shortcuts(win):
            self.table.addTopLevelItem(QTreeWidgetItem([keys, command, where]))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def rows(self) -> list[tuple[str, str, str]]:
        """(keys, command, where) of the rows shown."""
        return [tuple(item.text(c) for c in range(3))  # type: ignore[misc]
                for item in (self.table.topLevelItem(i)
                             for i in range(self.table.topLevelItemCount()))
                if not item.isHidden()]

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(i)
            hay = " ".join(item.text(c) for c in range(3)).lower()
            item.setHidden(bool(needle) and needle not in hay)


class UserGuideDialog(QDialog):
    """Help > User Guide: resources/guide.md, rendered."""

    def __init__(self, parent=None):
        super().__init__(parent)
        from desk.paths import resource_path

        self.setWindowTitle("desk user guide")
        self.setObjectName("user-guide")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(True)
        try:
            text = resource_path("guide.md").read_text(encoding="utf-8")
        except OSError as exc:
            text = f"# desk\n\nThe guide could not be read ({exc})."
        self.browser.setMarkdown(text)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(680, 720)


def log_file() -> Path:
    """The log file desk writes to now (desk.log's handler), else where it would write."""
    for handler in logging.getLogger("desk").handlers:
        name = getattr(handler, "baseFilename", None)
        if getattr(handler, "desk_handler", False) and name:
            return Path(name)
    from desk.paths import log_path

    return log_path()


class ReportProblemDialog(QDialog):
    """Help > Report a Problem: where the log is, to attach it to a bug report."""

    def __init__(self, parent=None, path: Path | None = None):
        super().__init__(parent)
        from desk.gui.dialogs import versions

        self.setWindowTitle("Report a problem")
        self.setObjectName("report-problem")
        self.path = path if path is not None else log_file()
        intro = QLabel("desk writes what it does — libraries opened, saves, imports, exports "
                       "and anything it refused — to a log file. When something goes wrong, "
                       "describe what you did and attach this file to your report, with the "
                       "versions below.")
        intro.setWordWrap(True)
        self.path_field = QLineEdit(str(self.path))
        self.path_field.setReadOnly(True)
        self.path_field.setAccessibleName("Log file")
        self.path_field.setCursorPosition(0)
        self.state = QLabel("" if self.path.exists() else
                            "Nothing has been written to it yet in this session.")
        self.versions = QLabel(" · ".join(f"{k} {v}" for k, v in versions().items()))
        self.versions.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.versions.setWordWrap(True)
        self.copy_button = QPushButton("&Copy Path")
        self.copy_button.clicked.connect(self.copy_path)
        self.open_button = QPushButton("&Open Folder")
        self.open_button.clicked.connect(self.open_folder)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel("Log file:"))
        layout.addWidget(self.path_field)
        layout.addWidget(self.state)
        layout.addLayout(row)
        layout.addWidget(self.versions)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def copy_path(self) -> None:
        QGuiApplication.clipboard().setText(str(self.path))

    def open_folder(self) -> bool:
        """The log's folder in the file manager; False (and a dialog) when it cannot."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from desk.gui.dialogs import show_error

            show_error(self, f"The folder {folder} cannot be made: {exc.strerror or exc}")
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return True
        from desk.gui.dialogs import show_error

        show_error(self, f"No file manager opened {folder}; the path is copied instead.")
        self.copy_path()
        return False


def _show(win: QWidget, cls, *args) -> QDialog:
    """One of each beside the window: shown again if already open."""
    dialog = next((d for d in win.findChildren(cls) if d.isVisible()), None)
    if dialog is None:
        dialog = cls(win, *args)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def show_user_guide(win: QWidget) -> QDialog:
    return _show(win, UserGuideDialog)


def show_shortcuts(win: QWidget) -> QDialog:
    return _show(win, ShortcutsDialog)


def show_report_problem(win: QWidget) -> QDialog:
    return _show(win, ReportProblemDialog)
