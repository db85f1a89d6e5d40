"""The article in the centre: headline, dek, byline, section, tags and status above the body."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.gui.body_edit import BodyEdit
from desk.gui.edit_dispatch import Listeners, for_body
from desk.gui.field_edit import FieldEdit
from desk.gui.highlighter import MarkdownHighlighter
from desk.languages import DEFAULT_LANGUAGE, LANGUAGES, lookup, unknown_message
from desk.languages import language as table_entry
from desk.model import ARTICLE_STATUSES


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt override)
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802 (Qt override)
        done = self.widget().text().split(",")[:-1] if self.widget() else []
        return ", ".join([t.strip() for t in done if t.strip()] + [index.data()])


class ArticleEditor(QWidget):
    article_loaded = Signal(int)
    # A field above the body changed by the user. The body's edits (one per key press) do
    # not go through a Qt signal: on_body_edit listeners are called directly
    # (desk.gui.edit_dispatch); ``on_user_edit`` registers for both.
    text_changed = Signal()
    status_requested = Signal(str)  # the editor picked another status; the window decides
    language_changed = Signal(str)  # a code from desk.languages: the checks follow it

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        self.article_id: int | None = None
        self.loaded_article = None  # the stored version last shown (autosave compares with it)
        self.language = "en-US"
        self._status = "draft"
        self._loading = False
        self._body_listeners = Listeners()
        self._build()

    # -- layout ------------------------------------------------------------------
    def _build(self) -> None:
        self.headline = FieldEdit(max_lines=3)
        self.headline.setObjectName("headline")
        self.headline.setPlaceholderText("Headline")
        self.headline.setAccessibleName("Headline")
        big = QFont(self.headline.font())
        big.setPointSizeF(big.pointSizeF() * 1.55)
        big.setWeight(QFont.DemiBold)
        self.headline.setFont(big)

        self.dek = FieldEdit(max_lines=4)
        self.dek.setObjectName("dek")
        self.dek.setPlaceholderText("Dek: one or two sentences under the headline")
        self.dek.setAccessibleName("Dek")
        dek_font = QFont(self.dek.font())
        dek_font.setPointSizeF(dek_font.pointSizeF() * 1.1)
        self.dek.setFont(dek_font)

        self.byline = QLineEdit()
        self.byline.setPlaceholderText("Byline")
        self.byline.setAccessibleName("Byline")
        self.section = QComboBox()
        self.section.setEditable(True)
        self.section.setInsertPolicy(QComboBox.NoInsert)
        self.section.setAccessibleName("Section")
        self.section.lineEdit().setPlaceholderText("Section")
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("Tags, separated by commas")
        self.tags.setAccessibleName("Tags")
        self._tag_model = QStringListModel(self)
        completer = TagCompleter(self._tag_model, self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for s in ARTICLE_STATUSES:
            self.status.addItem(s.replace("-", " ").capitalize(), s)

        self.language_box = QComboBox()
        self.language_box.setAccessibleName("Language")
        for lang in LANGUAGES:
            self.language_box.addItem(lang.label, lang.code)
        # Shown only for an article whose stored language desk does not support.
        self.language_warning = QLabel()
        self.language_warning.setObjectName("language-warning")
        self.language_warning.setWordWrap(True)
        self.language_warning.setVisible(False)

        meta = QGridLayout()
        meta.setHorizontalSpacing(10)
        meta.setVerticalSpacing(4)
        # Two rows, so every field keeps a readable width in a 1280-pixel window:
        # byline, section, status / tags, language. (label, widget, row, column, span)
        for label, widget, row, col, span in (
                ("&Byline", self.byline, 0, 0, 1), ("S&ection", self.section, 0, 1, 1),
                ("St&atus", self.status, 0, 2, 1),
                ("T&ags", self.tags, 2, 0, 2), ("&Language", self.language_box, 2, 2, 1)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            lab.setProperty("role", "field-label")
            meta.addWidget(lab, row, col, 1, span)
            meta.addWidget(widget, row + 1, col, 1, span)
        meta.addWidget(self.language_warning, 4, 0, 1, 3)
        for col, stretch in enumerate((3, 2, 1)):
            meta.setColumnStretch(col, stretch)

        self.body = BodyEdit()
        self.body.headline_sink = self.take_pasted_headline
        self.highlighter = MarkdownHighlighter(self.body.document(), self.body.palette())

        header = self.header = QWidget()
        header.setObjectName("article-header")
        top = QVBoxLayout(header)
        top.setContentsMargins(16, 12, 16, 8)
        top.setSpacing(4)
        top.addWidget(self.headline)
        top.addWidget(self.dek)
        top.addSpacing(6)
        top.addLayout(meta)

        line = QFrame()
        line.setFrameShape(QFrame.HLine)
        line.setFrameShadow(QFrame.Sunken)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(header)
        self.header_line = line
        outer.addWidget(line)
        outer.addWidget(self.body, 1)
        self.setTabOrder(self.headline, self.dek)
        self.setTabOrder(self.dek, self.byline)
        self.setTabOrder(self.byline, self.section)
        self.setTabOrder(self.section, self.tags)
        self.setTabOrder(self.tags, self.status)
        self.setTabOrder(self.status, self.language_box)
        self.setTabOrder(self.language_box, self.body)

        for w in (self.byline, self.tags):
            w.textEdited.connect(self._changed)
        self.headline.edited.connect(self._changed)
        self.dek.edited.connect(self._changed)
        self.section.editTextChanged.connect(self._changed)
        for_body(self.body).on_edit(self._body_changed)
        self.status.activated.connect(self._status_picked)
        self.language_box.activated.connect(self._language_picked)
        self.setEnabled(False)

    def header_visible(self, on: bool) -> None:
        """Focus mode hides the fields above the body."""
        self.header.setVisible(on)
        self.header_line.setVisible(on)

    # -- loading -----------------------------------------------------------------
    def load(self, article) -> None:
        """Show an article (a desk.model.Article), or nothing for None."""
        edits = for_body(self.body)
        edits.flush()  # keys held back by the dispatcher are the article on screen's edits
        self._loading = True
        self.loaded_article = article
        try:
            blockers = [QSignalBlocker(w) for w in (
                self.headline, self.dek, self.byline, self.section, self.tags, self.status,
                self.language_box)]
            if article is None:
                self.article_id = None
                for w in (self.headline, self.dek, self.byline, self.tags):
                    w.clear()
                self.section.setEditText("")
                self.body.setPlainText("")
                self.setEnabled(False)
            else:
                self.article_id = article.id
                self._show_language(article.language or DEFAULT_LANGUAGE)
                self.headline.setText(article.headline)
                self.dek.setText(article.dek)
                self.byline.setText(article.byline)
                self.byline.setCursorPosition(0)
                self._fill_sections(article.section)
                self.tags.setText(", ".join(article.tags))
                self.tags.setCursorPosition(0)
                self._tag_model.setStringList(self.library.articles.all_tags())
                self.show_status(article.status)
                self.body.setPlainText(article.body)
                self.body.document().setModified(False)
                self.setEnabled(True)
            del blockers
        finally:
            edits.settle()  # the load's own changes, heard as such; the next key at once
            self._loading = False
        if article is not None:
            self.article_loaded.emit(article.id)

    def _fill_sections(self, current: str) -> None:
        names = self.library.articles.sections()
        if current and current not in names:
            names.append(current)
        self.section.clear()
        self.section.addItems(sorted(names, key=str.lower))
        self.section.setEditText(current)

    def show_status(self, status: str) -> None:
        self._status = status
        with QSignalBlocker(self.status):
            self.status.setCurrentIndex(max(0, self.status.findData(status)))

    # -- reading back ---------------------------------------------------------------
    def current_fields(self) -> dict:
        tags = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        return {
            "headline": self.headline.text().strip(),
            "dek": self.dek.text().strip(),
            "byline": self.byline.text().strip(),
            "section": self.section.currentText().strip(),
            "tags": tags,
            "status": self._status,
            "body": self.body.toPlainText(),
            "language": self.language,
        }

    def take_pasted_headline(self, headline: str, dek: str) -> tuple[bool, bool]:
        """A paste that starts with a headline: it fills the Headline field when that is
        empty (and the Dek when that is empty too), as if typed, so autosave stores it.
        Returns which of the two were taken; the body gets the rest."""
        if self.article_id is None or self.headline.text().strip():
            return False, False
        self.headline.setPlainText(" ".join(headline.split()))  # emits edited: a user edit
        dek_taken = bool(dek.strip()) and not self.dek.text().strip()
        if dek_taken:
            self.dek.setPlainText(" ".join(dek.split()))
        return True, dek_taken

    def follow_palette(self) -> None:
        """The body's markup colours from its palette again (the theme changed). Re-colouring
        changes no text, but the body says "text changed" for it: not an edit, or a window
        would save — and a read-only one keep a "not saved" revision — at every theme switch."""
        edits = for_body(self.body)
        edits.flush()
        loading, self._loading = self._loading, True
        try:
            self.highlighter.set_palette(self.body.palette())
        finally:
            edits.flush()
            self._loading = loading

    def on_body_edit(self, listener) -> None:
        """Call ``listener()`` on every user edit of the body (not a load), inside the key
        press: it sets flags and arms timers only."""
        self._body_listeners.add(listener)

    def on_user_edit(self, listener) -> None:
        """``listener()`` on every user edit of any field or the body."""
        self.text_changed.connect(listener)
        self.on_body_edit(listener)

    def _body_changed(self) -> None:
        if not self._loading and self.article_id is not None:
            self._body_listeners()

    def _changed(self, *_):
        if not self._loading and self.article_id is not None:
            self.text_changed.emit()

    def _show_language(self, code: str) -> None:
        """Select the article's language. A stored code desk does not support is shown as
        such, with a message saying how it is checked, until the editor picks one; it is
        not changed behind the editor's back (nothing is saved until they do)."""
        self.language = code
        self._drop_unsupported_item()
        index = self.language_box.findData(code)
        if index < 0 and lookup(code) is None:
            self.language_box.addItem(f"{code} (not supported)", code)
            index = self.language_box.count() - 1
            self.language_warning.setText(
                f"This article's language: {unknown_message(code)}. It is checked as "
                f"{table_entry(code).label} until you choose a language.")
        elif index < 0:  # an alias stored before the table: the box shows its entry
            index = self.language_box.findData(lookup(code).code)
        self.language_warning.setVisible(self.language_box.count() > len(LANGUAGES))
        self.language_box.setCurrentIndex(index)

    def _drop_unsupported_item(self) -> None:
        while self.language_box.count() > len(LANGUAGES):
            self.language_box.removeItem(self.language_box.count() - 1)

    def _language_picked(self, index: int) -> None:
        wanted = self.language_box.itemData(index)
        if lookup(wanted) is not None and self.language_box.count() > len(LANGUAGES):
            self._drop_unsupported_item()
            self.language_warning.setVisible(False)
            self.language_box.setCurrentIndex(self.language_box.findData(wanted))
        if wanted != self.language:
            self.language = wanted
            self._changed()
            self.language_changed.emit(wanted)

    def _status_picked(self, index: int) -> None:
        wanted = self.status.itemData(index)
        self.show_status(self._status)  # the window sets it once the change is allowed
        if wanted != self._status:
            self.status_requested.emit(wanted)
