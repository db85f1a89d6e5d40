import pkgutil
import subprocess
import sys

import desk

GUI_MODULES = ("desk.gui", "desk.app")


def core_modules():
    for info in pkgutil.walk_packages(desk.__path__, "desk."):
        if not info.name.startswith(GUI_MODULES) and not info.name.startswith("desk._"):
            yield info.name


def test_core_imports_no_qt():
    names = sorted(core_modules())
    assert "desk.storage" in names and "desk.cli" in names
    code = ("import sys\n"
            f"for n in {names!r}: __import__(n)\n"
            "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
            "print(bad)\n"
            "sys.exit(1 if bad else 0)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
