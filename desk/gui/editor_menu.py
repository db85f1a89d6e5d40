"""The editor's right-click menu for check marks: spelling fixes, quotation actions and
"Remove boilerplate" (also offered by the Problems panel's rows).

What is under the mouse is found through the marks' own cursors, which have followed every
edit since the check ran, so the menu is right even while a re-check is pending. Every
action that changes the library runs an operation from desk.operations through the
window's runner (``runner=``), so the menu and the CLI leave the same state.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QFont, QTextCursor
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from desk.gui.body_edit import py_to_qt, qt_to_py
from desk.model import DeskError, QuoteSpan

SPELLING_KINDS = ("misspelling", "unknown-name")
REMOVE_BOILERPLATE = "Remove boilerplate"
MAX_SUGGESTIONS = 5
MAX_SOURCES_LISTED = 25


def word_at(text: str, pos: int) -> str:
    """The word (letters, digits, inner apostrophes and hyphens) at a str offset, or ""."""
    import re

    for m in re.finditer(r"[^\W_]+(?:['’-][^\W_]+)*", text[max(0, pos - 60):pos + 60]):
        start = m.start() + max(0, pos - 60)
        if start <= pos <= start + len(m.group()):
            return m.group()
    return ""


def boilerplate_block(text: str, start: int, end: int) -> tuple[int, int]:
    """The str range to delete for the boilerplate at text[start:end]: its whole line, the
    boilerplate lines next to it ("Leave a Reply" / "Your email address will not be
    published" / "Required fields are marked *", blank lines between them allowed), and the
    blank lines after, so the paragraphs around close up with one blank line between them."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    here = next(i for i, (a, b) in enumerate(lines) if a <= start <= b)

    def blank(i: int) -> bool:
        return not text[lines[i][0]:lines[i][1]].strip()

    from desk.checks.boilerplate import boilerplate_problems  # its pattern: ~10 ms to compile

    def boilerplate(i: int) -> bool:
        return bool(boilerplate_problems(text[lines[i][0]:lines[i][1]]))

    lo = hi = here
    for step in (1, -1):
        i = here + step
        while 0 <= i < len(lines):
            while 0 <= i < len(lines) and blank(i):
                i += step
            if not (0 <= i < len(lines) and boilerplate(i)):
                break
            lo, hi = min(lo, i), max(hi, i)
            i += step
    a, b = lines[lo][0], max(lines[hi][1], end)
    while b < len(text) and text[b] == "\n":
        b += 1
    if b >= len(text):  # the block ends the text: keep one newline after what comes before
        while a > 1 and text[a - 1] == "\n" and text[a - 2] == "\n":
            a -= 1
        if a == 1 and text[0] == "\n":
            a = 0
    return a, b



def _quote_ops():
    """desk.operations.quotes, imported when a quotation is first acted on rather than at
    start-up (it brings desk.review and rapidfuzz with it)."""
    from desk.operations import quotes

    return quotes

class EditorMenu(QObject):
    """Adds check actions to BodyEdit's context menu; each action is also a plain method."""

    def __init__(self, library, body_edit, checker, parent=None, *, runner):
        """``body_edit`` is the BodyEdit, or the ArticleEditor holding it as ``.body``;
        ``runner`` the window's OperationRunner (desk.gui.op_runner)."""
        body_edit = getattr(body_edit, "body", body_edit)
        super().__init__(parent if parent is not None else body_edit)
        self.library, self.body, self.checker = library, body_edit, checker
        self.runner = runner
        body_edit.context_menu_about_to_show.connect(self.populate)

    # -- menu ------------------------------------------------------------------------
    def populate(self, menu: QMenu, pos: int) -> None:
        first = menu.actions()[0] if menu.actions() else None
        added: list[QAction] = []
        spelling = self._at(pos, lambda o: getattr(o, "kind", None) in SPELLING_KINDS)
        if spelling:
            added += self._spelling_actions(menu, *spelling)
        else:
            added += self._dictionary_undo_actions(menu, pos)
        junk = self._at(pos, lambda o: getattr(o, "kind", None) == "boilerplate")
        if junk:
            remove = QAction(REMOVE_BOILERPLATE, menu)
            remove.triggered.connect(lambda _=False, c=junk[0]: self.remove_marked(c))
            added.append(remove)
        quote = self._at(pos, lambda o: isinstance(o, QuoteSpan))
        if quote:
            added.append(self._quote_menu(menu, quote[1]).menuAction())
        if not added:
            return
        for action in added:
            menu.insertAction(first, action)
        if first is not None:
            menu.insertSeparator(first)

    def _at(self, pos: int, want):
        hits = [(c, o) for c, o in self.checker.marks_at(pos) if want(o)]
        return hits[0] if hits else None

    def _spelling_actions(self, menu: QMenu, cursor, problem) -> list[QAction]:
        word = cursor.selectedText()
        out = []
        bold = QFont(menu.font())
        bold.setBold(True)
        suggestions = problem.suggestions or self._asked_suggestions(problem, word)
        for s in suggestions[:MAX_SUGGESTIONS]:
            a = QAction(s, menu)
            a.setFont(bold)
            a.triggered.connect(lambda _=False, c=cursor, s=s: self.apply_suggestion(c, s))
            out.append(a)
        if not suggestions:
            none = QAction("(no suggestions)", menu)
            none.setEnabled(False)
            out.append(none)
        name = self.library.editor
        for text, tip, handler in (
                (f"Add “{word}” to my dictionary",
                 f"Accepted in {name}’s checks only, in every article" if name
                 else "Set your name in Preferences to keep words of your own",
                 lambda: self.add_to_dictionary(word, article_only=False, personal=True)),
                (f"Add “{word}” to the shared dictionary",
                 "Accepted in every editor’s checks, in every article",
                 lambda: self.add_to_dictionary(word, article_only=False)),
                (f"Add “{word}” to this article’s dictionary",
                 "Accepted in this article, in every editor’s checks",
                 lambda: self.add_to_dictionary(word, article_only=True)),
                (f"Ignore “{word}”", "In this article until the window closes (not stored)",
                 lambda: self.ignore(word))):
            a = QAction(text, menu)
            a.setToolTip(tip)
            a.triggered.connect(handler)
            out.append(a)
        out[-4].setEnabled(bool(name))  # a personal word is someone's: Preferences name them
        return out

    def _asked_suggestions(self, problem, word: str) -> tuple[str, ...]:
        """A misspelling checked without suggestions gets them now, for this word only
        (cached by the spell checker), when the suggestion index is already loaded: its
        first build never runs on the GUI thread."""
        if problem.kind != "misspelling" or not word:
            return ()
        from desk.checks.spelling import get_checker

        checker = get_checker()
        if not checker.index_loaded:
            return ()
        return checker.suggestions_for(word, getattr(self.checker, "language", "en-US"))

    def _dictionary_undo_actions(self, menu: QMenu, pos: int) -> list[QAction]:
        """A word the editor added to the dictionary can be taken out again (undoing an add)."""
        word = word_at(self.body.toPlainText(), pos)
        aid = self.checker.article_id
        if not word or aid is None:
            return []
        out = []
        dictionary = self.library.dictionary
        if word in dictionary.list(aid):
            out.append((f"Remove “{word}” from this article’s dictionary", aid, False))
        if self.library.editor and word in dictionary.list(personal=True):
            out.append((f"Remove “{word}” from my dictionary", None, True))
        if word in dictionary.list():
            out.append((f"Remove “{word}” from the shared dictionary", None, False))
        actions = []
        for text, scope, personal in out:
            a = QAction(text, menu)
            a.triggered.connect(lambda _=False, w=word, sc=scope, p=personal:
                                self.remove_from_dictionary(w, sc, personal=p))
            actions.append(a)
        return actions

    def _quote_menu(self, menu: QMenu, quote: QuoteSpan) -> QMenu:
        sub = QMenu("Quotation", menu)
        assign = sub.addMenu("Assign to source")
        sources = self.library.sources.refs()
        for ref in sorted(sources, key=lambda r: r.name.lower())[:MAX_SOURCES_LISTED]:
            a = assign.addAction(ref.name)
            a.triggered.connect(lambda _=False, sid=ref.id: self._guard(self.assign_source, quote, sid))
        if len(sources) > MAX_SOURCES_LISTED or not sources:
            assign.addAction("Other source…" if sources else "(no sources yet)").triggered.connect(
                lambda: self._guard(self.choose_source, quote))
        sub.addAction("Set speaker…").triggered.connect(lambda: self._guard(self.ask_speaker, quote))
        if quote.speaker and quote.source_id is None:
            sub.addAction(f"Create source “{quote.speaker}”").triggered.connect(
                lambda: self._guard(self.create_source_from_speaker, quote))
        sub.addAction("Mark as not a quotation").triggered.connect(
            lambda: self._guard(self.mark_not_a_quote, quote))
        sub.addSeparator()
        sub.addAction("Review quotation…").triggered.connect(
            lambda: self._guard(self.open_review, quote))
        return sub

    def _guard(self, fn, *args):
        try:
            return fn(*args)
        except DeskError as exc:
            QMessageBox.warning(self.body, "desk", str(exc))
            return None

    # -- spelling ----------------------------------------------------------------------
    def apply_suggestion(self, cursor, suggestion: str) -> None:
        """Replace the marked word (one undo step)."""
        if cursor.hasSelection() and not self.body.isReadOnly():  # read-only: another editor's
            cursor.insertText(suggestion)

    def add_to_dictionary(self, word: str, *, article_only: bool, personal: bool = False) -> None:
        """Accept ``word``: in this article, or every article; for every editor (shared),
        or ``personal``: in this editor's checks only."""
        from desk.operations import dictionary as dict_ops  # imported when first used

        self._dictionary(dict_ops.add_words, word,
                         self.checker.article_id if article_only else None, personal)

    def remove_from_dictionary(self, word: str, article_id: int | None, *,
                               personal: bool = False) -> None:
        from desk.operations import dictionary as dict_ops

        self._dictionary(dict_ops.remove_words, word, article_id, personal)

    def _dictionary(self, op, word: str, article_id: int | None, personal: bool) -> None:
        # the runner's announcement re-checks the text (desk.gui.change_wiring)
        self.runner.run(op, parent=self.body, words=[word], article_id=article_id,
                        personal=personal)

    def ignore(self, word: str) -> None:
        self.checker.ignore(word)

    # -- boilerplate --------------------------------------------------------------------
    def remove_marked(self, cursor) -> bool:
        """Delete the boilerplate under a check mark (its cursor has followed the edits)."""
        if not cursor.hasSelection():
            return False
        text = self.body.toPlainText()
        return self._remove(text, qt_to_py(text, cursor.selectionStart()),
                            qt_to_py(text, cursor.selectionEnd()))

    def remove_boilerplate(self, start: int, end: int) -> bool:
        """The Problems panel's "Remove boilerplate": ``start``/``end`` are the reported str
        offsets; the mark drawn for that problem says where it is now, after any edits."""
        cursor = self.checker.cursor_for(lambda o: getattr(o, "kind", None) == "boilerplate"
                                         and o.start == start and o.end == end)
        if cursor is not None:
            return self.remove_marked(cursor)
        from desk.checks.boilerplate import boilerplate_problems

        text = self.body.toPlainText()
        if any(p.start == start and p.end == end for p in boilerplate_problems(text)):
            return self._remove(text, start, end)
        return False

    def _remove(self, text: str, start: int, end: int) -> bool:
        """One undoable edit (Ctrl+Z brings the text back); the re-check follows the edit."""
        if self.body.isReadOnly():  # another editor has the article (desk.gui.edit_lock)
            return False
        a, b = boilerplate_block(text, start, end)
        cursor = QTextCursor(self.body.document())
        cursor.beginEditBlock()
        cursor.setPosition(py_to_qt(text, a))
        cursor.setPosition(py_to_qt(text, b), QTextCursor.KeepAnchor)
        cursor.removeSelectedText()
        cursor.endEditBlock()
        return True

    # -- quotations ----------------------------------------------------------------------
    def row_for(self, quote: QuoteSpan):
        """The stored row for a quotation on screen (created if the text is new)."""
        from desk.review.reattach import comparable, sync_quotes

        if self.checker.article_id is None:
            raise DeskError("no article is open")
        spans = self.checker.raw_quotes or [quote]
        rows = sync_quotes(self.library, self.checker.article_id, spans=spans)
        key = comparable(quote.text)
        for row in rows:
            if row.start == quote.start and comparable(row.text) == key:
                return row
        for row in rows:
            if comparable(row.text) == key:
                return row
        raise DeskError("that quotation is no longer in the text; try again after the check")

    def assign_source(self, quote: QuoteSpan, source_id: int):
        """Tag the quotation with a source (desk.operations.quotes.assign_source). The
        detected name becomes an alias only if the editor says so when asked, and is never
        offered when it is a pronoun, a country or an organisation."""
        row = self.row_for(quote)
        offer = _quote_ops().alias_offer(self.library, source_id, quote.speaker,
                                         quote.speaker_kind, quote.mention)
        learn = bool(offer) and self.confirm_alias(offer, self.library.sources.get(source_id).name)
        return self._run(_quote_ops().assign_source, quote_id=row.id, source_id=source_id,
                         speaker=quote.speaker or "", speaker_kind=quote.speaker_kind,
                         mention=quote.mention, learn_alias=learn)

    def set_speaker(self, quote: QuoteSpan, name: str):
        """The editor's speaker; a registered name (or alias) assigns that source."""
        if not " ".join(name.split()):
            raise DeskError("a speaker needs a name")
        return self._run(_quote_ops().set_speaker, quote_id=self.row_for(quote).id, name=name)

    def create_source_from_speaker(self, quote: QuoteSpan):
        if not quote.speaker:
            raise DeskError("no speaker was found for this quotation")
        return self._run(_quote_ops().assign_new_source, quote_id=self.row_for(quote).id,
                         name=quote.speaker, kind=quote.speaker_kind or "person",
                         title=quote.title or "")

    def mark_not_a_quote(self, quote: QuoteSpan):
        return self._run(_quote_ops().mark_not_a_quote, quote_id=self.row_for(quote).id)

    def _run(self, op, **kwargs):
        """Run a quotation operation; the stored row after it, or None when it was refused."""
        result = self.runner.run(op, parent=self.body, **kwargs)
        return None if result is None else result.quote

    # -- dialogs (monkeypatched in tests) -------------------------------------------------
    def open_review(self, quote: QuoteSpan) -> None:
        from desk.gui.review_dialog import ReviewDialog

        dialog = ReviewDialog(self.library, self.row_for(quote).id, self.body.window(),
                              runner=self.runner)
        dialog.exec()  # what it changed was announced by the runner

    def confirm_alias(self, name: str, source_name: str) -> bool:
        answer = QMessageBox.question(
            self.body, "Remember this name?",
            f"Also remember “{name}” as a name for {source_name}?\n\nThen every quotation "
            f"credited to “{name}” in any article counts as {source_name}’s.",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def ask_speaker(self, quote: QuoteSpan):
        name, ok = QInputDialog.getText(self.body, "Set speaker", "Who said this?",
                                        text=quote.speaker or "")
        if ok and name.strip():
            return self.set_speaker(quote, name)
        return None

    def choose_source(self, quote: QuoteSpan):
        refs = sorted(self.library.sources.refs(), key=lambda r: r.name.lower())
        if not refs:
            raise DeskError("there are no sources yet; add one in the Sources panel")
        name, ok = QInputDialog.getItem(self.body, "Assign to source", "Source:",
                                        [r.name for r in refs], 0, False)
        if ok:
            return self.assign_source(quote, next(r.id for r in refs if r.name == name))
        return None
