"""The article editor: fields, the Markdown body, offsets, marks and highlighting."""

import pytest
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit

from desk.gui.article_editor import ArticleEditor
from desk.gui.body_edit import BodyEdit, py_to_qt, qt_to_py
from tests.gui.shell_helpers import type_text


@pytest.fixture
def editor(qtbot, library):
    ed = ArticleEditor(library)
    qtbot.addWidget(ed)
    ed.resize(900, 700)
    ed.show()
    return ed


def _article(library, **kw):
    values = dict(headline="Floodgates open", dek="The weir held.", byline="Ana Núñez",
                  section="Local", body="The river rose.\n", tags=["flood", "weather"])
    values.update(kw)
    return library.articles.get(library.articles.create(**values).id)


def test_loading_shows_every_field(editor, library):
    a = _article(library)
    editor.load(a)
    assert editor.headline.text() == "Floodgates open"
    assert editor.dek.text() == "The weir held."
    assert editor.byline.text() == "Ana Núñez"
    assert editor.section.currentText() == "Local"
    assert editor.tags.text() == "flood, weather"
    assert editor.status.currentData() == "draft"
    assert editor.body.toPlainText() == "The river rose.\n"


def test_loading_emits_article_loaded(editor, library, qtbot):
    a = _article(library)
    with qtbot.waitSignal(editor.article_loaded) as sig:
        editor.load(a)
    assert sig.args == [a.id]


def test_loading_is_not_an_edit(editor, library, qtbot):
    seen = []
    editor.text_changed.connect(lambda: seen.append(1))
    editor.load(_article(library))
    assert seen == []


def test_typing_non_ascii_reaches_the_body(editor, library):
    editor.load(_article(library, body=""))
    type_text(editor.body, "Café “naïve” — 10 °C ✓")
    assert editor.body.toPlainText() == "Café “naïve” — 10 °C ✓"


def test_typing_in_headline_emits_text_changed(editor, library, qtbot):
    editor.load(_article(library))
    with qtbot.waitSignal(editor.text_changed):
        type_text(editor.headline, "é")


def test_enter_in_headline_moves_on_instead_of_breaking_the_line(editor, library):
    editor.load(_article(library, headline="One"))
    type_text(editor.headline, "\nTwo")
    assert "\n" not in editor.headline.text()


def test_current_fields_split_tags(editor, library):
    editor.load(_article(library))
    editor.tags.setText("  flood ,, politics, ")
    assert editor.current_fields()["tags"] == ["flood", "politics"]


def test_status_pick_asks_the_window_instead_of_changing_itself(editor, library, qtbot):
    editor.load(_article(library))
    with qtbot.waitSignal(editor.status_requested) as sig:
        editor.status.activated.emit(editor.status.findData("ready"))
    assert sig.args == ["ready"]
    assert editor.current_fields()["status"] == "draft"


@pytest.mark.parametrize("text", ["plain text", "emoji 😀 here 👍🏽 and more", "é😀é"])
def test_offsets_round_trip(text):
    for i in range(len(text) + 1):
        assert qt_to_py(text, py_to_qt(text, i)) == i


def test_py_to_qt_counts_astral_characters_twice():
    assert py_to_qt("a😀b", 2) == 3


def test_select_range_uses_str_offsets_with_emoji(qtbot):
    body = BodyEdit()
    qtbot.addWidget(body)
    text = "😀😀 Dalton said"
    body.setPlainText(text)
    start = text.index("Dalton")
    body.select_range(start, start + len("Dalton"))
    assert body.textCursor().selectedText() == "Dalton"


def _selection(body, start, end):
    sel = QTextEdit.ExtraSelection()
    cur = QTextCursor(body.document())
    cur.setPosition(start)
    cur.setPosition(end, QTextCursor.KeepAnchor)
    sel.cursor = cur
    return sel


def test_set_marks_merges_layers(qtbot):
    body = BodyEdit()
    qtbot.addWidget(body)
    body.setPlainText("one two three")
    body.set_marks("checks", [_selection(body, 0, 3)])
    body.set_marks("find", [_selection(body, 4, 7), _selection(body, 8, 13)])
    assert len(body.extraSelections()) == 3
    body.set_marks("find", [])
    assert len(body.extraSelections()) == 1


def test_context_menu_signal_gives_menu_and_offset(qtbot, monkeypatch):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent

    body = BodyEdit()
    qtbot.addWidget(body)
    body.resize(400, 200)
    body.setPlainText("😀 word")
    body.show()
    monkeypatch.setattr(body, "_exec_menu", lambda menu, where: None)
    seen = []
    body.context_menu_about_to_show.connect(lambda menu, pos: seen.append((menu, pos)))
    rect = body.cursorRect(body.document().find("word"))
    point = rect.center() + QPoint(2, 0)  # viewport coordinates, as Qt delivers them
    body.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Mouse, point,
                                            body.viewport().mapToGlobal(point)))
    assert len(seen) == 1
    menu, pos = seen[0]
    assert isinstance(menu, QMenu) and menu.actions()
    assert 2 <= pos <= len("😀 word")


def _formats_at(body, block_no):
    return body.document().findBlockByNumber(block_no).layout().formats()


def test_highlighter_marks_headings_bold(editor, library):
    editor.load(_article(library, body="## Heading\n\nplain"))
    formats = _formats_at(editor.body, 0)
    assert any(f.format.fontWeight() == QFont.Bold for f in formats)
    assert _formats_at(editor.body, 2) == []


def test_highlighter_marks_emphasis_links_and_quotes(editor, library):
    editor.load(_article(library, body="*soft* and [site](https://example.org)\n> quoted"))
    line = _formats_at(editor.body, 0)
    assert any(f.format.fontItalic() and f.start == 1 and f.length == 4 for f in line)
    assert any(f.format.fontUnderline() and f.start == 12 for f in line)
    assert any(f.format.fontItalic() for f in _formats_at(editor.body, 1))


def test_tag_completion_completes_the_last_tag_only(editor, library):
    library.articles.create(headline="Other", tags=["weather"])
    editor.load(_article(library, tags=["flood"]))
    completer = editor.tags.completer()
    editor.tags.setText("flood, wea")
    assert completer.splitPath("flood, wea") == ["wea"]
    index = completer.model().index(completer.model().stringList().index("weather"), 0)
    assert completer.pathFromIndex(index) == "flood, weather"


def test_language_shows_and_changes_with_the_article(editor, library, qtbot):
    editor.load(_article(library, language="en-GB"))
    assert editor.language_box.currentData() == "en-GB"
    index = editor.language_box.findData("en-US")
    with qtbot.waitSignal(editor.language_changed) as sig:
        editor.language_box.setCurrentIndex(index)
        editor.language_box.activated.emit(index)
    assert sig.args == ["en-US"]
    assert editor.current_fields()["language"] == "en-US"


def test_language_box_lists_the_table(editor):
    from desk.languages import LANGUAGES

    box = editor.language_box
    assert [(box.itemText(i), box.itemData(i)) for i in range(box.count())] == \
        [(lang.label, lang.code) for lang in LANGUAGES]
    assert editor.language_warning.isHidden()


def _stored_language(library, article, code):
    library.conn.execute("UPDATE articles SET language = ? WHERE id = ?", (code, article.id))
    return library.articles.get(article.id)


def test_an_unsupported_stored_language_is_shown_with_a_message_not_kept_silently(editor, library):
    article = _stored_language(library, _article(library), "fr")
    editor.load(article)
    box = editor.language_box
    assert box.currentText() == "fr (not supported)" and box.currentData() == "fr"
    assert not editor.language_warning.isHidden()
    assert "unknown language 'fr'; desk supports en-US" in editor.language_warning.text()
    assert "checked as English (US)" in editor.language_warning.text()
    assert editor.current_fields()["language"] == "fr"  # not changed behind the editor's back


def test_choosing_a_language_drops_the_unsupported_entry(editor, library, qtbot):
    editor.load(_stored_language(library, _article(library), "fr"))
    box = editor.language_box
    index = box.findData("en-AU")
    with qtbot.waitSignal(editor.language_changed) as sig:
        box.setCurrentIndex(index)
        box.activated.emit(index)
    assert sig.args == ["en-AU"]
    assert box.findData("fr") == -1 and box.currentData() == "en-AU"
    assert editor.language_warning.isHidden()
    editor.load(_article(library, language="en-GB"))  # the next article shows no leftover
    assert box.findData("fr") == -1 and editor.language_warning.isHidden()
