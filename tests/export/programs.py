"""The real programs the tests open desk's files with (installed by `make syslibs-test`,
packaging/syslibs.sh --test): a missing one fails the test with the way to get it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def run(tool: str, *args: str | Path) -> str:
    path = shutil.which(tool)
    assert path, f"{tool} is not installed: run `make syslibs-test` (packaging/syslibs.sh --test)"
    return subprocess.run([path, *map(str, args)], capture_output=True, text=True, check=True,
                          timeout=120).stdout
