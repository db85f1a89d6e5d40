"""How the library list draws an article: two lines, the headline, then its facts."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from desk.gui.article_model import SUMMARY_ROLE, friendly_time, status_label
from desk.gui.highlighter import blend
from desk.gui.status_bar import counted


class ArticleDelegate(QStyledItemDelegate):
    """Two lines per article: the headline, then status · section · words · last change."""

    def sizeHint(self, option, index):  # noqa: N802 (Qt override)
        fm = option.fontMetrics
        return QSize(200, fm.lineSpacing() * 2 + 14)

    def paint(self, painter, option, index):
        a = index.data(SUMMARY_ROLE)
        if a is None:
            return super().paint(painter, option, index)
        painter.save()
        style = option.widget.style() if option.widget else None
        opt = option
        self.initStyleOption(opt, index)
        opt.text = ""
        if style:
            style.drawControl(QStyle.CE_ItemViewItem, opt, painter, option.widget)
        selected = bool(option.state & QStyle.State_Selected)
        pal = option.palette
        fg = pal.color(QPalette.HighlightedText if selected else QPalette.Text)
        muted = blend(fg, pal.color(QPalette.Highlight if selected else QPalette.Base), 0.4)
        r = option.rect.adjusted(10, 6, -10, -6)
        fm = option.fontMetrics
        bold = QFont(option.font)
        bold.setWeight(QFont.DemiBold)
        painter.setFont(bold)
        painter.setPen(fg)
        headline = a.headline or "(untitled)"
        painter.drawText(QRect(r.left(), r.top(), r.width(), fm.lineSpacing()),
                         Qt.AlignLeft | Qt.AlignVCenter,
                         QFontMetrics(bold).elidedText(headline, Qt.ElideRight, r.width()))
        painter.setFont(option.font)
        painter.setPen(muted)
        bits = [status_label(a.status)]
        if a.section:
            bits.append(a.section)
        bits.append(counted(a.words, "word"))
        meta = " · ".join(bits)
        when = friendly_time(a.updated_at)
        line2 = QRect(r.left(), r.top() + fm.lineSpacing() + 2, r.width(), fm.lineSpacing())
        painter.drawText(line2, Qt.AlignRight | Qt.AlignVCenter, when)
        room = r.width() - fm.horizontalAdvance(when) - 12
        painter.drawText(QRect(line2.left(), line2.top(), room, line2.height()),
                         Qt.AlignLeft | Qt.AlignVCenter, fm.elidedText(meta, Qt.ElideRight, room))
        painter.restore()
