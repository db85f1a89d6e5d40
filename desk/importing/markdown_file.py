"""Markdown with optional YAML front matter, and plain text. Front matter may use desk's
keys (headline, dek, byline, section, status, language) or the ones pandoc and static
site generators use (title, subtitle, author, lang, ...); desk's own win where both are
given, as in the files desk writes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from desk.importing.decode import file_title
from desk.languages import lookup, unknown_message
from desk.model import ARTICLE_STATUSES, DeskError

FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
HEADING_RE = re.compile(r"\A[ \t\n]*#[ \t]+([^\n]+)(?:\n|\Z)")  # closing #s: rstrip, not regex
DESK_KEYS = frozenset({"headline", "dek", "byline", "section", "status", "language"})
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
    encoding: str | None = None  # the text encoding the file was read in (None: a .docx)
    content_hash: str | None = None  # sha256 of the file's bytes: re-imports are noticed


def split_front_matter(text: str, name: str = "input") -> tuple[dict, str]:
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return {}, text
    from desk.importing.front_matter import load_front_matter  # YAML only for front matter

    return load_front_matter(match.group(1) or "", name), text[match.end():]


def parse_markdown(text: str, path: Path | str = "input") -> ParsedArticle:
    if not text.strip():  # as a plain text file: nothing to make an article of
        raise DeskError(f"{path}: the file is empty")
    meta, body = split_front_matter(text, str(path))
    fields: dict = {}
    given: set[str] = set()  # fields set by desk's own key: another name does not replace them
    for key, value in meta.items():
        name = str(key).lower()
        target = FIELD_NAMES.get(name)
        if target and value is not None and target not in given:
            fields[target] = _field_text(value)
            if name in DESK_KEYS:
                given.add(target)
    if "status" in fields and fields["status"] not in ARTICLE_STATUSES:
        raise DeskError(f"{path}: unknown status {fields['status']!r} in front matter")
    if "language" in fields:
        found = lookup(fields["language"])
        if found is None:
            raise DeskError(f"{path}: the front matter names an {unknown_message(fields['language'])}")
        fields["language"] = found.code
    if not fields.get("headline"):
        match = HEADING_RE.match(body)
        if match and match.group(1).rstrip(" \t#"):
            fields["headline"] = match.group(1).rstrip(" \t#").strip()
            body = body[match.end():]
    fields["body"] = body.strip("\n") + "\n" if body.strip() else ""
    if not fields.get("headline"):
        fields["headline"] = file_title(path)
    return ParsedArticle(fields=fields, tags=_tags(meta.get("tags") or meta.get("keywords"), path),
                         sources=_sources(meta.get("sources"), path))


def parse_plain_text(text: str, path: Path | str = "input") -> ParsedArticle:
    text = text.strip("\n")
    first, _, rest = text.partition("\n")
    if not first.strip():
        raise DeskError(f"{path}: the file is empty")
    return ParsedArticle(fields={"headline": first.strip(),
                                 "body": rest.strip("\n") + "\n" if rest.strip() else ""})


def _field_text(value) -> str:
    """pandoc allows a list of authors: they join as a byline does ("A and B")."""
    if isinstance(value, list) and all(_scalar(v) for v in value):
        names = [str(v).strip() for v in value if str(v).strip()]
        return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
    return str(value).strip()


def _scalar(value) -> bool:
    return isinstance(value, (str, int, float, bool)) or hasattr(value, "isoformat")


def _plain(value):
    return [str(v) for v in value] if isinstance(value, list) else str(value)


def _tags(value, path) -> list[str]:
    """A list of words, or one comma-separated line; a lone number (tags: 2026) is one tag."""
    if value is None or value == "":
        return []
    if _scalar(value):
        return [t.strip() for t in str(value).split(",") if t.strip()]
    if isinstance(value, list) and all(_scalar(t) for t in value):
        return [str(t).strip() for t in value if str(t).strip()]
    raise DeskError(f"{path}: front matter 'tags' must be a list of words or one "
                    "comma-separated line")


def _sources(value, path) -> list[dict]:
    """A list of names or of {name: ..., title: ...}; a single name is a list of one."""
    if value is None or value == "":
        return []
    if _scalar(value) or isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise DeskError(f"{path}: front matter 'sources' must be a list of names")
    out = []
    for item in value:
        if _scalar(item) and str(item).strip():
            out.append({"name": str(item).strip()})
        elif isinstance(item, dict) and _scalar(item.get("name")) and str(item["name"]).strip():
            out.append({str(k): _plain(v) for k, v in item.items()
                        if _scalar(v) or isinstance(v, list) and all(map(_scalar, v))})
        else:
            raise DeskError(f"{path}: front matter 'sources' must be a list of names "
                            "(or of entries with a name)")
    return out
