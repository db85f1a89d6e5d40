"""PySide6's import hook, made cheap.

Once PySide6 is imported it replaces ``__import__``, and after every import asks whether the
new module uses PySide6 (for its ``__feature__`` switches, snake_case and true_property:
desk uses neither) by reading the module's source with ``inspect.getsource``, which also
walks every module loaded so far (``inspect.getmodule``): 0.4-0.5 ms a module, some 45 ms
for the ~100 modules the window imports before its first paint, and more after. That is why
desk.app imports the core before PySide6. ``install()`` has the hook give the same answer
from the module's file itself: the same for every module with a .py file (the only kind
inspect reads but a zipped one, which then counts as not using PySide6: no feature for it,
and none is ever asked for)."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def uses_pyside(module) -> bool:
    """Whether ``module``'s source names PySide6 (False without a .py file to read)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def install() -> bool:
    """Put ``uses_pyside`` in the hook's place; False (and the hook as it was) when this
    PySide6 has no such hook."""
    try:
        from shibokensupport import feature  # loaded with PySide6: its own support package
    except ImportError:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        log.debug("PySide6's import hook is not the one desk knows; left as it is")
        return False
    feature._mod_uses_pyside = uses_pyside
    return True


__all__ = ["install", "uses_pyside"]
