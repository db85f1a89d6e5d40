"""The View menu's actions on the window: focus mode and zoom. Each takes the MainWindow as
``win`` (MainWindow binds them as methods)."""

from __future__ import annotations


def set_focus_mode(win, on: bool) -> None:
    """Only the text: docks and the fields above the body step aside."""
    if on:
        win._focus_hidden = [d for d in (win.library_dock, *win.panel_docks.values())
                             if d.isVisible()]
        for d in win._focus_hidden:
            d.hide()
        win.editor.header_visible(False)
        win.focus_body()
    else:
        for d in win._focus_hidden:
            d.show()
        win._focus_hidden = []
        win.editor.header_visible(True)
    if win.actions.focus_mode.isChecked() != on:
        win.actions.focus_mode.setChecked(on)


def zoom_in(win) -> None:
    win.editor.body.set_zoom(win.editor.body.zoom + 1)


def zoom_out(win) -> None:
    win.editor.body.set_zoom(win.editor.body.zoom - 1)


def zoom_reset(win) -> None:
    win.editor.body.set_zoom(0)
