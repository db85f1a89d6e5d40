"""Reading article files into article fields. All files are read and parsed before
anything is written; then each article is committed on its own, in an import batch that
is rolled back on error and resumed or rolled back after a kill (desk.importing.batch)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from desk.importing.decode import UTF8, display_path, one_line, read_decoded, read_text
from desk.importing.markdown_file import ParsedArticle, parse_markdown, parse_plain_text
from desk.model import DeskError
from desk.text import strip_controls

READERS = {
    ".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".docx": "docx",
}


def register_reader(suffix: str, name: str) -> None:
    READERS[suffix] = name


def read_article(path: str | os.PathLike) -> ParsedArticle:
    """The parsed file, cleaned of control characters; any failure is one DeskError line."""
    try:
        parsed = clean_parsed(_read_article(Path(path)))
        parsed.content_hash = content_hash(Path(path))
        return parsed
    except DeskError as exc:
        raise DeskError(one_line(str(exc))) from None
    except RecursionError:  # a nesting bound missed somewhere: still one line
        raise DeskError(f"{display_path(path)}: nested too deeply to read") from None


def _read_article(path: Path) -> ParsedArticle:
    if not path.exists():  # before choosing a reader, so every format says the same
        raise DeskError(f"{path}: no such file")
    if path.is_dir():
        raise DeskError(f"{path}: is a folder, not a file")
    suffix = path.suffix.lower()
    kind = READERS.get(suffix, "text")
    if kind == "html":
        from desk.importing.html_file import parse_html, read_html_decoded

        page = read_html_decoded(path)
        parsed = parse_html(page.text, path)
        parsed.encoding = page.encoding
        return parsed
    if kind == "docx":
        from desk.importing.docx_file import parse_docx

        return parse_docx(path)
    decoded = read_decoded(path)
    parsed = (parse_markdown if kind == "markdown" else parse_plain_text)(decoded.text, path)
    parsed.encoding = decoded.encoding
    return parsed


def content_hash(path: Path) -> str:
    """The file's identity for noticing a re-import: the same bytes under any name."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise DeskError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return digest.hexdigest()


def legacy_encodings(parsed: list[ParsedArticle]) -> dict[str, int]:
    """How many of the files were read in an encoding other than UTF-8, by encoding."""
    counts: dict[str, int] = {}
    for item in parsed:
        if item.encoding and item.encoding != UTF8:
            counts[item.encoding] = counts.get(item.encoding, 0) + 1
    return counts


def clean_parsed(parsed: ParsedArticle) -> ParsedArticle:
    """Control characters never enter the library: a pasted or hostile NUL, form feed or
    escape is invisible in the editor and breaks the .docx export (XML cannot hold it)."""
    parsed.fields = {k: strip_controls(v) if isinstance(v, str) else v
                     for k, v in parsed.fields.items()}
    for key in ("headline", "dek", "byline", "section"):
        if key in parsed.fields:  # one-line fields
            parsed.fields[key] = " ".join(parsed.fields[key].split())
    parsed.tags = [t for t in (" ".join(strip_controls(t).split()) for t in parsed.tags) if t]
    return parsed


def import_files(library, paths) -> list[int]:
    from desk.importing import batch

    return batch.import_files(library, paths).ids


__all__ = ["ParsedArticle", "content_hash", "import_files", "legacy_encodings", "read_article",
           "read_text", "register_reader"]
