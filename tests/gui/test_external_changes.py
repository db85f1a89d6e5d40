"""The window notices what another desk or the command line wrote to its library."""

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from desk.gui.external_changes import OPEN_ARTICLE_CHANGED, ExternalChanges
from desk.operations.changes import Changes
from desk.storage import Library
from tests.gui.live_helpers import WAIT_MS, warm_spelling
from tests.gui.shell_helpers import move_to_end, type_text


@pytest.fixture(autouse=True, scope="module")
def _warm():
    warm_spelling()


def listed(window) -> list[int]:
    model = window.library_panel.model
    return [model.article_id(r) for r in range(model.rowCount())]


def heard(window) -> list:
    changes: list = []
    window.runner.changed.connect(lambda c, origin: changes.append((c, origin)))
    return changes


def test_the_library_list_shows_articles_another_connection_added(qtbot, window):
    before = len(listed(window))
    with Library.open(window.library.path) as other:
        for n in range(3):
            other.articles.create(headline=f"From elsewhere {n}", section="Metro", tags=["wire"])
    qtbot.waitUntil(lambda: len(listed(window)) == before + 3, timeout=WAIT_MS)
    lp = window.library_panel
    assert lp.section_filter.findData("Metro") >= 0 and lp.tag_filter.findData("wire") >= 0
    assert lp.count_label.text().startswith(f"{before + 3} article")


def test_a_cli_import_shows_in_the_list(qtbot, window, tmp_path):
    before = len(listed(window))
    files = []
    for n in range(3):
        f = tmp_path / f"story{n}.md"
        f.write_text(f"# Imported story {n}\n\nThe council met on Tuesday.\n", encoding="utf-8")
        files.append(str(f))
    done = subprocess.run([sys.executable, "-m", "desk", "--db", str(window.library.path),
                           "import", *files], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: len(listed(window)) == before + 3, timeout=WAIT_MS)
    headlines = {window.library.articles.get(aid).headline for aid in listed(window)}
    assert {"Imported story 0", "Imported story 1", "Imported story 2"} <= headlines


def test_sources_and_review_panels_refresh(qtbot, window):
    from desk.review.reattach import sync_quotes

    sources = window.panels["sources"]
    review = window.panels["review"]
    names = lambda: [sources.table.topLevelItem(i).text(0)  # noqa: E731
                     for i in range(sources.table.topLevelItemCount())]
    queued = lambda: [review.tree.topLevelItem(i).data(0, Qt.UserRole)  # noqa: E731
                      for i in range(review.tree.topLevelItemCount())]
    with Library.open(window.library.path) as other:
        other.sources.add("Ines Halloran")
        aid = other.articles.create(headline="Q", body="“We will rebuild,” said Ines Halloran.").id
        sync_quotes(other, aid)
    qtbot.waitUntil(lambda: "Ines Halloran" in names(), timeout=WAIT_MS)
    with Library.open(window.library.path) as other:
        new_row = other.quotes.list(article_id=aid)[0].id
    qtbot.waitUntil(lambda: new_row in queued(), timeout=WAIT_MS)


def test_its_own_writes_are_not_announced_again(qtbot, window):
    watcher = window.external_changes
    watcher.poll()
    window.library.articles.create(headline="Written by this window")
    assert not watcher.poll()  # data_version moves only for other connections


def test_a_change_elsewhere_is_one_outside_change(qtbot, window):
    changes = heard(window)
    watcher = window.external_changes
    with Library.open(window.library.path) as other:
        other.articles.create(headline="Elsewhere")
    assert watcher.poll()
    assert changes == [(Changes.outside(), watcher)]
    assert not watcher.poll()


def test_typing_is_kept_when_the_open_article_changes_elsewhere(qtbot, window):
    aid = window.editor.article_id
    move_to_end(window.editor.body)
    type_text(window.editor.body, " Typed here.")
    notes: list[str] = []
    window.external_changes.article_changed.connect(notes.append)
    with Library.open(window.library.path) as other:
        other.articles.update(aid, body="Rewritten by someone else.")
    assert window.external_changes.poll()  # before the autosave's pause is over
    assert window.editor.body.toPlainText().endswith(" Typed here.")
    assert notes == [OPEN_ARTICLE_CHANGED]
    assert window.statusBar().currentMessage() == OPEN_ARTICLE_CHANGED
    # the editor's text wins the next save; the other version is kept in History
    assert window.autosaver.save()
    assert window.library.articles.get(aid).body.endswith(" Typed here.")
    assert any(r.body == "Rewritten by someone else." for r in window.library.revisions.list(aid))


def test_the_watcher_stops_when_the_window_closes(qtbot, window):
    watcher = window.external_changes
    window.close()
    assert not watcher.timer.isActive()


def test_a_closed_library_is_not_polled_into_an_error(qtbot, tmp_path):
    from desk.gui.op_runner import OperationRunner

    lib = Library.open(tmp_path / "lib.db", seed=False)

    class Editor:
        article_id = None

    class Saver:
        base = None

    watcher = ExternalChanges(lib, OperationRunner(lib), Editor(), Saver())
    lib.close()
    try:
        watcher.poll()
    except Exception as exc:  # pragma: no cover - shown when it fails
        pytest.fail(f"polling a closed library raised {exc!r}")
    finally:
        watcher.stop()


def test_with_nothing_unsaved_the_open_article_shows_its_new_version(qtbot, window):
    aid = window.editor.article_id
    body = window.editor.body
    cursor = body.textCursor()
    cursor.setPosition(40)
    body.setTextCursor(cursor)
    assert not window.autosaver.dirty
    new_body = window.library.articles.get(aid).body + "\n\nA paragraph added in a terminal.\n"
    with Library.open(window.library.path) as other:
        other.articles.update(aid, body=new_body, status="editing")
    assert window.external_changes.poll()
    assert body.toPlainText() == new_body
    assert body.textCursor().position() == 40  # the editor's place is kept
    assert window.editor.current_fields()["status"] == "editing"
    assert window.actions.status_actions["editing"].isChecked()
    assert not window.autosaver.dirty and window.autosaver.base["body"] == new_body
    assert "changed outside this window" in window.statusBar().currentMessage()


def test_its_own_status_change_is_no_outside_change(qtbot, window):
    aid = window.editor.article_id
    assert window.request_status("editing")
    text = window.editor.body.toPlainText()
    reloaded: list = []
    window.external_changes.article_reloaded.connect(reloaded.append)
    with Library.open(window.library.path) as other:
        other.sources.add("Someone Else")  # a change elsewhere, not to this article
    assert window.external_changes.poll()
    assert reloaded == [] and window.editor.body.toPlainText() == text
    assert window.library.articles.get(aid).status == "editing"
