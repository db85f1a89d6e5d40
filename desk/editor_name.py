"""Who is editing: the name reviews and verifications are stamped with.

The window's Preferences store it in one small UTF-8 file in the user configuration
folder, so the command line (which never imports Qt) stamps the same name. The command
line reads $DESK_EDITOR first (then $DESK_REVIEWER, its older name), then that file; the
window reads the file first. With neither, the OS user's full name (the GECOS field of the
password database) or, without one, the login name."""

from __future__ import annotations

import getpass
import os
import tempfile
from pathlib import Path

ENV_VARS = ("DESK_EDITOR", "DESK_REVIEWER")
FILE_NAME = "editor-name.txt"
MAX_LENGTH = 200


def stored_path() -> Path:
    from desk.paths import config_dir

    return config_dir() / FILE_NAME


def os_user_name() -> str:
    """The OS user's full name, else the login name ("" when neither is known)."""
    try:
        import pwd

        full = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        if full:
            return full
    except (ImportError, KeyError, AttributeError, OSError):  # no pwd on Windows
        pass
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def env_name() -> str:
    for var in ENV_VARS:
        name = " ".join(os.environ.get(var, "").split())
        if name:
            return name
    return ""


def stored_name() -> str:
    """The name the Preferences stored ("" when none or unreadable)."""
    try:
        text = stored_path().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    return clean(text)


def clean(name: str) -> str:
    """One line, single spaces, at most MAX_LENGTH characters."""
    return " ".join(name.split())[:MAX_LENGTH]


def store_name(name: str) -> Path:
    """Keep ``name`` for both faces (written whole: a temporary file renamed over it)."""
    path = stored_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".editor-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(clean(name) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def default_name() -> str:
    """What the window proposes before anything is stored: the environment, else the OS."""
    return env_name() or os_user_name()


def window_name() -> str:
    """The window's editor: the stored name, else the default."""
    return stored_name() or default_name()


def cli_name() -> str:
    """The command line's editor: the environment, else the stored name, else the OS user."""
    return env_name() or stored_name() or os_user_name()


NOT_RECORDED = "—"  # a change made before schema 10, or by a desk with no name to give


def shown(name: str | None) -> str:
    """An editor's name as the window and the command line show it: "—" when none was
    recorded ('' in every row written before schema 10)."""
    return name or NOT_RECORDED
