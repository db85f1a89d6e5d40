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


# -- a paste that starts an article brings its headline ---------------------------------------------
# What Chrome and Firefox put on the clipboard for a selection of a news page: the fragment's
# markup wrapped in html/body with StartFragment comments (and a charset meta).
BROWSER_CLIPBOARD = """<html><body>
<!--StartFragment--><meta charset="utf-8"><p class="kicker">Weather</p>
<h1 class="headline">Floodgates open as the river rises</h1>
<p class="standfirst">The river authority opened the Easthaven gates at dawn.</p>
<div class="share-tools">Share on Facebook</div>
<p>The river rose by <strong>two metres</strong> overnight, said Tomás Ruiz.</p>
<p>Residents were told to stay away from the banks.</p><!--EndFragment-->
</body></html>"""


def _paste(body, html=None, text=None):
    mime = QMimeData()
    if html is not None:
        mime.setHtml(html)
    if text is not None:
        mime.setText(text)
    body.setFocus()
    body.insertFromMimeData(mime)


def _new_article(window):
    window.new_article()
    assert window.editor.headline.text() == ""
    return window.editor.article_id


def test_pasted_page_fills_the_empty_headline_and_dek_and_autosave_stores_them(window):
    aid = _new_article(window)
    _paste(window.editor.body, BROWSER_CLIPBOARD, "Floodgates open as the river rises ...")
    editor = window.editor
    assert editor.headline.text() == "Floodgates open as the river rises"
    assert editor.dek.text() == "The river authority opened the Easthaven gates at dawn."
    body = editor.body.toPlainText()
    assert "# Floodgates" not in body and "Easthaven gates" not in body
    assert "The river rose by **two metres** overnight" in body and "Share on" not in body
    assert window.autosaver.save()
    stored = window.library.articles.get(aid)
    assert stored.headline == "Floodgates open as the river rises"
    assert stored.dek == "The river authority opened the Easthaven gates at dawn."
    assert stored.body == body


def test_the_headline_shows_in_the_library_list_not_untitled(window):
    aid = _new_article(window)
    _paste(window.editor.body, "<h1>Bridge reopens</h1><p>Traffic is back.</p>")
    assert window.autosaver.save()
    window.library_panel.reload()
    assert window.library.articles.get(aid).headline == "Bridge reopens"
    assert window.editor.body.toPlainText() == "Traffic is back."


def test_with_a_headline_already_the_paste_is_whole(window):
    window.new_article()
    window.editor.headline.setPlainText("Our own headline")
    _paste(window.editor.body, "<h1>Their headline</h1><p>Text.</p>")
    assert window.editor.headline.text() == "Our own headline"
    assert window.editor.body.toPlainText() == "# Their headline\n\nText."


def test_a_filled_dek_stays_and_the_pasted_dek_stays_in_the_body(window):
    window.new_article()
    window.editor.dek.setPlainText("Our dek")
    _paste(window.editor.body, "<h1>Big news</h1><h2>A sentence of a dek here.</h2><p>Body.</p>")
    assert window.editor.headline.text() == "Big news"
    assert window.editor.dek.text() == "Our dek"
    assert window.editor.body.toPlainText() == "## A sentence of a dek here.\n\nBody."


def test_without_an_h1_the_leading_heading_is_the_headline(window):
    window.new_article()
    _paste(window.editor.body, "<h2>Council votes</h2><h3>Budget</h3><p>It passed.</p>")
    assert window.editor.headline.text() == "Council votes"
    assert window.editor.body.toPlainText() == "### Budget\n\nIt passed."


def test_a_fragment_from_the_middle_keeps_its_subheading(window):
    window.new_article()
    _paste(window.editor.body, "<p>It passed.</p><h2>What next</h2><p>A vote in May.</p>")
    assert window.editor.headline.text() == ""
    assert window.editor.body.toPlainText() == "It passed.\n\n## What next\n\nA vote in May."


def test_a_full_page_without_headings_gives_its_title(window):
    window.new_article()
    _paste(window.editor.body, "<html><head><title>Ferry timetable changes | The Bugle</title>"
                               "</head><body><p>Ferries run hourly.</p></body></html>")
    assert window.editor.headline.text() == "Ferry timetable changes"
    assert window.editor.body.toPlainText() == "Ferries run hourly."


def test_pasted_markdown_with_a_heading_fills_the_headline(window):
    window.new_article()
    _paste(window.editor.body, text="# Weir held\n\nThe weir held overnight — “just”.\n")
    assert window.editor.headline.text() == "Weir held"
    assert window.editor.body.toPlainText() == "The weir held overnight — “just”.\n"


def test_plain_text_without_a_heading_is_pasted_as_is(window):
    window.new_article()
    _paste(window.editor.body, text="Just words.\n\nMore.")
    assert window.editor.headline.text() == ""
    assert window.editor.body.toPlainText() == "Just words.\n\nMore."


def test_paste_html_and_paste_text_split_without_qt():
    from desk.gui.paste import paste_html, paste_text

    page = paste_html("<h1>Big news</h1><p class='dek'>What it means.</p><p>Body.</p>")
    assert (page.headline, page.dek, page.body) == ("Big news", "What it means.", "Body.")
    assert page.markdown == "# Big news\n\nWhat it means.\n\nBody."
    assert page.text_to_insert(False, False) == page.markdown
    assert page.text_to_insert(True, False) == "What it means.\n\nBody."
    short = paste_html("<h1>Big news</h1><h2>Reaction</h2><p>Body.</p>")
    assert short.dek == "" and short.body == "## Reaction\n\nBody."  # a section, not a dek
    setext = paste_text("Weir held\n=========\nBody")
    assert (setext.headline, setext.body) == ("Weir held", "Body")


def test_a_pasted_comment_form_is_dropped_leaving_nothing_to_flag():
    """Pasted, the form's lines stayed in the draft and were flagged as errors at once."""
    from desk.checks.boilerplate import boilerplate_problems

    md = html_to_markdown("<p>Officials declined to comment further.</p>"
                          "<h3>Leave a Reply</h3><p>Your email address will not be published.</p>"
                          "<p>Required fields are marked *</p><p>Post Comment</p>")
    assert md == "Officials declined to comment further."
    assert boilerplate_problems(md) == []


def test_prose_that_starts_like_furniture_is_kept():
    md = html_to_markdown("<p>Leave a reply to the council by Friday, the notice said.</p>")
    assert md == "Leave a reply to the council by Friday, the notice said."
