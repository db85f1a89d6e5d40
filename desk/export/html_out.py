"""A standalone, styled, printable HTML page; sanitized by render.py."""

from __future__ import annotations

import html

from desk.export.base import ExportData
from desk.export.render import standalone_html


def render(data: ExportData) -> bytes:
    return standalone_html(data.article, extra_head=metadata_head(data.article)).encode("utf-8")


def metadata_head(article) -> str:
    """The article's fields as the meta tags news pages use (description, author, Open
    Graph's article:section and one article:tag per tag), so desk's HTML import, and any
    reader of page metadata, gets dek, byline, section and tags back."""
    def meta(attr: str, name: str, value: str) -> str:
        return f'<meta {attr}="{name}" content="{html.escape(" ".join(value.split()))}">\n'

    out = [meta("property", "og:title", article.headline)] if article.headline else []
    if article.dek:
        out.append(meta("name", "description", article.dek))
    if article.byline:
        out.append(meta("name", "author", article.byline))
    if article.section:
        out.append(meta("property", "article:section", article.section))
    out += [meta("property", "article:tag", tag) for tag in article.tags]
    return "".join(out)
