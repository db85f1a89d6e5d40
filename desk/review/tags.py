"""The steps of the review actions on one quotation: tag it, set its status, record its
original. The window and the CLI do not call these: they call desk.operations.quotes, which
builds each user action from them in one transaction.

Every action stamps ``reviewed_by``/``reviewed_at``: that is what makes a row "review
work" that survives the quotation disappearing from the text for a while.
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


def _stamp(reviewer: str | None) -> dict:
    return {"reviewed_by": reviewer if reviewer is not None else reviewer_name(),
            "reviewed_at": now()}


review_stamp = _stamp  # for the operations that stamp their own updates


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
    if "source_id" in tags:  # the editor's attribution now, which the checks honour; cleared: theirs
        tags["assigned"] = int(tags["source_id"] is not None)
    return lib.quotes.update(quote_id, **tags, **_stamp(reviewer))


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
