from desk.export.base import ExportData
from desk.export.html_out import render as render_html
from desk.export.text_out import END_MARK
from desk.export.text_out import render as render_text


def test_html_page_has_headline_dek_byline_date_and_body(story_data):
    out = render_html(story_data).decode()
    assert "<h1>Council closes harbour bridge</h1>" in out
    assert "Traffic to move to the ring road" in out
    assert "By Lerato Mokoena" in out
    assert "<time datetime=" in out
    assert "<h2>What happens next</h2>" in out
    assert '<a href="https://example.org/bridge"' in out


def test_html_page_is_sanitized(story_data):
    story_data.article.body += '\n<script>steal()</script>\n\n[x](javascript:steal())\n'
    out = render_html(story_data).decode()
    assert "<script" not in out and "steal()" not in out and "javascript:" not in out


def test_text_starts_with_headline_block(story_data):
    lines = render_text(story_data).decode().splitlines()
    assert lines[0] == "Council closes harbour bridge"
    assert lines[1] == "Traffic to move to the ring road"
    assert lines[2] == "By Lerato Mokoena"
    assert lines[3].endswith("· City")
    assert lines[4] == ""


def test_text_has_no_markup_and_keeps_link_addresses(story_data):
    out = render_text(story_data).decode().removesuffix(END_MARK + "\n")
    assert "*" not in out and "<" not in out and "#" not in out
    assert "details (https://example.org/bridge)" in out
    assert "WHAT HAPPENS NEXT" in out
    assert "- Buses take the ring road" in out
    assert "    A quoted block of text." in out


def test_text_paragraphs_are_separated_and_end_with_the_mark(story_data):
    out = render_text(story_data).decode()
    assert "\n\n“The bridge is no longer safe for traffic,” said Amara Okafor, the city engineer.\n\n" in out
    assert out.rstrip().endswith(END_MARK)


def test_text_of_an_empty_article_is_just_the_headline(story_data):
    data = ExportData(article=story_data.article)
    data.article.body, data.article.dek, data.article.byline = "", "", ""
    data.article.section, data.article.updated_at, data.article.created_at = "", "", ""
    assert render_text(data).decode() == "Council closes harbour bridge\n\n###\n"


def test_html_page_carries_dek_byline_section_and_tags_as_meta_tags(story_data):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(render_html(story_data), "html.parser")

    def content(attr, name):
        return [m["content"] for m in soup.find_all("meta", attrs={attr: name})]

    assert content("name", "description") == ["Traffic to move to the ring road"]
    assert content("name", "author") == ["Lerato Mokoena"]
    assert content("property", "article:section") == ["City"]
    assert content("property", "article:tag") == story_data.article.tags
    assert content("property", "og:title") == ["Council closes harbour bridge"]


def test_html_meta_tags_are_escaped(story_data):
    story_data.article.dek = 'A "quoted" <dek> & more'
    out = render_html(story_data).decode()
    assert '<meta name="description" content="A &quot;quoted&quot; &lt;dek&gt; &amp; more">' in out
