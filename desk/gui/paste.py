"""Rich text pasted from a web page becomes clean Markdown: page furniture (navigation,
share buttons, ads, newsletter boxes, cookie notices) is dropped, not pasted.

A paste that starts an article also brings its headline: ``paste_html`` / ``paste_text``
find the page's headline (its ``<h1>``; the first heading when there is none; ``<title>``
when there is no heading; a leading ``# heading`` in Markdown) and a dek the page marks
clearly (``class="dek|standfirst|subtitle|…"``, or an ``<h2>`` sentence right after the
``<h1>``). The editor puts them in the empty Headline and Dek fields and pastes the rest;
when the article has a headline already, the paste is the whole text, as before.
No Qt here: the body editor (desk.gui.body_edit) asks, the article editor decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desk.checks.boilerplate import is_boilerplate_line

DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
             "button", "iframe", "svg", "template", "select", "input", "meta", "link")
# Elements whose class or id marks them as page furniture.
DROP_ATTR = re.compile(
    r"\b(share|social|newsletter|subscribe|advert|ad-|ads\b|promo|related|cookie|banner|"
    r"breadcrumb|comments?|sidebar|popup|paywall|byline-social)", re.I)
BOILERPLATE_LINES = re.compile(
    r"^\W*(advertisement|advertising|sponsored( content)?|share( this( article| story)?)?|"
    r"share on (facebook|twitter|x|linkedin|whatsapp)|tweet|email|print|"
    r"(sign up|subscribe)\b.*|follow us\b.*|read more\b.*|related( articles| stories)?:?.*|"
    r"click here\b.*|skip to (main )?content|accept( all)? cookies|we use cookies\b.*|"
    r"image (caption|source|copyright)\b.*|(photo|image)\s*:\s*getty images.*|"
    r"copyright ©.*|© \d{4}.*|all rights reserved\.?|listen to this article.*|"
    r"\d+ min(ute)?s? read|most (read|popular))\W*$", re.I)
# A dek (standfirst) as pages mark it.
DEK_CLASS = re.compile(r"^(?:dek|deck|standfirst|stand-first|subtitle|sub-title|subheadline|"
                       r"sub-headline|article-dek|article-standfirst|article-subtitle|"
                       r"strapline|lede|summary)$", re.I)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
MIN_DEK_WORDS = 4  # an <h2> of fewer words after the <h1> is a section heading, not a dek
MAX_ONE_LINE = 400  # a "headline" or "dek" longer than this is body text
TITLE_SUFFIX = re.compile(r"(?<!\s)\s+[|–—-]\s+")  # "Headline | Site" -> "Headline"
_ATX = re.compile(r"\A\s*(#{1,6})[ \t]+([^\n]*?)[ \t#]*(?:\n|\Z)")
_SETEXT = re.compile(r"\A\s*([^\n#>\-*][^\n]*)\n=+[ \t]*(?:\n|\Z)")


@dataclass(frozen=True)
class Pasted:
    """A paste, whole (``markdown``) and split into headline, dek and the rest."""

    markdown: str  # everything, as pasted into an article that has a headline
    headline: str = ""
    dek: str = ""
    body: str = ""  # without the headline and the dek
    body_with_dek: str = ""  # without the headline only (the Dek field is already filled)

    def text_to_insert(self, headline_taken: bool, dek_taken: bool) -> str:
        if not headline_taken:
            return self.markdown
        return self.body if dek_taken else self.body_with_dek


def html_to_markdown(html: str) -> str:
    """Markdown for a pasted HTML fragment; "" when nothing worth pasting is left."""
    return _convert(_clean_soup(html))


def paste_html(html: str) -> Pasted:
    """The pasted page as Markdown, with its headline and dek found (see the module)."""
    soup = _clean_soup(html)
    whole = _convert(soup)
    if not whole:
        return Pasted("")
    heading = _headline_element(soup, whole)
    if heading is None:
        title = _title(soup)
        if not title:
            return Pasted(whole)
        soup.title.decompose()
        rest = _convert(soup)
        return Pasted(whole, title, "", rest, rest)
    headline = _words(heading)
    dek_el = _dek_element(soup, heading)
    heading.decompose()
    if soup.title is not None:
        soup.title.decompose()  # the page's <title> is furniture once the headline is taken
    with_dek = _convert(soup)
    if dek_el is None:
        return Pasted(whole, headline, "", with_dek, with_dek)
    dek = _words(dek_el)
    dek_el.decompose()
    return Pasted(whole, headline, dek, _convert(soup), with_dek)


def paste_text(text: str) -> Pasted:
    """Plain text or Markdown: a leading ``# heading`` (or ``Heading`` over ``===``) is the
    headline; an ``## sentence`` right after a ``#`` headline is the dek."""
    found = _ATX.match(text)
    level, headline = (len(found.group(1)), found.group(2).strip()) if found else (0, "")
    if not found:
        found = _SETEXT.match(text)
        level, headline = (1, found.group(1).strip()) if found else (0, "")
    if found is None or not headline or len(headline) > MAX_ONE_LINE:
        return Pasted(text)
    rest = text[found.end():].lstrip("\n")
    body = rest
    dek = ""
    sub = _ATX.match(rest)
    if level == 1 and sub and len(sub.group(1)) == 2 and _is_dek(sub.group(2)):
        dek, body = sub.group(2).strip(), rest[sub.end():].lstrip("\n")
    return Pasted(text, headline, dek, body, rest)


# -- finding the headline and the dek ------------------------------------------------------------
def _headline_element(soup, whole: str):
    """The <h1>; else the first heading, when the paste starts with it."""
    h1 = next((h for h in soup.find_all("h1") if 0 < len(_words(h)) <= MAX_ONE_LINE), None)
    if h1 is not None:
        return h1
    first = next((h for h in soup.find_all(HEADINGS) if _words(h)), None)
    if first is None or len(_words(first)) > MAX_ONE_LINE:
        return None
    lead = _ATX.match(_drop_title_line(soup, whole))
    if lead is None or _norm(lead.group(2)) != _norm(_words(first)):
        return None  # text before the heading: a fragment from the middle of the page
    return first


def _drop_title_line(soup, whole: str) -> str:
    """The converted text without the <title> it starts with (markdownify keeps it)."""
    title = soup.title.get_text(" ") if soup.title is not None else ""
    title = " ".join(title.split())
    if title and whole.startswith(title):
        return whole[len(title):].lstrip()
    return whole


def _dek_element(soup, heading):
    """A dek the page marks: an element with a dek class, or a sentence-like <h2> right after
    the <h1>."""
    for el in soup.find_all(True):
        classes = el.get("class") or []
        if any(DEK_CLASS.match(c) for c in classes) and 0 < len(_words(el)) <= MAX_ONE_LINE:
            return el
    after = heading.find_next_sibling(True)
    if (heading.name == "h1" and after is not None and after.name == "h2"
            and _is_dek(_words(after))):
        return after
    return None


def _is_dek(text: str) -> bool:
    return len(text.split()) >= MIN_DEK_WORDS and len(text) <= MAX_ONE_LINE


def _title(soup) -> str:
    if soup.title is None:
        return ""
    title = " ".join(soup.title.get_text(" ").split())
    return TITLE_SUFFIX.split(title)[0] if title and len(title) <= MAX_ONE_LINE else ""


def _words(el) -> str:
    return " ".join(el.get_text(" ").split())


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[*_`\\]", "", text).split()).lower()


# -- cleaning and converting -----------------------------------------------------------------
def _clean_soup(html: str):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        marks = " ".join([*(tag.get("class") or []), tag.get("id") or "",
                          tag.get("role") or "", tag.get("aria-label") or ""])
        if marks.strip() and DROP_ATTR.search(marks) and tag.name not in ("html", "body"):
            tag.decompose()
    for img in soup.find_all("img"):
        img.decompose()  # images cannot live in an article body
    return soup


def _convert(soup) -> str:
    from markdownify import markdownify

    text = markdownify(str(soup), heading_style="ATX", bullets="-", strong_em_symbol="*",
                       escape_underscores=False, escape_asterisks=False)
    return clean_markdown(text)


def clean_markdown(text: str) -> str:
    lines = []
    for line in text.replace("\r\n", "\n").replace("\xa0", " ").split("\n"):
        line = line.rstrip()
        if (BOILERPLATE_LINES.match(line.strip(" #>-*")) and len(line) < 120) \
                or is_boilerplate_line(line):
            continue
        lines.append(line)
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip("\n")
