"""Live checks: run the check engine off the GUI thread after a typing pause, draw the result.

Typing only bumps a revision counter and restarts a 300 ms timer. When the timer fires, the
text and the check inputs (desk.checking: sources, quote tags, dictionary, language) are
read on the GUI thread — the SQLite
connection is never touched from the worker — and handed to one worker at a time. A result
whose revision is no longer current is dropped; a request made while a check runs is
coalesced into one follow-up check. A check whose inputs equal the last applied ones is
skipped altogether.

Spelling waits for nothing else: until the spelling index is in memory (built on a new
machine's first start, desk.gui.spelling_prep), the text is checked without spelling, so
quotation and attribution problems show at once, ``notice_changed`` says "Preparing
spelling — first start", and the text is checked again with spelling once it is ready.
With spelling turned off in the Preferences (``set_spelling(False)``) no check spells.
"""

from __future__ import annotations

import dataclasses
import sys
import threading
import time

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QTextCursor

from desk.checking import CheckInputs, check_inputs, check_with
from desk.gui import check_process, first_paint, spelling_prep
from desk.gui.check_marks import MarkTooltips
from desk.gui.edit_dispatch import QuietTimer, for_body
from desk.gui.mark_index import MarkIndex, OffsetMap
from desk.gui.mark_painter import MarkPainter
from desk.model import DeskError

DEBOUNCE_MS = 300
PREPARING_POLL_MS = 200  # how often the checker looks whether spelling is ready


@dataclasses.dataclass(frozen=True)
class Snapshot:
    """Everything one check needs, read on the GUI thread: the text and the inputs the
    one way of checking reads (desk.checking: sources, attached tags, dictionary and the
    words ignored for now, language)."""

    revision: int
    text: str
    inputs: CheckInputs
    spelling: bool = True

    def key(self) -> tuple:
        return (self.text, self.inputs, self.spelling)


def run_checks(snap: Snapshot):
    """The worker's whole job (pure; importable for benchmarks and tests).

    Returns (report as drawn, every quotation in the text): sync_quotes needs the latter,
    "not a quotation" ones included, or their rows would look gone from the text."""
    report = check_with(snap.text, snap.inputs, spelling=snap.spelling, suggestions=True)
    return report, report.all_quotes


class _Bridge(QObject):
    # revision, (report, raw quotes) or (), error message ("" when fine), seconds. No None is
    # ever sent through the queued `object` argument: this PySide6 loses a reference on None.
    done = Signal(int, object, str, float)


class _CheckJob(QRunnable):
    """Runs one check in the pool. Not auto-deleted: the checker keeps each job referenced
    until the pool is idle, so the Python side is never freed while run() is returning
    (QThreadPool.start(callable) was avoided: it corrupts None's refcount in this PySide6)."""

    def __init__(self, snap: Snapshot, bridge: _Bridge):
        super().__init__()
        self.setAutoDelete(False)
        self.snap, self.bridge = snap, bridge

    def run(self):
        t0 = time.perf_counter()
        try:
            report, quotes = run_checks(self.snap)
            # the marks as data, here rather than on the GUI thread
            result, error = (report, quotes, MarkIndex(self.snap.text, report)), ""
        except Exception as exc:  # a check bug must not kill the editor; shown as a warning
            result, error = (), f"{type(exc).__name__}: {exc}"
        self.bridge.done.emit(self.snap.revision, result, error, time.perf_counter() - t0)


class LiveChecker(QObject):
    report_ready = Signal(object)  # desk.checks.engine.CheckReport, already drawn
    check_failed = Signal(str)
    quotes_synced = Signal()  # quotation rows now match the saved text (refresh the review queue)
    notice_changed = Signal(str)  # "Preparing spelling — first start", "" once spell-checked

    def __init__(self, library, body_edit, parent=None, *, separate_process: bool = False):
        """``separate_process``: check in the check process (desk.gui.check_process), as the
        window does, rather than in a thread of this one."""
        super().__init__(parent if parent is not None else body_edit)  # never outlive the editor
        self.separate_process = separate_process
        # The worker is pure Python and shares the GIL with the GUI thread: hand the GIL over
        # every 1 ms instead of CPython's 5 ms, so a key press during a check waits less.
        sys.setswitchinterval(min(sys.getswitchinterval(), 0.001))
        self.library, self.body = library, body_edit
        self.article_id: int | None = None
        self.language = "en-US"
        self.report = None          # the applied report
        self.report_text = ""       # the text it was computed on
        self.raw_quotes: list = []  # the engine's quotations, "not a quotation" ones included
        self.painter = MarkPainter(body_edit, self)  # draws the marks near the viewport
        self.last_seconds = 0.0     # worker time of the last applied check
        self.checks_run = 0
        self.spelling = True        # the Preferences' "check spelling"
        self.notice = ""            # what the applied report still lacks (spelling pending)
        self._ignored: dict[int | None, set[str]] = {}
        self._inputs: tuple | None = None  # (what they were read at, CheckInputs)
        self._revision = 0
        self._busy = False
        self._pending = False
        self._closed = False
        # held by the check service's thread while it hands a result over: once shutdown()
        # has it, no result is emitted into the bridge (which goes with the window)
        self._handover = threading.Lock()
        self._after_paint = False  # a check waits for the window's first paint
        self._applied_key = None
        self._synced_key = None
        self._jobs: list = []
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._finished)
        edits = for_body(body_edit)  # the body's one textChanged slot (desk.gui.edit_dispatch)
        self._edits = edits  # flushed before the revision is read: held keys count
        self._timer = QuietTimer(self, DEBOUNCE_MS, edits, self._dispatch)
        self._preparing = QTimer(self)
        self._preparing.setInterval(PREPARING_POLL_MS)
        self._preparing.timeout.connect(self._spelling_progress)
        edits.on_edit(self._text_changed)
        self._tooltips = MarkTooltips(body_edit, lambda: (self.report, self.report_text), self)

    # -- public ------------------------------------------------------------------------
    def set_article(self, article_id: int | None, language: str = "en-US") -> None:
        self.article_id, self.language = article_id, language or "en-US"
        self._revision += 1
        self._applied_key = None
        if article_id is None:
            self._timer.stop()
            self.report, self.report_text, self.raw_quotes = None, "", []
            self.painter.clear()
            self._set_notice("")
            return
        self.check_now()

    def check_now(self) -> None:
        """Check at once (F7, article switch, dictionary or source change)."""
        self._timer.stop()
        self._dispatch(force=True)

    def inputs_changed(self) -> None:
        """Sources, quote tags or the dictionary changed: re-check without waiting."""
        self._revision += 1
        self.check_now()

    def set_spelling(self, on: bool) -> None:
        """Spell-check as one types, or not (the Preferences); re-checks at once."""
        if bool(on) != self.spelling:
            self.spelling = bool(on)
            if self.article_id is not None:
                self.inputs_changed()

    def ignore(self, word: str) -> None:
        """Accept a word for this article until the window closes (not stored)."""
        self._ignored.setdefault(self.article_id, set()).add(word)
        self.inputs_changed()

    def sync_quotes(self) -> list:
        """Bring the article's quotation rows in line with the text on screen (call after
        autosave): the checked quotations are reused when they were computed on that text."""
        if self.article_id is None:
            return []
        current = self.body.toPlainText()
        spans = self.raw_quotes if self.report is not None and self.report_text == current else None
        if spans is None:
            spans = check_with(current, self.inputs(), spelling=False).all_quotes
        from desk.review.reattach import sync_quotes  # rapidfuzz: imported after the paint

        rows = sync_quotes(self.library, self.article_id, spans=spans)
        self.quotes_synced.emit()
        return rows

    def article_saved(self, article=None) -> None:
        """Slot for the autosaver's saved signal: keep quotation rows attached. Skipped when
        the quotations on screen are exactly those last synced (a sync of a long article
        runs on this thread)."""
        if article is not None and getattr(article, "id", self.article_id) != self.article_id:
            return
        key = (self.article_id, self._applied_key is not None and self.report_text == self.body.toPlainText()
               and tuple((q.start, q.end, q.text, q.speaker, q.source_id) for q in self.raw_quotes))
        if key[1] and key == self._synced_key:
            return
        from desk.gui.autosave import TYPING_WAIT_MS
        from desk.storage.edits import busy_timeout, is_busy

        try:
            with busy_timeout(self.library, TYPING_WAIT_MS):  # never hold typing for long
                self.sync_quotes()
            self._synced_key = key
        except Exception as exc:  # a sync bug must not break saving; say so
            if is_busy(exc):
                return  # another process is writing: the next save syncs again
            self.check_failed.emit(f"quotation sync failed: {exc}")

    @property
    def marks(self) -> list:
        """(ExtraSelection, QuoteSpan | Problem) of the marks drawn now: those near the
        viewport (desk.gui.mark_painter); their cursors have followed every edit."""
        return self.painter.selections()

    def cursor_for(self, want) -> QTextCursor | None:
        """Where the first mark whose owner satisfies ``want`` is now, drawn or not (None:
        no such mark, or it is in text edited since the check)."""
        index = self.painter.index
        for spec in (index.specs if index is not None else ()):
            if want(spec.owner):
                return self.painter.cursor_for(spec)
        return None

    def marks_at(self, pos: int) -> list:
        """(cursor, owner) of the marks covering str offset ``pos`` in the current text;
        the cursors have followed every edit since the check ran."""
        qpos = OffsetMap(self.body.toPlainText()).to_qt(pos)
        return [(cur, owner) for cur, owner in self.painter.cursors()
                if cur.selectionStart() <= qpos <= cur.selectionEnd() and cur.hasSelection()]

    def is_idle(self) -> bool:
        self._edits.flush()
        return not (self._busy or self._pending or self._timer.isActive())

    def shutdown(self) -> None:
        with self._handover:
            self._closed = True
        self._timer.stop()
        self._preparing.stop()
        self._pool.waitForDone(5000)
        self._jobs.clear()

    # -- internals ---------------------------------------------------------------------
    def _text_changed(self) -> None:
        self._revision += 1
        if self.article_id is not None and not self._closed:
            self._timer.arm()  # fires DEBOUNCE_MS after the last key, armed by the first

    def inputs(self) -> CheckInputs:
        """The article's check inputs in the language on screen, with the words ignored
        for now. Read again only when the library has changed since (reading an article's
        quotation tags and the sources took 10-20 ms at 30,000 words, on every check)."""
        aid = self.article_id
        ignored = frozenset(self._ignored.get(aid, ()))
        try:
            mark = self.library.change_mark()
        except Exception:  # cannot tell: read them (check_inputs reports what is wrong)
            mark = None
        key = (mark, aid, self.language, ignored)
        if mark is None or self._inputs is None or self._inputs[0] != key:
            try:
                inputs = check_inputs(self.library, aid, language=self.language)
            except DeskError:  # unreadable now (a team library offline): the last ones read
                if self._inputs is not None and self._inputs[0][1:] == key[1:]:
                    return self._inputs[1]
                raise
            self._inputs = (key, inputs.with_words(ignored))
        return self._inputs[1]

    def snapshot(self) -> Snapshot:
        self._edits.flush()
        return Snapshot(self._revision, self.body.toPlainText(), self.inputs(),
                        self._spell_now())

    def _spell_now(self) -> bool:
        """Spell in this check? Not while the index is still being prepared: the check
        would wait for it, and attribution with it."""
        if not self.spelling:
            return False
        if spelling_prep.ready() or spelling_prep.failed():
            return True
        spelling_prep.start()
        if not self._preparing.isActive() and not self._closed:
            self._preparing.start()
        return False

    def _spelling_progress(self) -> None:
        if self._closed:
            self._preparing.stop()
            return
        if spelling_prep.ready() or spelling_prep.failed():
            self._preparing.stop()
            if self.article_id is not None and self.spelling:
                self.inputs_changed()  # now with spelling
            return
        if self.notice and self.notice != spelling_prep.message():
            self._set_notice(spelling_prep.message())

    def _set_notice(self, text: str) -> None:
        if text != self.notice:
            self.notice = text
            self.notice_changed.emit(text)

    def _dispatch(self, force: bool = False) -> None:
        if self._closed or self.article_id is None:
            return
        if first_paint.holding():  # start-up: the check (and its process) after the paint
            if not self._after_paint:
                self._after_paint = True
                first_paint.later(self._dispatch_after_paint)
            return
        if self._busy:
            self._pending = True
            return
        try:
            snap = self.snapshot()
        except DeskError:  # the library cannot be read now (offline): the next change checks
            return
        if not force and snap.key() == self._applied_key:
            return  # nothing changed since the marks on screen were computed
        self._busy = True
        self._snap = snap
        if self.separate_process:
            self._submit(snap)
            return
        if self._pool.activeThreadCount() == 0:
            self._jobs.clear()  # every earlier run() has returned
        job = _CheckJob(snap, self._bridge)
        self._jobs.append(job)
        self._pool.start(job)

    def _dispatch_after_paint(self) -> None:
        self._after_paint = False
        self._dispatch(force=True)

    def _submit(self, snap: Snapshot) -> None:
        """Hand the check to the check process; the answer comes back through the bridge,
        with the marks' index built off the GUI thread."""
        bridge, handover, closed = self._bridge, self._handover, lambda: self._closed

        def done(result, error: str, seconds: float) -> None:
            if closed():
                return
            if result:
                result = (*result, MarkIndex(snap.text, result[0]))
            with handover:  # never into a bridge whose checker has shut down
                if not closed():
                    bridge.done.emit(snap.revision, result, error, seconds)

        check_process.service().submit(snap.text, snap.inputs, snap.spelling, done,
                                       lambda: run_checks(snap))

    def _finished(self, revision: int, report, error, seconds: float) -> None:
        self._busy = False
        if self._closed:
            return
        self._edits.flush()  # keys held back by the dispatcher make the report stale
        if error:
            self.check_failed.emit(f"checks failed: {error}")
        elif revision == self._revision:
            self._apply(self._snap, report, seconds)
        if self._pending or revision != self._revision:
            self._pending = False
            if not self._timer.isActive():
                self._dispatch()

    def _apply(self, snap: Snapshot, result, seconds: float) -> None:
        report, self.raw_quotes = result[0], result[1]
        index = result[2] if len(result) > 2 else MarkIndex(snap.text, report)
        self.report, self.report_text = report, snap.text
        self._applied_key = snap.key()
        self.last_seconds = seconds
        self.checks_run += 1
        self.painter.show(index, snap.text)
        self._set_notice(spelling_prep.message() if self.spelling and not snap.spelling else "")
        self.report_ready.emit(report)
