"""Stopgap for a PySide6 6.12 bug on Python 3.11: every call of a void method from Python
(``cursor.setPosition(…)``, ``label.setText(…)``) drops one reference to ``None``
without taking one. None starts with a few thousand references, so after a few thousand
such calls the interpreter aborts ("none_dealloc: deallocating None"), often at exit or
in a garbage collection far from the cause. Python 3.12 made None, True and False
immortal, which is what this PySide6 build assumes.

Seen with PySide6 6.12.0 on Python 3.11.7; 6.11.3 is fine. The fix belongs in the
environment (a matching PySide6, or Python >= 3.12). ``protect_singletons()`` measures
whether the running build has the bug and only then gives None, True and False a very
large reference count so they are never freed, which is what 3.12 does.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40  # far more calls than any session makes; never overflows a 64-bit count
_done = False


def leaks_none() -> bool:
    """Does a void call from Python drop a reference to None in this PySide6 build?"""
    from PySide6.QtCore import QObject

    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(64):
        obj.setObjectName("probe")
    return sys.getrefcount(None) < before - 32


def needed() -> bool:
    return sys.version_info < (3, 12) and sys.implementation.name == "cpython" and leaks_none()


def protect_singletons() -> bool:
    """Make None, True and False effectively immortal (idempotent). True if applied."""
    global _done
    if _done or not needed():
        return False
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _BOOST  # ob_refcnt is the first field
    _done = True
    return True
