"""Starting the window: the one place outside desk/gui that imports Qt."""

from __future__ import annotations

import sys
from pathlib import Path


def run(db_path: Path, argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desk import __version__
    from desk.model import DeskError
    from desk.storage import Library

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("desk")
    app.setOrganizationName("desk")
    app.setApplicationVersion(__version__)
    try:
        library = Library.open(db_path)
    except DeskError as exc:
        QMessageBox.critical(None, "desk", f"desk cannot open its library.\n\n{exc}")
        return 2
    from desk.gui.main_window import MainWindow

    window = MainWindow(library)
    window.show()
    try:
        return app.exec()
    finally:
        library.close()
