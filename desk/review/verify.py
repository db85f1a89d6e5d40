"""“Find in material”: look a stored quotation up in the source material attached to its
source or its article (``find_in_material``, a read), and record the result
(``verify_from_material``, the step desk.operations.quotes.verify_from_material runs)."""

from __future__ import annotations

from dataclasses import dataclass

from desk.model import DeskError
from desk.review.material import MaterialIndex, Passage
from desk.review.tags import verify_quote
from desk.storage.quotes import QuoteTag


def candidate_materials(lib, quote: QuoteTag):
    """Material of the quotation's source and of its article; when there is none, the
    library's material that shares words with it (full-text search)."""
    found = lib.materials.list(source_id=quote.source_id, article_id=quote.article_id) \
        if quote.source_id is not None else lib.materials.list(article_id=quote.article_id)
    return found or lib.materials.search(quote.text)


def find_in_material(lib, quote_id: int, *, material_id: int | None = None,
                     text: str | None = None) -> Passage | None:
    """The best passage for a quotation: in one material, in a given text, or across the
    candidate materials. None when nothing shares a word with it."""
    quote = lib.quotes.get(quote_id)
    if text is not None:
        materials = [(None, "", text)]
    elif material_id is not None:
        m = lib.materials.get(material_id)
        materials = [(m.id, m.title, m.text)]
    else:
        materials = [(m.id, m.title, m.text) for m in candidate_materials(lib, quote)]
        if not materials:
            raise DeskError(f"no source material to check quotation {quote_id} against; "
                            "attach some with `desk material add`")
    best: Passage | None = None
    for mid, title, body in materials:
        passage = MaterialIndex(body).find(quote.text)
        if passage is None:
            continue
        passage.material_id, passage.material_title = mid, title
        if best is None or passage.score > best.score:
            best = passage
    return best


@dataclass
class Verification:
    quote: QuoteTag
    passage: Passage | None
    verified: bool
    recorded: bool  # the passage was recorded as the original

    def to_dict(self) -> dict:
        return {"quote": self.quote.to_dict(), "verified": self.verified, "recorded": self.recorded,
                "passage": self.passage.to_dict() if self.passage else None}


def verify_from_material(lib, quote_id: int, *, material_id: int | None = None,
                         text: str | None = None, note: str | None = None,
                         reviewer: str | None = None, origin_ref: str | None = None) -> Verification:
    """Find the passage; identical words → verified; different → the passage is recorded as
    the original (status stays or goes back to unverified); not found → nothing changes."""
    passage = find_in_material(lib, quote_id, material_id=material_id, text=text)
    if passage is None or not passage.found:
        return Verification(lib.quotes.get(quote_id), passage, verified=False, recorded=False)
    ref = origin_ref
    if ref is None:
        where = f"material {passage.material_id}" if passage.material_id else "material"
        if passage.material_title:
            where += f" ({passage.material_title})"
        ref = f"{where}, characters {passage.start}-{passage.end}"
    row, verified = verify_quote(lib, quote_id, original=passage.text, note=note, reviewer=reviewer,
                                 origin_ref=ref, material_id=passage.material_id)
    return Verification(row, passage, verified=verified, recorded=True)
