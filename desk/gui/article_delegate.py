"""How the library list draws an article: two lines, the headline, then its facts.

A row is painted on every change of the list (each answer of a search as someone types),
so its texts are laid out once per article, width and day (``_Texts``): eliding and the
friendly time cost more than drawing them, and the style's item option is not filled from
the model (eight calls of ``data`` for a text the row does not draw)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from desk.gui.article_model import SUMMARY_ROLE, friendly_time, status_label
from desk.gui.highlighter import blend
from desk.gui.status_bar import counted

KEPT_ROWS = 2000  # laid-out rows kept (a few pages of the list)


class _Texts:
    """A row's texts, elided to its width: (headline, time, facts, the facts' room)."""

    def __init__(self):
        self._rows: dict[tuple, tuple[str, str, str, int]] = {}
        self._fonts: dict[str, tuple[QFont, QFontMetrics, QFontMetrics]] = {}

    def fonts(self, font: QFont) -> tuple[QFont, QFontMetrics, QFontMetrics]:
        """(the headline's bold font, its metrics, the plain font's metrics)."""
        key = font.key()
        if key not in self._fonts:
            bold = QFont(font)
            bold.setWeight(QFont.DemiBold)
            self._fonts[key] = (bold, QFontMetrics(bold), QFontMetrics(font))
        return self._fonts[key]

    def of(self, a, width: int, font: QFont) -> tuple[str, str, str, int]:
        key = (a.id, a.headline, a.status, a.section, a.words, a.updated_at, width,
               font.key(), date.today())
        texts = self._rows.get(key)
        if texts is None:
            if len(self._rows) >= KEPT_ROWS:
                self._rows.clear()
            _bold, bold_fm, fm = self.fonts(font)
            bits = [status_label(a.status)]
            if a.section:
                bits.append(a.section)
            bits.append(counted(a.words, "word"))
            when = friendly_time(a.updated_at)
            room = width - fm.horizontalAdvance(when) - 12
            texts = (bold_fm.elidedText(a.headline or "(untitled)", Qt.ElideRight, width),
                     when, fm.elidedText(" · ".join(bits), Qt.ElideRight, room), room)
            self._rows[key] = texts
        return texts


class ArticleDelegate(QStyledItemDelegate):
    """Two lines per article: the headline, then status · section · words · last change."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._texts = _Texts()

    def sizeHint(self, option, index):  # noqa: N802 (Qt override)
        fm = option.fontMetrics
        return QSize(200, fm.lineSpacing() * 2 + 14)

    def paint(self, painter, option, index):
        a = index.data(SUMMARY_ROLE)
        if a is None:
            return super().paint(painter, option, index)
        painter.save()
        style = option.widget.style() if option.widget else None
        if style:  # the row's panel (selection, hover, focus); the texts are drawn below
            style.drawControl(QStyle.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.State_Selected)
        pal = option.palette
        fg = pal.color(QPalette.HighlightedText if selected else QPalette.Text)
        muted = blend(fg, pal.color(QPalette.Highlight if selected else QPalette.Base), 0.4)
        r = option.rect.adjusted(10, 6, -10, -6)
        line = option.fontMetrics.lineSpacing()
        headline, when, meta, room = self._texts.of(a, r.width(), option.font)
        painter.setFont(self._texts.fonts(option.font)[0])
        painter.setPen(fg)
        painter.drawText(QRect(r.left(), r.top(), r.width(), line),
                         Qt.AlignLeft | Qt.AlignVCenter, headline)
        painter.setFont(option.font)
        painter.setPen(muted)
        line2 = QRect(r.left(), r.top() + line + 2, r.width(), line)
        painter.drawText(line2, Qt.AlignRight | Qt.AlignVCenter, when)
        painter.drawText(QRect(line2.left(), line2.top(), room, line2.height()),
                         Qt.AlignLeft | Qt.AlignVCenter, meta)
        painter.restore()
