"""The dictionary operations, in the core and run through both faces."""

import pytest

from desk.model import DeskError
from desk.operations import dictionary as ops
from desk.operations.changes import Changes
from tests.gui.live_helpers import warm_spelling
from tests.operations.faces import editor_menu

BODY = "The show was fabulouz tonight."


@pytest.fixture(autouse=True, scope="module")
def _warm():
    warm_spelling()


def test_add_words_globally_or_for_one_article(library):
    aid = library.articles.create(headline="x", body=BODY).id
    result = ops.add_words(library, words=["fabulouz"], article_id=aid)
    assert library.dictionary.list(aid) == ["fabulouz"] and library.dictionary.list() == []
    assert result.changed == ["fabulouz"] and result.changes == Changes.of(dictionary=True)
    again = ops.add_words(library, words=["fabulouz", "Kadhimi"])
    assert library.dictionary.list() == ["fabulouz", "Kadhimi"] and again.unchanged == []


def test_adding_a_word_already_there_changes_nothing(library):
    ops.add_words(library, words=["fabulouz"])
    result = ops.add_words(library, words=["fabulouz"])
    assert result.changed == [] and result.unchanged == ["fabulouz"] and not result.changes


def test_remove_words_undoes_an_add(library):
    ops.add_words(library, words=["fabulouz"])
    result = ops.remove_words(library, words=["fabulouz", "absent"])
    assert library.dictionary.list() == [] and result.unchanged == ["absent"]
    assert result.changes.dictionary


def test_a_phrase_is_refused_before_any_word_is_stored(library):
    with pytest.raises(DeskError, match="not a single word"):
        ops.add_words(library, words=["fabulouz", "two words"])
    assert library.dictionary.list() == []


def test_an_unknown_article_is_refused(library):
    with pytest.raises(DeskError, match="no article"):
        ops.add_words(library, words=["fabulouz"], article_id=99)
    assert library.dictionary.list() == []


# -- both faces ------------------------------------------------------------------------------
def article(lib):
    return lib.articles.create(headline="Test", body=BODY).id


@pytest.mark.parametrize("article_only", [True, False])
def test_add_word_faces(qtbot, twins, capsys, article_only):
    t = twins(article)
    aid = t.ids
    t.cli(capsys, "dict", "add", "fabulouz", *(["--article", str(aid)] if article_only else []))
    menu = editor_menu(qtbot, t, aid)
    menu.add_to_dictionary("fabulouz", article_only=article_only)
    state = t.assert_same()
    assert state["dictionary"] == ({"global": [], aid: ["fabulouz"]} if article_only
                                   else {"global": ["fabulouz"], aid: []})


def test_remove_word_faces(qtbot, twins, capsys):
    def added(lib):
        aid = article(lib)
        lib.dictionary.add("fabulouz")
        lib.dictionary.add("fabulouz", aid)
        return aid
    t = twins(added)
    aid = t.ids
    t.cli(capsys, "dict", "remove", "fabulouz")
    editor_menu(qtbot, t, aid).remove_from_dictionary("fabulouz", None)
    assert t.assert_same()["dictionary"] == {"global": [], aid: ["fabulouz"]}
