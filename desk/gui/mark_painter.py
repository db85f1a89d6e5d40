"""Draws a report's marks near the viewport as ExtraSelections, so applying a check costs
what the screen shows, not what the article holds.

Qt copies and compares the whole ExtraSelection list on every ``setExtraSelections``, and a
selection is a QTextCursor the document moves on every edit: 3,300 of them at 30,000 words
made each check's result cost 200-600 ms on the GUI thread. Here the marks are data
(desk.gui.mark_index) and only those overlapping the visible blocks, then a screen's height
above and below (in a later idle slice), become ExtraSelections. A new report reuses every
drawn selection that is still right (same place, same look), so Qt repaints only what
changed. Scrolling out of the drawn window draws the marks that come into it first.

Until the next check, drawn marks follow the edits (their cursors move with the text).
Marks drawn later, after a scroll, are placed through the unchanged ends of the text (the
common prefix and suffix of the checked and the current text); a mark inside the edited
stretch waits for the check that follows the edit (300 ms later).

Each drawn mark keeps the QTextCursor its selection was given next to it, and its place is
read there, never through the selection's ``cursor`` field: reading a field of a
value-type ExtraSelection makes a Python wrapper of that field, kept by the selection, over
the selection's own memory. The collector clearing such a wrapper before its selection
(PySide 6.11 hands the wrapper ownership back then) frees that memory twice: the bundled
``desk screenshot`` aborted at exit in 5 runs of 60 ("free(): invalid pointer", "corrupted
size vs. prev_size"), the collector's last pass clearing the window's marks. The two
cursors share their data, which the document moves on every edit, so either tells where
the mark is now.

What comes into view is looked at on a scroll (the scroll bar's value), a resize or zoom,
and after edits once they have moved DRIFT_CHARS characters in all: the drawn window reaches
at least 2,000 characters past the screen, so a key press costs no call of its own here
(Qt's ``updateRequest``, emitted twice per key, did).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from desk.gui.check_marks import style_format
from desk.gui.edit_dispatch import for_body
from desk.gui.mark_index import MarkIndex, MarkSpec, OffsetMap, common_ends

LAYER = "checks"
MARGIN_CHARS = 2000  # drawn past the screen on each side, at least
DRIFT_CHARS = 500  # edits this long in all: look whether the screen left the drawn window

Shown = tuple[QTextEdit.ExtraSelection, QTextCursor]  # a selection and the cursor it was given
Drawn = tuple[MarkSpec, QTextEdit.ExtraSelection, QTextCursor]  # a drawn mark


class MarkPainter(QObject):
    def __init__(self, body_edit, parent=None):
        super().__init__(parent if parent is not None else body_edit)
        self.body = body_edit
        self.index: MarkIndex | None = None
        self.text = ""  # the text the index was computed on
        self.drawn: list[Drawn] = []  # in paint order
        self._window: tuple[QTextCursor, QTextCursor] | None = None  # what is drawn, moving with edits
        self._formats: dict[tuple, QTextCharFormat] = {}
        self._palette_key = None
        self._mapping = None  # (document revision, prefix, suffix, length delta) in Qt units
        self._spare: tuple | None = None  # (revision, {(start, end, style): (selection, cursor)}) reusable
        self._widen = QTimer(self)
        self._widen.setSingleShot(True)
        self._widen.setInterval(0)
        self._widen.timeout.connect(self._draw_margin)
        self._doc = body_edit.document()
        self._count = 0  # the document's length when the edits were last looked at
        self._drift = 0  # characters added or removed since
        body_edit.verticalScrollBar().valueChanged.connect(self._scrolled)
        for name in ("viewport_resized", "zoom_changed"):  # BodyEdit's; a plain edit has none
            signal = getattr(body_edit, name, None)
            if signal is not None:
                signal.connect(self._scrolled)
        for_body(body_edit).on_edit(self._edited)

    # -- public ----------------------------------------------------------------------
    def show(self, index: MarkIndex | None, text: str) -> None:
        """Draw a new report's marks (``text``: what it was computed on, the text on screen)."""
        self.index, self.text, self._mapping = index, text, None
        self._widen.stop()
        if index is None:
            self.drawn, self._window = [], None
            self.body.set_marks(LAYER, [])
            return
        visible = self.visible_range()
        self._draw(visible, reuse=True)
        self._widen.start()

    def clear(self) -> None:
        self.show(None, "")

    def selections(self) -> list[tuple[QTextEdit.ExtraSelection, object]]:
        """(ExtraSelection, owner) of every drawn mark (read no field of them: see above)."""
        return [(sel, spec.owner) for spec, sel, _cur in self.drawn]

    def cursors(self) -> list[tuple[QTextCursor, object]]:
        """(where it is now, owner) of every drawn mark: copies of their cursors."""
        return [(QTextCursor(cur), spec.owner) for spec, _sel, cur in self.drawn]

    def cursor_for(self, spec: MarkSpec) -> QTextCursor | None:
        """Where ``spec`` is now: its drawn cursor, or one placed through the unchanged
        ends of the text (None: it is in the edited stretch)."""
        for s, _sel, cur in self.drawn:
            if s is spec:
                return QTextCursor(cur)
        where = self._current(spec)
        return self._cursor(*where) if where else None

    def visible_range(self) -> tuple[int, int]:
        """Document positions of the blocks on screen."""
        body = self.body
        first = body.firstVisibleBlock()
        vp = body.viewport()
        last = body.cursorForPosition(QPoint(max(0, vp.width() - 1), max(0, vp.height() - 1))).block()
        end = body.document().characterCount() - 1
        a = first.position() if first.isValid() else 0
        b = min(end, last.position() + last.length()) if last.isValid() else a
        return a, max(a, b)

    # -- drawing -----------------------------------------------------------------------
    def _edited(self) -> None:
        if self._window is None:
            return
        count = self._doc.characterCount()
        self._drift += abs(count - self._count)
        self._count = count
        if self._drift > DRIFT_CHARS:  # a long paste, cut or undo: text may have come into view
            self._viewport_moved(slack=DRIFT_CHARS)

    def _scrolled(self, *_) -> None:
        self._viewport_moved()

    def _viewport_moved(self, slack: int = 0) -> None:
        """Draw what is on screen when it is not drawn (or, with ``slack``, nearly not)."""
        self._drift, self._count = 0, self._doc.characterCount()
        if self.index is None or self._window is None:
            return
        a, b = self.visible_range()
        wa, wb = (c.position() for c in self._window)
        end = self._doc.characterCount() - 1
        if max(0, a - slack) < wa or min(end, b + slack) > wb:
            # scrolled past what is drawn: the screen first, the rest later
            self._draw((a, b), reuse=False)
            self._widen.start()

    def _draw_margin(self) -> None:
        if self.index is None:
            return
        a, b = self.visible_range()
        span = max(b - a, MARGIN_CHARS)
        end = self.body.document().characterCount() - 1
        self._draw((max(0, a - span), min(end, b + span)), reuse=False)

    def _draw(self, window: tuple[int, int], *, reuse: bool) -> None:
        """Draw the marks overlapping ``window`` (current positions). ``reuse``: a new
        report, whose marks take over drawn selections of the same place and look."""
        assert self.index is not None
        a, b = window
        keep: dict[tuple, Shown] = {}
        carried: list[Drawn] = []
        for spec, sel, cur in self.drawn:
            s, e = cur.selectionStart(), cur.selectionEnd()
            if reuse:  # any of them may serve, here or in the margin
                keep.setdefault((s, e, spec.style), (sel, cur))
            elif e > a and s < b:
                carried.append((spec, sel, cur))
        out: list[Drawn] = []
        rev = self.body.document().revision()
        if reuse:  # the text is the checked one: positions are the index's
            for spec in self.index.overlapping(a, b):
                shown = keep.pop((spec.start, spec.end, spec.style), None)
                out.append((spec, *(shown or self._selection(spec.start, spec.end, spec))))
            self._spare = (rev, keep)  # for the margin, drawn in the next slice
        else:
            spare = self._spare[1] if self._spare and self._spare[0] == rev else {}
            have = {id(spec) for spec, _sel, _cur in carried}
            out = carried
            for spec in self._overlapping_now(a, b):
                if id(spec) not in have:
                    where = self._current(spec)
                    assert where is not None
                    shown = spare.pop((*where, spec.style), None)
                    out.append((spec, *(shown or self._selection(*where, spec))))
            out.sort(key=lambda pair: pair[0].paint_key)
        self.drawn = out
        self._window = (self._cursor(a, a), self._cursor(b, b))
        self._drift, self._count = 0, self._doc.characterCount()
        self.body.set_marks(LAYER, [sel for _spec, sel, _cur in out])

    def _selection(self, a: int, b: int, spec: MarkSpec) -> Shown:
        """A new selection and the cursor it was given (which shares its data)."""
        sel = QTextEdit.ExtraSelection()
        cur = self._cursor(a, b)
        sel.cursor = cur
        sel.format = self._format(spec)
        return sel, cur

    def _cursor(self, a: int, b: int) -> QTextCursor:
        cur = QTextCursor(self.body.document())
        cur.setPosition(a)
        cur.setPosition(b, QTextCursor.KeepAnchor)
        return cur

    def _format(self, spec: MarkSpec) -> QTextCharFormat:
        palette = self.body.palette()
        key = (palette.cacheKey(), palette.color(QPalette.Base).rgba())
        if key != self._palette_key:
            self._formats, self._palette_key = {}, key
        fmt = self._formats.get(spec.style)
        if fmt is None:
            fmt = self._formats[spec.style] = style_format(palette, spec.style, spec.owner)
        return fmt

    # -- positions after edits -----------------------------------------------------------
    def _ends(self) -> tuple[int, int, int]:
        """(prefix, suffix, delta) in Qt units: the checked text's untouched start and end,
        and how much longer the current text is."""
        doc = self.body.document()
        rev = doc.revision()
        if self._mapping is None or self._mapping[0] != rev:
            now = self.body.toPlainText()
            if now == self.text:
                self._mapping = (rev, self.index.length if self.index else 0, 0, 0)
            else:
                p, s = common_ends(self.text, now)
                old_map, new_map = OffsetMap(self.text), OffsetMap(now)
                old_len, new_len = old_map.to_qt(len(self.text)), new_map.to_qt(len(now))
                qp = old_map.to_qt(p)
                qs = old_len - old_map.to_qt(len(self.text) - s)
                self._mapping = (rev, qp, qs, new_len - old_len)
        _, p, s, delta = self._mapping
        return p, s, delta

    def _current(self, spec: MarkSpec) -> tuple[int, int] | None:
        """Where a mark of the checked text is now, if no edit came near it."""
        p, s, delta = self._ends()
        length = self.index.length if self.index else 0
        if spec.end < p or (p == length and delta == 0):
            return spec.start, spec.end
        if spec.start > length - s:
            return spec.start + delta, spec.end + delta
        return None

    def _overlapping_now(self, a: int, b: int) -> list[MarkSpec]:
        """Index marks that overlap current positions [a, b) where they are now known."""
        assert self.index is not None
        _, _, delta = self._ends()
        found = {id(s): s for s in self.index.overlapping(a, b)}
        if delta:
            found.update((id(s), s) for s in self.index.overlapping(a - delta, b - delta))
        out = []
        for spec in found.values():
            where = self._current(spec)
            if where is not None and where[1] > a and where[0] < b:
                out.append(spec)
        return out


__all__ = ["LAYER", "MarkPainter"]
