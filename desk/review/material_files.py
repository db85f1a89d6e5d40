"""Reading source material from files: plain text, Markdown (kept as written) and .docx."""

from __future__ import annotations

import os
from pathlib import Path

from desk.importing.decode import display_path, one_line, read_text
from desk.model import DeskError
from desk.text import strip_controls

SUFFIXES = (".txt", ".text", ".md", ".markdown", ".docx")


def read_material(path: str | os.PathLike) -> tuple[str, str]:
    """(title, text) of a material file; the title is the file name without suffix. Any
    failure is one DeskError line; control characters are dropped like at import."""
    try:
        title, text = _read_material(Path(path))
    except DeskError as exc:
        raise DeskError(one_line(str(exc))) from None
    except RecursionError:
        raise DeskError(f"{display_path(path)}: nested too deeply to read") from None
    return strip_controls(title), strip_controls(text)


def _read_material(path: Path) -> tuple[str, str]:
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
    return os.fsencode(path.stem).decode("utf-8", "replace"), text


def _read_docx(path: Path) -> str:
    from desk.importing.archive import failure_reason, invalid
    from desk.importing.docx_file import open_docx

    document = open_docx(path)
    try:
        paragraphs = [p.text for p in document.paragraphs]
        for table in document.tables:  # interview notes are often kept in tables
            for row in table.rows:
                paragraphs.append("\t".join(cell.text for cell in row.cells))
    except Exception as exc:  # noqa: BLE001 - a hostile file must end in one line
        raise invalid(path, failure_reason(exc)) from None
    return "\n\n".join(p for p in paragraphs if p.strip()) + "\n"
