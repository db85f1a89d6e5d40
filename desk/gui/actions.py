"""Menus and shortcuts. The window supplies the slots; this module only names and places
actions, so every command is in a menu with the shortcut an editor expects."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication

from desk.gui.article_model import status_label
from desk.model import ARTICLE_STATUSES


def _help(win, name: str):
    """A Help entry's slot: desk.gui.help_dialogs is imported when one is first asked for,
    not with the window."""
    def show():
        from desk.gui import help_dialogs

        return getattr(help_dialogs, name)(win)
    return show


def _action(parent, text, slot=None, shortcut=None, tip=None, checkable=False):
    # QAction(parent) and setText rather than QAction(text, parent): that overload's
    # resolution sets up QIcon's Python type (its 151-name ThemeIcon enum, some 14 million
    # instructions) before the window's first paint, and nothing else there needs it
    act = QAction(parent)
    act.setText(text)
    if shortcut is not None:
        if isinstance(shortcut, (list, tuple)):
            act.setShortcuts([QKeySequence(s) for s in shortcut])
        else:
            act.setShortcut(QKeySequence(shortcut))
    if tip:
        act.setStatusTip(tip)
    act.setCheckable(checkable)
    if slot is not None:
        act.triggered.connect(slot)
    return act


def focused_edit(name: str):
    """Edit-menu commands go to whatever text field has the focus."""
    def run(*_):
        w = QApplication.focusWidget()
        fn = getattr(w, name, None)
        if callable(fn):
            fn()
    return run


def build_menus(win) -> SimpleNamespace:
    """Create the menu bar of a MainWindow and return its actions by name."""
    a = SimpleNamespace()
    mb = win.menuBar()

    file = mb.addMenu("&File")
    a.new = _action(win, "&New Article", win.new_article, QKeySequence.New)
    a.import_ = _action(win, "&Import…", win.import_dialog, "Ctrl+Shift+O",
                        "Import Markdown, text, HTML or Word files")
    a.export = _action(win, "&Export…", win.export_dialog, "Ctrl+E",
                       "Export the article as HTML, Markdown, text, Word or PDF")
    a.save_revision = _action(win, "&Save Revision…", win.save_revision, QKeySequence.Save,
                              "Save now and keep a named revision in the history")
    a.backup = _action(win, "&Back Up Library…", win.backup_dialog)
    a.open_library = _action(win, "&Open Library…", win.open_library_dialog, "Ctrl+O",
                             "Switch the window to another library file")
    a.open_team_library = _action(win, "Open &Team Library…", win.open_team_library_dialog,
                                  None, "Switch the window to a library on a PostgreSQL server")
    a.quit = _action(win, "&Quit", win.close, QKeySequence.Quit)
    for act in (a.new, None, a.import_, a.export, None, a.save_revision, a.backup, None,
                a.open_library, a.open_team_library):
        file.addSeparator() if act is None else file.addAction(act)
    a.recent_menu = file.addMenu("&Recent Libraries")
    a.recent_menu.aboutToShow.connect(win.fill_recent_menu)
    file.addSeparator()
    file.addAction(a.quit)

    edit = mb.addMenu("&Edit")
    a.undo = _action(win, "&Undo", focused_edit("undo"), QKeySequence.Undo)
    a.redo = _action(win, "&Redo", focused_edit("redo"), QKeySequence.Redo)
    a.cut = _action(win, "Cu&t", focused_edit("cut"), QKeySequence.Cut)
    a.copy = _action(win, "&Copy", focused_edit("copy"), QKeySequence.Copy)
    a.paste = _action(win, "&Paste", focused_edit("paste"), QKeySequence.Paste)
    a.find = _action(win, "&Find…", win.find_bar.open_find, QKeySequence.Find)
    a.replace = _action(win, "R&eplace…", win.find_bar.open_replace, "Ctrl+H")
    a.find_next = _action(win, "Find &Next", win.find_bar.find_next, QKeySequence.FindNext)
    a.select_all = _action(win, "Select &All", focused_edit("selectAll"), QKeySequence.SelectAll)
    a.preferences = _action(win, "Pre&ferences…", win.show_preferences, "Ctrl+,",
                            "Your name, new articles' language, spelling, autosave, font, theme")
    for act in (a.undo, a.redo, None, a.cut, a.copy, a.paste, None, a.find, a.replace,
                a.find_next, None, a.select_all, None, a.preferences):
        edit.addSeparator() if act is None else edit.addAction(act)

    view = mb.addMenu("&View")
    a.search_library = _action(win, "&Search Library", win.focus_library_search, "Ctrl+L")
    a.focus_editor = _action(win, "Go to &Text", win.focus_body, "Ctrl+J")
    a.focus_mode = _action(win, "&Focus Mode", win.set_focus_mode, "Ctrl+Shift+F",
                           "Only the text: hide the library, panels and fields", checkable=True)
    a.zoom_in = _action(win, "Zoom &In", win.zoom_in, [QKeySequence.ZoomIn, "Ctrl+="])
    a.zoom_out = _action(win, "Zoom &Out", win.zoom_out, QKeySequence.ZoomOut)
    a.zoom_reset = _action(win, "&Actual Size", win.zoom_reset, "Ctrl+0")
    view.addAction(a.search_library)
    view.addAction(a.focus_editor)
    view.addSeparator()
    a.docks_menu = view.addMenu("&Panels")
    view.addAction(a.focus_mode)
    view.addSeparator()
    for act in (a.zoom_in, a.zoom_out, a.zoom_reset):
        view.addAction(act)

    article = mb.addMenu("&Article")
    a.status_menu = article.addMenu("&Status")
    a.status_group = QActionGroup(win)
    a.status_group.setExclusive(True)
    a.status_actions = {}
    for s in ARTICLE_STATUSES:
        act = _action(win, status_label(s), checkable=True)
        act.setData(s)
        a.status_group.addAction(act)
        a.status_menu.addAction(act)
        a.status_actions[s] = act
    a.status_group.triggered.connect(lambda act: win.request_status(act.data()))
    a.check_now = _action(win, "&Check Now", win.check_now, "F7")
    a.history = _action(win, "&History…", win.show_history, "Ctrl+Shift+H")
    a.duplicate = _action(win, "&Duplicate", win.library_panel.duplicate_current, "Ctrl+Shift+D")
    a.trash = _action(win, "Move to &Trash…", win.library_panel.trash_current)
    for act in (None, a.check_now, a.history, None, a.duplicate, a.trash):
        article.addSeparator() if act is None else article.addAction(act)

    help_ = mb.addMenu("&Help")
    a.user_guide = _action(win, "&User Guide", _help(win, "show_user_guide"),
                           QKeySequence.HelpContents, "The window, drafting, review, export")
    a.shortcuts = _action(win, "&Keyboard Shortcuts", _help(win, "show_shortcuts"),
                          "Ctrl+/", "Every key the window answers to")
    a.report_problem = _action(win, "&Report a Problem…",
                               _help(win, "show_report_problem"),
                               tip="Where desk's log file is, to attach to a bug report")
    a.about = _action(win, "&About desk", win.show_about)
    for act in (a.user_guide, a.shortcuts, None, a.report_problem, None, a.about):
        help_.addSeparator() if act is None else help_.addAction(act)

    a.article_actions = (a.export, a.save_revision, a.check_now, a.history, a.duplicate,
                         a.trash, a.status_menu.menuAction())
    return a
