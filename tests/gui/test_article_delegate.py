"""The library list's rows: two lines, the headline, then status · section · words · time."""

from PySide6.QtCore import QModelIndex, QRect
from PySide6.QtGui import QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from desk.gui.article_delegate import ArticleDelegate
from desk.gui.article_model import SUMMARY_ROLE, friendly_time
from desk.storage.articles import ArticleSummary


class RecordingPainter(QPainter):
    """A painter on an image that keeps the texts it was asked to draw."""

    def __init__(self, image):
        super().__init__(image)
        self.texts: list[str] = []

    def drawText(self, *args):  # noqa: N802 (Qt override)
        self.texts.append(args[-1])
        return super().drawText(*args)


def _painted(qtbot, summary: ArticleSummary, width: int = 400) -> list[str]:
    model = QStandardItemModel()
    item = QStandardItem()
    item.setData(summary, SUMMARY_ROLE)
    model.appendRow(item)
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = ArticleDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    index = model.index(0, 0)
    height = delegate.sizeHint(option, index).height()
    option.rect = QRect(0, 0, width, height)
    image = QImage(width, height, QImage.Format_ARGB32)
    painter = RecordingPainter(image)
    try:
        delegate.paint(painter, option, index)
    finally:
        painter.end()
    return painter.texts


def _summary(**kw) -> ArticleSummary:
    fields = dict(id=1, headline="Council backs the bridge", status="draft", section="City",
                  words=412, updated_at="2026-12-07T09:30:00+00:00")
    fields.update(kw)
    return ArticleSummary(**fields)


def test_a_row_is_two_lines_tall(qtbot):
    view = QListView()
    qtbot.addWidget(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    height = ArticleDelegate(view).sizeHint(option, QModelIndex()).height()
    assert height == option.fontMetrics.lineSpacing() * 2 + 14


def test_the_row_shows_headline_status_section_words_and_time(qtbot):
    summary = _summary()
    headline, when, meta = _painted(qtbot, summary)
    assert headline == "Council backs the bridge"
    assert when == friendly_time(summary.updated_at)
    assert meta.split(" · ") == ["Draft", "City", "412 words"]


def test_an_untitled_article_says_so_and_no_section_leaves_no_gap(qtbot):
    headline, _when, meta = _painted(qtbot, _summary(headline="", section=""))
    assert headline == "(untitled)"
    assert meta.split(" · ") == ["Draft", "412 words"]


def test_a_long_headline_is_elided_to_the_row(qtbot):
    long = "A headline " * 40
    headline, _when, _meta = _painted(qtbot, _summary(headline=long), width=200)
    assert headline.endswith("…") and len(headline) < len(long)


def test_a_row_laid_out_before_is_drawn_anew_when_its_article_changes(qtbot):
    model = QStandardItemModel()
    item = QStandardItem()
    model.appendRow(item)
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = ArticleDelegate(view)

    def painted(summary, width=400):
        item.setData(summary, SUMMARY_ROLE)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.widget = view
        option.rect = QRect(0, 0, width, 60)
        image = QImage(width, 60, QImage.Format_ARGB32)
        painter = RecordingPainter(image)
        try:
            delegate.paint(painter, option, model.index(0, 0))
        finally:
            painter.end()
        return painter.texts

    first = painted(_summary())
    assert painted(_summary()) == first  # laid out once, drawn the same
    assert painted(_summary(headline="Bridge reopens"))[0] == "Bridge reopens"
    assert painted(_summary(words=1))[2].endswith("1 word")
    assert painted(_summary(), width=150)[0].endswith("…")
