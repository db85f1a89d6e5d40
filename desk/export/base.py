"""What every export format shares: the data it is given, and the one safe way to write a file."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from desk.model import Article, DeskError, Problem, Source

PAGE_SIZES = ("a4", "letter")


@dataclass
class QuoteRow:
    """One quotation as the quote sheet shows it: what the checks found in the text,
    joined with what the editors recorded about it (status, original, note)."""

    text: str
    speaker: str | None = None
    speaker_kind: str | None = None  # person, organisation, anonymous (as the checks read it)
    source: Source | None = None
    status: str = "unverified"
    origin: str | None = None
    original: str | None = None
    note: str = ""
    reviewed_by: str = ""
    reviewed_at: str | None = None
    start: int | None = None  # offset in the body
    tag_id: int | None = None
    end: int | None = None  # offset after the closing mark (the paragraph's end when unclosed)
    closed: bool = True  # False: the opening mark is never closed (an unclosed-quote problem)


@dataclass
class ExportData:
    """Everything a format needs, gathered once so the formats stay pure functions."""

    article: Article
    quotes: list[QuoteRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    page_size: str = "a4"

    @property
    def quoted_sources(self) -> list[Source]:
        """Registered sources quoted in the article, in order of first quotation."""
        seen: dict[int, Source] = {}
        for q in self.quotes:
            if q.source is not None and q.source.id not in seen:
                seen[q.source.id] = q.source
        return list(seen.values())

    @property
    def quoted_names(self) -> list[str]:
        """Everyone quoted, registered or not, by the name used in the article or registry."""
        names: list[str] = []
        for q in self.quotes:
            name = q.source.name if q.source else (q.speaker or "")
            if name and name not in names:
                names.append(name)
        return names


@dataclass(frozen=True)
class ExportFormat:
    """A registry entry. The module holding ``function(data: ExportData) -> bytes`` is
    imported on first use, so listing the formats (every CLI start) loads nothing heavy.
    Render functions never touch the file system; ``atomic_write`` does."""

    name: str
    extension: str
    label: str
    module: str
    function: str = "render"
    media_type: str = "application/octet-stream"
    paged: bool = False  # laid out on pages: the page size (A4, Letter) applies

    def render(self, data: ExportData) -> bytes:
        import importlib

        return getattr(importlib.import_module(self.module), self.function)(data)


def slugify(text: str, limit: int = 60) -> str:
    """ASCII file-name slug: 'Flood gates open — Easthaven' -> 'flood-gates-open-easthaven'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] or slug[:limit]
    return slug or "article"


def atomic_write(path: str | os.PathLike, data: bytes, *, force: bool = False) -> Path:
    """Write beside the target, fsync, then rename into place: readers see the old file or
    the whole new one, never half of it. Refuses to replace an existing file unless forced."""
    path = Path(path)
    if path.is_dir():
        raise DeskError(f"{path} is a folder; give a file name")
    if path.exists() and not force:
        raise DeskError(f"{path} exists; choose another name or use --force to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DeskError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise DeskError(f"cannot write in {folder}: {_reason(exc)}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise DeskError(f"cannot write {path}: {_reason(exc)}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return path


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    return exc.strerror or str(exc)


def _umask() -> int:
    """The process umask, read without changing it where the system allows (Linux)."""
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
