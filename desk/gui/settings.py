"""What the window remembers between runs: geometry, dock layout, the last article, zoom,
the Preferences (desk.gui.preferences_dialog) and the recently opened libraries.

The editor's name is not kept here but in desk.editor_name's file, which the command line
reads too (it never imports Qt).

Constructor injection: the window is handed a WindowSettings; tests give it a file in a
temporary folder so they never read or write the user's real settings."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desk.languages import DEFAULT_LANGUAGE, codes
from desk.paths import is_database_url, url_without_password

LAYOUT_VERSION = 1  # bump when the docks change, so an old saved layout is not restored
RECENT_LIBRARIES = 8
THEMES = ("system", "light", "dark")
AUTOSAVE_SECONDS = (1, 600)  # the range the Preferences offer; the default is 2
FONT_SIZES = (6, 48)


@dataclass(frozen=True)
class Preferences:
    """What the editor sets in Edit > Preferences (every value applies at once)."""

    editor_name: str = ""
    language: str = DEFAULT_LANGUAGE  # of new articles
    spelling: bool = True  # the live check marks misspellings
    autosave_seconds: int = 2  # the longest an unsaved change waits
    font_family: str = ""  # the body editor's; "" is desk's serif
    font_size: int = 0  # points; 0 is desk's size
    theme: str = "system"  # one of THEMES


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

    def last_article(self, library_path: str | os.PathLike | None = None) -> int | None:
        """The article open at the last close; None when it was in another library."""
        stored = str(self.q.value("editor/last_library", "") or "")
        if library_path is not None and stored and stored != _library_key(library_path):
            return None
        value = self._int("editor/last_article", 0)
        return value or None

    def set_last_article(self, article_id: int | None,
                         library_path: str | os.PathLike | None = None) -> None:
        self.q.setValue("editor/last_article", int(article_id or 0))
        if library_path is not None:
            self.q.setValue("editor/last_library", _library_key(library_path))

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

    # -- preferences --------------------------------------------------------------------
    def preferences(self) -> Preferences:
        from desk.editor_name import window_name

        language = str(self.q.value("prefs/language", DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
        theme = str(self.q.value("prefs/theme", "system") or "system")
        lo, hi = AUTOSAVE_SECONDS
        size = self._int("prefs/font_size", 0)
        return Preferences(
            editor_name=window_name(),
            language=language if language in codes() else DEFAULT_LANGUAGE,
            spelling=self._bool("prefs/spelling", True),
            autosave_seconds=min(hi, max(lo, self._int("prefs/autosave_seconds", 2))),
            font_family=str(self.q.value("prefs/font_family", "") or ""),
            font_size=min(FONT_SIZES[1], max(FONT_SIZES[0], size)) if size else 0,
            theme=theme if theme in THEMES else "system")

    def set_preferences(self, prefs: Preferences) -> None:
        """Keep ``prefs``; the name goes to desk.editor_name's file (an OSError if it
        cannot be written)."""
        from desk.editor_name import clean, store_name, stored_name

        name = clean(prefs.editor_name)
        if name and name != stored_name():
            store_name(name)
        self.q.setValue("prefs/language", prefs.language)
        self.q.setValue("prefs/spelling", bool(prefs.spelling))
        self.q.setValue("prefs/autosave_seconds", int(prefs.autosave_seconds))
        self.q.setValue("prefs/font_family", prefs.font_family)
        self.q.setValue("prefs/font_size", int(prefs.font_size))
        self.q.setValue("prefs/theme", prefs.theme)
        self.q.sync()

    # -- libraries ------------------------------------------------------------------------
    def recent_libraries(self) -> list[str]:
        """The libraries opened last, newest first (at most RECENT_LIBRARIES)."""
        value = self.q.value("libraries/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in (value or []) if v][:RECENT_LIBRARIES]

    def add_recent_library(self, path: str | os.PathLike) -> None:
        key = _library_key(path)
        rest = [p for p in self.recent_libraries() if _library_key(p) != key]
        self.q.setValue("libraries/recent", [key, *rest][:RECENT_LIBRARIES])

    def remove_recent_library(self, path: str | os.PathLike) -> None:
        key = _library_key(path)
        self.q.setValue("libraries/recent",
                        [p for p in self.recent_libraries() if _library_key(p) != key])

    def sync(self) -> None:
        self.q.sync()

    def _bool(self, key: str, default: bool) -> bool:
        value = self.q.value(key, default)
        if isinstance(value, str):
            return value.strip().lower() not in ("false", "0", "no", "off", "")
        return bool(value)

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self.q.value(key, default))
        except (TypeError, ValueError):
            return default


def _library_key(path: str | os.PathLike) -> str:
    """One spelling per library file (absolute, ~ expanded); a team library's URL without
    its password (settings never keep one)."""
    if is_database_url(str(path)):
        return url_without_password(str(path))
    return str(Path(path).expanduser().absolute())
