"""The library panel: a lazy list, search as you type, filters, new/duplicate/trash/restore."""

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desk.gui.article_model import PAGE_SIZE, ArticleListModel, friendly_time
from desk.gui.library_panel import LibraryPanel
from desk.gui.op_runner import OperationRunner
from tests.gui.shell_helpers import Dialogs


@pytest.fixture
def panel(qtbot, library):
    p = LibraryPanel(library, runner=OperationRunner(library))
    qtbot.addWidget(p)
    p.resize(320, 600)
    p.show()
    return p


def _many(library, n):
    with library.transaction():
        for i in range(n):
            library.articles.create(headline=f"Story {i}", body="x")


def test_model_fetches_a_page_at_a_time(library):
    _many(library, PAGE_SIZE * 2 + 50)
    model = ArticleListModel(library)
    model.refresh()
    assert model.total == PAGE_SIZE * 2 + 50
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE * 2
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE * 2 + 50
    assert not model.canFetchMore()


def test_model_lists_newest_change_first(library):
    a = library.articles.create(headline="Older")
    library.articles.create(headline="Newer")
    library.articles.update(a.id, body="changed")
    model = ArticleListModel(library)
    model.refresh()
    assert model.data(model.index(0, 0)) == "Older"


def test_list_shows_articles(panel, library):
    library.articles.create(headline="Flood warning")
    panel.reload()
    assert panel.model.rowCount() == 1
    assert "1 article" in panel.count_label.text()


def test_search_as_you_type_filters_the_list(panel, library, qtbot):
    library.articles.create(headline="Floodgates open", body="water")
    library.articles.create(headline="Budget vote", body="money")
    panel.reload()
    qtbot.keyClicks(panel.search, "flood")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.data(panel.model.index(0, 0)) == "Floodgates open"


def test_search_finds_words_in_the_body_with_accents(panel, library, qtbot):
    library.articles.create(headline="Harbour", body="Ferreira said the café flooded")
    library.articles.create(headline="Other", body="nothing")
    panel.reload()
    panel.search.setText("café")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)


def test_status_filter(panel, library):
    library.articles.create(headline="A", status="ready")
    library.articles.create(headline="B", status="draft")
    panel.reload()
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("ready"))
    panel.status_filter.activated.emit(panel.status_filter.currentIndex())
    assert panel.model.rowCount() == 1
    assert panel.model.data(panel.model.index(0, 1)) == "Ready"


def test_section_and_tag_filters(panel, library):
    library.articles.create(headline="A", section="Sport", tags=["cup"])
    library.articles.create(headline="B", section="Sport", tags=["league"])
    library.articles.create(headline="C", section="News", tags=["cup"])
    panel.reload()
    panel.section_filter.setCurrentIndex(panel.section_filter.findData("Sport"))
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findData("cup"))
    panel.tag_filter.activated.emit(panel.tag_filter.currentIndex())
    assert panel.model.rowCount() == 1
    assert panel.model.data(panel.model.index(0, 0)) == "A"


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


def test_saved_article_updates_its_row_in_place(panel, library):
    a = library.articles.create(headline="Before")
    panel.reload(select=a.id)
    panel.article_saved(library.articles.update(a.id, headline="After"))
    assert panel.model.data(panel.model.index(0, 0)) == "After"


def test_friendly_time_today_shows_the_clock():
    from datetime import datetime, timezone

    now = datetime(2026, 3, 5, 12, 0, tzinfo=timezone.utc)
    assert ":" in friendly_time("2026-03-05T11:00:00+00:00", now)
    assert friendly_time("2024-03-05T11:00:00+00:00", now).endswith("2024")


def test_down_in_the_search_field_moves_into_the_list(panel, library, qtbot):
    from PySide6.QtCore import Qt

    library.articles.create(headline="Weir")
    panel.reload()
    panel.search.setFocus()
    with qtbot.waitSignal(panel.article_selected):
        qtbot.keyClick(panel.search, Qt.Key_Down)
    assert panel.view.hasFocus() and panel.current_id() is not None


def test_enter_on_an_article_asks_for_the_editor(panel, library, qtbot):
    from PySide6.QtCore import Qt

    a = library.articles.create(headline="Weir")
    panel.reload(select=a.id)
    panel.view.setFocus()
    with qtbot.waitSignal(panel.open_requested):
        qtbot.keyClick(panel.view, Qt.Key_Return)


def test_restore_is_disabled_until_a_trashed_article_is_selected(panel, library):
    a = library.articles.create(headline="Gone for now")
    library.articles.trash(a.id)
    panel.reload()
    panel.trash_toggle.setChecked(True)
    panel.view.setCurrentIndex(panel.model.index(-1, 0))
    assert panel.restore_button.isVisible() and not panel.restore_button.isEnabled()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    assert panel.restore_button.isEnabled()


def test_restore_with_nothing_selected_says_so_in_the_status_bar(qtbot, library):
    from PySide6.QtWidgets import QMainWindow

    a = library.articles.create(headline="Gone for now")
    library.articles.trash(a.id)
    window = QMainWindow()
    qtbot.addWidget(window)
    p = LibraryPanel(library, runner=OperationRunner(library))
    window.setCentralWidget(p)
    window.show()
    p.reload()
    p.trash_toggle.setChecked(True)
    p.view.setCurrentIndex(p.model.index(-1, 0))
    assert not p.restore_current()
    assert "Select an article in the trash" in window.statusBar().currentMessage()
    assert library.articles.get(a.id, include_deleted=True).deleted_at is not None


def test_trash_view_does_not_widen_the_library_dock(qtbot, library, tmp_path):
    from tests.gui.shell_helpers import close_window, make_window

    for i in range(3):
        library.articles.trash(library.articles.create(headline=f"A trashed article with a "
                                                               f"rather long headline {i}").id)
    window = make_window(qtbot, library, tmp_path / "settings.ini")
    # narrow, but wide enough that the library stays beside the text (at 1024 it becomes a
    # tab among the panels: desk.gui.dock_layout)
    window.resize(1280, 700)
    lp = window.library_panel
    qtbot.waitUntil(lambda: lp.width() > 0 and not window.dock_fitter._timer.isActive())
    QApplication.processEvents()
    assert not window.dock_fitter.stacked
    hints = (lp.minimumSizeHint().width(), lp.sizeHint().width())
    before = lp.width()
    lp.trash_toggle.setChecked(True)
    QApplication.processEvents()  # the main window handles the layout request
    assert (lp.minimumSizeHint().width(), lp.sizeHint().width()) == hints
    assert lp.width() == before
    close_window(window)
