"""What a one-click "Verify" is checked against.

Without words given by the editor, a verification looks at the evidence the quotation
already has: the original recorded for it, else the best passage in the material attached
to its source or its article. When those words differ from the quotation, verifying is
refused (``EvidenceDiffers``, naming the difference) unless the editor insists (``force``),
and a verification records what it was checked against (``verified_against``,
``verified_material_id``), NULL when the editor simply vouched for it. The faces verify
through desk.operations.quotes.verify, which runs ``verify_checked`` in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from desk.model import DeskError
from desk.review.material import DiffOp, MaterialIndex, is_identical, word_diff
from desk.review.tags import tag_quote
from desk.storage.quotes import QuoteTag

MAX_CHANGES_NAMED = 3


@dataclass
class Evidence:
    text: str  # the words the quotation is compared with
    where: str  # "the recorded original", "material 4 (Interview)"
    material_id: int | None
    diff: list[DiffOp]

    @property
    def identical(self) -> bool:
        return all(d.op == "equal" for d in self.diff)


class EvidenceDiffers(DeskError):
    """Verifying would vouch for words the evidence contradicts."""

    def __init__(self, quote: QuoteTag, evidence: Evidence):
        self.quote, self.evidence = quote, evidence
        disputed = " (it was disputed)" if quote.status == "disputed" else ""
        super().__init__(f"quotation {quote.id} differs from {evidence.where}{disputed}: "
                         f"{describe_changes(evidence.diff)}; not verified")


def describe_changes(diff: list[DiffOp]) -> str:
    """`“sinister” in the evidence, “malign” in the quotation`, for the first few changes."""
    changes, i = [], 0
    while i < len(diff):
        d = diff[i]
        if d.op == "equal":
            i += 1
            continue
        said = " ".join(d.words) if d.op == "delete" else ""
        written = " ".join(d.words) if d.op == "insert" else ""
        if d.op == "delete" and i + 1 < len(diff) and diff[i + 1].op == "insert":
            written = " ".join(diff[i + 1].words)
            i += 1
        i += 1
        if said and written:
            changes.append(f"“{said}” in the evidence, “{written}” in the quotation")
        elif said:
            changes.append(f"“{said}” left out")
        else:
            changes.append(f"“{written}” added")
    more = f" and {len(changes) - MAX_CHANGES_NAMED} more" if len(changes) > MAX_CHANGES_NAMED else ""
    return "; ".join(changes[:MAX_CHANGES_NAMED]) + more


def evidence_for(lib, quote_id: int) -> Evidence | None:
    row = lib.quotes.get(quote_id)
    if row.original is not None and row.original.strip():
        return Evidence(row.original, "the recorded original", None, word_diff(row.original, row.text))
    found = lib.materials.list(source_id=row.source_id, article_id=row.article_id) \
        if row.source_id is not None else lib.materials.list(article_id=row.article_id)
    best = None
    for m in found:
        passage = MaterialIndex(m.text).find(row.text)
        if passage is not None and passage.found and (best is None or passage.score > best[0].score):
            best = (passage, m)
    if best is None:
        return None
    passage, m = best
    where = f"material {m.id}" + (f" ({m.title})" if m.title else "")
    return Evidence(passage.text, where, m.id, passage.diff)


def verify_checked(lib, quote_id: int, *, force: bool = False, note: str | None = None,
                   reviewer: str | None = None) -> tuple[QuoteTag, Evidence | None]:
    """Verify against the quotation's own evidence (see the module docstring)."""
    row = lib.quotes.get(quote_id)
    evidence = evidence_for(lib, quote_id)
    if evidence is not None and not evidence.identical and not is_identical(row.text, evidence.text) \
            and not force:
        raise EvidenceDiffers(row, evidence)
    tags: dict = {"status": "verified",
                  "verified_against": evidence.text if evidence else None,
                  "verified_material_id": evidence.material_id if evidence else None}
    if note is not None:
        tags["note"] = note
    return tag_quote(lib, quote_id, reviewer=reviewer, **tags), evidence
