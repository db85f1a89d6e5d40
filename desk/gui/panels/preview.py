"""Preview panel: the article as the export renders it (sanitized HTML), never loading anything.

Rendering a long article takes tens of milliseconds, so updates are debounced and skipped
while the panel is hidden (rendered when it is next shown).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from desk.model import Article

DEBOUNCE_MS = 400
_FIELDS = {f.name for f in dataclasses.fields(Article)}


def preview_css(palette) -> str:
    text = palette.color(palette.ColorRole.Text).name()
    mid = palette.color(palette.ColorRole.PlaceholderText).name()
    return (f"h1 {{ font-size: 150%; margin-bottom: 4px; }} .dek {{ font-size: 115%; color: {mid}; }}"
            f" .byline, .dateline {{ color: {mid}; margin: 0; }} body {{ color: {text}; }}"
            " blockquote { margin-left: 16px; }")


class _Browser(QTextBrowser):
    def loadResource(self, kind, url):  # noqa: N802 - Qt override: nothing is fetched
        return None


class PreviewPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Preview")
        self.browser = _Browser()
        self.browser.setAccessibleName("Article preview")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._link_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.browser)
        self._fields: dict | None = None
        self._dirty = False
        self.html = ""
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.render_now)

    def show_article(self, fields: dict | None) -> None:
        self._fields = dict(fields) if fields else None
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def render_now(self) -> None:
        self._timer.stop()
        self._dirty = False
        if not self._fields:
            self.html = ""
            self.browser.setHtml("<p><i>No article open.</i></p>")
            return
        values = {k: v for k, v in self._fields.items() if k in _FIELDS}
        if isinstance(values.get("tags"), str):
            values["tags"] = [t.strip() for t in values["tags"].split(",") if t.strip()]
        from desk.export.render import article_html  # Markdown's import: when first shown

        self.html = article_html(Article(**values))
        bar = self.browser.verticalScrollBar()
        keep = bar.value()
        self.browser.document().setDefaultStyleSheet(preview_css(self.palette()))
        self.browser.setHtml(self.html)
        bar.setValue(keep)

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            self.render_now()

    def _link_clicked(self, url: QUrl) -> None:
        self.browser.setToolTip(url.toString())  # links are shown, not followed
