"""Shared by the article and import operation tests: one library per face built the same way,
the CLI run in-process, and the library state every face must leave behind."""

from __future__ import annotations

from desk.cli import main
from desk.storage import Library

# Three unverified quotations: the gate blocks ready and published.
QUOTED = ("The mayor defended the plan. “We will rebuild the bridge by spring,” said Ana Ruiz, "
          "the mayor.\n\n"
          "“It is a disaster,” one official said, speaking on condition of anonymity.\n\n"
          "Ruiz added: “Nobody will pay more.”\n")
CLEAN = "The council met on Tuesday and approved the budget.\n"
FACES = ("core", "cli", "window")


class Libraries:
    """``build(lib)`` run on a fresh library per face, so their ids and rows line up."""

    def __init__(self, tmp_path, build) -> None:
        self.tmp_path = tmp_path
        self.build = build
        self.opened: dict[str, Library] = {}

    def __getitem__(self, face: str) -> Library:
        if face not in self.opened:
            folder = self.tmp_path / face
            folder.mkdir()
            lib = Library.open(folder / "library.db", seed=False)
            self.build(lib)
            self.opened[face] = lib
        return self.opened[face]

    def close(self) -> None:
        for lib in self.opened.values():
            lib.close()


def make_libraries(tmp_path):
    """For a fixture: yields ``make(build) -> Libraries`` and closes them all afterwards."""
    made: list[Libraries] = []

    def make(build):
        made.append(Libraries(tmp_path, build))
        return made[-1]
    yield make
    for libs in made:
        libs.close()


def cli(lib: Library, capsys, *argv: str) -> tuple[int, str, str]:
    """`desk --db LIB ARGV...` in-process: (exit code, stdout, stderr)."""
    code = main(["--db", str(lib.path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def state(lib: Library) -> dict:
    """Everything an article operation may change, without timestamps."""
    articles = [lib.articles.get(a.id, include_deleted=True)
                for a in [*lib.articles.list(), *lib.articles.list(trashed=True)]]
    return {
        "articles": sorted((a.id, a.headline, a.section, a.status, a.body, tuple(a.tags),
                            a.deleted_at is not None, bool(a.published_at)) for a in articles),
        "status_log": [(c.article_id, c.from_status, c.to_status, c.override_reason, c.blocked_by)
                       for c in lib.status_log.list()],
        "revisions": sorted((r.id, r.article_id, r.label, r.status, r.body)
                            for a in articles for r in lib.revisions.list(a.id)),
        "stopped_imports": [(b.paths, b.article_ids) for b in lib.imports.unfinished()],
    }


def run_window(lib: Library, qtbot, act):
    """``act(runner)`` with a runner of the window's kind; returns what it returned and the
    Changes the runner announced."""
    from desk.gui.op_runner import OperationRunner

    runner = OperationRunner(lib)
    announced = []
    runner.changed.connect(lambda changes, origin: announced.append(changes))
    return act(runner), announced
