"""Edit > Preferences…: each setting applies at once to the window and is kept."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QDialog

from desk import editor_name
from desk.gui import theme
from desk.gui.preferences_dialog import PreferencesDialog
from desk.gui.settings import Preferences, WindowSettings
from desk.gui.verify_confirm import confirm_verify_anyway  # noqa: F401 (patched below)
from tests.gui.live_helpers import WAIT_MS, squiggled_words, warm_spelling
from tests.gui.shell_helpers import close_window, make_window

MISSPELT = "The mayor sayd the hall stays open."
QUOTE = "“The hall stays open,” said Ana Ruiz."


@pytest.fixture(autouse=True, scope="module")
def _warm():
    warm_spelling()


@pytest.fixture(autouse=True)
def _system_theme_after():
    yield
    theme.apply("system")


def choose(monkeypatch, **values):
    """The next Preferences dialog gets ``values`` typed into it, then OK."""
    def run(dlg: PreferencesDialog):
        if "name" in values:
            dlg.name.setText(values["name"])
        if "language" in values:
            dlg.language.setCurrentIndex(dlg.language.findData(values["language"]))
        if "spelling" in values:
            dlg.spelling.setChecked(values["spelling"])
        if "autosave" in values:
            dlg.autosave.setValue(values["autosave"])
        if "family" in values:
            dlg.font_family.setCurrentFont(QFont(values["family"]))
        if "size" in values:
            dlg.font_size.setValue(values["size"])
        if "theme" in values:
            dlg.theme.setCurrentIndex(dlg.theme.findData(values["theme"]))
        dlg.buttons.button(dlg.buttons.StandardButton.Ok).click()
        return dlg.result()

    monkeypatch.setattr(PreferencesDialog, "exec", run)


def quoted(library) -> int:
    """An article with one quotation row (as a save leaves it); its row's id."""
    from desk.review.reattach import sync_quotes

    aid = library.articles.create(headline="Quoted", body=QUOTE).id
    sync_quotes(library, aid)
    return library.quotes.list(article_id=aid)[0].id


def open_on(qtbot, window, body):
    aid = window.library.articles.create(headline="Prefs", body=body).id
    window.library_panel.reload()
    with qtbot.waitSignal(window.checker.report_ready, timeout=WAIT_MS):
        window.open_article(aid)
    return aid


def test_the_editor_font_applies_to_the_body_at_once(qtbot, window, monkeypatch):
    family = QFont("DejaVu Sans").family()
    choose(monkeypatch, family=family, size=21)
    assert window.show_preferences()
    font = window.editor.body.font()
    assert font.family() == family and font.pointSizeF() == 21


def test_the_font_keeps_the_zoom_on_top(qtbot, window, monkeypatch):
    window.editor.body.set_zoom(2)
    choose(monkeypatch, size=14)
    window.show_preferences()
    assert window.editor.body.zoom == 2
    assert window.editor.body.font().pointSizeF() > 14  # two zoom steps above 14 pt


def test_the_autosave_interval_sets_the_autosave_timer(window, monkeypatch):
    choose(monkeypatch, autosave=30)
    window.show_preferences()
    assert window.autosaver._deadline.interval() == 30_000


def test_spelling_off_leaves_no_spelling_marks(qtbot, window, monkeypatch):
    open_on(qtbot, window, MISSPELT)
    assert "sayd" in squiggled_words(window.editor.body)
    choose(monkeypatch, spelling=False)
    with qtbot.waitSignal(window.checker.report_ready, timeout=WAIT_MS):
        window.show_preferences()
    assert squiggled_words(window.editor.body) == []
    assert not any(p.kind == "misspelling" for p in window.report.problems)


def test_a_new_article_gets_the_chosen_language(qtbot, window, monkeypatch):
    choose(monkeypatch, language="en-GB")
    window.show_preferences()
    window.new_article()
    article = window.library.articles.get(window.editor.article_id)
    assert article.language == "en-GB"
    assert window.editor.language_box.currentData() == "en-GB"


def test_a_verification_is_stamped_with_the_name(qtbot, window, monkeypatch):
    monkeypatch.setattr("desk.gui.verify_confirm.confirm_verify_anyway", lambda *a: True)
    choose(monkeypatch, name="Zoë Okafor")
    window.show_preferences()
    qid = quoted(window.library)
    review = window.panels["review"]
    review.refresh()  # the queue also holds the welcome article's quotations (synced on open)
    review.tree.setCurrentItem(next(review.tree.topLevelItem(i) for i in range(review.tree.topLevelItemCount())
                                    if review.tree.topLevelItem(i).data(0, Qt.UserRole) == qid))
    assert review.cursor.current.quote_id == qid
    review.verify()
    row = window.library.quotes.get(qid)
    assert (row.status, row.reviewed_by) == ("verified", "Zoë Okafor")


def test_the_name_is_stored_where_the_command_line_reads_it(window, monkeypatch, tmp_path):
    from desk.cli import main

    monkeypatch.delenv("DESK_EDITOR", raising=False)
    monkeypatch.delenv("DESK_REVIEWER", raising=False)
    choose(monkeypatch, name="  Ana   Ruiz ")
    window.show_preferences()
    assert editor_name.stored_name() == "Ana Ruiz"
    # the CLI stamps it too (no Qt in the command line)
    qid = quoted(window.library)
    assert main(["--db", str(window.library.path), "quotes", "status", str(qid), "disputed"]) == 0
    assert window.library.quotes.get(qid).reviewed_by == "Ana Ruiz"


def test_the_window_stamps_its_saves_with_the_name(qtbot, window, monkeypatch):
    from tests.gui.shell_helpers import type_text

    choose(monkeypatch, name="Zoë Okafor")
    window.show_preferences()
    aid = open_on(qtbot, window, "The hall stays open.")
    type_text(window.editor.body, "Ö")
    assert window.autosaver.save()
    assert window.library.articles.get(aid).updated_by == "Zoë Okafor"
    assert window.autosaver.named_revision("mine").editor == "Zoë Okafor"


def test_an_empty_name_is_refused_in_the_dialog(window, monkeypatch):
    before = editor_name.stored_name()
    choose(monkeypatch, name="   ")
    assert not window.show_preferences()
    assert editor_name.stored_name() == before


def test_the_dark_theme_applies_a_dark_palette(qtbot, window, monkeypatch):
    choose(monkeypatch, theme="dark")
    window.show_preferences()
    palette = QApplication.instance().palette()
    assert palette.color(QPalette.Base).lightness() < 60
    assert palette.color(QPalette.Text).lightness() > 200
    assert window.editor.body.palette().color(QPalette.Base).lightness() < 60
    choose(monkeypatch, theme="system")
    window.show_preferences()
    assert QApplication.instance().palette().color(QPalette.Base).lightness() > 150


def test_preferences_persist_and_apply_to_the_next_window(qtbot, seeded, tmp_path, monkeypatch):
    path = tmp_path / "settings.ini"
    first = make_window(qtbot, seeded, path)
    choose(monkeypatch, spelling=False, autosave=9, language="en-AU", size=17)
    first.show_preferences()
    close_window(first)
    prefs = WindowSettings.at(path).preferences()
    assert (prefs.spelling, prefs.autosave_seconds, prefs.language, prefs.font_size) == \
        (False, 9, "en-AU", 17)
    second = make_window(qtbot, seeded, path)
    try:
        assert not second.checker.spelling
        assert second.autosaver._deadline.interval() == 9000
        assert second.editor.body.font().pointSizeF() >= 17
        assert second.library_panel.new_language == "en-AU"
    finally:
        close_window(second)


def test_cancel_changes_nothing(window, monkeypatch):
    before = window.settings.preferences()
    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: QDialog.Rejected)
    assert not window.show_preferences()
    assert window.settings.preferences() == before


def test_the_dialog_shows_the_stored_values(qtbot):
    prefs = Preferences(editor_name="Ann Lee", language="en-GB", spelling=False,
                        autosave_seconds=5, theme="dark")
    dlg = PreferencesDialog(prefs, QFont())
    qtbot.addWidget(dlg)
    assert dlg.preferences() == prefs
