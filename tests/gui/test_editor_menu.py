"""The editor's right-click menu: spelling fixes and quotation actions."""

import pytest
from PySide6.QtWidgets import QMenu

from desk.gui.change_wiring import subscribe
from desk.gui.editor_menu import EditorMenu
from desk.gui.op_runner import OperationRunner
from desk.review.reattach import attached
from tests.gui.live_helpers import make_editor, recheck, squiggled_words, warm_spelling

QUOTE = "“This is the only quiet place my children have,” said Tom Hardy, a parent."


@pytest.fixture(autouse=True, scope="module")
def _warm():
    warm_spelling()


def open_menu(_em, edit, pos):
    """What BodyEdit does on right-click, without exec: returns the populated menu."""
    menu = QMenu()
    edit.context_menu_about_to_show.emit(menu, pos)
    return menu


def all_actions(menu):
    for a in menu.actions():
        yield a
        if a.menu():
            yield from all_actions(a.menu())


def action(menu, text):
    found = [a for a in all_actions(menu) if a.text() == text]
    assert found, f"no action {text!r} in {[a.text() for a in all_actions(menu)]}"
    return found[0]


def setup(qtbot, library, body):
    """An editor, its checker and the menu, with the checker told of library changes as the
    window tells it (desk.gui.change_wiring: sources, quotations, dictionary re-check)."""
    aid, edit, checker = make_editor(qtbot, library, body)
    runner = OperationRunner(library)

    def told(changes, origin):
        if changes.sources or changes.quotes or changes.dictionary:
            checker.inputs_changed()

    subscribe(runner, checker, told)
    return aid, edit, checker, EditorMenu(library, edit, checker, runner=runner)


def test_suggestion_replaces_the_word(qtbot, library):
    body = "The electon was close."
    aid, edit, checker, em = setup(qtbot, library, body)
    menu = open_menu(em, edit, body.index("electon") + 2)
    action(menu, "election").trigger()
    assert edit.toPlainText() == "The election was close."


def test_suggestion_lands_on_the_word_after_text_was_typed_before_it(qtbot, library):
    body = "The electon was close."
    aid, edit, checker, em = setup(qtbot, library, body)
    cur = edit.textCursor()
    cur.setPosition(0)
    cur.insertText("Café news. ")  # the check has not run again yet
    menu = open_menu(em, edit, len("Café news. ") + body.index("electon") + 2)
    action(menu, "election").trigger()
    assert edit.toPlainText() == "Café news. The election was close."


def test_add_to_article_dictionary_clears_the_squiggle(qtbot, library):
    body = "The show was fabulouz tonight."
    aid, edit, checker, em = setup(qtbot, library, body)
    assert squiggled_words(edit) == ["fabulouz"]
    menu = open_menu(em, edit, body.index("fabulouz") + 1)
    action(menu, "Add “fabulouz” to this article’s dictionary").trigger()
    recheck(qtbot, checker)
    assert library.dictionary.list(aid) == ["fabulouz"] and library.dictionary.list() == []
    assert squiggled_words(edit) == []


def test_add_to_shared_dictionary(qtbot, library):
    body = "The show was fabulouz tonight."
    aid, edit, checker, em = setup(qtbot, library, body)
    menu = open_menu(em, edit, body.index("fabulouz") + 1)
    action(menu, "Add “fabulouz” to the shared dictionary").trigger()
    recheck(qtbot, checker)
    assert library.dictionary.list() == ["fabulouz"]
    assert library.dictionary.list(personal=False) == ["fabulouz"]
    assert squiggled_words(edit) == []


def test_add_to_my_dictionary_keeps_the_word_mine(qtbot, library):
    library.editor = "Ann Lee"
    body = "The show was fabulouz tonight."
    aid, edit, checker, em = setup(qtbot, library, body)
    menu = open_menu(em, edit, body.index("fabulouz") + 1)
    action(menu, "Add “fabulouz” to my dictionary").trigger()
    recheck(qtbot, checker)
    assert library.dictionary.list(personal=True) == ["fabulouz"]
    assert library.dictionary.list() == []  # nothing shared
    assert squiggled_words(edit) == []
    library.editor = "Ben Ode"
    assert "fabulouz" not in library.dictionary.words(aid)


def test_my_dictionary_is_offered_only_with_a_name(qtbot, library):
    body = "The show was fabulouz tonight."
    aid, edit, checker, em = setup(qtbot, library, body)
    menu = open_menu(em, edit, body.index("fabulouz") + 1)
    assert not action(menu, "Add “fabulouz” to my dictionary").isEnabled()
    assert action(menu, "Add “fabulouz” to the shared dictionary").isEnabled()


def test_removing_my_word_from_the_menu_leaves_the_shared_one(qtbot, library):
    library.editor = "Ann Lee"
    body = "The show was fabulouz tonight."
    aid, edit, checker, em = setup(qtbot, library, body)
    library.dictionary.add("fabulouz", personal=True)
    library.dictionary.add("fabulouz")
    checker.inputs_changed()
    recheck(qtbot, checker)
    assert squiggled_words(edit) == []
    menu = open_menu(em, edit, body.index("fabulouz") + 1)
    action(menu, "Remove “fabulouz” from my dictionary").trigger()
    assert library.dictionary.list(personal=True) == []
    assert library.dictionary.list() == ["fabulouz"]


def test_ignore_clears_the_squiggle_without_storing(qtbot, library):
    body = "The show was fabulouz tonight."
    aid, edit, checker, em = setup(qtbot, library, body)
    menu = open_menu(em, edit, body.index("fabulouz") + 1)
    action(menu, "Ignore “fabulouz”").trigger()
    recheck(qtbot, checker)
    assert squiggled_words(edit) == [] and library.dictionary.words(aid) == set()


def test_assign_quotation_to_source_stores_it_and_adds_the_alias_when_confirmed(qtbot, library,
                                                                               monkeypatch):
    asked = []
    monkeypatch.setattr(EditorMenu, "confirm_alias", lambda self, name, src: asked.append((name, src)) or True)
    src = library.sources.add("Thomas Hardy")
    aid, edit, checker, em = setup(qtbot, library, QUOTE)
    assert checker.report.quotes[0].source_id is None
    menu = open_menu(em, edit, 5)
    action(menu, "Thomas Hardy").trigger()
    recheck(qtbot, checker)
    assert asked == [("Tom Hardy", "Thomas Hardy")]
    rows = attached(library, aid)
    assert [(r.source_id, r.speaker, r.assigned) for r in rows] == [(src.id, "Tom Hardy", 1)]
    assert rows[0].reviewed_at
    assert "Tom Hardy" in library.sources.get(src.id).aliases
    assert checker.report.quotes[0].source_id == src.id


def test_assign_without_confirming_learns_no_alias(qtbot, library, monkeypatch):
    monkeypatch.setattr(EditorMenu, "confirm_alias", lambda self, name, src: False)
    src = library.sources.add("Thomas Hardy")
    aid, edit, checker, em = setup(qtbot, library, QUOTE)
    menu = open_menu(em, edit, 5)
    action(menu, "Thomas Hardy").trigger()
    recheck(qtbot, checker)
    assert library.sources.get(src.id).aliases == []
    assert [(r.source_id, r.speaker) for r in attached(library, aid)] == [(src.id, "Thomas Hardy")]
    assert checker.report.quotes[0].source_id == src.id


def test_a_country_is_never_offered_as_an_alias(qtbot, library, monkeypatch):
    asked = []
    monkeypatch.setattr(EditorMenu, "confirm_alias", lambda self, name, src: asked.append(name) or True)
    src = library.sources.add("Saeed Khatibzadeh")
    body = "“The talks are over and we will not return,” Iran said on Monday."
    aid, edit, checker, em = setup(qtbot, library, body)
    menu = open_menu(em, edit, 5)
    action(menu, "Saeed Khatibzadeh").trigger()
    recheck(qtbot, checker)
    assert asked == [] and library.sources.get(src.id).aliases == []
    assert attached(library, aid)[0].source_id == src.id


def test_create_source_from_detected_speaker(qtbot, library):
    aid, edit, checker, em = setup(qtbot, library, QUOTE)
    menu = open_menu(em, edit, 5)
    action(menu, "Create source “Tom Hardy”").trigger()
    recheck(qtbot, checker)
    src = library.sources.find("Tom Hardy")
    assert src is not None and attached(library, aid)[0].source_id == src.id
    assert not any(p.kind == "unknown-source" for p in checker.report.problems)


def test_mark_not_a_quotation_removes_its_problems(qtbot, library):
    body = "The plan is dead.\n\n“We should never have approved it, and it will cost us all.”"
    aid, edit, checker, em = setup(qtbot, library, body)
    assert any(p.kind == "unattributed-quote" for p in checker.report.problems)
    menu = open_menu(em, edit, body.index("never"))
    action(menu, "Mark as not a quotation").trigger()
    recheck(qtbot, checker)
    assert [r.status for r in library.quotes.list(article_id=aid)] == ["not-a-quote"]
    assert not any(p.kind == "unattributed-quote" for p in checker.report.problems)


def test_set_speaker_on_an_unattributed_quotation(qtbot, library, monkeypatch):
    body = "The plan is dead.\n\n“We should never have approved it, and it will cost us all.”"
    aid, edit, checker, em = setup(qtbot, library, body)
    monkeypatch.setattr(EditorMenu, "ask_speaker", lambda self, q: self.set_speaker(q, "Ann Lee"))
    menu = open_menu(em, edit, body.index("never"))
    action(menu, "Set speaker…").trigger()
    recheck(qtbot, checker)
    assert [r.speaker for r in attached(library, aid)] == ["Ann Lee"]
    assert not any(p.kind == "unattributed-quote" for p in checker.report.problems)


def test_removing_an_added_word_brings_the_squiggle_back(qtbot, library):
    body = "The show was fabulouz tonight."
    aid, edit, checker, em = setup(qtbot, library, body)
    menu = open_menu(em, edit, body.index("fabulouz") + 1)
    action(menu, "Add “fabulouz” to this article’s dictionary").trigger()
    recheck(qtbot, checker)
    assert squiggled_words(edit) == []
    menu = open_menu(em, edit, body.index("fabulouz") + 1)
    action(menu, "Remove “fabulouz” from this article’s dictionary").trigger()
    recheck(qtbot, checker)
    assert library.dictionary.list(aid) == []
    assert squiggled_words(edit) == ["fabulouz"]


def test_word_at_finds_the_word_under_an_offset():
    from desk.gui.editor_menu import word_at

    text = "Iran’s al-Kadhimi said."
    assert word_at(text, 2) == "Iran’s"
    assert word_at(text, text.index("Kadhimi")) == "al-Kadhimi"
    assert word_at(text, len(text)) == ""


def test_the_alias_question_defaults_to_no(qtbot, library, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    seen = {}

    def question(parent, title, text, buttons, default):
        seen.update(text=text, default=default)
        return default
    monkeypatch.setattr(QMessageBox, "question", question)
    aid, edit, checker, em = setup(qtbot, library, QUOTE)
    assert em.confirm_alias("Tom Hardy", "Thomas Hardy") is False
    assert seen["default"] == QMessageBox.No
    assert "Also remember “Tom Hardy” as a name for Thomas Hardy?" in seen["text"]


# -- remove boilerplate ------------------------------------------------------------------------
PASTED = ("The weir held overnight.\n\nLeave a Reply\n\n"
          "Your email address will not be published.\n\nRequired fields are marked *\n\n"
          "Residents returned at noon.\n")
CLEANED = "The weir held overnight.\n\nResidents returned at noon.\n"


def _boilerplate(checker):
    return [p for p in checker.report.problems if p.kind == "boilerplate"]


def test_remove_boilerplate_from_the_menu_is_one_undoable_edit(qtbot, library):
    aid, edit, checker, em = setup(qtbot, library, PASTED)
    assert len(_boilerplate(checker)) == 3
    menu = open_menu(em, edit, PASTED.index("Leave") + 3)
    action(menu, "Remove boilerplate").trigger()
    assert edit.toPlainText() == CLEANED
    recheck(qtbot, checker)
    assert _boilerplate(checker) == []
    edit.undo()
    assert edit.toPlainText() == PASTED  # one Ctrl+Z brings the whole block back
    recheck(qtbot, checker)
    assert len(_boilerplate(checker)) == 3


def test_the_mark_follows_edits_made_after_the_check(qtbot, library):
    aid, edit, checker, em = setup(qtbot, library, PASTED)
    problem = _boilerplate(checker)[0]
    cursor = edit.textCursor()
    cursor.setPosition(0)
    cursor.insertText("Update: ")  # the report's offsets are stale now; the mark is not
    assert em.remove_boilerplate(problem.start, problem.end)
    assert edit.toPlainText() == "Update: " + CLEANED


def test_no_remove_action_on_ordinary_text(qtbot, library):
    aid, edit, checker, em = setup(qtbot, library, PASTED)
    menu = open_menu(em, edit, PASTED.index("Residents") + 2)
    assert "Remove boilerplate" not in [a.text() for a in all_actions(menu)]


@pytest.mark.parametrize("text, where, left", [
    ("One.\n\nShare this:\n\nTwo.\n\nAdvertisement\n\nThree.\n", "Share",
     "One.\n\nTwo.\n\nAdvertisement\n\nThree.\n"),  # only the block it is in
    ("One.\n\nLeave a Reply\n", "Leave", "One.\n"),
    ("One.\n\nLeave a Reply", "Leave", "One.\n"),
    ("Leave a Reply\n\nOne.\n", "Leave", "One.\n"),
])
def test_boilerplate_block(text, where, left):
    from desk.gui.editor_menu import boilerplate_block

    start = text.index(where)
    a, b = boilerplate_block(text, start, start + len(where))
    assert text[:a] + text[b:] == left


def test_a_misspelling_checked_without_suggestions_gets_them_in_the_menu(qtbot, library,
                                                                        monkeypatch):
    from desk.gui import live_checks

    real = live_checks.check_with
    monkeypatch.setattr(live_checks, "check_with",
                        lambda text, inputs, **kw: real(text, inputs, **{**kw, "suggestions": False}))
    body = "The electon was close."
    aid, edit, checker, em = setup(qtbot, library, body)
    recheck(qtbot, checker)
    (problem,) = [o for _c, o in checker.marks_at(body.index("electon") + 2)
                  if getattr(o, "kind", None) == "misspelling"]
    assert problem.suggestions == ()  # the check gave none: the menu asks for them
    menu = open_menu(em, edit, body.index("electon") + 2)
    action(menu, "election").trigger()
    assert edit.toPlainText() == "The election was close."
