"""File > Back Up Library… off the GUI thread: a team library's backup reads every row from
the server (desk.storage.moving.backup_to_file), which took the window away for as long. The
copy runs in a worker on a connection of its own (Library.another_connection, opened in the
worker); the status bar shows "Backing up to …" with a busy bar meanwhile, the editor goes
on typing and autosaving, and the end is a status-bar line or, for a failure, a dialog.
One backup at a time per window; closing the window waits for it (the file is written
beside its name and renamed into place, so an unfinished backup never looks finished)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from desk.model import DeskError

log = logging.getLogger(__name__)

ERRORS = (DeskError, OSError)  # as desk.gui.file_actions.SAVE_ERRORS


class _Run(QRunnable):
    def __init__(self, job: BackupJob):
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job._work()


class BackupJob(QObject):
    finished = Signal(object, str)  # (the backup's path, or None; the error, '' on success)
    _done = Signal(object, str)  # from the worker

    def __init__(self, library, path, parent=None):
        super().__init__(parent)
        self.library = library
        self.path = Path(path)
        self.target: Path | None = None
        self.error = ""
        self.running = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._done.connect(self._finished)

    def start(self) -> None:
        self.running = True
        self._pool.start(_Run(self))

    def wait(self, ms: int = -1) -> bool:
        """Block until the worker is done (the window closing); False after ``ms``."""
        return self._pool.waitForDone(ms)

    def _work(self) -> None:
        try:
            own = self.library.another_connection()
            try:
                target = own.backup(self.path, overwrite=True)
            finally:
                own.close()
        except ERRORS as exc:
            self._done.emit(None, str(exc))
            return
        except Exception as exc:  # never a traceback for the editor: a dialog, and the log
            log.exception("the backup to %s failed", self.path)
            self._done.emit(None, f"unexpected error: {exc}")
            return
        self._done.emit(target, "")

    def _finished(self, target, error: str) -> None:
        self.running = False
        self.target, self.error = target, error
        self.finished.emit(target, error)


class BackupIndicator(QWidget):
    """The status bar's "Backing up to backup.db…" with a busy bar, while a backup runs."""

    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("backup-indicator")
        self.label = QLabel(f"Backing up to {path.name}…")
        self.label.setToolTip(str(path))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: a snapshot's copy has no useful percentage here
        self.bar.setMaximumWidth(90)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName("Backing up the library")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 6, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar)
