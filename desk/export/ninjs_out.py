"""IPTC ninjs 3.0 (News in JSON): what a CMS or wire system ingests.

The uri is a stable urn:uuid derived from the article's id and creation time (the schema
asks for a globally unique id; desk's numeric id is only unique in one library, so it
goes into altIds). Quoted people become ``people`` entries, quoted organisations
``organisations``, each with rel "quoted" and, when registered, a desk:source:ID uri.
A registered source is what its record's kind says; a speaker not registered is an
organisation when it names a country, its capital or people ("Iran said", "Tehran said",
"the Iranians said") or holds an organisation word ("the Foreign Ministry", "police"),
from the word lists in resources/names/ that also keep such speakers from becoming a
person's alias; otherwise the attribution engine's kind. Anonymous sources are not listed. Source contact details are private and never leave in
a ninjs file. Tags become ``subjects`` with rel "keyword" (ninjs 3.0 has no keywords
property), the section a subject with rel "section"."""

from __future__ import annotations

import json
import uuid

from desk.checks.name_kinds import body_kind
from desk.export.base import ExportData, slugify
from desk.export.render import markdown_html
from desk.text import word_count

SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json#"
_NAMESPACE = uuid.UUID("6f1c8d6e-2f4b-4c63-9a57-3e1f0b9d2a10")
PUB_STATUS = {"published": "usable", "ready": "usable", "killed": "canceled"}


def article_uri(article) -> str:
    return "urn:uuid:" + str(uuid.uuid5(_NAMESPACE, f"desk:article:{article.id}:{article.created_at}"))


def ninjs(data: ExportData) -> dict:
    a = data.article
    body_html = markdown_html(a.body)
    item: dict = {
        "standard": {"name": "ninjs", "version": "3.0", "schema": SCHEMA_URI},
        "uri": article_uri(a),
        "type": "text",
        "representationType": "full",
        "profile": "desk-article",
        "version": a.updated_at or "1",
        "pubStatus": PUB_STATUS.get(a.status, "withheld"),
        "language": a.language or "en-US",
        "headlines": [{"role": "main", "contentType": "text/plain", "value": a.headline}],
        "bodies": [{"role": "main", "contentType": "text/html", "value": body_html,
                    "wordCount": word_count(a.body), "charCount": len(a.body)}],
        "altIds": [{"role": "desk-article-id", "value": str(a.id)}],
    }
    for key, stamp in (("firstCreated", a.created_at), ("versionCreated", a.updated_at),
                       ("contentCreated", a.created_at)):
        if stamp:
            item[key] = stamp
    if a.published_at:
        item["firstCreated"] = min(item.get("firstCreated", a.published_at), a.published_at)
    if a.dek:
        item["descriptions"] = [{"role": "summary", "contentType": "text/plain", "value": a.dek}]
    if a.byline:
        item["by"] = a.byline
    if a.headline:
        item["slugline"] = slugify(a.headline, 40)
    subjects = [{"name": a.section, "rel": "section"}] if a.section else []
    subjects += [{"name": t, "rel": "keyword"} for t in a.tags]
    if subjects:
        item["subjects"] = subjects
    people, organisations = _quoted(data)
    if people:
        item["people"] = people
    if organisations:
        item["organisations"] = organisations
    return item


def _quoted(data: ExportData) -> tuple[list[dict], list[dict]]:
    people: list[dict] = []
    organisations: list[dict] = []
    seen: set[str] = set()
    for q in data.quotes:
        src = q.source
        name = src.name if src else (q.speaker or "").strip()
        kind = src.kind if src else speaker_kind(name, q.speaker_kind)
        if not name or name in seen or kind == "anonymous":
            continue
        seen.add(name)
        entry: dict = {"name": name, "rel": "quoted"}
        if src is not None:
            entry["uri"] = f"desk:source:{src.id}"
        if kind == "organisation":
            organisations.append(entry)
        else:
            people.append(entry)
    return people, organisations


def speaker_kind(name: str, engine_kind: str | None) -> str | None:
    """The kind of a speaker no source record describes: the engine's reading, except that
    a country, capital, demonym or organisation word makes it an organisation."""
    if engine_kind == "anonymous" or not name:
        return engine_kind
    return "organisation" if body_kind(name) in ("country", "organisation") else engine_kind


def render(data: ExportData) -> bytes:
    return (json.dumps(ninjs(data), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
