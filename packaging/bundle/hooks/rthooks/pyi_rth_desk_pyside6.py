# Replaces PyInstaller's run-time hook for PySide6, which imports PySide6.QtCore when the
# bundle starts (to write a qt.conf that the PyPI wheel writes itself on import): with it,
# every `desk` command loaded Qt, `desk --version` and `desk check` included. This one only
# points Qt at the bundle's plugins, as PyInstaller's does, and imports nothing.


def _pyi_rthook():
    import os
    import sys

    os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")


_pyi_rthook()
del _pyi_rthook
