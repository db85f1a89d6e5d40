"""Draw a check report onto the editor as ExtraSelections, and explain marks on hover.

The checks only return records; this module turns them into squiggles, quotation tints and
speaker underlines. Colours come from the palette so marks stay subtle in light and dark themes.
ExtraSelections hold QTextCursors, which move with edits, so marks stay on their words while
the user types and the next check is pending.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QToolTip

from desk.gui.mark_index import MarkIndex, OffsetMap, quote_state

#: quotation states, in the order the editor explains them
QUOTE_STATES = ("registered", "unregistered", "unattributed", "unclosed")
_QUOTE_HUES = {"registered": QColor(40, 160, 90), "unregistered": QColor(220, 160, 20),
               "unattributed": QColor(220, 80, 60), "unclosed": QColor(200, 30, 30)}
_QUOTE_ALPHA = {"registered": 0.10, "unregistered": 0.16, "unattributed": 0.16, "unclosed": 0.24}
QUIET_KINDS = ("unknown-name",)


def _tint(palette: QPalette, hue: QColor, alpha: float) -> QColor:
    """Blend a hue into the editor background, so the tint is faint on light and dark bases."""
    base = palette.color(QPalette.Base)
    return QColor(round(base.red() + (hue.red() - base.red()) * alpha),
                  round(base.green() + (hue.green() - base.green()) * alpha),
                  round(base.blue() + (hue.blue() - base.blue()) * alpha))


def quote_tint(palette: QPalette, state: str) -> QColor:
    return _tint(palette, _QUOTE_HUES[state], _QUOTE_ALPHA[state])


def error_colour(palette: QPalette) -> QColor:
    dark = palette.color(QPalette.Base).lightness() < 128
    return QColor(255, 90, 90) if dark else QColor(210, 0, 0)


def quiet_colour(palette: QPalette) -> QColor:
    return palette.color(QPalette.PlaceholderText)


def problem_format(palette: QPalette, problem) -> QTextCharFormat | None:
    """Underline for one problem; None for kinds the quotation tint already shows."""
    if problem.kind in ("unattributed-quote", "unclosed-quote"):
        return None
    fmt = QTextCharFormat()
    if problem.kind == "misspelling":
        fmt.setUnderlineStyle(QTextCharFormat.SpellCheckUnderline)
        fmt.setUnderlineColor(error_colour(palette))
    elif problem.kind in QUIET_KINDS or problem.severity != "error":
        fmt.setUnderlineStyle(QTextCharFormat.DotLine if problem.severity == "info"
                              else QTextCharFormat.DashUnderline)
        fmt.setUnderlineColor(quiet_colour(palette))
    else:
        fmt.setUnderlineStyle(QTextCharFormat.WaveUnderline)
        fmt.setUnderlineColor(error_colour(palette))
    return fmt


def style_format(palette: QPalette, style: tuple, owner=None) -> QTextCharFormat:
    """The look of one mark style (desk.gui.mark_index.MarkSpec.style)."""
    fmt = QTextCharFormat()
    if style[0] == "tint":
        fmt.setBackground(quote_tint(palette, style[1]))
    elif style[0] == "speaker":
        fmt.setUnderlineStyle(QTextCharFormat.SingleUnderline)
        fmt.setUnderlineColor(palette.color(QPalette.Text))
    else:
        fmt = problem_format(palette, owner) or fmt
    return fmt


def build_selections(document, text: str, report, palette: QPalette,
                     owners: list | None = None) -> list[QTextEdit.ExtraSelection]:
    """All marks for one report, in paint order: tints first, then underlines over them
    (the live checker draws only those near the viewport: desk.gui.mark_painter).

    ``owners``, when given, receives the QuoteSpan or Problem behind each selection."""
    limit = document.characterCount() - 1
    out: list[QTextEdit.ExtraSelection] = []
    for spec in MarkIndex(text, report).specs:
        a, b = min(spec.start, limit), min(spec.end, limit)
        if b <= a:
            continue
        sel = QTextEdit.ExtraSelection()
        cur = QTextCursor(document)
        cur.setPosition(a)
        cur.setPosition(b, QTextCursor.KeepAnchor)
        sel.cursor = cur
        sel.format = style_format(palette, spec.style, spec.owner)
        out.append(sel)
        if owners is not None:
            owners.append(spec.owner)
    return out


_STATE_TEXT = {"registered": "speaker is a registered source",
               "unregistered": "speaker found but not in the sources",
               "unattributed": "no speaker found", "unclosed": "quotation is not closed"}


def describe_at(report, pos: int) -> str:
    """Rich-text tooltip for whatever the checks found at str offset ``pos`` ("" if nothing)."""
    if report is None:
        return ""
    import html  # with the first tooltip, not at start-up

    lines = []
    for q in report.quotes:
        on_speaker = q.speaker_start is not None and q.speaker_start <= pos < (q.speaker_end or 0)
        if q.start <= pos < q.end or on_speaker:
            who = html.escape(q.speaker) if q.speaker else "<i>unknown speaker</i>"
            lines.append(f"<b>Quotation</b> — {who}: {_STATE_TEXT[quote_state(q)]}")
    for p in report.problems:
        if p.start <= pos < max(p.end, p.start + 1):
            extra = f" (try: {html.escape(', '.join(p.suggestions[:3]))})" if p.suggestions else ""
            lines.append(f"<b>{html.escape(p.severity)}</b>: {html.escape(p.message)}{extra}")
    return "<br>".join(lines)


class MarkTooltips(QObject):
    """Shows what a mark means when the mouse rests on it (ExtraSelections have no tooltips)."""

    def __init__(self, body_edit, report_source, parent=None):
        super().__init__(parent)
        self._edit = body_edit
        self._report_source = report_source  # callable -> (report, text) of the applied report
        body_edit.viewport().installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.ToolTip:
            report, text = self._report_source()
            cur = self._edit.cursorForPosition(event.pos())
            tip = describe_at(report, OffsetMap(text or "").to_py(cur.position())) if report else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self._edit.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return False


def legend_text() -> str:
    """What the marks mean, for a help tooltip or the status bar."""
    return ("Red wavy underline: misspelling. Grey dashes: unknown name or warning. "
            "Tinted quotations: green = registered source, amber = speaker not registered, "
            "red = no speaker, strong red = not closed. Speaker names are underlined.")


__all__ = ["OffsetMap", "QUOTE_STATES", "build_selections", "style_format", "describe_at", "quote_state",
           "quote_tint", "MarkTooltips", "legend_text"]
