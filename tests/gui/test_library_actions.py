"""The library panel's actions: new, duplicate, trash (asked first), restore."""

import pytest
from PySide6.QtWidgets import QMessageBox

from desk.gui.library_panel import LibraryPanel
from desk.gui.op_runner import OperationRunner
from tests.gui.shell_helpers import Dialogs, library_panel


@pytest.fixture
def panel(qtbot, library):
    return library_panel(qtbot, library)


def test_new_article_is_listed_and_selected(panel, library, qtbot):
    with qtbot.waitSignal(panel.article_selected) as sig:
        new_id = panel.new_article()
    assert sig.args == [new_id]
    assert panel.current_id() == new_id
    assert library.articles.count() == 1


def test_duplicate_copies_the_current_article(panel, library):
    a = library.articles.create(headline="Original", body="text", tags=["t"])
    panel.reload(select=a.id)
    copy_id = panel.duplicate_current()
    copy = library.articles.get(copy_id)
    assert copy.body == "text" and copy.tags == ["t"] and copy.id != a.id
    assert panel.current_id() == copy_id


def test_trash_asks_first_and_cancel_keeps_the_article(panel, library, monkeypatch):
    a = library.articles.create(headline="Keep me")
    panel.reload(select=a.id)
    dialogs = Dialogs(monkeypatch, answer=QMessageBox.Cancel)
    assert not panel.trash_current()
    assert dialogs.texts("question") and "Keep me" in dialogs.texts("question")[0]
    assert library.articles.count() == 1


def test_trash_and_restore(panel, library, monkeypatch):
    a = library.articles.create(headline="Gone for now")
    b = library.articles.create(headline="Stays")
    panel.reload(select=a.id)
    Dialogs(monkeypatch, answer=QMessageBox.Yes)
    assert panel.trash_current()
    assert panel.model.row_of(a.id) == -1 and panel.model.row_of(b.id) == 0
    panel.trash_toggle.setChecked(True)
    assert panel.model.row_of(a.id) == 0 and panel.restore_button.isVisible()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    assert panel.restore_current()
    assert library.articles.get(a.id).deleted_at is None
    assert not panel.trash_toggle.isChecked()
    assert panel.current_id() == a.id


def test_delete_key_in_the_list_trashes(panel, library, monkeypatch, qtbot):
    from PySide6.QtCore import Qt

    a = library.articles.create(headline="Bin me")
    panel.reload(select=a.id)
    Dialogs(monkeypatch, answer=QMessageBox.Yes)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key_Delete)
    assert library.articles.count() == 0


def _trash_view(qtbot, library):
    """A library panel in a window, showing the trash with one trashed article."""
    from PySide6.QtWidgets import QMainWindow

    a = library.articles.create(headline="Gone for now")
    library.articles.trash(a.id)
    window = QMainWindow()
    qtbot.addWidget(window)
    p = LibraryPanel(library, runner=OperationRunner(library))
    window.setCentralWidget(p)
    window.show()
    return window, p, a


def test_restore_with_nothing_selected_says_so_in_the_status_bar(qtbot, library):
    window, p, a = _trash_view(qtbot, library)
    p.reload()
    p.trash_toggle.setChecked(True)
    p.view.setCurrentIndex(p.model.index(-1, 0))
    assert not p.restore_current()
    assert "Select an article in the trash" in window.statusBar().currentMessage()
    assert library.articles.get(a.id, include_deleted=True).deleted_at is not None


def test_a_restore_replaces_the_trash_note_in_the_status_bar(qtbot, library):
    """Restored within seconds of trashing, the bar still said 'Moved to the trash'."""
    window, p, _ = _trash_view(qtbot, library)
    window.statusBar().showMessage("Moved to the trash. Open the trash view to restore it.")
    p.reload()
    p.trash_toggle.setChecked(True)
    p.view.setCurrentIndex(p.model.index(0, 0))
    assert p.restore_current()
    assert window.statusBar().currentMessage() == "Restored from the trash."
