"""The main window (a plain frame until the workstation window lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMainWindow


class MainWindow(QMainWindow):
    def __init__(self, library):
        super().__init__()
        self.library = library
        self.setWindowTitle(f"desk — {library.path}")
        self.article_list = QListWidget()
        self.article_list.setAccessibleName("Articles")
        self.setCentralWidget(self.article_list)
        for a in library.articles.list(limit=500):
            item = QListWidgetItem(a.headline or "(untitled)")
            item.setData(256, a.id)
            self.article_list.addItem(item)
        self.resize(1100, 720)
