"""Where desk's log goes: a rotating file in the user state folder (desk.paths.log_path), so a
bug report can carry what happened, and stderr too with ``desk -v`` (``-vv`` adds debug).

Every module logs to its own ``logging.getLogger(__name__)``; ``setup`` is called once at
start by the command line (which also starts the window). A log file that cannot be opened
or written never stops desk: it is skipped without a word.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path
from typing import TextIO

MAX_BYTES = 1_000_000
BACKUPS = 3
FILE_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
STDERR_FORMAT = "desk: %(levelname)s %(name)s: %(message)s"

_ROOT = "desk"


class _Stderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is when a record comes (as logging's last resort does)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


class _QuietFileHandler(logging.FileHandler):
    """A log file kept under ``max_bytes``, with ``backups`` older ones (.1 newest), as
    logging.handlers.RotatingFileHandler does; that module is not imported, for it brings
    socket, pickle and queue into every quick `desk check`. A full disk or a vanished
    folder while logging: the record is dropped, without a word."""

    def __init__(self, filename: Path, *, max_bytes: int, backups: int) -> None:
        super().__init__(filename, mode="a", encoding="utf-8")
        self.max_bytes, self.backups = max_bytes, backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record) + self.terminator
            if self.stream is None:
                self.stream = self._open()
            if self.max_bytes > 0 and self.stream.tell() + len(line) >= self.max_bytes:
                self._rotate()
            self.stream.write(line)
            self.stream.flush()
        except Exception:  # noqa: BLE001 - logging never stops desk
            self.handleError(record)

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
        base = self.baseFilename
        for n in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        if self.backups > 0:
            os.replace(base, f"{base}.1")
        else:
            open(base, "w").close()
        self.stream = self._open()

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def _level(verbosity: int) -> int:
    return logging.DEBUG if verbosity >= 2 else logging.INFO


def setup(verbosity: int = 0, *, log_file: Path | None = None) -> Path | None:
    """Send desk's records to the log file (INFO, or DEBUG with -vv) and, when ``verbosity``
    is 1 or more, to stderr. Calling it again replaces what an earlier call set
    up. Returns the log file in use, or None when it could not be opened."""
    logger = logging.getLogger(_ROOT)
    for handler in [h for h in logger.handlers if getattr(h, "desk_handler", False)]:
        logger.removeHandler(handler)
        with contextlib.suppress(OSError, ValueError):  # its file may be gone or closed
            handler.close()
    level = _level(verbosity)
    logger.setLevel(level)
    if verbosity > 0:
        console = _Stderr()
        console.setFormatter(logging.Formatter(STDERR_FORMAT))
        console.setLevel(level)
        _add(logger, console)
    opened = _open_file(log_file)
    if opened is not None:
        opened.setLevel(level)
        _add(logger, opened)
    else:
        _add(logger, logging.NullHandler())  # no "last resort" printing of warnings to stderr
    return Path(opened.baseFilename) if opened is not None else None


def _open_file(log_file: Path | None) -> _QuietFileHandler | None:
    try:
        if log_file is None:
            from desk.paths import log_path

            log_file = log_path()
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = _QuietFileHandler(log_file, max_bytes=MAX_BYTES, backups=BACKUPS)
    except (OSError, ValueError):
        return None
    handler.setFormatter(logging.Formatter(FILE_FORMAT))
    return handler


def _add(logger: logging.Logger, handler: logging.Handler) -> None:
    handler.desk_handler = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
