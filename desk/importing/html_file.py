"""Web pages: the article text without the page around it.

A saved news page is mostly not the article: menus, share buttons, cookie banners,
"related stories", comment forms. The reader here (BeautifulSoup + markdownify):

1. takes headline, dek, byline, section, tags and language from the page's metadata
   (og:title, description, author, article:section, article:tag, keywords, lang: the
   tags desk's own HTML export writes, so its pages import back whole); a lang desk does
   not support (desk.languages) refuses the page with one line;
2. drops elements that are never article text (script, style, nav, header, footer, aside,
   form, ...) and elements whose class or id names boilerplate (comment, share, social,
   subscribe, newsletter, cookie, advert, related, promo, sidebar, ...);
3. keeps the largest ``<article>``, else ``<main>``, else the element holding the most
   paragraph text (the "densest block");
4. converts that to Markdown, and drops leftover boilerplate lines ("Advertisement",
   "Leave a Reply", "Share this").
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from desk.checks.boilerplate import is_boilerplate_line
from desk.importing.decode import Decoded, decode_as, decode_text, file_title, read_bytes
from desk.importing.markdown_file import ParsedArticle
from desk.languages import lookup, unknown_message
from desk.model import DeskError

DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
             "canvas", "form", "button", "input", "select", "textarea", "nav", "header",
             "footer", "aside", "dialog", "figure", "menu", "link", "meta")
BOILERPLATE_NAME = re.compile(
    r"(?:^|[\s_-])(?:comments?|comment-\w+|disqus|share|sharing|social|subscribe|subscription|"
    r"newsletter|signup|cookies?|consent|gdpr|advert\w*|ads?|ad-\w+|sponsor\w*|related|"
    r"recommended|promo\w*|sidebar|breadcrumbs?|popup|modal|paywall|most-read|"
    r"trending|outbrain|taboola|skip-link|screen-reader-text|sr-only|visually-hidden)(?:$|[\s_-])",
    re.I)
BOILERPLATE_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "dialog")
BOILERPLATE_LINE = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|leave a (?:reply|comment)|"
    r"(?:\d+ )?comments?|post a comment|share(?: this)?(?: article| story| post| page)?|"
    r"share (?:on|via) \w+|(?:tweet|email|print) this|follow us(?: on \w+)?|"
    r"sign up (?:for|to) (?:our|the) newsletter.*|subscribe(?: now| to .*)?|"
    r"related (?:articles|stories|posts|content)|read more|more stories|recommended(?: for you)?|"
    r"skip to (?:main )?content|accept (?:all )?cookies|we use cookies.*|"
    r"you may also like|most read)[.:!]?$", re.I)
CHARSET_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
UTF_NAMES = {"utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "unicode"}
_LONG_WHITESPACE = re.compile(r"\s{65,}")
MAX_PAGE_DEPTH = 256  # real pages nest 20-60 deep
MAX_MARKUP_DEPTH = 120  # real article markup nests 10-30 deep; markdownify recurses per level


def read_html(path: str | Path) -> str:
    return read_html_decoded(path).text


def read_html_decoded(path: str | Path) -> Decoded:
    """The page's text and encoding: UTF-8 or UTF-16 when it is valid as such, else the
    charset the page declares (Latin-1 meaning Windows-1252, as browsers read it), else
    Windows-1252 when it looks like text in it (desk.importing.decode)."""
    data = read_bytes(Path(path))
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, str(path))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        match = CHARSET_META.search(data[:4096])
        if match:
            charset = match.group(1).decode("ascii", "replace").lower()
            if charset not in UTF_NAMES:
                return decode_as(data, charset, str(path))
    return decode_text(data, str(path))


def parse_html(text: str, path: Path | str = "input") -> ParsedArticle:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    depth = _depth(soup)
    if depth > MAX_PAGE_DEPTH:  # every pass below would cost the depth times the page
        raise DeskError(f"{path}: the page nests its elements {depth:,} levels deep (damaged "
                        f"or hostile markup); desk reads pages nested up to {MAX_PAGE_DEPTH}")
    meta = _metadata(soup, path)
    for el in soup.find_all(_is_boilerplate_element):
        if not el.decomposed:
            el.decompose()
    container = _main_container(soup)
    if container is None:
        raise DeskError(f"{path}: no article text found in the page")
    if meta.get("byline"):
        _drop_byline_elements(container, meta["byline"])
    headline = meta.get("headline") or ""
    first_h1 = container.find("h1")
    if first_h1 is not None:
        h1_text = " ".join(first_h1.get_text(" ").split())
        if not headline or _same(h1_text, headline):
            headline = headline or h1_text
            first_h1.decompose()
    body = _to_markdown(container)
    if not headline:
        headline = file_title(path)
    if not body.strip() and not meta.get("dek"):
        raise DeskError(f"{path}: no article text found in the page")
    fields = {"headline": headline, "body": body}
    for key in ("dek", "byline", "section", "language"):
        if meta.get(key):
            fields[key] = meta[key]
    return ParsedArticle(fields=fields, tags=meta.get("tags", []))


# -- metadata -------------------------------------------------------------------------
def _meta_content(soup, *names: str) -> str:
    for name in names:
        el = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if el is not None and el.get("content", "").strip():
            return " ".join(el["content"].split())
    return ""


def _metadata(soup, path: Path | str = "input") -> dict:
    meta: dict = {}
    headline = _meta_content(soup, "og:title", "twitter:title")
    if not headline:
        h1 = soup.find("h1")
        if h1 is not None and h1.get_text(strip=True):
            headline = " ".join(h1.get_text(" ").split())
        elif soup.title and soup.title.string:
            headline = re.split(r"(?<!\s)\s+[|–—-]\s+", soup.title.string.strip())[0]
    meta["headline"] = headline
    meta["dek"] = _meta_content(soup, "og:description", "description", "twitter:description")
    byline = _meta_content(soup, "author", "article:author", "byl")
    if not byline or byline.startswith("http"):
        el = next(iter(_byline_elements(soup)), None)
        byline = " ".join(el.get_text(" ").split()) if el is not None else ""
    byline = re.sub(r"^by\s+", "", byline, flags=re.I)
    if 0 < len(byline) <= 120:
        meta["byline"] = byline
    tags = [t["content"].strip() for t in soup.find_all("meta", attrs={"property": "article:tag"})
            if t.get("content", "").strip()]
    if not tags:
        keywords = _meta_content(soup, "keywords", "news_keywords")
        tags = [t.strip() for t in keywords.split(",") if t.strip()]
    meta["tags"] = tags[:20]
    section = _meta_content(soup, "article:section")
    if 0 < len(section) <= 120:
        meta["section"] = section
    html_el = soup.find("html")
    lang = " ".join(str(html_el.get("lang") or "").split()) if html_el else ""
    if lang:
        found = lookup(lang)
        if found is None:
            raise DeskError(f"{path}: the page's lang attribute: {unknown_message(lang)}")
        meta["language"] = found.code
    return meta


def _byline_elements(soup) -> list:
    """Elements that name the writer: rel=author, itemprop=author, class byline/author."""
    found: list = []
    seen: set[int] = set()
    for el in (soup.find_all(attrs={"rel": "author"})
               + soup.find_all(attrs={"itemprop": re.compile(r"\bauthor\b", re.I)})
               + soup.find_all(class_=re.compile(r"byline|author", re.I))):
        if id(el) not in seen:
            seen.add(id(el))
            found.append(el)
    return found


def _byline_text(el) -> str:
    return _norm(re.sub(r"^\s*by\s+", "", " ".join(el.get_text(" ").split()), flags=re.I))


def _drop_byline_elements(container, byline: str) -> None:
    """The byline went to the Byline field; the element that says "By Sam Ortiz" must not stay
    at the top of the body too, or every export shows it twice. Only elements whose whole text
    is the byline are removed (with their block, when the block says nothing else)."""
    wanted = _norm(byline)
    if not wanted:
        return
    for el in _byline_elements(container):
        if el.decomposed or _byline_text(el) != wanted:
            continue
        while (el.parent is not None and el.parent is not container
               and _byline_text(el.parent) == wanted):
            el = el.parent
        el.decompose()


# -- finding the article ----------------------------------------------------------------
def _is_boilerplate_element(el) -> bool:
    if el.name in DROP_TAGS:
        return True
    attrs = getattr(el, "attrs", None) or {}
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if attrs.get("role") in BOILERPLATE_ROLES:
        return True
    names = " ".join(attrs.get("class") or []) + " " + str(attrs.get("id") or "")
    return bool(names.strip()) and BOILERPLATE_NAME.search(names) is not None and el.name not in (
        "html", "body", "main", "article")


def _text_length(el) -> int:
    return len(" ".join(el.get_text(" ").split()))


def _main_container(soup):
    # nested articles or paragraphs: only the outermost count (each holds its inner ones'
    # text), or measuring every one of a deep chain costs the depth times the page
    articles = [a for a in soup.find_all("article") if a.find_parent("article") is None]
    if articles:
        return max(articles, key=_text_length)
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main is not None:
        return main
    scores: dict[int, tuple[int, object]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if parent is None or p.find_parent("p") is not None:
            continue
        n = _text_length(p)
        count, _ = scores.get(id(parent), (0, parent))
        scores[id(parent)] = (count + n, parent)
    if scores:
        return max(scores.values(), key=lambda pair: pair[0])[1]
    return soup.body or soup


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _same(a: str, b: str) -> bool:
    """The page's <h1> and its og:title often differ by a site-name suffix."""
    a, b = _norm(a), _norm(b)
    return bool(a and b) and (a == b or a.startswith(b) or b.startswith(a))


# -- to Markdown ---------------------------------------------------------------------------
def _depth(el) -> int:
    """How deeply elements nest under ``el`` (iterative: a hostile page nests 100,000 deep)."""
    from bs4 import Tag

    deepest, stack = 0, [(el, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((c, depth + 1) for c in node.contents if isinstance(c, Tag))
    return deepest


def _plain_paragraphs(container) -> str:
    """The container's text, one paragraph per line: the fallback for markup nested too
    deeply to convert (markdownify recurses once per level)."""
    lines = (" ".join(line.split()) for line in container.get_text("\n").split("\n"))
    return "\n\n".join(line for line in lines if line)


def _shorten_whitespace(container) -> None:
    """Runs of whitespace cut to 64 characters: markdownify's own patterns are quadratic on
    long runs (a title of 20,000 spaces took 3 s), and HTML collapses them anyway."""
    for piece in container.find_all(string=_LONG_WHITESPACE.search):
        piece.replace_with(type(piece)(_LONG_WHITESPACE.sub(lambda m: m.group()[:64], piece)))


def _to_markdown(container) -> str:
    from markdownify import markdownify

    _shorten_whitespace(container)
    md = None
    if _depth(container) <= MAX_MARKUP_DEPTH:
        try:
            md = markdownify(str(container), heading_style="ATX", bullets="-", strip=["img"],
                             escape_underscores=False)
        except RecursionError:
            md = None
    if md is None:
        md = _plain_paragraphs(container)
    lines = []
    for line in md.split("\n"):
        line = line.rstrip()
        plain = re.sub(r"[*_#>\[\]()\-]+", " ", line).strip()
        # markdownify escapes the "*" of "Required fields are marked *"
        if plain and (BOILERPLATE_LINE.match(" ".join(plain.split()))
                      or is_boilerplate_line(line.replace("\\", ""))):
            continue
        lines.append(line)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return body + "\n" if body else ""
