"""Who hears that the library changed: the one "library changed" path of the window.

Every change reaches the parts through ``OperationRunner.changed(Changes, origin)``: an
operation run by the runner emits it, and the few changes that are not operations yet (an
autosave, the quotation rows following the saved text) are announced here with
``runner.announce``. The rows follow the text in a worker (desk.gui.quote_sync): an
autosave announces the article at once and the rows once their small diff is written; an
explicit save (switching articles, exporting, closing) waits for its rows. Panels never refresh each other: each has a ``library_changed`` slot,
subscribed here, that looks at what changed and refreshes only what it shows; the live
checker re-checks when sources, quotation rows or the dictionary changed. A change made
outside this window (``changes.external``, desk.gui.external_changes) names no rows: the
library list with its filters, the Sources and Review panels re-read everything and the
checker checks again. Another editor's commit on a team library (``changes.elsewhere``,
desk.gui.team_changes) names its rows: the panels take it as any change, the checker checks
again only when an input of the open article's check is among them. A subscription ends
when its widget is destroyed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desk.gui.file_actions import SAVE_ERRORS
from desk.gui.quote_sync import QuoteSyncer
from desk.operations.changes import Changes

if TYPE_CHECKING:
    from desk.gui.autosave import Autosaver
    from desk.gui.live_checks import LiveChecker
    from desk.gui.op_runner import OperationRunner
    from desk.gui.window_parts import WindowParts
    from desk.model import QuoteSpan

Slot = Callable[[Changes, object], None]


def subscribe(runner: OperationRunner, owner: QObject, slot: Slot) -> None:
    """Call ``slot(changes, origin)`` on every change until ``owner`` is destroyed."""
    connection = runner.changed.connect(slot)
    # Disconnecting through the connection is safe when the runner went first.
    owner.destroyed.connect(lambda *_: QObject.disconnect(connection))


def connect_changes(parts: WindowParts, autosaver: Autosaver) -> QuoteSyncer:
    """Wire every "changed" subscriber; the syncer that keeps quotation rows following the
    saved text (the window waits for it and shuts it down on close)."""
    runner, checker = parts.runner, parts.checker
    syncer = QuoteSyncer(checker.library, autosaver)
    lp = parts.library_panel
    renamed = {"last": True}  # the last save changed its article's headline
    subscribe(runner, lp, _or_outside(lp.library_changed, lambda: lp.reload()))

    def panel_made(name: str, panel) -> None:  # now, or when made after the first paint
        if name == "sources":
            subscribe(runner, panel, _or_outside(panel.library_changed, panel.refresh))
        elif name == "review":
            subscribe(runner, panel, _unless_only_saved(
                _or_outside(panel.library_changed, panel.refresh), autosaver, renamed))
        elif name == "quotes":  # redrawn from the next report after a change made elsewhere
            subscribe(runner, panel, _unless_only_saved(panel.library_changed, autosaver,
                                                        renamed))

    parts.panels.when_made(panel_made)
    subscribe(runner, checker,
              lambda changes, origin: _recheck(checker, autosaver, syncer, changes, origin))
    syncer.synced.connect(lambda changes: runner.announce(changes, origin=autosaver))
    syncer.failed.connect(checker.check_failed)
    # The sync's commits (on its worker's connection) are not another program's:
    # desk.gui.external_changes hears of them through the autosaver's signal. (The
    # stale-results refresh's are still announced as outside changes.)
    syncer.writing.connect(autosaver.writing)  # what others wrote before is announced first
    syncer.written.connect(autosaver.written)

    headlines: dict[int, str] = {}

    def loaded(_article_id) -> None:
        article = getattr(autosaver.editor, "loaded_article", None)
        if article is not None and article.id is not None:
            headlines[article.id] = article.headline

    def saved(article) -> None:
        renamed["last"] = headlines.get(article.id) != article.headline
        headlines[article.id] = article.headline
        runner.announce(Changes.of(articles=[article.id]), origin=autosaver)
        syncer.request(article.id, article.body, _spans_for(checker, article.id, article.body))
        if not autosaver.background:  # the editor asked to save: its rows follow before it returns
            syncer.wait()

    autosaver.editor.article_loaded.connect(loaded)
    autosaver.saved.connect(saved)
    _sync_on_open(checker, autosaver, syncer)
    return syncer


def _spans_for(checker: LiveChecker, article_id: int, text: str) -> list[QuoteSpan] | None:
    """The live check's quotations when they were found in exactly ``text``, else None."""
    if checker.article_id == article_id and checker.report is not None \
            and checker.report_text == text:
        return list(checker.raw_quotes)
    return None


def _unless_only_saved(slot: Slot, autosaver: Autosaver, renamed: dict[str, bool]) -> Slot:
    """``slot`` for every change but a save's own announcement of its article when the
    headline stayed: the Quotes and Review panels show quotation rows, and those are
    announced by the sync when it writes some."""
    def heard(changes: Changes, origin) -> None:
        if origin is autosaver and not (changes.quotes or changes.sources or renamed["last"]):
            return
        slot(changes, origin)
    return heard


def _sync_on_open(checker: LiveChecker, autosaver: Autosaver, syncer: QuoteSyncer) -> None:
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
        try:
            text = checker.library.articles.get(aid, include_deleted=True).body
        except SAVE_ERRORS:
            return
        syncer.request(aid, text, _spans_for(checker, aid, text))

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
                or changes.materials or changes.unnamed:
            slot(changes, origin)
    return heard


def _recheck(checker: LiveChecker, autosaver: Autosaver, syncer: QuoteSyncer,
             changes: Changes, origin) -> None:
    """Sources, quotation rows or the dictionary are inputs of the checks: re-check now. A
    save and its quotation sync come from the very text being checked: nothing to redo."""
    if origin is checker or origin is autosaver or checker.article_id is None:
        return
    if changes.elsewhere and not changes.external:
        if _concerns_the_check(checker, changes):
            checker.inputs_changed()  # the writer's desk syncs its own rows: nothing to sync
        return
    if changes.sources:
        # A source added or renamed names speakers already in the text: store that on the
        # quotation rows once the re-check has run, not at the next edit.
        _sync_after_next_check(checker, autosaver, syncer)
    if changes.sources or changes.quotes or changes.dictionary or changes.external:
        checker.inputs_changed()


def _concerns_the_check(checker: LiveChecker, changes: Changes) -> bool:
    """Another editor's commit changed an input of the open article's check: the sources,
    the dictionary, or this article's quotation rows (tags, verification)."""
    if changes.touches("sources") or changes.dictionary or "quotes" in changes.unnamed:
        return True
    if not changes.quotes:
        return False
    try:
        rows = checker.library.quotes.list(article_id=checker.article_id)
    except SAVE_ERRORS:
        return True
    return any(q.id in changes.quotes for q in rows)


def _sync_after_next_check(checker: LiveChecker, autosaver: Autosaver,
                           syncer: QuoteSyncer) -> None:
    def once(_report=None) -> None:
        checker.report_ready.disconnect(once)
        aid = checker.article_id
        if autosaver.save() and aid is not None:
            text = checker.body.toPlainText()
            syncer.request(aid, text, _spans_for(checker, aid, text))

    checker.report_ready.connect(once)
