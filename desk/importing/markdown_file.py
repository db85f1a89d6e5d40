"""Markdown with optional YAML front matter, and plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from desk.model import ARTICLE_STATUSES, DeskError

FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
HEADING_RE = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*(?:\n|\Z)")
FIELD_NAMES = {
    "headline": "headline", "title": "headline",
    "dek": "dek", "subtitle": "dek", "description": "dek", "standfirst": "dek",
    "byline": "byline", "author": "byline",
    "section": "section", "status": "status", "language": "language", "lang": "language",
}


@dataclass
class ParsedArticle:
    fields: dict
    tags: list[str] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)  # as listed in front matter


def split_front_matter(text: str, name: str = "input") -> tuple[dict, str]:
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        raise DeskError(f"{name}: front matter is not valid YAML{line}")
    if not isinstance(meta, dict):
        raise DeskError(f"{name}: front matter must be a set of 'key: value' lines")
    return meta, text[match.end():]


def parse_markdown(text: str, path: Path | str = "input") -> ParsedArticle:
    meta, body = split_front_matter(text, str(path))
    fields: dict = {}
    for key, value in meta.items():
        target = FIELD_NAMES.get(str(key).lower())
        if target and value is not None:
            fields[target] = str(value).strip()
    if "status" in fields and fields["status"] not in ARTICLE_STATUSES:
        raise DeskError(f"{path}: unknown status {fields['status']!r} in front matter")
    if not fields.get("headline"):
        match = HEADING_RE.match(body)
        if match:
            fields["headline"] = match.group(1).strip()
            body = body[match.end():]
    fields["body"] = body.strip("\n") + "\n" if body.strip() else ""
    if not fields.get("headline"):
        fields["headline"] = Path(str(path)).stem.replace("-", " ").replace("_", " ")
    return ParsedArticle(fields=fields, tags=_tags(meta.get("tags") or meta.get("keywords")),
                         sources=_sources(meta.get("sources")))


def parse_plain_text(text: str, path: Path | str = "input") -> ParsedArticle:
    text = text.strip("\n")
    first, _, rest = text.partition("\n")
    if not first.strip():
        raise DeskError(f"{path}: the file is empty")
    return ParsedArticle(fields={"headline": first.strip(),
                                 "body": rest.strip("\n") + "\n" if rest.strip() else ""})


def _tags(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [t.strip() for t in value.split(",") if t.strip()]
    return [str(t).strip() for t in value if str(t).strip()]


def _sources(value) -> list[dict]:
    out = []
    for item in value or []:
        if isinstance(item, str):
            out.append({"name": item})
        elif isinstance(item, dict) and item.get("name"):
            out.append(item)
    return out
