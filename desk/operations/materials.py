"""Attaching source material (a transcript, notes) to a source or an article, so quotations
can be checked against it (desk.review.evidence, desk.review.verify)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk.model import DeskError
from desk.operations.changes import Changes
from desk.operations.logged import logged
from desk.storage.materials import Material

if TYPE_CHECKING:
    from desk.storage import Library

__all__ = ["MaterialResult", "attach_material"]


@dataclass
class MaterialResult:
    material: Material
    changes: Changes


@logged
def attach_material(lib: Library, *, text: str, title: str = "", source_id: int | None = None,
                    article_id: int | None = None, filename: str = "",
                    session: str | None = None) -> MaterialResult:
    """Store material for a source or an article (or both); refused when it is empty or
    belongs to neither. ``session`` (a window's): material for an article is refused while
    another window holds the article's editing lock (a source's material is the desk's)."""
    if source_id is None and article_id is None:
        raise DeskError("attach material to a source or an article")
    if not text.strip():
        raise DeskError("the material is empty")
    with lib.transaction():
        if session is not None and article_id is not None:
            lib.locks.refuse_if_held(article_id, session, "attaching material to it")
        m = lib.materials.add(text, title=title, source_id=source_id, article_id=article_id,
                              filename=filename)
    return MaterialResult(m, Changes.of(materials=[m.id]))
