"""At start: offer back the text a stopped desk left in the crash journal.

Recovering puts the text into its article as unsaved text (autosave then stores it) and
keeps the library's version as a revision first; discarding removes the entry. An entry
that says what the library already holds is removed without asking. An article another
live window is editing (it holds the editing lock, desk.storage.locks) is not written
over: the text is kept as a revision of it (History), checked in the write's transaction."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QMessageBox

from desk.journal import Entry, discard
from desk.model import DeskError
from desk.operations.editing import session_gone
from desk.storage.edits import TEXT_FIELDS, keep_unsaved, text_of
from desk.storage.locks import EditLock
from desk.text import word_count

KEPT_LABEL = "library version before recovering unsaved text"


def ask(parent, entry: Entry, headline: str) -> bool:
    """Recover (True) or Discard (False)."""
    words = word_count(entry.fields.get("body", ""))
    box = QMessageBox(QMessageBox.Question, "Recover unsaved text",
                      f"desk stopped before it could save “{headline or '(untitled)'}” "
                      f"({words:,} words, journalled {entry.written_at[:19].replace('T', ' ')} "
                      "UTC).\n\nRecover puts that text back into the article; the library's "
                      "version is kept in its History.", QMessageBox.NoButton, parent)
    recover = box.addButton("Recover", QMessageBox.AcceptRole)
    box.addButton("Discard", QMessageBox.DestructiveRole)
    box.setDefaultButton(recover)
    box.exec()
    return box.clickedButton() is recover


def offer(window, journal, ask_fn=None) -> list[int]:
    """Ask about each pending entry; returns the ids of the articles recovered."""
    ask_fn = ask_fn or ask
    journal.sweep_temporaries()
    recovered: list[int] = []
    for entry in journal.pending():
        try:
            article = window.library.articles.get(entry.article_id, include_deleted=True)
        except DeskError:
            article = None
        fields = {k: entry.fields[k] for k in TEXT_FIELDS if k in entry.fields}
        if article is not None and _same(text_of(article), fields):
            discard(entry)
            continue
        if not ask_fn(window, entry, fields.get("headline", "")):
            discard(entry)
            continue
        aid = _recover(window, article, fields, first=not recovered)
        discard(entry)
        if aid is not None:
            recovered.append(aid)
    return recovered


def _same(stored: dict, fields: dict) -> bool:
    return all(stored.get(k) == v for k, v in fields.items())


def _recover(window, article, fields: dict, *, first: bool) -> int | None:
    lib = window.library
    if article is None:  # purged since: the text comes back as a new article
        values = {k: v for k, v in fields.items() if k != "tags"}
        values["headline"] = f"{values.get('headline') or '(untitled)'} (recovered)"
        return lib.articles.create(tags=fields.get("tags", []), **values).id
    if first and _live_holder(window, article.id) is None:
        return _into_editor(window, article, fields)
    # The window shows one article: the others are saved straight away, in one transaction
    # with the revision keeping what was stored (a save by another desk in between is never
    # overwritten unkept) and the lock check (another editor's article is never written
    # over: the text becomes a revision of it).
    values = {k: v for k, v in fields.items() if k != "tags"}
    with lib.transaction():
        holder = _live_holder(window, article.id)
        if holder is not None:
            kept = keep_unsaved(lib, article.id, fields, holder=holder.editor or "another editor",
                                editor=lib.editor)
        else:
            lib.revisions.create(article.id, label=KEPT_LABEL, editor=article.updated_by)
            if article.deleted_at is not None:
                lib.articles.restore(article.id)
            lib.articles.update(article.id, tags=fields.get("tags"), **values)
    if holder is not None:
        window.statusBar().showMessage(
            f"{holder.editor or 'Another editor'} is editing “{article.headline or '(untitled)'}"
            f"”: the recovered text was not written over theirs; it is kept in History "
            f"(revision {kept.id}).", 30000)
        if first:
            window.open_article(article.id)  # read-only under the banner
    return article.id


def _live_holder(window, article_id: int) -> EditLock | None:
    """The lock of another window that is still editing the article (not stale, not a
    desk on this machine that has ended, such as the one whose text is recovered)."""
    lock = window.library.locks.other_holder(article_id, window.edit_lock.session)
    if lock is None or lock.stale or session_gone(lock.session):
        return None
    return lock


def _into_editor(window, article, fields: dict) -> int | None:
    lib = window.library
    lib.revisions.create(article.id, label=KEPT_LABEL, editor=article.updated_by)
    if article.deleted_at is not None:
        lib.articles.restore(article.id)
    if not window.open_article(article.id):
        return None
    stored = window.library.articles.get(article.id)
    shown = replace(stored, **{k: v for k, v in fields.items()})
    window.editor.load(shown)
    window.autosaver.set_base(stored)
    window.autosaver.note_change()  # unsaved text: the status bar says so, autosave stores it
    window.statusBar().showMessage("Recovered unsaved text; the library's version is in "
                                   "History.", 10000)
    return article.id

