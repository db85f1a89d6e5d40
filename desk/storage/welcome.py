"""The welcome article a new library starts with (resources/welcome.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk.importing.markdown_file import parse_markdown
from desk.paths import resource_path

if TYPE_CHECKING:
    from desk.model import Article
    from desk.storage import Library


def seed_welcome(library: Library) -> Article:
    path = resource_path("welcome.md")
    parsed = parse_markdown(path.read_text(encoding="utf-8"), path)
    with library.transaction():
        for src in parsed.sources:
            values = {k: src[k] for k in ("kind", "title", "organisation", "role", "contact", "notes")
                      if src.get(k)}
            library.sources.add(src["name"], aliases=src.get("aliases") or (), **values)
        return library.articles.create(**parsed.fields, tags=parsed.tags)
