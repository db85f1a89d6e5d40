"""Editing locks in the window (issue 14): two windows on one library (an SQLite file, and
the PostgreSQL team library), each with its own Library and editor name. The first to open an article edits it; the second shows it
read-only under the banner, may take a stale lock over, and the window that lost its lock
never writes over the other's article (its text is kept in History)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desk.storage import Library
from desk.storage.edits import UNSAVED_LABEL
from desk.storage.locks import STALE_AFTER_S
from tests.gui.shell_helpers import close_window, make_window, move_to_end, type_text


def make_stale(library, article_id: int) -> None:
    """The lock's last heartbeat STALE_AFTER_S ago and more, as a window gone quiet leaves it."""
    when = library.engine.clock() - timedelta(seconds=STALE_AFTER_S + 30)
    with library.transaction():
        library.conn.execute("UPDATE edit_locks SET heartbeat_at = ? WHERE article_id = ?",
                             (when.isoformat(timespec="microseconds"), article_id))


def named_window(qtbot, library, settings_path, name: str):
    w = make_window(qtbot, library, settings_path, open_last=False)
    w.runner.editor_name = w.library.editor = name  # as Preferences sets them
    return w


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, db_path):
    """Where the two windows' library is: an SQLite file, or the PostgreSQL team library."""
    return request.getfixturevalue("pg_url") if request.param == "postgresql" else db_path


@pytest.fixture
def library(target):
    lib = Library.open(target, seed=False)
    yield lib
    lib.close()


@pytest.fixture
def two_windows(qtbot, library, target, tmp_path):
    """Ana's window opens the article first, then Ben's (another Library on the same file,
    or another connection to the same database)."""
    aid = library.articles.create(headline="Weir", body="Start.").id
    second = Library.open(target, seed=False)
    ana = named_window(qtbot, library, tmp_path / "ana.ini", "Ana Ruiz")
    ben = named_window(qtbot, second, tmp_path / "ben.ini", "Ben Ode")
    ana.open_article(aid)
    ben.open_article(aid)
    yield ana, ben, aid
    close_window(ana)
    close_window(ben)
    second.close()


def wait_checked(qtbot, window, ask) -> None:
    """Run a heartbeat or a watch of the window's lock and wait for its answer."""
    with qtbot.waitSignal(window.edit_lock.checked, timeout=10000):
        ask()


def since(library, aid: int) -> str:
    from desk.operations.editing import clock_time

    return clock_time(library.locks.get(aid).taken_at)


def test_the_first_window_edits_and_holds_the_lock(two_windows, library):
    ana, _, aid = two_windows
    lock = library.locks.get(aid)
    assert (lock.editor, lock.session) == ("Ana Ruiz", ana.edit_lock.session)
    assert not ana.editor.body.isReadOnly()
    assert not ana.edit_lock.banner.isVisible()


def test_the_second_window_is_read_only_under_the_banner(two_windows, library):
    _, ben, aid = two_windows
    banner = ben.edit_lock.banner
    assert banner.isVisible()
    assert banner.text().startswith(f"Being edited by Ana Ruiz since {since(library, aid)}")
    assert ben.editor.body.isReadOnly() and ben.editor.headline.isReadOnly()
    assert not ben.editor.status.isEnabled()
    assert banner.take_over.isVisible() and not banner.take_over.isEnabled()  # not stale yet
    assert not banner.edit_now.isVisible()
    assert ben.editor.body.toPlainText() == "Start."
    assert ben.status.save_state.text() == "Read-only"


def test_typing_in_the_read_only_window_changes_nothing(two_windows, library):
    ana, ben, aid = two_windows
    move_to_end(ben.editor.body)
    type_text(ben.editor.body, " From Ben.")
    assert ben.editor.body.toPlainText() == "Start."
    assert ben.autosaver.save()
    assert library.articles.get(aid).body == "Start."


def test_replacing_and_fixing_do_nothing_in_the_read_only_window(two_windows, library):
    _, ben, aid = two_windows
    bar = ben.find_bar
    bar.open_replace()
    bar.find_field.setText("Start")
    bar.replace_field.setText("Begin")
    assert bar.replace_all() == 0 and not bar.replace_one()
    assert bar.status.text() == "Read-only: nothing replaced"
    cursor = ben.editor.body.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(5, cursor.MoveMode.KeepAnchor)
    ben.editor_menu.apply_suggestion(cursor, "Begin")
    assert ben.editor_menu._remove("Start.", 0, 6) is False
    assert ben.editor.body.toPlainText() == "Start." and not ben.autosaver.dirty
    assert library.revisions.list(aid) == []


def test_text_put_into_the_read_only_editor_is_kept_not_saved(two_windows, library):
    """A change that reaches the body past read-only (a menu's replace) is kept in History."""
    _, ben, aid = two_windows
    ben.editor.body.setPlainText("Start. Replaced by Ben.")  # emits textChanged: a change
    assert ben.autosaver.dirty
    assert ben.autosaver.save()
    assert library.articles.get(aid).body == "Start."
    (kept,) = library.revisions.list(aid)
    assert kept.body == "Start. Replaced by Ben."
    assert kept.label == UNSAVED_LABEL.format(editor="Ana Ruiz")
    assert ben.editor.body.toPlainText() == "Start."  # the article as stored, read-only
    assert f"revision {kept.id}" in ben.edit_lock.banner.text()


def test_a_stale_lock_can_be_taken_over(qtbot, two_windows, library):
    ana, ben, aid = two_windows
    make_stale(library, aid)
    wait_checked(qtbot, ben, ben.edit_lock.watch)
    banner = ben.edit_lock.banner
    assert banner.take_over.isEnabled()
    assert "you may take the article over" in banner.text()
    banner.take_over.click()
    lock = library.locks.get(aid)
    assert (lock.editor, lock.session) == ("Ben Ode", ben.edit_lock.session)
    assert not banner.isVisible()
    assert not ben.editor.body.isReadOnly()
    assert ben.status.save_state.text() == "Saved"
    assert "took the article over from Ana Ruiz" in ben.statusBar().currentMessage()


def test_a_fresh_lock_is_not_taken_over(two_windows, library):
    _, ben, aid = two_windows
    ben.edit_lock.take_over()  # as if the button were pressed while disabled
    assert library.locks.get(aid).editor == "Ana Ruiz"
    assert ben.editor.body.isReadOnly()


def test_the_window_that_lost_its_lock_does_not_overwrite(qtbot, two_windows, library):
    ana, ben, aid = two_windows
    make_stale(library, aid)
    ben.edit_lock.take_over()
    move_to_end(ben.editor.body)
    type_text(ben.editor.body, " From Ben.")
    assert ben.autosaver.save()
    # Ana's window wakes up with unsaved typing: its save must not go over Ben's text.
    move_to_end(ana.editor.body)
    type_text(ana.editor.body, " From Ana.")
    assert ana.autosaver.save()
    assert library.articles.get(aid).body == "Start. From Ben."
    kept = [r for r in library.revisions.list(aid) if r.body == "Start. From Ana."]
    assert len(kept) == 1 and kept[0].label == UNSAVED_LABEL.format(editor="Ben Ode")
    assert ana.editor.body.isReadOnly()
    assert ana.editor.body.toPlainText() == "Start. From Ben."
    text = ana.edit_lock.banner.text()
    assert text.startswith("Ben Ode took over editing at")
    assert f"kept in History (revision {kept[0].id})" in text
    assert f"revision {kept[0].id}" in ana.statusBar().currentMessage()


def test_the_heartbeat_tells_a_window_it_lost_its_lock(qtbot, two_windows, library):
    ana, ben, aid = two_windows
    move_to_end(ana.editor.body)
    type_text(ana.editor.body, " Unsaved.")
    assert ana.journal_keeper.write_now()  # the crash journal holds the unsaved text
    assert [e.article_id for e in ana.journal.entries()] == [aid]
    make_stale(library, aid)
    ben.edit_lock.take_over()
    wait_checked(qtbot, ana, ana.edit_lock.beat)
    assert ana.editor.body.isReadOnly()
    assert not ana.autosaver.dirty
    assert ana.journal.entries() == []  # kept in History: nothing to recover at the next start
    assert library.articles.get(aid).body == "Start."
    assert [r.body for r in library.revisions.list(aid)] == ["Start. Unsaved."]
    assert "Ben Ode took over editing" in ana.edit_lock.banner.text()


def test_the_heartbeat_keeps_the_lock_fresh(qtbot, two_windows, library):
    ana, _, aid = two_windows
    make_stale(library, aid)
    wait_checked(qtbot, ana, ana.edit_lock.beat)
    assert not library.locks.get(aid).stale
    assert not ana.editor.body.isReadOnly()


def test_a_released_lock_offers_edit_now(qtbot, two_windows, library):
    ana, ben, aid = two_windows
    other = library.articles.create(headline="Dam").id
    ana.open_article(other)  # switching lets the lock go
    assert library.locks.get(aid) is None
    wait_checked(qtbot, ben, ben.edit_lock.watch)
    banner = ben.edit_lock.banner
    assert banner.edit_now.isVisible() and banner.text() == (
        "Ana Ruiz is no longer editing this article.")
    banner.edit_now.click()
    assert library.locks.get(aid).session == ben.edit_lock.session
    assert not ben.editor.body.isReadOnly() and not banner.isVisible()


def test_closing_the_window_lets_its_lock_go(two_windows, library):
    ana, _, aid = two_windows
    close_window(ana)
    assert library.locks.get(aid) is None


def test_a_window_whose_lock_was_removed_takes_it_again(qtbot, two_windows, library):
    ana, _, aid = two_windows
    library.locks.remove(aid, force=True)
    wait_checked(qtbot, ana, ana.edit_lock.beat)
    assert library.locks.get(aid).session == ana.edit_lock.session
    assert not ana.editor.body.isReadOnly()


def test_the_banner_sits_above_the_editor_and_renders(qtbot, two_windows, library, tmp_path):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor

    _, ben, aid = two_windows
    ben.resize(1280, 800)
    qtbot.wait(50)
    banner = ben.edit_lock.banner
    top_of = lambda w: w.mapTo(ben, QPoint(0, 0)).y()  # noqa: E731
    assert top_of(banner) < top_of(ben.editor.headline) < top_of(ben.editor.body)
    image = banner.grab().toImage()
    assert image.save(str(tmp_path / "banner.png"))
    assert QColor(image.pixel(1, image.height() // 2)) == QColor("#c98a12")  # its left edge
    make_stale(library, aid)
    with qtbot.waitSignal(ben.edit_lock.checked, timeout=10000):
        ben.edit_lock.watch()
    assert ben.grab().save(str(tmp_path / "window-stale.png"))


def test_moving_to_another_library_lets_the_lock_go(qtbot, seeded, tmp_path):
    import shiboken6

    from desk.gui.library_switch import open_library
    from desk.gui.settings import WindowSettings
    from desk.gui.window_parts import build_window

    other = tmp_path / "other.db"
    Library.open(other, seed=False).close()
    window = build_window(seeded, WindowSettings.at(tmp_path / "settings.ini"))
    window.show()
    qtbot.waitExposed(window)
    aid = window.editor.article_id
    assert seeded.locks.get(aid).session == window.edit_lock.session
    new = open_library(window, other)
    try:
        assert new is not None and new is not window
        assert seeded.locks.get(aid) is None
    finally:
        lib = new.library
        close_window(new)
        lib.close()
        if shiboken6.isValid(window):
            window.deleteLater()


def test_a_heartbeat_waiting_for_the_library_does_not_hold_the_window(qtbot, two_windows,
                                                                      library, target):
    """The beat runs in the worker on its own connection: while another process holds the
    write lock, beat() returns to the event loop and the beat lands once it is free."""
    ana, _, aid = two_windows
    make_stale(library, aid)
    answers = []
    ana.edit_lock.checked.connect(lambda: answers.append(library.locks.get(aid).stale))
    blocker = Library.open(target, seed=False)
    try:
        blocker.engine.begin()  # BEGIN IMMEDIATE, or the writer lock: every other writer waits
        ana.edit_lock.beat()
        assert answers == []  # back here with the beat still waiting in the worker
    finally:
        blocker.engine.rollback()
        blocker.close()
    qtbot.waitUntil(lambda: answers != [], timeout=10000)
    assert answers == [False]  # refreshed once the library was free
    assert ana.edit_lock._worker_library.conn is not ana.library.conn
