"""Dropping files in tests: a real QDropEvent carrying file URLs, as a file manager sends."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication


def file_mime(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drop_files(widget, *paths, pos=None) -> bool:
    """Drag the files over ``widget`` and drop them at ``pos`` (its centre); True when the
    widget accepted the drag."""
    mime = file_mime(*paths)
    at = QPointF(pos) if pos is not None else QPointF(widget.rect().center())
    enter = QDragEnterEvent(at.toPoint(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(at, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted() and drop.isAccepted()
