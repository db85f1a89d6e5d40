"""One link policy for every export: hostile links never reach HTML, ninjs, DOCX, PDF, text
or the Preview's HTML; http, https, mailto and links inside the article do."""

from __future__ import annotations

import io
import json
import re
import zipfile

import lxml.html
import pytest

from desk.export import get_format
from desk.export.base import ExportData
from desk.export.links import is_allowed, safe_href
from desk.export.render import article_html, sanitize
from desk.model import Article

HOSTILE = [
    "javascript:alert(1)",
    "java   script:alert(2)",
    "jav&#x09;ascript:alert(3)",
    "\x01javascript:alert(4)",
    "JaVaScRiPt:alert(5)",
    "jav\tascript:alert(6)",
    "&#106;avascript:alert(7)",
    "&amp;#106;avascript:alert(8)",
    " javascript:alert(9)",
    "//evil.example/alert(10)",
    "\\\\evil.example/alert(11)",
    "data:text/html,alert(12)",
    "vbscript:alert(13)",
    "file:///etc/alert(14)",
    "jav\u200bascript:alert(15)",
    "javascript&colon;alert(16)",
    "ja&NewLine;vascript:alert(17)",
]
ALLOWED = ["https://example.com/ok", "http://example.org/fine", "mailto:desk@example.com",
           "#notes", "photos/map.html", "../up/one.html", "?page=2"]


@pytest.mark.parametrize("href", HOSTILE)
def test_hostile_link_is_dropped(href):
    assert not is_allowed(href) and safe_href(href) is None


@pytest.mark.parametrize("href", ALLOWED)
def test_web_mail_and_relative_links_are_kept(href):
    assert safe_href(href) == href


def test_spaces_and_controls_are_removed_from_kept_links():
    assert safe_href(" https://example.com/a b\x07") == "https://example.com/a%20b"


def test_sanitize_drops_hostile_attributes_written_as_html():
    out = sanitize('<a href="java   script:alert(1)">x</a><img src="//evil/x.png">'
                   '<a href="https://example.com/ok">ok</a>')
    assert "alert" not in out and "evil" not in out and 'href="https://example.com/ok"' in out


def _body() -> str:
    lines = [f"Link {n}: [hostile {n}]({href})." for n, href in enumerate(HOSTILE)]
    lines += [f"Image {n}: ![pic {n}]({href})." for n, href in enumerate(HOSTILE[:4])]
    lines += [f"Good {n}: [fine {n}]({href})." for n, href in enumerate(ALLOWED)]
    return "\n\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def data():
    article = Article(id=1, headline="Links", body=_body(), created_at="2026-12-01T10:00:00",
                      updated_at="2026-12-01T10:00:00")
    return ExportData(article=article)


def _html_links(html: str) -> list[str]:
    root = lxml.html.fromstring(html)
    return [v for el in root.iter() if isinstance(el.tag, str)
            for k, v in el.attrib.items() if k in ("href", "src")]


def _docx_links(blob: bytes) -> list[str]:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
    return [r.get("Target") for r in rels if r.get("TargetMode") == "External"]


def _pdf_links(blob: bytes) -> list[str]:
    return [m.decode("latin-1") for m in re.findall(rb"/URI\s*\(((?:\\.|[^\\)])*)\)", blob)]


def _links(fmt: str, blob: bytes) -> list[str]:
    if fmt == "html":
        return _html_links(blob.decode())
    if fmt == "ninjs":
        return _html_links(json.loads(blob)["bodies"][0]["value"])
    if fmt == "docx":
        return _docx_links(blob)
    if fmt == "pdf":
        return _pdf_links(blob)
    return re.findall(r"\(([^()\s]+(?:\([^()]*\))?)\)", blob.decode())  # txt: "words (href)"


@pytest.mark.parametrize("fmt", ["html", "ninjs", "docx", "pdf", "txt"])
def test_no_hostile_link_survives_an_export(fmt, data):
    blob = get_format(fmt).render(data)
    links = _links(fmt, blob)
    assert not [link for link in links if "alert" in link or "evil" in link]
    assert all(is_allowed(link) for link in links), links
    absolute = [h for h in ALLOWED if ":" in h and not (fmt == "txt" and h.startswith("mailto"))]
    assert set(absolute) <= set(links), links  # the check above saw real links


def test_preview_html_keeps_only_allowed_links(data):
    links = _html_links(article_html(data.article))
    assert links and all(is_allowed(link) for link in links)
    assert not [link for link in links if "alert" in link or "evil" in link]
    assert set(ALLOWED) <= set(links)


def test_hostile_link_text_is_kept_as_words(data):
    html = get_format("html").render(data).decode()
    assert "hostile 1" in html and "hostile 9" in html
