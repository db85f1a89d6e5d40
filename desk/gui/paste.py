"""Rich text pasted from a web page becomes clean Markdown: page furniture (navigation,
share buttons, ads, newsletter boxes, cookie notices) is dropped, not pasted."""

from __future__ import annotations

import re

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


def html_to_markdown(html: str) -> str:
    """Markdown for a pasted HTML fragment; "" when nothing worth pasting is left."""
    from bs4 import BeautifulSoup
    from markdownify import markdownify

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
    text = markdownify(str(soup), heading_style="ATX", bullets="-", strong_em_symbol="*",
                       escape_underscores=False, escape_asterisks=False)
    return clean_markdown(text)


def clean_markdown(text: str) -> str:
    lines = []
    for line in text.replace("\r\n", "\n").replace("\xa0", " ").split("\n"):
        line = line.rstrip()
        if BOILERPLATE_LINES.match(line.strip(" #>-*")) and len(line) < 120:
            continue
        lines.append(line)
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip("\n")
