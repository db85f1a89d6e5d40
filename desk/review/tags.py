"""The steps of the review actions on one quotation: tag it, set its status, record its
original. The window and the CLI do not call these: they call desk.operations.quotes, which
builds each user action from them in one transaction.

Every action stamps ``reviewed_by``/``reviewed_at``: that is what makes a row "review
work" that survives the quotation disappearing from the text for a while. Assigning a
source or speaker also stamps ``assigned_by`` with the same name (cleared with the source).
The name is the ``reviewer`` given, else the library's editor, else ``reviewer_name()``.
"""

from __future__ import annotations

from desk.model import QUOTE_STATUSES, DeskError
from desk.storage.base import now
from desk.storage.quotes import QuoteTag


def reviewer_name() -> str:
    """Who is reviewing when no one is named: $DESK_EDITOR or $DESK_REVIEWER, else the name
    stored in the window's Preferences, else the OS user's full or login name
    (desk.editor_name)."""
    from desk.editor_name import cli_name

    return cli_name()


def reviewer_of(lib, reviewer: str | None) -> str:
    """Who a review action is stamped with: the one named, else the library's editor, else
    ``reviewer_name()``."""
    if reviewer is not None:
        return reviewer
    return lib.editor or reviewer_name()


def review_stamp(lib, reviewer: str | None, *, assigned: bool = False) -> dict:
    """The stamp of a review action (for the operations that write their own updates);
    ``assigned``: the action assigns a speaker or source, stamped as ``assigned_by`` too."""
    name = reviewer_of(lib, reviewer)
    stamp = {"reviewed_by": name, "reviewed_at": now()}
    if assigned:
        stamp["assigned_by"] = name
    return stamp


def tag_quote(lib, quote_id: int, *, reviewer: str | None = None, **tags) -> QuoteTag:
    """Set any of source_id, origin, origin_ref, original, note, status on a quotation.
    ``source_id=None`` passed explicitly clears the source."""
    allowed = {"source_id", "origin", "origin_ref", "original", "note", "status", "verified_against",
               "verified_material_id"}
    unknown = set(tags) - allowed
    if unknown:
        raise TypeError(f"unknown quotation tags: {sorted(unknown)}")
    lib.quotes.get(quote_id)
    if tags.get("source_id") is not None:
        lib.sources.get(tags["source_id"])
    stamp = review_stamp(lib, reviewer)
    if "source_id" in tags:  # the editor's attribution now, which the checks honour; cleared: theirs
        tags["assigned"] = int(tags["source_id"] is not None)
        tags["assigned_by"] = stamp["reviewed_by"] if tags["assigned"] else ""
    return lib.quotes.update(quote_id, **tags, **stamp)


def set_quote_status(lib, quote_id: int, status: str, *, note: str | None = None,
                     reviewer: str | None = None) -> QuoteTag:
    if status not in QUOTE_STATUSES:
        raise DeskError(f"unknown quotation status {status!r}; choose one of {', '.join(QUOTE_STATUSES)}")
    tags: dict = {"status": status}
    if note is not None:
        tags["note"] = note
    return tag_quote(lib, quote_id, reviewer=reviewer, **tags)


def verify_quote(lib, quote_id: int, *, original: str | None = None, note: str | None = None,
                 reviewer: str | None = None, origin: str | None = None,
                 origin_ref: str | None = None,
                 material_id: int | None = None) -> tuple[QuoteTag, bool]:
    """Verify a quotation, optionally against the words recorded at the source.

    Without ``original``: marked verified (the editor vouches for it). With one: the
    original is recorded; the quotation is verified only if its words are the same
    (see desk.review.material.is_identical), otherwise it stays unverified and the
    misquote check shows the difference. Returns (row, verified). A one-click verify that
    looks at the evidence first is desk.review.evidence.verify_checked."""
    from desk.review.material import is_identical

    row = lib.quotes.get(quote_id)
    tags: dict = {}
    if note is not None:
        tags["note"] = note
    if origin is not None:
        tags["origin"] = origin
    if origin_ref is not None:
        tags["origin_ref"] = origin_ref
    if original is None:
        verified = True
    else:
        if not original.strip():
            raise DeskError("the original text is empty")
        tags["original"] = original
        verified = is_identical(row.text, original)
    if verified:  # and what it was checked against (nothing: the editor vouched for it)
        tags.update(status="verified", verified_against=original, verified_material_id=material_id)
    elif row.status == "verified":
        tags["status"] = "unverified"
    return tag_quote(lib, quote_id, reviewer=reviewer, **tags), verified
