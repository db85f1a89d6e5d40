"""Operations on one quotation that the window and the CLI share.

``assign_source``: the editor says who said a quotation. It sets the source and the
speaker, marks the attribution as the editor's (``assigned``, which the checks honour) and
stamps the reviewer, in one transaction. The detected speaker becomes an alias of the
source only when the caller says the editor confirmed it (``learn_alias=True``) and only
when it names a person (desk.operations.aliases): "Iran said" credited to Saeed
Khatibzadeh must not make every later "Iran said" his.

``verify``: one-click verify that looks at the quotation's evidence first and refuses when
the words differ unless forced (desk.review.evidence).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk.model import DeskError, Source
from desk.operations.aliases import refusal
from desk.review.evidence import Evidence, EvidenceDiffers, verify_checked
from desk.review.tags import review_stamp
from desk.storage.quotes import QuoteTag

if TYPE_CHECKING:
    from desk.storage import Library

__all__ = ["AssignResult", "EvidenceDiffers", "alias_offer", "assign_source", "detected_speaker",
           "verify"]


@dataclass
class AssignResult:
    quote: QuoteTag
    source: Source
    alias_learned: str | None  # the alias added, if any


def detected_speaker(lib: Library, quote_id: int) -> tuple[str | None, str | None]:
    """The speaker the checks name for a stored quotation now, and its kind (person,
    organisation, pronoun, ...), found by running the engine on the article."""
    from desk.review.reattach import find_quotes

    row = lib.quotes.get(quote_id)
    if row.start is not None:
        article = lib.articles.get(row.article_id, include_deleted=True)
        for span in find_quotes(lib, article):
            if span.start == row.start:
                return span.speaker, span.speaker_kind
    return row.speaker, None


def alias_offer(lib: Library, source_id: int, speaker: str | None, kind: str | None) -> str | None:
    """The name worth asking the editor about ("Also remember X as a name for Y?"), or None:
    nothing detected, already a name of the source, or not a person's name."""
    src = lib.sources.get(source_id)
    if not speaker or speaker.lower() in {n.lower() for n in [src.name, *src.aliases]}:
        return None
    if refusal(speaker, kind) is not None:
        return None
    return speaker


def assign_source(lib: Library, *, quote_id: int, source_id: int, speaker: str | None = None,
                  speaker_kind: str | None = None, learn_alias: bool = False,
                  reviewer: str | None = None) -> AssignResult:
    """Attribute quotation ``quote_id`` to source ``source_id``.

    ``speaker``/``speaker_kind``: the name the checks detected and how they read it (the
    window passes them from the quotation on screen; when omitted, the engine is asked).
    ``learn_alias``: the editor confirmed the detected name is this source; refused with a
    DeskError, before anything changes, when the name is a pronoun, country or organisation.
    The stored speaker is always a name of the source: the detected one when it is (or has
    just become) an alias, else the source's own name."""
    src = lib.sources.get(source_id)
    row = lib.quotes.get(quote_id)
    if speaker is None:
        speaker, detected_kind = detected_speaker(lib, quote_id)
        speaker_kind = speaker_kind or detected_kind
    known = {n.lower() for n in [src.name, *src.aliases]}
    learn = None
    if learn_alias:
        if not speaker:
            raise DeskError(f"quotation {quote_id} has no detected speaker to remember as an alias")
        if speaker.lower() not in known:
            why = refusal(speaker, speaker_kind)
            if why is not None:
                raise DeskError(f"not remembered as a name for {src.name}: {why}; nothing changed")
            learn = speaker
    with lib.transaction():
        if learn:
            lib.sources.add_alias(source_id, learn)
        stored = speaker if speaker and (learn or speaker.lower() in known) else src.name
        row = lib.quotes.update(row.id, source_id=source_id, speaker=stored, assigned=1,
                                **review_stamp(reviewer))
    return AssignResult(quote=row, source=lib.sources.get(source_id), alias_learned=learn)


def verify(lib: Library, *, quote_id: int, force: bool = False, note: str | None = None,
           reviewer: str | None = None) -> tuple[QuoteTag, Evidence | None]:
    """Mark verified after checking the quotation's evidence; raises EvidenceDiffers (with
    the word diff) when it differs, unless ``force``. Returns the row and the evidence used."""
    return verify_checked(lib, quote_id, force=force, note=note, reviewer=reviewer)
