"""Who hears that the library changed: the one "library changed" path of the window.

Every change reaches the parts through ``OperationRunner.changed(Changes, origin)``: an
operation run by the runner emits it, and the few changes that are not operations yet (an
autosave, the quotation rows following the saved text) are announced here with
``runner.announce``. Panels never refresh each other: each has a ``library_changed`` slot,
subscribed here, that looks at what changed and refreshes only what it shows; the live
checker re-checks when sources, quotation rows or the dictionary changed. A change made
outside this window (``changes.external``, desk.gui.external_changes) names no rows: the
library list with its filters, the Sources and Review panels re-read everything and the
checker checks again. A subscription ends when its widget is destroyed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desk.gui.file_actions import SAVE_ERRORS
from desk.operations.changes import Changes

if TYPE_CHECKING:
    from desk.gui.autosave import Autosaver
    from desk.gui.live_checks import LiveChecker
    from desk.gui.op_runner import OperationRunner
    from desk.gui.window_parts import WindowParts

Slot = Callable[[Changes, object], None]


def subscribe(runner: OperationRunner, owner: QObject, slot: Slot) -> None:
    """Call ``slot(changes, origin)`` on every change until ``owner`` is destroyed."""
    connection = runner.changed.connect(slot)
    # Disconnecting through the connection is safe when the runner went first.
    owner.destroyed.connect(lambda *_: QObject.disconnect(connection))


def connect_changes(parts: WindowParts, autosaver: Autosaver) -> None:
    runner, checker = parts.runner, parts.checker
    lp = parts.library_panel
    subscribe(runner, lp, _or_outside(lp.library_changed, lambda: lp.reload()))
    for name in ("sources", "review"):
        panel = parts.panels[name]
        subscribe(runner, panel, _or_outside(panel.library_changed, panel.refresh))
    quotes = parts.panels["quotes"]  # redrawn from the next report after a change made elsewhere
    subscribe(runner, quotes, quotes.library_changed)
    subscribe(runner, checker,
              lambda changes, origin: _recheck(runner, checker, autosaver, changes, origin))

    def saved(article) -> None:
        # Saving is where quotation rows follow the text (before anyone is told).
        runner.announce(_synced(checker, article.id, lambda: checker.article_saved(article)),
                        origin=autosaver)

    autosaver.saved.connect(saved)
    _sync_on_open(runner, checker, autosaver)


def _sync_on_open(runner: OperationRunner, checker: LiveChecker, autosaver: Autosaver) -> None:
    """An article another program wrote (or never saved here) has no quotation rows for
    its text: sync them once its first check arrives, unedited, so "Quoted in", the review
    queue and the Quotes panel count its quotations without waiting for an edit."""
    opened: dict[str, int | None] = {"id": None}

    def first_report(_report) -> None:
        aid = checker.article_id
        if aid is None or aid == opened["id"] or autosaver.dirty:
            return
        opened["id"] = aid
        before = _rows(checker, aid)
        if {r[1:] for r in before} == {(q.start, q.end, q.text, q.speaker, q.source_id)
                                       for q in checker.raw_quotes}:
            return  # stored rows are those on screen: opening writes nothing
        checker.article_saved()
        after = _rows(checker, aid)
        if after != before:
            runner.announce(Changes.of(quotes={r[0] for r in before ^ after}), origin=checker)

    checker.report_ready.connect(first_report)


def _rows(checker: LiveChecker, article_id: int) -> set[tuple]:
    """What a sync may change on the article's rows: place, words, speaker, source."""
    try:
        return {(q.id, q.start, q.end, q.text, q.speaker, q.source_id)
                for q in checker.library.quotes.list(article_id=article_id)}
    except SAVE_ERRORS:
        return set()


def _or_outside(slot: Slot, reread: Callable[[], None]) -> Slot:
    """``slot`` for this window's changes; ``reread`` for one made elsewhere."""
    def heard(changes: Changes, origin) -> None:
        if changes.external:
            reread()
        if changes.articles or changes.sources or changes.quotes or changes.dictionary \
                or changes.materials:
            slot(changes, origin)
    return heard


def _synced(checker: LiveChecker, article_id: int, sync: Callable[[], None]) -> Changes:
    """Run ``sync`` (quotation rows follow the article's text) and say what it touched: the
    article and its rows before and after (a row removed with its quotation included)."""
    def rows() -> set[int]:
        try:
            return {q.id for q in checker.library.quotes.list(article_id=article_id)}
        except SAVE_ERRORS:  # cannot read them now: the article is still announced
            return set()

    before = rows()
    sync()
    return Changes.of(articles=[article_id], quotes=before | rows())


def _recheck(runner: OperationRunner, checker: LiveChecker, autosaver: Autosaver,
             changes: Changes, origin) -> None:
    """Sources, quotation rows or the dictionary are inputs of the checks: re-check now. A
    save and its quotation sync come from the very text being checked: nothing to redo."""
    if origin is checker or origin is autosaver or checker.article_id is None:
        return
    if changes.sources:
        # A source added or renamed names speakers already in the text: store that on the
        # quotation rows once the re-check has run, not at the next edit.
        _sync_after_next_check(runner, checker, autosaver)
    if changes.sources or changes.quotes or changes.dictionary or changes.external:
        checker.inputs_changed()


def _sync_after_next_check(runner: OperationRunner, checker: LiveChecker,
                           autosaver: Autosaver) -> None:
    def once(_report=None) -> None:
        checker.report_ready.disconnect(once)
        if autosaver.save() and checker.article_id is not None:
            runner.announce(_synced(checker, checker.article_id, checker.article_saved),
                            origin=checker)

    checker.report_ready.connect(once)
