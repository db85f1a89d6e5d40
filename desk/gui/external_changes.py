"""Noticing what other programs wrote: another desk window, `desk import` in a terminal.

Every POLL_MS the watcher asks the library for its data version (SQLite's PRAGMA
data_version, which moves only when another connection commits; this window's own writes
leave it alone). When it moved, the runner announces ``Changes.outside()``: which rows is
not known, so the library list, its filters, the Sources and Review panels re-read what they
show and the live checker checks again (desk.gui.change_wiring).

The open article is never reloaded over unsaved typing: when another program changed it
while the editor has unsaved changes, the text on screen stays and the status bar says so;
the next save keeps the other version in History (desk.storage.edits.save_edit). With
nothing unsaved it is shown as stored now, the cursor and the scroll position kept.

A team library on PostgreSQL has no data version: its changes arrive as notifications
(desk.gui.team_changes) that name the rows, handed to ``heard``: the runner announces them
(each panel re-reads what they concern) and the open article is looked at only when it is
among them; what they cannot name calls ``changed_elsewhere`` as the poll does."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desk.gui.file_actions import SAVE_ERRORS
from desk.operations.changes import Changes
from desk.storage.edits import text_of

POLL_MS = 1500  # "within a couple of seconds"; one PRAGMA costs microseconds

OPEN_ARTICLE_CHANGED = ("This article was changed outside this window. Your text stays on "
                        "screen; when it is saved, the other version is kept in History.")
OPEN_ARTICLE_RELOADED = "This article was changed outside this window; showing its new version."


class ExternalChanges(QObject):
    article_changed = Signal(str)  # a status-bar note: the open article changed elsewhere
    article_reloaded = Signal(object)  # the open article, re-read (nothing was unsaved)
    stopping = Signal()  # the window closes: whatever feeds ``changed_elsewhere`` stops too

    def __init__(self, library, runner, editor, autosaver, parent=None, *,
                 interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.library, self.runner = library, runner
        self.editor, self.autosaver = editor, autosaver
        self._version = self._read()
        self._noted: tuple | None = None  # (article id, its stored text) already told
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        # The autosave's write on its worker's connection moves the data version too: what
        # others wrote before it is announced first, the move it makes itself is not.
        if hasattr(autosaver, "written"):  # (a test's stand-in may have neither)
            autosaver.writing.connect(self.poll)
            autosaver.written.connect(self._own_write)

    def _read(self) -> int | None:
        try:
            return self.library.data_version()
        except SAVE_ERRORS:  # locked or closed just now: ask again at the next tick
            return None

    def poll(self) -> bool:
        """Announce a change made elsewhere since the last poll; True when there was one."""
        version = self._read()
        if version is None or version == self._version:
            return False
        self._version = version
        self.changed_elsewhere()
        return True

    def _own_write(self, others_wrote: bool) -> None:
        """The autosave's worker committed on a connection of its own: that move of the
        data version is this window's. When another connection committed while it wrote,
        the next poll announces the move (the views read again, needlessly for ours). The
        window polls as each such job starts (``writing``), so only a commit made elsewhere
        in the milliseconds between that poll and the job's first read would pass for ours
        (and be announced with the next change)."""
        if not others_wrote:
            self._version = self._read()

    def changed_elsewhere(self) -> None:
        """Another program wrote to the library (the poll above, or a team library's
        notifications, desk.gui.team_changes): the views read again."""
        self.runner.announce(Changes.outside(), origin=self)
        self._check_open_article()

    def heard(self, changes: Changes) -> None:
        """Another editor committed ``changes`` (named rows, desk.gui.team_changes): the
        views re-read what it concerns, the open article when it is among them."""
        self.runner.announce(changes, origin=self)
        aid = self.editor.article_id
        if aid is not None and (aid in changes.articles or "articles" in changes.unnamed):
            self._check_open_article()

    def stop(self) -> None:
        self.timer.stop()
        self.stopping.emit()

    def _check_open_article(self) -> None:
        aid = self.editor.article_id
        base = self.autosaver.base
        if aid is None or base is None:
            return
        try:
            article = self.library.articles.get(aid, include_deleted=True)
        except SAVE_ERRORS:
            return
        stored = text_of(article)
        if stored == base and self.editor.current_fields().get("status") == article.status:
            return
        if not self.autosaver.dirty and article.deleted_at is None:
            self._reload(article)
            return
        if stored == base:
            return  # only the status moved: the editor's next save does not write it
        key = (aid, stored)
        if key != self._noted:
            self._noted = key
            self.article_changed.emit(OPEN_ARTICLE_CHANGED)

    def _reload(self, article) -> None:
        body = self.editor.body
        position = body.textCursor().position()
        scroll = body.verticalScrollBar().value()
        self.editor.load(article)
        cursor = body.textCursor()
        cursor.setPosition(min(position, len(body.toPlainText())))
        body.setTextCursor(cursor)
        body.verticalScrollBar().setValue(scroll)
        self.article_reloaded.emit(article)
