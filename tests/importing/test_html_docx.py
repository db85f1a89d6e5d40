import codecs
import zipfile

import docx
import pytest

from desk.export.base import ExportData
from desk.export.docx_out import render as render_docx
from desk.importing import import_files, read_article
from desk.importing.decode import MAX_BYTES
from desk.model import Article, DeskError

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Council closes harbour bridge | The Cape Herald</title>
<meta property="og:title" content="Council closes harbour bridge">
<meta name="description" content="Traffic to move to the ring road.">
<meta name="author" content="Lerato Mokoena">
<meta property="article:tag" content="transport">
<meta property="article:section" content="City">
<script>var tracking = "SCRIPT-TEXT";</script><style>.x{color:red}</style>
</head><body>
<div class="cookie-banner">We use cookies. <button>Accept all cookies</button></div>
<header class="site-header"><a href="/">The Cape Herald</a>
<nav><a href="/news">NAV-NEWS</a> <a href="/sport">NAV-SPORT</a></nav></header>
<main><article>
<header><h1>Council closes harbour bridge</h1><p class="byline">By Lerato Mokoena</p></header>
<div class="share-buttons"><a href="#">Share on Facebook</a></div>
<p>The city council voted to <strong>close</strong> the harbour bridge.</p>
<p>“It is not safe,” said Amara Okafor, the <em>city engineer</em>.</p>
<div class="ad-slot">Advertisement</div>
<h2>What happens next</h2>
<p>See <a href="https://example.org/bridge">the timetable</a>.</p>
<ul><li>Buses take the ring road</li><li>Ferries run hourly</li></ul>
<blockquote><p>We were not consulted.</p></blockquote>
<p>Advertisement</p>
<aside><h3>Related stories</h3><a href="/x">RELATED-LINK</a></aside>
<div class="newsletter-signup"><p>NEWSLETTER-TEXT</p><form><input name="email"></form></div>
</article>
<section id="comments"><h3>Leave a Reply</h3><form><textarea></textarea></form>
<div class="comment"><p>COMMENT-TEXT</p></div></section>
</main>
<footer><p>FOOTER-TEXT</p></footer>
</body></html>
"""


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    return read_article(path)


def test_html_metadata_becomes_fields(page):
    assert page.fields["headline"] == "Council closes harbour bridge"
    assert page.fields["dek"] == "Traffic to move to the ring road."
    assert page.fields["byline"] == "Lerato Mokoena"
    assert page.fields["language"] == "en-GB"
    assert page.fields["section"] == "City"
    assert page.tags == ["transport"]


def test_html_article_text_is_kept_as_markdown(page):
    body = page.fields["body"]
    assert body.startswith("The city council voted to **close** the harbour bridge.")
    assert "*city engineer*" in body
    assert "## What happens next" in body
    assert "[the timetable](https://example.org/bridge)" in body
    assert "- Buses take the ring road" in body
    assert "> We were not consulted." in body


@pytest.mark.parametrize("junk", ["SCRIPT-TEXT", "NAV-NEWS", "cookies", "Share on", "Advertisement",
                                  "RELATED-LINK", "Related stories", "NEWSLETTER-TEXT", "Leave a Reply",
                                  "COMMENT-TEXT", "FOOTER-TEXT", "The Cape Herald", "# Council"])
def test_html_boilerplate_is_dropped(page, junk):
    assert junk not in page.fields["body"]


def test_html_without_article_takes_the_densest_block(tmp_path):
    path = tmp_path / "plain.htm"
    path.write_text(
        "<html><head><title>Ferry timetable - Herald</title></head><body>"
        "<div id='menu'><p>Home</p><p>About</p></div>"
        "<div class='content'><p>" + "Ferries will run every hour from Monday. " * 5 + "</p>"
        "<p>The first leaves at six.</p></div>"
        "<div class='sidebar'><p>" + "Sidebar text. " * 3 + "</p></div></body></html>",
        encoding="utf-8")
    parsed = read_article(path)
    assert parsed.fields["headline"] == "Ferry timetable"
    assert parsed.fields["body"].startswith("Ferries will run every hour")
    assert "Home" not in parsed.fields["body"] and "Sidebar" not in parsed.fields["body"]


def test_html_declaring_latin1_is_read_as_windows_1252(tmp_path):
    path = tmp_path / "old.html"
    path.write_bytes('<html><head><meta charset="iso-8859-1"></head><body><p>Café “quoted”</p>'
                     '</body></html>'.encode("cp1252"))
    parsed = read_article(path)
    assert parsed.fields["body"] == "Café “quoted”\n"
    assert parsed.encoding == "Windows-1252"


def test_html_declaring_another_charset_is_read_in_it(tmp_path):
    path = tmp_path / "ru.html"
    path.write_bytes('<meta charset="koi8-r"><p>Привет</p>'.encode("koi8-r"))
    assert read_article(path).fields["body"] == "Привет\n"


def test_html_declaring_an_unknown_charset_is_refused_naming_it(tmp_path):
    path = tmp_path / "odd.html"
    path.write_bytes(b'<meta charset="x-klingon"><p>caf\xe9</p>')
    with pytest.raises(DeskError, match="x-klingon.*UTF-8"):
        read_article(path)


def test_html_in_utf16_is_read(tmp_path):
    path = tmp_path / "u16.html"
    path.write_bytes(codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"))
    assert read_article(path).fields["headline"] == "Council closes harbour bridge"


def test_html_mislabelled_but_valid_utf8_is_read(tmp_path):
    path = tmp_path / "label.html"
    path.write_text('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
                    "<article><h1>Café opens</h1><p>It’s open.</p></article>", encoding="utf-8")
    parsed = read_article(path)
    assert parsed.fields["headline"] == "Café opens" and "It’s open." in parsed.fields["body"]


def test_html_page_without_text_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Menu</nav><script>x()</script></body></html>")
    with pytest.raises(DeskError, match="no article text"):
        read_article(path)


def test_html_import_creates_the_article(library, tmp_path):
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    (article_id,) = import_files(library, [path])
    article = library.articles.get(article_id)
    assert article.headline == "Council closes harbour bridge"
    assert article.tags == ["transport"]


# -- DOCX --------------------------------------------------------------------------------
BODY = ("Lead paragraph with **bold**, *italic* and a [link](https://example.org/x).\n\n"
        "## Subhead\n\n- first\n- second\n\n1. one\n2. two\n\n> A block quote.\n\nLast line.\n")


@pytest.fixture
def exported_docx(tmp_path):
    article = Article(id=4, headline="Bridge closes", dek="Ring road from Monday",
                      byline="Lerato Mokoena", tags=["transport", "city"], body=BODY,
                      updated_at="2026-03-04T10:00:00+00:00")
    path = tmp_path / "story.docx"
    path.write_bytes(render_docx(ExportData(article=article)))
    return path


def test_docx_round_trip_keeps_fields(exported_docx):
    parsed = read_article(exported_docx)
    assert parsed.fields["headline"] == "Bridge closes"
    assert parsed.fields["dek"] == "Ring road from Monday"
    assert parsed.fields["byline"] == "Lerato Mokoena"
    assert parsed.tags == ["transport", "city"]


def test_docx_round_trip_keeps_the_markdown_body(exported_docx):
    assert read_article(exported_docx).fields["body"] == BODY


def test_docx_written_by_word_styles(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("Floods recede", style="Title")
    doc.add_paragraph("By Sam Reporter")
    para = doc.add_paragraph("Water fell ")
    para.add_run("two metres").bold = True
    para.add_run(" overnight.")
    doc.add_paragraph("Sandbags stay", style="List Bullet")
    doc.add_paragraph("She said: stay away.", style="Quote")
    path = tmp_path / "word.docx"
    doc.save(str(path))
    parsed = read_article(path)
    assert parsed.fields["headline"] == "Floods recede"
    assert parsed.fields["byline"] == "Sam Reporter"
    assert parsed.fields["body"] == ("Water fell **two metres** overnight.\n\n- Sandbags stay\n\n"
                                     "> She said: stay away.\n")


def test_docx_literal_markdown_characters_are_escaped(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("H", style="Title")
    doc.add_paragraph("5 * 3 = 15 and snake_case")
    path = tmp_path / "chars.docx"
    doc.save(str(path))
    assert read_article(path).fields["body"] == "5 \\* 3 = 15 and snake\\_case\n"


def test_docx_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)  # an old binary .doc
    with pytest.raises(DeskError, match="not a valid .docx: not a zip archive"):
        read_article(path)


def test_zip_that_is_not_a_word_document_is_refused(tmp_path):
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not word")
    with pytest.raises(DeskError, match="not a valid .docx"):
        read_article(path)


def test_oversized_docx_is_refused(tmp_path):
    path = tmp_path / "huge.docx"
    with open(path, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(DeskError, match="20 MB"):
        read_article(path)


def test_failed_docx_in_a_batch_imports_nothing(library, exported_docx, tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"plain text pretending")
    with pytest.raises(DeskError):
        import_files(library, [exported_docx, bad])
    assert library.articles.count() == 0


def test_docx_lists_marked_by_numbering_not_style(tmp_path):
    """Word and Google Docs mark lists with numbering properties on a 'List Paragraph'."""
    doc = docx.Document()
    doc.add_paragraph("Lists", style="Title")

    def item(text, style_with_numbering):
        para = doc.add_paragraph(text, style="List Paragraph")
        num_id = doc.styles[style_with_numbering].element.pPr.numPr.numId.val
        para._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id
        para._p.pPr.numPr.get_or_add_ilvl().val = 0

    item("dot one", "List Bullet")
    item("dot two", "List Bullet")
    doc.add_paragraph("Between.")
    item("step one", "List Number")
    item("step two", "List Number")
    path = tmp_path / "lists.docx"
    doc.save(str(path))
    assert read_article(path).fields["body"] == (
        "- dot one\n- dot two\n\nBetween.\n\n1. step one\n2. step two\n")


BYLINE_PAGE = """<html><head><title>Harbour reopens</title></head><body><article>
<h1>Harbour reopens</h1>
{byline}
<p>The harbour reopened on Monday after three weeks of repairs to the quay wall.</p>
<p>Fishing boats were the first to return, the harbour master said.</p>
</article></body></html>"""


@pytest.mark.parametrize("byline", [
    '<p class="byline">By Sam Ortiz</p>',
    '<p>By <a rel="author" href="/sam">Sam Ortiz</a></p>',
    '<div class="author">Sam Ortiz</div>',
    '<p>By <span itemprop="author">Sam Ortiz</span></p>',
])
def test_html_byline_element_leaves_the_body(tmp_path, byline):
    path = tmp_path / "harbour.html"
    path.write_text(BYLINE_PAGE.format(byline=byline), encoding="utf-8")
    parsed = read_article(path)
    assert parsed.fields["byline"] == "Sam Ortiz"
    assert "Sam Ortiz" not in parsed.fields["body"]
    assert parsed.fields["body"].startswith("The harbour reopened on Monday")


def test_html_author_element_that_is_not_the_byline_stays(tmp_path):
    page = BYLINE_PAGE.format(byline='<p class="byline">By Sam Ortiz</p>').replace(
        "</article>", '<p class="author-note">Sam Ortiz covers ports and shipping.</p></article>')
    path = tmp_path / "harbour.html"
    path.write_text(page, encoding="utf-8")
    body = read_article(path).fields["body"]
    assert "Sam Ortiz covers ports and shipping." in body
    assert not body.startswith("By")


def test_html_comment_form_lines_are_dropped_leaving_nothing_to_flag(tmp_path):
    """The import dropped "Leave a Reply" but kept "Post Comment", which the boilerplate
    check then flagged as an error in the imported draft."""
    from desk.checks.boilerplate import boilerplate_problems

    path = tmp_path / "story.html"
    path.write_text(
        "<html><body><h1>Web story</h1><p>“It is fine,” said Omar al-Rashidi.</p>"
        "<h3>Leave a Reply</h3><p>Your email address will not be published.</p>"
        "<p>Required fields are marked *</p><p>Post Comment</p></body></html>",
        encoding="utf-8")
    body = read_article(path).fields["body"]
    assert body.strip() == "“It is fine,” said Omar al-Rashidi."
    assert boilerplate_problems(body) == []
