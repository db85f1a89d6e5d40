"""Operations on one quotation that the window and the CLI share.

- ``assign_source``: the editor says who said a quotation. It sets the source and the
  speaker, marks the attribution as the editor's (``assigned``, which the checks honour) and
  stamps the reviewer, in one transaction. The detected speaker becomes an alias of the
  source only when the caller says the editor confirmed it (``learn_alias=True``) and only
  when it names a person (desk.operations.aliases): "Iran said" credited to Saeed
  Khatibzadeh must not make every later "Iran said" his.
- ``assign_new_source``: register the detected speaker as a source and assign it.
- ``set_speaker``: the editor names the speaker; a registered name assigns that source.
- ``set_status`` (``dispute``, ``mark_not_a_quote``): the review status, with a note.
- ``verify``: one-click verify that looks at the quotation's evidence first and refuses when
  the words differ unless forced (desk.review.evidence).
- ``record_original``: the words as the source said them; verified only when identical.
- ``verify_from_material``: find the passage in source material and record the result.
- ``tag``: the review form's fields at once (source, speaker, status, origin, reference,
  original, note), in one transaction — what `desk quotes tag` and the review dialog do.

Every operation stamps the reviewer (``reviewer``; default the library's editor, else
desk.editor_name.cli_name()), an assignment ``assigned_by`` too, and returns its result
with ``changes`` (desk.operations.changes).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk.model import QUOTE_ORIGINS, QUOTE_STATUSES, SOURCE_KINDS, DeskError, Source
from desk.operations.aliases import refusal
from desk.operations.changes import NOTHING, Changes
from desk.operations.logged import logged
from desk.review.evidence import Evidence, EvidenceDiffers, verify_checked
from desk.review.material import Passage
from desk.review.tags import review_stamp, set_quote_status, tag_quote, verify_quote
from desk.storage.quotes import QuoteTag

if TYPE_CHECKING:
    from desk.storage import Library

__all__ = ["KEEP", "AssignResult", "EvidenceDiffers", "QuoteResult", "VerifyResult", "alias_offer",
           "alias_refusal", "assign_new_source", "assign_source", "detected", "detected_speaker",
           "dispute", "mark_not_a_quote", "record_original", "set_speaker", "set_status", "tag", "verify", "verify_from_material"]


class _Keep(enum.Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP  # a ``tag`` field left as it is (None clears it)


@dataclass
class QuoteResult:
    quote: QuoteTag
    changes: Changes


@dataclass
class AssignResult:
    quote: QuoteTag
    source: Source
    alias_learned: str | None  # the alias added, if any
    changes: Changes


@dataclass
class VerifyResult:
    quote: QuoteTag
    verified: bool
    changes: Changes
    evidence: Evidence | None = None  # one-click verify: what it was checked against
    passage: Passage | None = None  # from material: the best passage found (None: none)
    recorded: bool = False  # from material: the passage was recorded as the original


def _quote_changed(quote_id: int, *sources: int | None) -> Changes:
    return Changes.of(quotes=[quote_id], sources=sources)


def detected(lib: Library, quote_id: int) -> tuple[str | None, str | None, str | None]:
    """The speaker the checks name for a stored quotation now, its kind (person,
    organisation, pronoun, ...) and the words that name them at the quotation ("he", "the
    senator", "Ana Ruiz"), found by running the engine on the article."""
    from desk.review.reattach import find_quotes

    row = lib.quotes.get(quote_id)
    if row.start is not None:
        article = lib.articles.get(row.article_id, include_deleted=True)
        for span in find_quotes(lib, article):
            if span.start == row.start:
                return span.speaker, span.speaker_kind, span.mention
    return row.speaker, None, None


def detected_speaker(lib: Library, quote_id: int) -> tuple[str | None, str | None]:
    """The detected speaker and its kind (see ``detected``)."""
    speaker, kind, _mention = detected(lib, quote_id)
    return speaker, kind


def alias_refusal(lib: Library, source_id: int, speaker: str, kind: str | None,
                  mention: str | None = None) -> str | None:
    """Why ``speaker`` must not become an alias of source ``source_id``, or None.

    Besides a pronoun, country or organisation (desk.operations.aliases): a name the engine
    only resolved ("“…,” he said" read as the Mark Hill named earlier) is not what the text
    says at this quotation, so the editor crediting it to someone else says the resolution
    was wrong, not that the name is theirs; and a name that already belongs to another
    source would make one name two people's."""
    why = refusal(speaker, kind)
    if why is not None:
        return why
    if mention and " ".join(mention.split()).lower() != speaker.lower() \
            and refusal(mention) is not None:
        return (f"the text says “{mention}” here, not “{speaker}”; a name is remembered only "
                "where the text gives it")
    other = lib.sources.find(speaker)
    if other is not None and other.id != source_id:
        return f"“{speaker}” is already a name of {other.name} (source {other.id})"
    return None


def alias_offer(lib: Library, source_id: int, speaker: str | None, kind: str | None,
                mention: str | None = None) -> str | None:
    """The name worth asking the editor about ("Also remember X as a name for Y?"), or None:
    nothing detected, already a name of the source, or a name it must not learn
    (``alias_refusal``)."""
    src = lib.sources.get(source_id)
    if not speaker or speaker.lower() in {n.lower() for n in [src.name, *src.aliases]}:
        return None
    if alias_refusal(lib, source_id, speaker, kind, mention) is not None:
        return None
    return speaker


@logged
def assign_source(lib: Library, *, quote_id: int, source_id: int, speaker: str | None = None,
                  speaker_kind: str | None = None, mention: str | None = None,
                  learn_alias: bool = False, reviewer: str | None = None) -> AssignResult:
    """Attribute quotation ``quote_id`` to source ``source_id``.

    ``speaker``/``speaker_kind``/``mention``: the name the checks detected, how they read
    it and the words naming them at the quotation (the window passes them from the quotation
    on screen; when ``speaker`` is omitted, the engine is asked).
    ``learn_alias``: the editor confirmed the detected name is this source; refused with a
    DeskError, before anything changes, when the name is a pronoun, country or
    organisation, only resolved from a pronoun or description, or another source's name.
    The stored speaker is always a name of the source: the detected one when it is (or has
    just become) an alias, else the source's own name."""
    src = lib.sources.get(source_id)
    row = lib.quotes.get(quote_id)
    if speaker is None:
        speaker, detected_kind, mention = detected(lib, quote_id)
        speaker_kind = speaker_kind or detected_kind
    known = {n.lower() for n in [src.name, *src.aliases]}
    learn = None
    if learn_alias:
        if not speaker:
            raise DeskError(f"quotation {quote_id} has no detected speaker to remember as an alias")
        if speaker.lower() not in known:
            why = alias_refusal(lib, source_id, speaker, speaker_kind, mention)
            if why is not None:
                raise DeskError(f"not remembered as a name for {src.name}: {why}; nothing changed")
            learn = speaker
    with lib.transaction():
        if learn:  # again once this writer's turn came: another desk may have taken it since
            other = lib.sources.find(learn)
            if other is not None and other.id != source_id:
                raise DeskError(f"not remembered as a name for {src.name}: “{learn}” is "
                                f"already a name of {other.name} (source {other.id}); "
                                "nothing changed")
            lib.sources.add_alias(source_id, learn)
        stored = speaker if speaker and (learn or speaker.lower() in known) else src.name
        row = lib.quotes.update(row.id, source_id=source_id, speaker=stored, assigned=1,
                                **review_stamp(lib, reviewer, assigned=True))
    return AssignResult(quote=row, source=lib.sources.get(source_id), alias_learned=learn,
                        changes=_quote_changed(row.id, source_id if learn else None))


@logged
def assign_new_source(lib: Library, *, quote_id: int, name: str, kind: str = "person",
                      title: str = "", reviewer: str | None = None) -> AssignResult:
    """Register ``name`` (the detected speaker) as a source, unless a source already goes by
    it, and assign the quotation to it — one action ("Create source “X”")."""
    name = " ".join(name.split())
    if not name:
        raise DeskError("no speaker was found for this quotation")
    lib.quotes.get(quote_id)
    with lib.transaction():
        existing = lib.sources.find(name)
        if existing is None:
            existing = lib.sources.add(name, kind=kind if kind in SOURCE_KINDS else "person",
                                       title=title)
        assert existing.id is not None
        result = assign_source(lib, quote_id=quote_id, source_id=existing.id, speaker=name,
                               speaker_kind="person", reviewer=reviewer)
    result.changes = result.changes | Changes.of(sources=[existing.id])
    return result


def _speaker(lib: Library, quote_id: int, name: str, reviewer: str | None) -> AssignResult | QuoteTag:
    name = " ".join(name.split())
    if not name:
        raise DeskError("a speaker needs a name")
    found = lib.sources.find(name)
    if found is not None and found.id is not None:
        return assign_source(lib, quote_id=quote_id, source_id=found.id, speaker=name,
                             speaker_kind="person", reviewer=reviewer)
    lib.quotes.get(quote_id)
    return lib.quotes.update(quote_id, speaker=name, source_id=None, assigned=1,
                             **review_stamp(lib, reviewer, assigned=True))


@logged
def set_speaker(lib: Library, *, quote_id: int, name: str,
                reviewer: str | None = None) -> QuoteResult:
    """The editor says who is speaking. A name registered as a source (or an alias of one)
    assigns that source; any other name is kept as the editor's speaker, with no source."""
    with lib.transaction():
        done = _speaker(lib, quote_id, name, reviewer)
    if isinstance(done, AssignResult):
        return QuoteResult(done.quote, done.changes)
    return QuoteResult(done, _quote_changed(quote_id))


@logged
def set_status(lib: Library, *, quote_id: int, status: str, note: str | None = None,
               reviewer: str | None = None) -> QuoteResult:
    """Set the review status (unverified, verified, disputed, not-a-quote), with a note."""
    with lib.transaction():
        row = set_quote_status(lib, quote_id, status, note=note, reviewer=reviewer)
    return QuoteResult(row, _quote_changed(quote_id))


@logged
def dispute(lib: Library, *, quote_id: int, note: str | None = None,
            reviewer: str | None = None) -> QuoteResult:
    return set_status(lib, quote_id=quote_id, status="disputed", note=note, reviewer=reviewer)


@logged
def mark_not_a_quote(lib: Library, *, quote_id: int, note: str | None = None,
                     reviewer: str | None = None) -> QuoteResult:
    """The checks took something for a quotation that is not one (a title, scare quotes)."""
    return set_status(lib, quote_id=quote_id, status="not-a-quote", note=note, reviewer=reviewer)


@logged
def verify(lib: Library, *, quote_id: int, force: bool = False, note: str | None = None,
           reviewer: str | None = None) -> VerifyResult:
    """Mark verified after checking the quotation's evidence; raises EvidenceDiffers (with
    the word diff) when it differs, unless ``force``. The result carries the evidence used."""
    with lib.transaction():
        row, evidence = verify_checked(lib, quote_id, force=force, note=note, reviewer=reviewer)
    return VerifyResult(row, True, _quote_changed(quote_id), evidence=evidence)


@logged
def record_original(lib: Library, *, quote_id: int, original: str, note: str | None = None,
                    origin: str | None = None, origin_ref: str | None = None,
                    reviewer: str | None = None) -> VerifyResult:
    """Record the words as the source said them. Identical words verify the quotation;
    different ones leave it unverified (a verified one goes back), and the misquote check
    shows the difference."""
    with lib.transaction():
        row, verified = verify_quote(lib, quote_id, original=original, note=note,
                                     reviewer=reviewer, origin=origin, origin_ref=origin_ref)
    return VerifyResult(row, verified, _quote_changed(quote_id))


@logged
def verify_from_material(lib: Library, *, quote_id: int, material_id: int | None = None,
                         text: str | None = None, note: str | None = None,
                         reviewer: str | None = None,
                         origin_ref: str | None = None) -> VerifyResult:
    """Find the quotation in one material, a given text, or the material attached to its
    source or article: identical words verify it, different words are recorded as the
    original; no matching passage changes nothing."""
    from desk.review.verify import verify_from_material as find_and_record

    with lib.transaction():
        found = find_and_record(lib, quote_id, material_id=material_id, text=text, note=note,
                                reviewer=reviewer, origin_ref=origin_ref)
    return VerifyResult(found.quote, found.verified,
                        _quote_changed(quote_id) if found.recorded else NOTHING,
                        passage=found.passage, recorded=found.recorded)


@logged
def tag(lib: Library, *, quote_id: int, source_id: int | None | _Keep = KEEP,
        learn_alias: bool = False, speaker: str | None = None, status: str | None = None,
        origin: str | None | _Keep = KEEP, origin_ref: str | None | _Keep = KEEP,
        original: str | None | _Keep = KEEP, note: str | None | _Keep = KEEP,
        reviewer: str | None = None) -> AssignResult | QuoteResult:
    """Set several review fields of a quotation at once.

    ``source_id``: a source assigns it as ``assign_source`` does (speaker, alias when
    ``learn_alias``); None removes the source, handing the attribution back to the checks.
    ``speaker``: as ``set_speaker`` (not together with ``source_id``). The other fields are
    stored as given; None clears them, KEEP (the default) leaves them."""
    if speaker is not None and source_id is not KEEP:
        raise DeskError("give either a source or a speaker, not both")
    if learn_alias and (source_id is KEEP or source_id is None):
        raise DeskError("remembering the speaker as an alias needs a source")
    if status is not None and status not in QUOTE_STATUSES:
        raise DeskError(f"unknown quotation status {status!r}; "
                        f"choose one of {', '.join(QUOTE_STATUSES)}")
    if isinstance(origin, str) and origin not in QUOTE_ORIGINS:
        raise DeskError(f"unknown origin {origin!r}; choose one of {', '.join(QUOTE_ORIGINS)}")
    fields: dict[str, str | None] = {k: v for k, v in (
        ("origin", origin), ("origin_ref", origin_ref), ("original", original), ("note", note),
        ("status", status)) if v is not KEEP and not (k == "status" and v is None)}
    if source_id is KEEP and speaker is None and not fields:
        raise DeskError("nothing to tag; give a source, speaker, status, origin, reference, "
                        "original or note")
    lib.quotes.get(quote_id)
    assigned: AssignResult | None = None
    with lib.transaction():
        if source_id is None:
            tag_quote(lib, quote_id, reviewer=reviewer, source_id=None)
        elif source_id is not KEEP:
            assigned = assign_source(lib, quote_id=quote_id, source_id=source_id,
                                     learn_alias=learn_alias, reviewer=reviewer)
        elif speaker is not None:
            done = _speaker(lib, quote_id, speaker, reviewer)
            assigned = done if isinstance(done, AssignResult) else None
        if fields:
            tag_quote(lib, quote_id, reviewer=reviewer, **fields)
    row = lib.quotes.get(quote_id)
    if assigned is not None:
        assigned.quote = row
        return assigned
    return QuoteResult(row, _quote_changed(quote_id))
