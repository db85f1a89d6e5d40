"""Reading source material from files: plain text, Markdown (kept as written) and .docx."""

from __future__ import annotations

import os
from pathlib import Path

from desk.importing.decode import MAX_BYTES, read_text
from desk.model import DeskError

SUFFIXES = (".txt", ".text", ".md", ".markdown", ".docx")


def read_material(path: str | os.PathLike) -> tuple[str, str]:
    """(title, text) of a material file; the title is the file name without suffix."""
    path = Path(path)
    if not path.exists():
        raise DeskError(f"{path}: no such file")
    if path.is_dir():
        raise DeskError(f"{path}: is a folder, not a file")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        text = _read_docx(path)
    elif suffix in SUFFIXES or not suffix:
        text = read_text(path)
    else:
        raise DeskError(f"{path}: desk reads material from {', '.join(SUFFIXES)} files")
    if not text.strip():
        raise DeskError(f"{path}: the file has no text")
    return path.stem, text


def _read_docx(path: Path) -> str:
    import zipfile

    import docx

    if path.stat().st_size > MAX_BYTES:
        raise DeskError(f"{path}: file is larger than 20 MB")
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DeskError(f"{path}: not a readable .docx file ({exc})")
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:  # interview notes are often kept in tables
        for row in table.rows:
            paragraphs.append("\t".join(cell.text for cell in row.cells))
    return "\n\n".join(p for p in paragraphs if p.strip()) + "\n"
