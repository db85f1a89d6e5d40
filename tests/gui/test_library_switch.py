"""File > Open Library… and Recent Libraries: the window moves to another library file."""

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from desk.gui import library_switch
from desk.gui.library_switch import display_path, fill_recent_menu, open_library
from desk.gui.main_window import MainWindow
from desk.gui.settings import WindowSettings
from desk.gui.window_parts import build_window
from desk.storage import Library
from tests.gui.live_helpers import warm_spelling
from tests.gui.shell_helpers import Dialogs, close_window, move_to_end, type_text


@pytest.fixture(autouse=True, scope="module")
def _warm():
    warm_spelling()


@pytest.fixture
def other_db(tmp_path):
    path = tmp_path / "news" / "other.db"
    path.parent.mkdir()
    with Library.open(path, seed=False) as lib:
        lib.articles.create(headline="Council budget", body="The council met.")
    return path


@pytest.fixture
def switched():
    """Windows a test switched to, closed with their libraries at its end."""
    made: list[MainWindow] = []
    yield made
    for w in made:
        if shiboken6.isValid(w):
            lib = w.library
            close_window(w)
            lib.close()


@pytest.fixture
def window(qtbot, seeded, tmp_path):
    """The window on a new user's library, not handed to qtbot: a switch deletes it."""
    w = build_window(seeded, WindowSettings.at(tmp_path / "settings.ini"))
    w.show()
    qtbot.waitExposed(w)
    yield w
    if shiboken6.isValid(w):
        close_window(w)
        w.deleteLater()


def headlines(window) -> list[str]:
    model = window.library_panel.model
    return [window.library.articles.get(model.article_id(r)).headline
            for r in range(model.rowCount())]


def test_opening_another_library_saves_then_shows_its_articles(qtbot, window, seeded,
                                                              other_db, switched):
    aid = window.editor.article_id
    move_to_end(window.editor.body)
    type_text(window.editor.body, " Last words.")
    new = open_library(window, other_db)
    switched.append(new)
    assert isinstance(new, MainWindow) and new is not window
    assert seeded.articles.get(aid).body.endswith(" Last words.")  # saved before leaving
    assert headlines(new) == ["Council budget"]
    assert new.isVisible() and not window.isVisible()
    assert new.library.path == other_db
    assert display_path(other_db) in new.windowTitle()
    assert new.status.library.text() == display_path(other_db)


def test_both_libraries_are_in_recent_libraries(qtbot, window, seeded, other_db, switched):
    new = open_library(window, other_db)
    switched.append(new)
    recent = new.settings.recent_libraries()
    assert recent[:2] == [str(other_db), str(seeded.path)]
    fill_recent_menu(new, new.actions.recent_menu)
    acts = [a for a in new.actions.recent_menu.actions() if a.data()]
    assert [a.data() for a in acts] == recent
    here, back = acts[0], acts[1]
    assert here.isChecked() and not here.isEnabled() and back.isEnabled()
    again = None
    back.trigger()  # back to the first library
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and w.isVisible() and w.library.path == seeded.path:
            again = w
    assert again is not None
    switched.append(again)


def test_the_last_article_is_remembered_per_library(qtbot, window, seeded, other_db, switched):
    welcome = window.editor.article_id
    new = open_library(window, other_db)
    switched.append(new)
    assert new.editor.article_id == new.library_panel.model.article_id(0)
    assert new.editor.headline.text() == "Council budget"
    assert new.settings.last_article(seeded.path) is None  # it was another library's
    assert welcome is not None


def test_a_file_that_is_not_a_library_is_refused_with_a_dialog(qtbot, window, tmp_path,
                                                             monkeypatch):
    shown = Dialogs(monkeypatch)
    notes = tmp_path / "notes.db"
    notes.write_text("not a database at all\n", encoding="utf-8")
    assert open_library(window, notes) is None
    assert window.isVisible() and window.library.path != notes
    (text,) = shown.texts("warning")
    assert "not a desk library" in text and "notes.db" in text
    assert notes.read_text(encoding="utf-8") == "not a database at all\n"  # untouched


def test_an_sqlite_file_of_another_program_is_refused(qtbot, window, tmp_path, monkeypatch):
    import sqlite3

    shown = Dialogs(monkeypatch)
    foreign = tmp_path / "other-app.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE things (x)")
    conn.close()
    assert open_library(window, foreign) is None
    assert "not a desk library" in shown.texts("warning")[0]


def test_an_empty_file_is_refused(qtbot, window, tmp_path, monkeypatch):
    shown = Dialogs(monkeypatch)
    empty = tmp_path / "empty.db"
    empty.touch()
    assert open_library(window, empty) is None
    assert "empty file" in shown.texts("warning")[0] and empty.stat().st_size == 0


def test_a_missing_recent_library_is_disabled_and_removed_when_opened(qtbot, window, tmp_path,
                                                                     monkeypatch):
    shown = Dialogs(monkeypatch)
    gone = tmp_path / "gone.db"
    window.settings.add_recent_library(gone)
    fill_recent_menu(window, window.actions.recent_menu)
    (act,) = [a for a in window.actions.recent_menu.actions() if a.data() == str(gone)]
    assert not act.isEnabled() and "(missing)" in act.text()
    assert open_library(window, gone) is None
    assert "missing" in shown.texts("warning")[0]
    assert str(gone) not in window.settings.recent_libraries()


def test_remove_missing_forgets_missing_files(qtbot, window, tmp_path, monkeypatch):
    shown = Dialogs(monkeypatch)
    gone = tmp_path / "gone.db"
    window.settings.add_recent_library(gone)
    fill_recent_menu(window, window.actions.recent_menu)
    (forget,) = [a for a in window.actions.recent_menu.actions() if a.text() == "Remove Missing"]
    forget.trigger()
    assert str(gone) not in window.settings.recent_libraries()
    assert "gone.db" in shown.texts("information")[0]


def test_at_most_eight_recent_libraries(tmp_path, window):
    for n in range(12):
        window.settings.add_recent_library(tmp_path / f"lib{n}.db")
    recent = window.settings.recent_libraries()
    assert len(recent) == 8 and recent[0] == str(tmp_path / "lib11.db")


def test_the_open_library_is_not_opened_twice(qtbot, window, seeded):
    assert open_library(window, seeded.path) is window
    assert "already open" in window.statusBar().currentMessage()


def test_open_library_dialog_uses_the_chosen_file(qtbot, window, other_db, switched,
                                                  monkeypatch):
    monkeypatch.setattr(library_switch, "choose_library", lambda win: str(other_db))
    window.actions.open_library.trigger()
    new = [w for w in QApplication.topLevelWidgets()
           if isinstance(w, MainWindow) and w.isVisible() and w.library.path == other_db]
    assert len(new) == 1
    switched.extend(new)


def test_the_old_library_is_closed_once_its_window_is_gone(qtbot, window, seeded, other_db,
                                                           switched):
    with qtbot.waitSignal(window.destroyed, timeout=5000):
        switched.append(open_library(window, other_db))
    with pytest.raises(Exception, match="closed"):
        seeded.articles.count()
