"""Pasting rich text from a web page: Markdown, without the page's furniture."""

from PySide6.QtCore import QMimeData

from desk.gui.body_edit import BodyEdit
from desk.gui.paste import clean_markdown, html_to_markdown

PAGE = """
<html><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header class="site-header">The Daily Bugle</header>
<article>
<h1>Floodgates open</h1>
<p>The <strong>river</strong> rose, said <a href="https://example.org/t">Tomás</a>.</p>
<div class="share-buttons">Share on Facebook Share on Twitter</div>
<blockquote><p>We chose the car park.</p></blockquote>
<p>Advertisement</p>
<p><em>Next update</em> at noon.</p>
<ul><li>one</li><li>two</li></ul>
<img src="x.jpg" alt="A weir">
<aside>Most read: something else</aside>
<p>Sign up for our newsletter</p>
</article>
<footer>© 2026 The Daily Bugle. All rights reserved.</footer>
<script>alert(1)</script>
</body></html>
"""


def test_headings_emphasis_links_and_quotes_become_markdown():
    md = html_to_markdown(PAGE)
    assert "# Floodgates open" in md
    assert "**river**" in md
    assert "[Tomás](https://example.org/t)" in md
    assert "> We chose the car park." in md
    assert "*Next update*" in md
    assert "- one" in md


def test_page_furniture_is_dropped():
    md = html_to_markdown(PAGE)
    for junk in ("Home", "Share on", "Advertisement", "Most read", "newsletter", "©",
                 "alert", "Daily Bugle", "x.jpg"):
        assert junk not in md, junk


def test_no_runs_of_blank_lines():
    assert "\n\n\n" not in html_to_markdown(PAGE)


def test_clean_markdown_keeps_real_sentences_that_mention_sharing():
    text = "Residents said they would share the cost.\n\nShare this article"
    assert clean_markdown(text) == "Residents said they would share the cost."


def test_pasting_html_into_the_body_inserts_markdown(qtbot):
    body = BodyEdit()
    qtbot.addWidget(body)
    mime = QMimeData()
    mime.setHtml("<p>Hello <b>wörld</b></p><div class='social'>Tweet</div>")
    mime.setText("Hello wörld Tweet")
    body.insertFromMimeData(mime)
    assert body.toPlainText() == "Hello **wörld**"


def test_pasting_plain_text_stays_as_is(qtbot):
    body = BodyEdit()
    qtbot.addWidget(body)
    mime = QMimeData()
    mime.setText("*not* converted — “quoted”")
    body.insertFromMimeData(mime)
    assert body.toPlainText() == "*not* converted — “quoted”"


def test_dropping_files_on_the_body_asks_for_an_import(qtbot, tmp_path):
    from PySide6.QtCore import QUrl

    body = BodyEdit()
    qtbot.addWidget(body)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "a.md"))])
    with qtbot.waitSignal(body.files_dropped) as sig:
        body.insertFromMimeData(mime)
    assert sig.args == [[str(tmp_path / "a.md")]]
    assert body.toPlainText() == ""
