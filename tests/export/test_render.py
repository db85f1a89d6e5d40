import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.export.render import article_html, markdown_html, standalone_html
from desk.model import Article

ATTACKS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src="x" onerror="alert(1)">',
    '<a href="https://example.org" onclick="alert(1)">link</a>',
    '<div onmouseover="alert(1)">hover</div>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click][ref]\n\n[ref]: javascript:alert(1)",
    "![x](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    '<style>body { background: url("javascript:alert(1)") }</style>',
    '<form action="https://evil.example"><input name="q"></form>',
    '<object data="x.swf"></object>',
    "<math><mtext><script>alert(1)</script></mtext></math>",
    '<p style="background:url(javascript:alert(1))">styled</p>',
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_attack_leaves_no_active_content(attack):
    out = markdown_html(f"Before.\n\n{attack}\n\nAfter.").lower()
    for bad in ("<script", "javascript:", "onerror", "onclick", "onmouseover", "onload",
                "<iframe", "<svg", "<style", "<form", "<input", "<object", "data:", "style="):
        assert bad not in out, (bad, out)
    assert "before." in out and "after." in out


def test_raw_html_tags_are_dropped_but_their_words_kept():
    assert markdown_html("A <b>bold</b> <span class='x'>claim</span>.") == "<p>A bold claim.</p>"


def test_script_contents_are_dropped():
    assert "alert" not in markdown_html("Text\n\n<script>\nalert(1)\n</script>\n")


def test_html_comments_are_dropped():
    assert "note to desk" not in markdown_html("Text <!-- note to desk --> more")


def test_code_still_shows_tags_as_text():
    out = markdown_html("Use `<script>` here.\n\n```\n<b>bold</b>\n```\n")
    assert "<code>&lt;script&gt;</code>" in out
    assert "&lt;b&gt;bold&lt;/b&gt;" in out


def test_safe_links_are_kept():
    out = markdown_html("[site](https://example.org/a?b=1) and <mailto:desk@example.org>")
    assert 'href="https://example.org/a?b=1"' in out
    assert 'href="mailto:desk@example.org"' in out


def test_markdown_structure_is_rendered():
    out = markdown_html("## Head\n\n*it* **bold**\n\n- one\n- two\n\n> quoted\n")
    for piece in ("<h2>Head</h2>", "<em>it</em>", "<strong>bold</strong>", "<li>one</li>",
                  "<blockquote>"):
        assert piece in out


def test_article_fields_are_escaped():
    article = Article(id=1, headline="<img src=x onerror=alert(1)>", dek="A & B",
                      byline='"><script>', body="")
    out = article_html(article)
    assert "<img" not in out and "<script" not in out
    assert "A &amp; B" in out


def test_article_html_has_header_and_body():
    article = Article(id=1, headline="Bridge closes", dek="Traffic moves", byline="Jo Bloggs",
                      body="First paragraph.", updated_at="2026-03-04T10:00:00+00:00")
    out = article_html(article)
    assert "<h1>Bridge closes</h1>" in out
    assert '<p class="dek">Traffic moves</p>' in out
    assert "By Jo Bloggs" in out
    assert "March 4, 2026" in out  # en-US, the default language
    assert "<p>First paragraph.</p>" in out


def test_byline_already_starting_with_by_is_not_doubled():
    out = article_html(Article(headline="H", byline="By Jo Bloggs"))
    assert "By By" not in out and "By Jo Bloggs" in out


def test_standalone_page_is_complete_and_loads_nothing():
    out = standalone_html(Article(headline="Bridge & tunnel", body="Text."))
    assert out.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in out
    assert "<title>Bridge &amp; tunnel</title>" in out
    assert "Content-Security-Policy" in out and "default-src 'none'" in out
    assert "@media print" in out
    assert out.rstrip().endswith("</html>")


PIECES = ["<script>", "</script>", "<img src=x onerror=alert(1)>", "[a](javascript:x)", "`code`",
          "<!--", "-->", "<b>", "</b>", "**", "*", "\n\n", "> ", "- ", "<a href='javascript:x'>",
          "<svg/onload=x>", "&lt;", "<", ">", '"', "'", "text", " ", "](", "<style>", "```\n",
          "[^1]", "[^1]: ", "\n[^x]: "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_any_mix_of_markup_yields_only_allowed_html(pieces):
    import lxml.html

    from desk.export.render import ALLOWED_ATTRIBUTES, ALLOWED_CLASSES, ALLOWED_TAGS

    out = markdown_html("".join(pieces))
    if not out.strip():
        return
    root = lxml.html.fragment_fromstring(out, create_parent="div")
    for el in root.iter():
        if el is root or not isinstance(el.tag, str):
            continue
        assert el.tag in ALLOWED_TAGS
        for name, value in el.attrib.items():
            if name == "class":
                assert set(value.split()) <= ALLOWED_CLASSES.get(el.tag, set())
                continue
            assert name in ALLOWED_ATTRIBUTES.get(el.tag, set()) or name == "rel"
            if name in ("href", "src"):
                assert value.split(":", 1)[0].lower() in ("http", "https", "mailto") or ":" not in value


def test_markdown_nested_hundreds_deep_still_renders():
    from desk.export.render import markdown_html

    text = "".join("    " * i + "- item\n" for i in range(300)) + "\n" + "> " * 400 + "deep\n"
    out = markdown_html(text)
    assert "item" in out and "deep" in out


def test_markdown_renders_normally_after_a_text_nested_too_deeply():
    from desk.export.render import markdown_html

    markdown_html("".join("    " * i + "- item\n" for i in range(300)))
    assert markdown_html("Residents **object**.") == "<p>Residents <strong>object</strong>.</p>"
