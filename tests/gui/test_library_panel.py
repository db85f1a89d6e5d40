"""The library panel: a lazy list, search as you type, filters, the trash view."""

import pytest
from PySide6.QtWidgets import QApplication

from desk.gui.article_model import PAGE_SIZE, ArticleListModel, friendly_time
from tests.gui.shell_helpers import library_panel


@pytest.fixture
def panel(qtbot, library):
    return library_panel(qtbot, library)


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


def test_a_search_that_still_lists_the_selected_article_keeps_it_selected(panel, library, qtbot):
    """Delete… acts on the selection: a search that lost it made the button do nothing."""
    flood = library.articles.create(headline="Floodgates open", body="water")
    library.articles.create(headline="Budget vote", body="money")
    panel.reload(select=flood.id)
    assert panel.current_id() == flood.id
    qtbot.keyClicks(panel.search, "flood")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and not panel.model.pending)
    assert panel.current_id() == flood.id
