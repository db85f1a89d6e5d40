"""SIGTERM and SIGHUP (logout, shutdown, a closed terminal) save and close the window.

Qt's event loop runs in C++, where Python cannot run its signal handlers; a wake-up
pipe (signal.set_wakeup_fd; a pipe, not a socket pair: the socket module is not imported
before the window's first paint) watched by a QSocketNotifier hands control back to Python
as soon as a signal arrives, and the handler then closes the window on the Qt loop."""

from __future__ import annotations

import os
import signal

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None))
                if s is not None)


class QuitOnSignal(QObject):
    def __init__(self, on_signal, parent=None):
        super().__init__(parent)
        self.on_signal = on_signal
        self.received: list[int] = []
        self._reader, self._writer = os.pipe()
        os.set_blocking(self._reader, False)
        os.set_blocking(self._writer, False)
        self._old_fd = signal.set_wakeup_fd(self._writer)
        self._old = {s: signal.signal(s, self._handle) for s in SIGNALS}
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self, *_):
        try:
            while os.read(self._reader, 64):
                pass
        except (BlockingIOError, InterruptedError):
            pass

    def _handle(self, signum, _frame) -> None:
        self.received.append(signum)
        if len(self.received) == 1:
            QTimer.singleShot(0, lambda: self.on_signal(signum))

    def uninstall(self) -> None:
        for s, old in self._old.items():
            signal.signal(s, old)
        signal.set_wakeup_fd(self._old_fd)
        self._notifier.setEnabled(False)
        os.close(self._reader)
        os.close(self._writer)
