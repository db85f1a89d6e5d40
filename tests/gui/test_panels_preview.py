"""Preview panel: the article as sanitized HTML, rendered when shown."""

from desk.gui.panels.preview import PreviewPanel

FIELDS = {"headline": "Library to close", "dek": "Sundays cut", "byline": "Ann Lee",
          "body": "Residents **object**.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))",
          "tags": "council, library", "status": "draft", "section": "Local"}


def test_preview_shows_the_article_without_scripts(qtbot):
    p = PreviewPanel()
    qtbot.addWidget(p)
    p.show()
    p.show_article(FIELDS)
    p.render_now()
    assert "<strong>object</strong>" in p.html and "<h1>Library to close</h1>" in p.html
    assert "<script" not in p.html and "javascript:" not in p.html
    assert "Residents" in p.browser.toPlainText()


def test_hidden_preview_renders_when_shown(qtbot):
    p = PreviewPanel()
    qtbot.addWidget(p)
    p.show_article(FIELDS)
    assert p.html == ""
    p.show()
    assert "Library to close" in p.browser.toPlainText()
