"""Running one operation through both faces: the CLI (desk.cli.main on one library file)
and the window part (on a twin library built the same way), then comparing what each left.

``snapshot`` reads every row an operation of desk.operations may change, without the
clock's stamps (a time differs between two runs; whether it was stamped does not)."""

from __future__ import annotations

from desk.cli import main
from desk.gui.op_runner import OperationRunner
from desk.storage import Library

QUOTE_FIELDS = ("id", "article_id", "source_id", "text", "speaker", "start", "end", "status",
                "origin", "origin_ref", "original", "note", "reviewed_by", "assigned",
                "verified_material_id", "verified_against")
SOURCE_FIELDS = ("id", "name", "kind", "title", "organisation", "role", "contact", "notes",
                 "aliases")


def snapshot(lib: Library) -> dict:
    articles = [a.id for a in lib.articles.list()]
    return {
        "quotes": [{**{f: getattr(q, f) for f in QUOTE_FIELDS}, "reviewed": bool(q.reviewed_at)}
                   for q in sorted(lib.quotes.list(), key=lambda q: q.id)],
        "sources": [{f: getattr(s, f) for f in SOURCE_FIELDS} for s in lib.sources.list()],
        "dictionary": {"global": lib.dictionary.list(),
                       **{aid: lib.dictionary.list(aid) for aid in articles}},
        "materials": sorted((m.id, m.source_id, m.article_id, m.title, m.text, m.filename)
                            for m in lib.materials.list()),
    }


class Twins:
    """Two libraries built by the same ``setup(lib)``: ``cli_path`` for the CLI face,
    ``window`` (open, with its runner) for the window face."""

    def __init__(self, tmp_path, setup):
        self.cli_path = tmp_path / "cli.db"
        with Library.open(self.cli_path, seed=False) as lib:
            self.ids = setup(lib)
        self.window = Library.open(tmp_path / "window.db", seed=False)
        window_ids = setup(self.window)
        assert window_ids == self.ids, "the twins must get the same ids"
        self.runner = OperationRunner(self.window)

    def cli(self, capsys, *argv: str) -> str:
        """Run `desk --db CLI ARGV` and return its output; it must succeed."""
        code = main(["--db", str(self.cli_path), *argv])
        out, err = capsys.readouterr()
        assert code == 0, err
        return out

    def cli_state(self) -> dict:
        with Library.open(self.cli_path, seed=False) as lib:
            return snapshot(lib)

    def window_state(self) -> dict:
        return snapshot(self.window)

    def assert_same(self) -> dict:
        """Both faces left the same library; returns that state for further assertions."""
        state = self.cli_state()
        assert state == self.window_state()
        return state

    def close(self) -> None:
        self.window.close()


def editor_menu(qtbot, twins: Twins, article_id: int):
    """The window's editor with its right-click menu on the twin's article, checked once."""
    from desk.gui.body_edit import BodyEdit
    from desk.gui.editor_menu import EditorMenu
    from desk.gui.live_checks import LiveChecker

    edit = BodyEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(twins.window.articles.get(article_id).body)
    checker = LiveChecker(twins.window, edit)
    with qtbot.waitSignal(checker.report_ready, timeout=10000):
        checker.set_article(article_id, "en-US")
    return EditorMenu(twins.window, edit, checker, runner=twins.runner)


def menu_action(menu, pos: int, text: str):
    """Right-click at ``pos`` (what BodyEdit does, without exec) and trigger ``text``."""
    from PySide6.QtWidgets import QMenu

    def walk(m):
        for a in m.actions():
            yield a
            if a.menu():
                yield from walk(a.menu())
    shown = QMenu()
    menu.body.context_menu_about_to_show.emit(shown, pos)
    found = [a for a in walk(shown) if a.text() == text]
    assert found, f"no action {text!r} in {[a.text() for a in walk(shown)]}"
    found[0].trigger()
