"""Light, dark or the system's look (Edit > Preferences > Theme), applied at once.

Light and dark are Qt's Fusion style with a palette of desk's own; "system" puts back the
style and palette the application started with. desk's style sheets take their colours
from the palette (palette(base)), which they read when set: they are set again."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_started_with: tuple[str, QPalette] | None = None  # the system's style name and palette
_applied = "system"


def dark_palette() -> QPalette:
    """A dark palette: light text on near-black, a blue that reads on both."""
    p = QPalette()
    colours = {
        QPalette.Window: "#232629", QPalette.WindowText: "#e6e6e6", QPalette.Base: "#1b1e20",
        QPalette.AlternateBase: "#2a2e32", QPalette.Text: "#e6e6e6", QPalette.Button: "#2f3337",
        QPalette.ButtonText: "#e6e6e6", QPalette.Highlight: "#3d7fc4",
        QPalette.HighlightedText: "#ffffff", QPalette.Link: "#6cb2ff",
        QPalette.ToolTipBase: "#2f3337", QPalette.ToolTipText: "#e6e6e6",
        QPalette.PlaceholderText: "#8a8f94", QPalette.Mid: "#3a3f44", QPalette.Dark: "#15171a",
        QPalette.Light: "#4a5056", QPalette.Midlight: "#3a3f44", QPalette.Shadow: "#000000",
        QPalette.BrightText: "#ff6b6b",
    }
    for role, name in colours.items():
        p.setColor(role, QColor(name))
    for role in (QPalette.Text, QPalette.WindowText, QPalette.ButtonText):
        p.setColor(QPalette.Disabled, role, QColor("#7a7f84"))
    return p


def light_palette() -> QPalette:
    from PySide6.QtWidgets import QStyleFactory

    style = QStyleFactory.create("Fusion")
    return style.standardPalette() if style is not None else QPalette()


def current() -> str:
    return _applied


def apply(theme: str) -> bool:
    """Apply "light", "dark" or "system"; True when the look changed."""
    global _started_with, _applied
    app = QApplication.instance()
    if app is None or theme == _applied:
        return False
    if _started_with is None:
        _started_with = (app.style().name(), QPalette(app.palette()))
    if theme == "dark":
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setStyle("Fusion")
        app.setPalette(light_palette())
    else:
        style, palette = _started_with
        app.setStyle(style)
        app.setPalette(palette)
        theme = "system"
    _applied = theme
    _restyle(app)
    return True


def _restyle(app) -> None:
    """Style sheets read palette(...) when they are set: set them again on the new one."""
    sheet = app.styleSheet()
    if sheet:
        app.setStyleSheet(sheet)
    for widget in app.allWidgets():
        own = widget.styleSheet()
        if own:
            widget.setStyleSheet(own)
