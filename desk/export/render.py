"""Markdown to sanitized HTML: the one renderer behind the HTML, PDF, DOCX, text and ninjs
exports and the window's Preview panel.

Two layers keep what an editor typed (or pasted) from running in a reader's browser.
Raw HTML written in the Markdown never reaches the output: its tags are dropped (their
words kept, except the contents of script/style-like elements and HTML comments, which
are editors' notes), while code spans and code blocks still show tags as text. Then the
result is cleaned with nh3 against a short allow-list, and every link target passes the
one link policy of desk/export/links.py (http, https, mailto and links inside the article;
``java script:``, ``jav&#x09;ascript:``, ``//host/x`` and the like are dropped).
"""

from __future__ import annotations

import html
import re
import threading

import markdown
import nh3
from markdown.inlinepatterns import HTML_RE, InlineProcessor
from markdown.preprocessors import Preprocessor

from desk.export import links
from desk.export.dates import long_date
from desk.model import Article

ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "a",
    "ul", "ol", "li", "blockquote", "code", "pre", "del", "sup", "sub",
    "table", "thead", "tbody", "tr", "th", "td", "img", "div",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "th": {"style"},
    "td": {"style"},
    "sup": {"id"},  # footnotes: the reference (fnref-1) and the note (fn-1) link to each other
    "li": {"id"},
}
# Python-Markdown's footnotes: <sup id="fnref-1"><a class="footnote-ref" href="#fn-1">1</a>
# in the text, and <div class="footnote"><hr><ol><li id="fn-1">… at the end of the body
ALLOWED_CLASSES = {"div": {"footnote"}, "a": {"footnote-ref", "footnote-backref"}}
_FOOTNOTE_ID = re.compile(r"fn(?:ref)?-[\w.-]{1,80}")
URL_SCHEMES = set(links.ALLOWED_SCHEMES)  # nh3's own check; links.py is the policy
# Inline code is matched first so that tags shown as code are left alone.
_HIDDEN_HTML = re.compile(
    r"(?P<code>(?<!`)(`+)(?!`).+?(?<!`)\2(?!`))"  # a whole run of backticks: linear
    r"|<!--.*?(?:-->|\Z)"
    r"|<(script|style|iframe|object|embed|noscript|template|textarea|svg|math)\b[^>]*>.*?</\3\s*>",
    re.S | re.I)
_local = threading.local()
MAX_LINK_SCAN = 1_000_000
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BRACKET = re.compile(r"[\[\]()]")
_LINK_GUARD = "\ue0b0"  # stands for "[" in a block too costly to parse for links

PAGE_CSS = """
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1a1a1a; font: 18px/1.55 "DejaVu Serif", Georgia, "Times New Roman", serif; }
article { max-width: 38em; margin: 2.5em auto; padding: 0 1.25em; }
h1 { font-size: 2em; line-height: 1.15; margin: 0 0 .35em; }
h2, h3, h4 { line-height: 1.25; margin: 1.4em 0 .4em; }
.dek { font-size: 1.2em; color: #444; margin: 0 0 .8em; }
.byline, .dateline { font: .85em/1.4 "DejaVu Sans", Helvetica, Arial, sans-serif; color: #555; margin: 0; }
.byline { font-weight: bold; }
header { border-bottom: 1px solid #ccc; padding-bottom: .9em; margin-bottom: 1.4em; }
blockquote { margin: 1em 0; padding: 0 0 0 1em; border-left: 3px solid #bbb; color: #333; }
a { color: #0645ad; }
pre, code { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; }
pre { white-space: pre-wrap; background: #f5f5f5; padding: .6em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: .25em .5em; vertical-align: top; }
img { max-width: 100%; }
.footnote { font-size: .85em; color: #333; }
.footnote hr { border: 0; border-top: 1px solid #ccc; width: 30%; margin: 2em 0 .5em; }
a.footnote-ref, a.footnote-backref { text-decoration: none; }
@page { size: auto; margin: 2cm; }
@media print {
  body { font-size: 11pt; }
  article { max-width: none; margin: 0; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, h4 { page-break-after: avoid; }
  blockquote, pre, table { page-break-inside: avoid; }
}
""".strip()


class _DropHiddenHtml(Preprocessor):
    """Runs after fenced code is set aside: removes HTML comments (editors' notes to each
    other) and the contents of elements a reader never sees as text (script, style...)."""

    def run(self, lines):
        text = "\n".join(lines)
        if "<" not in text:
            return lines
        return _HIDDEN_HTML.sub(lambda m: m.group("code") or "", text).split("\n")


def _guard_links(text: str) -> tuple[str, bool]:
    """Python-Markdown looks for the end of a link from every "[" (and for the end of its
    target from every "](") up to the end of the block, in Python: 20,000 "[" took 98 s,
    in the export and in the Preview alike. In a block whose brackets would make it scan
    more than MAX_LINK_SCAN characters, "[" is set aside as a private-use character that
    Markdown does not parse, and put back in the HTML: its words stay, its links are text.
    The estimate is linear (one pass over the brackets), and real text, even a list of
    hundreds of links, scans a few thousand characters."""
    if text.count("[") < 2:
        return text, False
    pieces, start, changed = [], 0, False
    for gap in [*_BLANK_LINE.finditer(text), None]:
        end = gap.start() if gap else len(text)
        block = text[start:end]
        if "[" in block and link_scan_cost(block) > MAX_LINK_SCAN:
            block, changed = block.replace("[", _LINK_GUARD), True
        pieces.append(block + (gap.group() if gap else ""))
        start = gap.end() if gap else end
    return ("".join(pieces), True) if changed else (text, False)


def link_scan_cost(block: str) -> int:
    """How many characters Markdown's link parser would scan in ``block``: from each "["
    to its "]" (or the block's end), from each "](" to its ")" (or the block's end)."""
    cost, squares, parens, closed = 0, [], [], -1  # closed: where the last link text ended
    for m in _BRACKET.finditer(block):
        pos, c = m.start(), m.group()
        if c == "[":
            squares.append(pos)
        elif c == "]":
            if squares:
                cost += pos - squares.pop()
                closed = pos
        elif c == "(":
            parens.append((pos, closed == pos - 1))  # a target only after a link text
        elif parens:
            opened, link = parens.pop()
            if link:
                cost += pos - opened
    end = len(block)
    return (cost + sum(end - p for p in squares)
            + sum(end - p for p, link in parens if link))


class _DropTag(InlineProcessor):
    """Takes the place of Markdown's raw-HTML pass-through: a tag becomes nothing."""

    def handleMatch(self, m, data):
        return "", m.start(0), m.end(0)


def _markdown() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:  # Markdown instances are not thread-safe: one per thread
        md = markdown.Markdown(extensions=["fenced_code", "tables", "sane_lists", "footnotes"],
                               extension_configs={"footnotes": {"SEPARATOR": "-"}},
                               output_format="html")
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.register(_DropTag(HTML_RE, md), "html", 90)
        md.preprocessors.register(_DropHiddenHtml(md), "desk_drop_hidden_html", 20)
        _local.md = md
    return md


def sanitize(fragment: str) -> str:
    return nh3.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     allowed_classes=ALLOWED_CLASSES,
                     url_schemes=URL_SCHEMES, link_rel="noopener noreferrer",
                     attribute_filter=_attribute_filter,
                     filter_style_properties={"text-align"}, strip_comments=True)


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Links pass through the link policy; an id is only a footnote's (fn-1, fnref-1)."""
    if attribute == "id":
        return value if _FOOTNOTE_ID.fullmatch(value) else None
    return links.attribute_filter(tag, attribute, value)


def markdown_html(text: str) -> str:
    """Sanitized HTML for a Markdown text (no wrapper)."""
    text, guarded = _guard_links(text or "")
    md = _markdown()
    try:
        out = md.convert(text)
    except RecursionError:  # lists or quotes nested hundreds deep: Markdown recurses per level
        _local.md = None  # a Markdown instance is left half-way through: never reuse it
        out = _plain_paragraphs(text)
    finally:
        md.reset()
    out = sanitize(out)
    return out.replace(_LINK_GUARD, "[") if guarded else out


def _plain_paragraphs(text: str) -> str:
    """The fallback when the Markdown cannot be rendered: its words, paragraph by paragraph."""
    paragraphs = re.split(r"\n[ \t>]*\n", text or "")
    return "\n".join(f"<p>{html.escape(' '.join(p.split()))}</p>" for p in paragraphs if p.strip())


def display_byline(byline: str) -> str:
    byline = (byline or "").strip()
    if byline and not byline.lower().startswith("by "):
        return f"By {byline}"
    return byline


def display_date(article: Article) -> str:
    """The date a reader sees, written the article's language's way: published if it was,
    otherwise last changed ('November 27, 2026' in en-US, '27 November 2026' in en-GB)."""
    stamp = article_date(article)
    return long_date(stamp, article.language) if stamp else ""


def article_date(article: Article) -> str:
    """The stamp of the date a reader sees: published if it was, otherwise last changed."""
    return article.published_at or article.updated_at or article.created_at or ""


def header_html(article: Article) -> str:
    e = html.escape
    parts = [f"<h1>{e(article.headline)}</h1>"]
    if article.dek:
        parts.append(f'<p class="dek">{e(article.dek)}</p>')
    if article.byline:
        parts.append(f'<p class="byline">{e(display_byline(article.byline))}</p>')
    date = display_date(article)
    if date:
        iso = article_date(article)[:10]
        parts.append(f'<p class="dateline"><time datetime="{e(iso)}">{e(date)}</time></p>')
    return "<header>" + "".join(parts) + "</header>"


def article_html(article: Article) -> str:
    """The article as a sanitized HTML fragment: header (headline, dek, byline, date) and body."""
    return (f'<article class="desk-article" lang="{html.escape(article.language or "en")}">'
            f"{header_html(article)}\n"
            f'<div class="body">\n{markdown_html(article.body)}\n</div></article>')


def standalone_html(article: Article, *, css: str = PAGE_CSS, extra_head: str = "") -> str:
    """A complete page that opens in any browser and prints cleanly; it loads nothing and
    runs nothing (a Content-Security-Policy says so to the browser too)."""
    lang = html.escape(article.language or "en")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src https: http: data:\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="desk">\n'
        f"<title>{html.escape(article.headline)}</title>\n"
        f"<style>\n{css}\n</style>\n{extra_head}</head>\n<body>\n"
        f"{article_html(article)}\n</body>\n</html>\n"
    )
