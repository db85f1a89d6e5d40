"""What the window remembers between runs: geometry, dock layout, the last article, zoom.

Constructor injection: the window is handed a WindowSettings; tests give it a file in a
temporary folder so they never read or write the user's real settings."""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

LAYOUT_VERSION = 1  # bump when the docks change, so an old saved layout is not restored


class WindowSettings:
    def __init__(self, qsettings: QSettings):
        self.q = qsettings

    @classmethod
    def at(cls, path: str | os.PathLike) -> "WindowSettings":
        """Settings kept in one INI file (tests, screenshots)."""
        return cls(QSettings(str(path), QSettings.IniFormat))

    @classmethod
    def default(cls) -> "WindowSettings":
        """$DESK_SETTINGS (an INI file) if set, else the platform's usual place."""
        path = os.environ.get("DESK_SETTINGS")
        if path:
            return cls.at(path)
        return cls(QSettings(QSettings.IniFormat, QSettings.UserScope, "desk", "desk"))

    # -- values -----------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self.q.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        if self._int("window/layout_version", 0) != LAYOUT_VERSION:
            return None
        value = self.q.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)
        self.q.setValue("window/layout_version", LAYOUT_VERSION)

    def last_article(self) -> int | None:
        value = self._int("editor/last_article", 0)
        return value or None

    def set_last_article(self, article_id: int | None) -> None:
        self.q.setValue("editor/last_article", int(article_id or 0))

    def zoom(self) -> int:
        return self._int("editor/zoom", 0)

    def set_zoom(self, steps: int) -> None:
        self.q.setValue("editor/zoom", int(steps))

    def last_export(self) -> tuple[str, str]:
        """The format and folder of the last export ("" when none yet)."""
        return (str(self.q.value("export/format", "") or ""),
                str(self.q.value("export/folder", "") or ""))

    def set_last_export(self, fmt: str, folder: str | os.PathLike) -> None:
        self.q.setValue("export/format", fmt)
        self.q.setValue("export/folder", str(folder))

    def sync(self) -> None:
        self.q.sync()

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self.q.value(key, default))
        except (TypeError, ValueError):
            return default
