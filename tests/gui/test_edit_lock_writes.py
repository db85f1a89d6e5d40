"""What else a read-only window could change under the editor holding the lock (issue 14):
History's Restore, the status and the trash are refused there, naming the holder, in the
write's own transaction; recovered text goes to History; the fields look read-only. Two
windows on one SQLite file, each with its own Library and editor name."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMessageBox

from desk.gui import history_dialog
from desk.journal import Journal
from desk.operations.articles import change_status, restore_revision, trash_article
from desk.storage import Library
from desk.storage.edits import UNSAVED_LABEL, text_of
from desk.storage.locks import LockHeld
from tests.gui.shell_helpers import close_window, make_window


def named_window(qtbot, library, settings_path, name: str, **kw):
    w = make_window(qtbot, library, settings_path, open_last=False, **kw)
    w.runner.editor_name = w.library.editor = name  # as Preferences sets them
    return w


@pytest.fixture
def second(db_path):
    lib = Library.open(db_path, seed=False)
    yield lib
    lib.close()


@pytest.fixture
def two_windows(qtbot, library, second, tmp_path):
    """Ana's window opens the article first (she holds its lock), then Ben's."""
    aid = library.articles.create(headline="Weir", body="Start.", byline="Ana Ruiz",
                                  tags=["river"]).id
    ana = named_window(qtbot, library, tmp_path / "ana.ini", "Ana Ruiz")
    ben = named_window(qtbot, second, tmp_path / "ben.ini", "Ben Ode")
    ana.open_article(aid)
    ben.open_article(aid)
    assert ben.edit_lock.read_only
    yield ana, ben, aid
    close_window(ana)
    close_window(ben)


@pytest.fixture
def history(monkeypatch):
    """The History dialogs the window opens, instead of running them modally."""
    opened: list[history_dialog.HistoryDialog] = []

    def record(dialog):
        opened.append(dialog)
        return 0

    monkeypatch.setattr(history_dialog.HistoryDialog, "exec", record)
    return opened


# -- History > Restore ------------------------------------------------------------------


def test_restore_is_disabled_in_the_read_only_window_naming_the_holder(two_windows, library,
                                                                       history):
    ana, ben, aid = two_windows
    library.revisions.create(aid, label="first")
    ben.show_history()
    (dialog,) = history
    assert not dialog.restore_button.isEnabled()
    tip = dialog.restore_button.toolTip()
    assert tip.startswith("Ana Ruiz is editing this article") and "restoring a revision" in tip
    ana.show_history()
    assert history[1].restore_button.isEnabled() and history[1].restore_button.toolTip() == ""


def test_a_restore_from_the_read_only_window_is_refused_in_its_transaction(two_windows,
                                                                           library):
    """Past the disabled button (the lock taken between opening History and clicking):
    the operation checks the lock in the restore's own transaction."""
    ana, ben, aid = two_windows
    old = library.revisions.create(aid, label="first")
    library.articles.update(aid, body="Ana's newer text.")
    before = len(library.revisions.list(aid))
    with pytest.raises(LockHeld, match="Ana Ruiz is editing this article"):
        ben.runner.run(restore_revision, quiet=True, revision_id=old.id, article_id=aid)
    assert library.articles.get(aid).body == "Ana's newer text."
    assert len(library.revisions.list(aid)) == before  # not even the "before" snapshot


def test_the_window_holding_the_lock_restores_as_before(two_windows, library, history):
    ana, _, aid = two_windows
    old = library.revisions.create(aid, label="first")
    library.articles.update(aid, body="Later.")
    ana.editor.load(library.articles.get(aid))
    ana.autosaver.set_base(library.articles.get(aid))
    ana.show_history()
    dialog = history[0]
    dialog.revisions.setCurrentRow([dialog.revisions.item(i).data(Qt.UserRole)
                                    for i in range(dialog.revisions.count())].index(old.id))
    assert dialog.restore_selected() is not None
    assert library.articles.get(aid).body == "Start."
    assert ana.editor.body.toPlainText() == "Start."


# -- status and trash ---------------------------------------------------------------------


def test_a_status_change_in_the_read_only_window_is_refused_naming_the_holder(
        two_windows, library, _no_modal):
    _, ben, aid = two_windows
    assert ben.request_status("editing") is False
    (text,) = _no_modal.texts("warning")
    assert text.startswith("Ana Ruiz is editing this article")
    assert "a status change is refused" in text
    assert library.articles.get(aid).status == "draft"
    assert library.status_log.list(aid) == []
    assert ben.actions.status_actions["draft"].isChecked()  # the menu shows it as stored


def test_a_gated_status_change_is_refused_before_the_gate_asks_for_a_reason(
        two_windows, library, _no_modal):
    """No override dialog for a move that the lock refuses anyway (its exec would fail the
    test: no modal dialog may open)."""
    _, ben, aid = two_windows
    assert ben.request_status("published") is False
    assert "Ana Ruiz" in _no_modal.texts("warning")[0]
    assert library.articles.get(aid).status == "draft"


def test_the_window_holding_the_lock_changes_the_status(two_windows, library):
    ana, _, aid = two_windows
    assert ana.request_status("editing") is True
    assert library.articles.get(aid).status == "editing"


def test_the_status_is_refused_in_the_transaction_too(two_windows, library):
    """A runner without the window's pre-check: the operation refuses on its own."""
    _, ben, aid = two_windows
    with pytest.raises(LockHeld, match="Ana Ruiz"):
        change_status(ben.library, article_id=aid, status="editing",
                      session=ben.edit_lock.session)
    assert library.articles.get(aid).status == "draft"


def test_trashing_an_article_another_editor_edits_is_refused_naming_them(
        two_windows, library, _no_modal):
    _, ben, aid = two_windows
    ben.library_panel.select(aid, emit=False)
    assert ben.library_panel.trash_current() is False
    (text,) = _no_modal.texts()  # no "Move to trash?" question first: only the refusal
    assert text.startswith("Ana Ruiz is editing this article")
    assert "moving it to the trash is refused" in text
    assert library.articles.get(aid).deleted_at is None
    with pytest.raises(LockHeld):
        trash_article(ben.library, article_id=aid, session=ben.edit_lock.session)
    assert library.articles.get(aid).deleted_at is None


def test_the_window_holding_the_lock_trashes_it(two_windows, library, _no_modal):
    ana, _, aid = two_windows
    _no_modal.answer = QMessageBox.Yes
    ana.library_panel.select(aid, emit=False)
    assert ana.library_panel.trash_current() is True
    assert library.articles.get(aid, include_deleted=True).deleted_at is not None


# -- recovery -------------------------------------------------------------------------------


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def journalled(tmp_path, library, article, body: str) -> Journal:
    """A crash journal left by a desk that has ended, holding ``body`` for ``article``."""
    journal = Journal(library.path, tmp_path / "journal", pid=dead_pid())
    journal.write(article.id, {**text_of(article), "body": body}, text_of(article))
    return journal


def test_recovered_text_for_an_article_another_editor_holds_is_kept_as_a_revision(
        qtbot, two_windows, library, second, tmp_path):
    """The newest entry goes into the editor, the article Ana edits is the other one, saved
    straight away: the lock is checked in that save's transaction."""
    ana, _, aid = two_windows
    other = library.articles.create(headline="Other", body="Other stored.")
    journalled(tmp_path, library, library.articles.get(aid), "Unsaved by Ben.")
    journalled(tmp_path, library, other, "Other unsaved.")  # newest: offered first
    # Ben's desk starts again (its journal in tmp_path/journal) while Ana edits the article.
    cleo = named_window(qtbot, second, tmp_path / "cleo.ini", "Ben Ode",
                        journal=Journal(library.path, tmp_path / "journal"))
    try:
        recovered = cleo.offer_recovery(lambda *args: True)
        assert sorted(recovered) == sorted([aid, other.id])
        assert library.articles.get(aid).body == "Start."  # Ana's article, untouched
        kept = [r for r in library.revisions.list(aid) if r.body == "Unsaved by Ben."]
        assert len(kept) == 1 and kept[0].label == UNSAVED_LABEL.format(editor="Ana Ruiz")
        assert cleo.editor.article_id == other.id and cleo.autosaver.save()
        assert library.articles.get(other.id).body == "Other unsaved."  # nobody holds it
        assert cleo.journal.pending() == []
        assert library.locks.get(aid).session == ana.edit_lock.session
    finally:
        close_window(cleo)


def test_recovered_text_is_kept_when_the_article_is_the_first_entry(
        qtbot, two_windows, library, second, tmp_path):
    """The first entry offered would go into the editor: the article opens read-only
    instead, the text in its History."""
    ana, _, aid = two_windows
    first = library.articles.create(headline="First", body="First stored.")
    journalled(tmp_path, library, first, "First unsaved.")
    journalled(tmp_path, library, library.articles.get(aid), "Unsaved by Ben.")  # newest
    cleo = named_window(qtbot, second, tmp_path / "cleo.ini", "Ben Ode",
                        journal=Journal(library.path, tmp_path / "journal"))
    try:
        assert sorted(cleo.offer_recovery(lambda *args: True)) == sorted([first.id, aid])
        assert library.articles.get(aid).body == "Start."
        assert [r.body for r in library.revisions.list(aid)] == ["Unsaved by Ben."]
        assert cleo.editor.article_id == aid and cleo.editor.body.isReadOnly()
        assert cleo.editor.body.toPlainText() == "Start."
        assert "kept in History" in cleo.statusBar().currentMessage()
        assert library.articles.get(first.id).body == "First unsaved."
    finally:
        close_window(cleo)


def test_a_lock_left_by_the_ended_desk_does_not_stop_its_recovery(qtbot, library, tmp_path):
    article = library.articles.create(headline="Weir", body="Stored.")
    ended = f"{socket.gethostname()}/{dead_pid()}/0123456789abcdef"
    assert library.locks.acquire(article.id, "Ben Ode", ended).held
    journalled(tmp_path, library, article, "Unsaved.")
    w = named_window(qtbot, library, tmp_path / "w.ini", "Ben Ode",
                     journal=Journal(library.path, tmp_path / "journal"))
    try:
        assert w.offer_recovery(lambda *args: True) == [article.id]
        assert w.editor.body.toPlainText() == "Unsaved." and not w.editor.body.isReadOnly()
        assert w.autosaver.save()
        assert library.articles.get(article.id).body == "Unsaved."
    finally:
        close_window(w)


# -- looks -----------------------------------------------------------------------------------


def test_read_only_fields_look_read_only(two_windows):
    ana, ben, _ = two_windows
    for name in ("headline", "dek", "byline", "tags"):
        ro, rw = getattr(ben.editor, name), getattr(ana.editor, name)
        assert ro.isReadOnly() and not rw.isReadOnly()
        assert ro.palette().color(QPalette.Base) == ro.palette().color(QPalette.Window)
        assert rw.palette().color(QPalette.Base) != ro.palette().color(QPalette.Base)
    body = ben.editor.body  # the page being read stays white
    assert body.palette().color(QPalette.Base) == ana.editor.body.palette().color(QPalette.Base)


def test_the_fields_look_editable_again_once_the_window_edits(qtbot, two_windows, library):
    ana, ben, aid = two_windows
    close_window(ana)  # Ana lets the article go
    ben.edit_lock.edit_now()
    assert not ben.edit_lock.read_only
    for name in ("headline", "dek", "byline", "tags"):
        palette = getattr(ben.editor, name).palette()
        assert palette.color(QPalette.Base) != palette.color(QPalette.Window)
