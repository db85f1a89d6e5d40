"""The welcome article a new library starts with (resources/welcome.md)."""

from __future__ import annotations

from desk.importing.markdown_file import parse_markdown
from desk.paths import resource_path


def seed_welcome(library) -> int:
    path = resource_path("welcome.md")
    parsed = parse_markdown(path.read_text(encoding="utf-8"), path)
    with library.transaction():
        for src in parsed.sources:
            values = {k: src[k] for k in ("kind", "title", "organisation", "role", "contact", "notes")
                      if src.get(k)}
            library.sources.add(src["name"], aliases=src.get("aliases") or (), **values)
        return library.articles.create(**parsed.fields, tags=parsed.tags).id
