"""PDF through Qt (QTextDocument laid out page by page onto a QPdfWriter).

Qt is imported only inside the functions here: the core must import without Qt, and only
a PDF export pays for loading it. Fonts are DejaVu (fonts-dejavu-core), embedded by Qt's
PDF engine, with ligatures turned off so that the text extracts as it was written (a
search for "office" finds "office", not "o" + the "ffi" ligature + "ce"). The XMP metadata
(title, author, description, keywords, language) is desk's; pdf_meta.py adds Subject (the
dek), Keywords (the tags) and the document's language to what Qt writes. Every way this
can fail becomes a DeskError; an empty or truncated PDF is never handed back as a success."""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone

from desk.export.base import PAGE_SIZES, ExportData
from desk.export.pdf_meta import add_document_info, xmp_packet
from desk.export.render import header_html, markdown_html
from desk.model import DeskError

SERIF = "DejaVu Serif"
SANS = "DejaVu Sans"
MARGIN_MM = 20
POINT_SIZE = 11
# OpenType features that join letters into one glyph (fi, fl, ffi...): a PDF reader then
# extracts the ligature character, and a search for the word fails.
NO_LIGATURES = ("liga", "clig", "dlig", "hlig")
_BACK_LINK = re.compile(r'\s*<a class="footnote-backref"[^>]*>.*?</a>', re.S)  # no use on paper

# QTextDocument understands a subset of CSS; its margins take pixels only, so lengths are
# written as {N} points and turned into device pixels for the PDF's resolution.
PDF_CSS = """
body { font-family: 'DejaVu Serif'; }
h1 { font-size: 22pt; font-weight: bold; margin-bottom: {6}; }
h2 { font-size: 15pt; font-weight: bold; margin-top: {14}; margin-bottom: {6}; }
h3 { font-size: 13pt; font-weight: bold; margin-top: {12}; margin-bottom: {5}; }
p { margin-top: 0; margin-bottom: {4}; }
p.dek { font-size: 13pt; color: #444444; margin-bottom: {8}; }
p.byline { font-family: 'DejaVu Sans'; font-size: 9pt; font-weight: bold; color: #333333; margin-bottom: {1}; }
p.dateline { font-family: 'DejaVu Sans'; font-size: 9pt; color: #555555; margin-bottom: {8}; }
blockquote { margin-left: {20}; margin-right: {10}; color: #333333; }
ul, ol { margin-bottom: {7}; }
pre { margin-bottom: {7}; }
pre, code { font-family: 'DejaVu Sans Mono'; font-size: 9pt; }
a { color: #0645ad; }
th, td { padding: {3}; }
"""


def _css(resolution: int) -> str:
    return re.sub(r"\{(\d+)\}", lambda m: f"{round(int(m.group(1)) * resolution / 72)}px",
                  PDF_CSS)


_app = None  # the QGuiApplication this module had to create, kept alive


def _ensure_gui_app():
    """Qt's fonts and text layout need a QGuiApplication; a CLI export has none yet. A full
    QApplication is made (not just QGuiApplication) so that a window or widget created
    later in the same process still works: Qt allows only one application object."""
    global _app
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    app = QCoreApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        try:
            from PySide6.QtWidgets import QApplication
        except ImportError:  # pragma: no cover - QtWidgets ships with PySide6-Essentials
            QApplication = QGuiApplication
        _app = app = QApplication(["desk"])
    elif not isinstance(app, QGuiApplication):
        raise DeskError("PDF export needs the graphical Qt libraries, but a text-only "
                        "Qt application is running")
    return app


def render(data: ExportData) -> bytes:
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
        from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
    except ImportError as exc:  # pragma: no cover - PySide6 is a hard dependency
        raise DeskError(f"PDF export needs Qt (PySide6), which could not be loaded: {exc}") from exc
    if data.page_size not in PAGE_SIZES:
        raise DeskError(f"unknown page size {data.page_size!r}; choose a4 or letter")
    _ensure_gui_app()

    a = data.article
    buffer_bytes = QByteArray()
    buffer = QBuffer(buffer_bytes)
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise DeskError("PDF export: could not open a memory buffer")
    writer = QPdfWriter(buffer)
    writer.setTitle(a.headline)
    writer.setCreator("desk")
    if hasattr(writer, "setAuthor"):
        writer.setAuthor(a.byline)
    from PySide6.QtCore import qVersion

    writer.setDocumentXmpMetadata(QByteArray(xmp_packet(
        title=a.headline, author=a.byline, subject=a.dek, keywords=list(a.tags),
        language=a.language or "en-US", producer=f"Qt {qVersion()}",
        when=datetime.now(timezone.utc).isoformat(timespec="seconds"))))
    size = QPageSize(QPageSize.PageSizeId.A4 if data.page_size == "a4"
                     else QPageSize.PageSizeId.Letter)
    layout = QPageLayout(size, QPageLayout.Orientation.Portrait,
                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                         QPageLayout.Unit.Millimeter)
    if not writer.setPageLayout(layout):
        raise DeskError("PDF export: Qt refused the page layout")
    writer.setResolution(300)

    doc = QTextDocument()
    doc.setDocumentMargin(0)
    font = QFont(SERIF)
    font.setPointSizeF(POINT_SIZE)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(_css(writer.resolution()))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, a.headline)
    body = markdown_html(a.body).replace(
        "<table>", '<table border="1" cellspacing="0" cellpadding="4">')  # QTextDocument ignores CSS borders
    body = _BACK_LINK.sub("", body)
    doc.setHtml(f"<html><body>{header_html(a)}{body}</body></html>")
    _no_ligatures(doc)

    # Lay the text out for the PDF's own resolution (not the screen's), so 11 pt is 11 pt.
    doc.documentLayout().setPaintDevice(writer)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = float(page.width()), float(page.height())
    footer = writer.resolution() * 0.25  # a quarter inch for the page number
    body_height = height - footer
    doc.setPageSize(QSizeF(width, body_height))
    pages = max(1, doc.pageCount())

    painter = QPainter()
    if not painter.begin(writer):
        raise DeskError("PDF export: Qt could not start writing the PDF")
    try:
        foot_font = QFont(SANS)
        foot_font.setPointSizeF(8)
        for index in range(pages):
            if index and not writer.newPage():
                raise DeskError("PDF export: Qt could not add a page")
            painter.save()
            painter.translate(0, -index * body_height)
            doc.drawContents(painter, QRectF(0, index * body_height, width, body_height))
            painter.restore()
            painter.setFont(QFont(foot_font, writer))
            painter.drawText(QRectF(0, body_height, width, footer),
                             int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter),
                             f"{index + 1} / {pages}")
    finally:
        ok = painter.end()
        buffer.close()
    data_out = bytes(buffer_bytes.data())
    if not ok or not data_out.startswith(b"%PDF-") or b"%%EOF" not in data_out[-1024:]:
        raise DeskError("PDF export: Qt did not produce a complete PDF")
    return add_document_info(data_out, subject=a.dek, keywords=", ".join(a.tags),
                             language=a.language or "en-US")


def _no_ligatures(doc) -> None:
    """Every character of the laid-out document drawn letter by letter: the features are
    merged into the whole text's format, since the fonts the HTML's styles ask for do not
    inherit them from the document's default font."""
    from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor

    features = {QFont.Tag(name): 0 for name in NO_LIGATURES}
    fmt = QTextCharFormat()
    fmt.setFontFeatures(features)
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeCharFormat(fmt)
