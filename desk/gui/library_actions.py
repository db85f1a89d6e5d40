"""The library panel's article actions: new, duplicate, trash (asked first), restore.

Each runs a function of desk.operations.articles through the window's OperationRunner
(which announces what changed) and then moves the list to the article concerned. Mixed into
desk.gui.library_panel.LibraryPanel, which gives them its list (``model``, ``view``), its
``library`` and ``runner``, and the ``error`` / ``article_*`` signals they emit."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desk.model import DeskError
from desk.storage.locks import LockHeld


def _ops():
    """desk.operations.articles, imported at the first action (not before the first paint)."""
    from desk.operations import articles

    return articles


class LibraryActions:
    def new_article(self) -> int | None:
        language = {"language": self.new_language} if self.new_language else {}
        article = self._run(_ops().new_article, **language)
        if article is None:
            return None
        self._leave_trash()
        self.clear_filters()
        self.reload(select=article.id)
        self.article_created.emit(article.id)
        self.article_selected.emit(article.id)
        return article.id

    def duplicate_current(self) -> int | None:
        aid = self.current_id()
        if aid is None:
            return None
        copy = self._run(_ops().duplicate_article, article_id=aid)
        if copy is None:
            return None
        self.reload(select=copy.id)
        self.article_created.emit(copy.id)
        self.article_selected.emit(copy.id)
        return copy.id

    def trash_current(self) -> bool:
        aid = self.current_id()
        if aid is None or self.model.filter.trashed:
            return False
        refused = self._held_elsewhere(aid, "moving it to the trash")
        if refused:  # asked before the question; the trash checks again in its transaction
            self.error.emit(refused)
            return False
        try:
            headline = self.library.articles.get(aid).headline or "(untitled)"
        except DeskError as exc:  # the team library went offline
            self.error.emit(str(self.runner.explain(exc, "trash")))
            return False
        answer = QMessageBox.question(
            self, "Move to trash",
            f"Move “{headline}” to the trash?\n\nYou can restore it from the trash later.",
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer != QMessageBox.Yes:
            return False
        row = self.view.currentIndex().row()
        if self._run(_ops().trash_article, article_id=aid) is None:
            return False
        self.model.refresh()
        self.article_trashed.emit(aid)
        self.model.when_shown(lambda: self._select_row(row))
        return True

    def _select_row(self, row: int) -> None:
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))

    def restore_current(self) -> bool:
        aid = self.current_id()
        if not self.model.filter.trashed:
            return False
        if aid is None:
            self._tell("Select an article in the trash to restore it.")
            return False
        if self._run(_ops().restore_article, article_id=aid) is None:
            return False
        self._leave_trash()
        self.reload(select=aid)
        self.article_restored.emit(aid)
        self.article_selected.emit(aid)
        self._tell("Restored from the trash.")  # not the trash's "Moved to the trash" still
        return True

    def _held_elsewhere(self, aid: int, doing: str) -> str:
        """Another window holds the article's editing lock: why ``doing`` is refused."""
        session = getattr(self.runner, "lock_session", None)
        if not session:
            return ""
        try:
            self.library.locks.refuse_if_held(aid, session, doing)
        except LockHeld as exc:
            return str(exc)
        except DeskError:  # offline, busy: the operation itself says so
            return ""
        return ""

    def _run(self, op, **kwargs):
        """The operation's article, or None after emitting ``error`` (the window shows it)."""
        try:
            result = self.runner.run(op, parent=self, quiet=True, **kwargs)
        except DeskError as exc:
            self.error.emit(str(exc))
            return None
        return result.article

    def _tell(self, message: str) -> None:
        """A short note in the window's status bar (when the panel is in a window that has one)."""
        window = self.window()
        if window is not self and hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 5000)
