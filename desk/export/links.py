"""The one link policy of every export (HTML, ninjs, DOCX, PDF, text) and the Preview.

A link may go to the web (http, https), to an e-mail address (mailto), or somewhere inside
the article or next to it (``#notes``, ``photos/map.png``). Everything else is dropped:
``javascript:``, ``data:``, ``file:``, ``vbscript:``... and protocol-relative ``//host/x``
(which leaves for whatever host it names). The scheme is judged the way a browser or a word
processor would read it, after decoding HTML entities (more than once: ``&amp;#x09;``),
removing whitespace, control and invisible characters anywhere in it, and case-folding, so
``java   script:``, ``jav&#x09;ascript:``, ``JaVaScRiPt:`` and ``\\x01javascript:`` are all
recognised as what they are. Qt-free: the PDF writer and the window use it too.
"""

from __future__ import annotations

import html
import re
import unicodedata

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([^/?#]*?):")  # everything before the first ':' not after / ? #
_VALID_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*")
_DROP_IN_OUTPUT = re.compile(r"[\x00-\x1f\x7f]")
MAX_HREF = 4096


def _invisible(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp")


def normalised(href: str) -> str:
    """The link as a scheme check must see it: entities decoded (up to three rounds),
    whitespace, control and format characters removed, lower case."""
    text = href
    for _ in range(3):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = "".join(ch for ch in text if not _invisible(ch))
    return text.casefold()


def is_allowed(href: str | None) -> bool:
    if not href or len(href) > MAX_HREF:
        return False
    link = normalised(href)
    if not link or link.startswith("/") and link[1:2] in ("/", "\\") or link[:1] == "\\":
        return False  # //host/x and \\host\x leave the article; \x is never meant
    match = _SCHEME.match(link)
    if match is None:
        return True  # relative: #anchor, notes.html, ../photos/map.png, ?q=1
    scheme = match.group(1)
    return bool(_VALID_SCHEME.fullmatch(scheme)) and scheme in ALLOWED_SCHEMES


def safe_href(href: str | None) -> str | None:
    """The link as it may be written out, or None when the policy drops it. Control
    characters are removed and spaces encoded, so what was checked is what is written."""
    if not is_allowed(href):
        return None
    cleaned = _DROP_IN_OUTPUT.sub("", href).strip().replace(" ", "%20")
    if not cleaned or not is_allowed(cleaned):
        return None
    return cleaned


def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """For nh3.clean: link-bearing attributes pass through the policy."""
    if attribute in ("href", "src", "cite", "action", "formaction", "xlink:href", "poster"):
        return safe_href(value)
    return value
