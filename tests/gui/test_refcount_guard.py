"""The PySide6 6.12 / Python 3.11 None-refcount stopgap (see desk/gui/refcount_guard.py)."""

import sys

from PySide6.QtWidgets import QLabel

from desk.gui.refcount_guard import protect_singletons


def test_many_void_calls_leave_none_alive(qtbot):
    protect_singletons()
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(20_000):  # several times None's natural reference count on 3.11
        label.setText("x")
    assert sys.getrefcount(None) > 0 and (before < 1_000_000 or sys.getrefcount(None) > 1_000_000)


def test_protection_is_applied_once():
    protect_singletons()
    before = sys.getrefcount(None)
    assert protect_singletons() is False
    assert abs(sys.getrefcount(None) - before) < 1_000
