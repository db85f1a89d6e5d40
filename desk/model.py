"""Plain records shared by storage, checks, export and the window (no Qt, no SQL)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ARTICLE_STATUSES = ("draft", "editing", "copy-edit", "ready", "published", "killed")
# Reached only through the workflow gate (desk.review.gate, desk.operations.articles).
GATED_STATUSES = ("ready", "published")
SOURCE_KINDS = ("person", "organisation", "anonymous")
QUOTE_STATUSES = ("unverified", "verified", "disputed", "not-a-quote")
QUOTE_ORIGINS = ("interview", "press-conference", "statement", "social-media", "transcript", "other")
SEVERITIES = ("error", "warning", "info")


class DeskError(Exception):
    """A user-facing error: the message is shown as one line (CLI) or a dialog (GUI)."""


@dataclass
class Article:
    id: int | None = None
    headline: str = ""
    dek: str = ""
    byline: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)
    status: str = "draft"
    body: str = ""
    language: str = "en-US"
    words: int = 0
    created_at: str = ""
    updated_at: str = ""
    published_at: str | None = None
    deleted_at: str | None = None
    updated_by: str = ""  # the editor of the last change ('' not recorded)


@dataclass
class Source:
    id: int | None = None
    name: str = ""
    kind: str = "person"
    title: str = ""
    organisation: str = ""
    role: str = ""
    contact: str = ""
    notes: str = ""
    aliases: list[str] = field(default_factory=list)
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class SourceRef:
    """What the checks need to know about a registered source."""

    id: int
    name: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class TaggedQuote:
    """A stored quotation tag the checks compare against (recorded original, status) and
    honour: "not-a-quote" drops the quotation; speaker/source_id, when set, are the
    editor's attribution and win over the engine's. start (where it was last seen) only
    breaks ties between quotations with the same words."""

    id: int
    text: str
    original: str | None = None
    status: str = "unverified"
    source_id: int | None = None
    speaker: str | None = None
    start: int | None = None


@dataclass(frozen=True)
class Problem:
    kind: str
    severity: str
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation found in a text. start/end cover the marks; text is without outer marks."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    source_id: int | None = None
    cue: str | None = None
    closed: bool = True
    speaker_kind: str | None = None  # person, organisation, anonymous
    title: str | None = None
    speaker_start: int | None = None  # where the speaker is named in the text, if found
    speaker_end: int | None = None
    term: bool = False  # a quoted title or nickname (CBS’s “Face the Nation”): nobody's words
    mention: str | None = None  # the speaker as the text names them here ("he", "the senator")

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "source_id": self.source_id,
            "cue": self.cue,
            "closed": self.closed,
            "speaker_mention": self.mention,
        }
