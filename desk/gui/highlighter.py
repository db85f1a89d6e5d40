"""Markdown syntax colouring: headings, emphasis, links, block quotes. Nothing else:
spelling and quotation marks are drawn by the live checks as ExtraSelections."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QPalette, QSyntaxHighlighter, QTextCharFormat

from desk.gui.body_edit import py_to_qt

HEADING = re.compile(r"^(#{1,6})[ \t]+\S.*$")
QUOTE = re.compile(r"^[ \t]{0,3}>.*$")
STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
EMPHASIS = re.compile(r"(?<![*_\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*_\w])")
LINK = re.compile(r"(!?\[)([^\]\n]+)(\]\()([^)\s]+(?:\s+\"[^\"]*\")?)(\))")
AUTOLINK = re.compile(r"<https?://[^>\s]+>")


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """a moved towards b by t (0..1): tints that work on light and dark palettes alike."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document, palette: QPalette):
        super().__init__(document)
        self.set_palette(palette, rehighlight=False)

    def set_palette(self, palette: QPalette, rehighlight: bool = True) -> None:
        text = palette.color(QPalette.Text)
        base = palette.color(QPalette.Base)
        muted = blend(text, base, 0.45)
        link = palette.color(QPalette.Link)
        if abs(link.lightness() - base.lightness()) < 60:  # some dark themes keep a dark link
            link = palette.color(QPalette.Highlight)

        self.f_marker = QTextCharFormat()
        self.f_marker.setForeground(muted)
        self.f_heading = QTextCharFormat()
        self.f_heading.setFontWeight(QFont.Bold)
        self.f_heading.setForeground(text)
        self.f_quote = QTextCharFormat()
        self.f_quote.setFontItalic(True)
        self.f_quote.setForeground(blend(text, base, 0.25))
        self.f_strong = QTextCharFormat()
        self.f_strong.setFontWeight(QFont.Bold)
        self.f_em = QTextCharFormat()
        self.f_em.setFontItalic(True)
        self.f_link = QTextCharFormat()
        self.f_link.setForeground(link)
        self.f_link.setFontUnderline(True)
        self.f_url = QTextCharFormat()
        self.f_url.setForeground(muted)
        if rehighlight:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        if not text:
            return
        # QSyntaxHighlighter positions are UTF-16 units; only astral chars differ. (It runs
        # on every key press: the import is the module's, not the call's.)
        def fmt(start: int, end: int, f: QTextCharFormat) -> None:
            a, b = py_to_qt(text, start), py_to_qt(text, end)
            self.setFormat(a, b - a, f)

        m = HEADING.match(text)
        if m:
            fmt(0, len(text), self.f_heading)
            fmt(0, m.end(1), self.f_marker)
            return
        if QUOTE.match(text):
            fmt(0, len(text), self.f_quote)
            marker = text.index(">")
            fmt(marker, marker + 1, self.f_marker)
        if "*" in text or "_" in text:
            for m in STRONG.finditer(text):
                fmt(m.start(2), m.end(2), self.f_strong)
                fmt(m.start(1), m.end(1), self.f_marker)
                fmt(m.end(2), m.end(), self.f_marker)
            for m in EMPHASIS.finditer(text):
                fmt(m.start(2), m.end(2), self.f_em)
                fmt(m.start(1), m.end(1), self.f_marker)
                fmt(m.end(2), m.end(), self.f_marker)
        if "[" in text:
            for m in LINK.finditer(text):
                fmt(m.start(1), m.end(1), self.f_marker)
                fmt(m.start(2), m.end(2), self.f_link)
                fmt(m.start(3), m.end(5), self.f_url)
        if "<http" in text:
            for m in AUTOLINK.finditer(text):
                fmt(m.start(), m.end(), self.f_link)
