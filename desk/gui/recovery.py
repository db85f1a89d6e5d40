"""At start: offer back the text a stopped desk left in the crash journal.

Recovering puts the text into its article as unsaved text (autosave then stores it) and
keeps the library's version as a revision first; discarding removes the entry. An entry
that says what the library already holds is removed without asking."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QMessageBox

from desk.journal import Entry, discard
from desk.model import DeskError
from desk.storage.edits import TEXT_FIELDS, text_of
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
    if not first:  # the window shows one article: the others are saved straight away,
        # in one transaction with the revision keeping what was stored, so a save by
        # another desk in between is never overwritten unkept
        values = {k: v for k, v in fields.items() if k != "tags"}
        with lib.transaction():
            lib.revisions.create(article.id, label=KEPT_LABEL, editor=article.updated_by)
            if article.deleted_at is not None:
                lib.articles.restore(article.id)
            lib.articles.update(article.id, tags=fields.get("tags"), **values)
        return article.id
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

