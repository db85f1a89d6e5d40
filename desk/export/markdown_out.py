"""Markdown with YAML front matter: the article as desk itself reads it back, and as pandoc
reads it: desk's own keys (headline, byline, language, ...) and, after them, the ones
pandoc's templates understand (title, author, lang, date: the date a reader sees)."""

from __future__ import annotations

import yaml

from desk.export.base import ExportData
from desk.export.render import article_date


def front_matter(data: ExportData) -> dict:
    a = data.article
    meta: dict = {"headline": a.headline}
    for key in ("dek", "byline", "section"):
        if getattr(a, key):
            meta[key] = getattr(a, key)
    if a.tags:
        meta["tags"] = list(a.tags)
    meta["status"] = a.status
    meta["language"] = a.language
    for key, value in (("created", a.created_at), ("updated", a.updated_at),
                       ("published", a.published_at)):
        if value:
            meta[key] = value
    sources = []
    for q in data.quotes:
        src = q.source
        if src is None and (q.speaker_kind != "person" or not q.speaker):
            continue  # descriptors ("the authority", "a senior official") are not sources
        name = src.name if src else q.speaker
        if any(s["name"] == name for s in sources):
            continue
        entry: dict = {"name": name}
        if src is not None:
            if src.kind != "person":
                entry["kind"] = src.kind
            for key in ("title", "organisation", "role"):  # never contact or notes: private
                if getattr(src, key):
                    entry[key] = getattr(src, key)
            if src.aliases:
                entry["aliases"] = list(src.aliases)
        sources.append(entry)
    if sources:
        meta["sources"] = sources
    meta.update(pandoc_keys(data))
    return meta


def pandoc_keys(data: ExportData) -> dict:
    """title, author, lang and date as pandoc reads them (its templates put them in the
    document's head: <title>, <meta name="author">, <html lang>, the date line)."""
    a = data.article
    keys: dict = {"title": a.headline}
    if a.byline:
        keys["author"] = a.byline
    keys["lang"] = a.language or "en-US"
    stamp = article_date(a)
    if stamp:
        keys["date"] = stamp[:10]
    return keys


def render(data: ExportData) -> bytes:
    head = yaml.safe_dump(front_matter(data), sort_keys=False, allow_unicode=True, width=10_000,
                          default_flow_style=False)
    body = data.article.body.strip("\n")
    text = f"---\n{head}---\n\n{body}\n" if body else f"---\n{head}---\n"
    return text.encode("utf-8")
