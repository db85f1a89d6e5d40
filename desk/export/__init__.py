"""Exporting finished articles: one module per format behind a small registry.

The calls a front end needs (the CLI and the window use the same ones):

- ``formats()`` / ``get_format(name)``: what can be written (name, extension, label).
- ``prepare(lib, article_id, fmt, path)``: gather the article, its quotations and its
  problems; says which problems block the export (``gate.blocking_message`` words it).
  Only publishing formats are gated: a quote sheet never has blocking problems
  (``gate.is_gated``).
- ``write(lib, prepared, force=)``: render, write atomically, record in the export log.
- ``export_article(...)``: both in one, raising ExportBlocked when problems block it.
- ``default_name(article, fmt)``: ``<id>-<slug>.<ext>`` for exporting into a folder.

Formats are pure ``ExportData -> bytes`` functions; nothing here imports Qt (the PDF
module loads it inside its render function, only when a PDF is asked for).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from desk.export.base import PAGE_SIZES, ExportData, ExportFormat, QuoteRow, atomic_write, slugify
from desk.export.gate import blocking_message, blocking_problems, is_gated
from desk.model import DeskError, Problem

FORMATS: dict[str, ExportFormat] = {}


def register(fmt: ExportFormat) -> None:
    FORMATS[fmt.name] = fmt


for _fmt in (
    ExportFormat("md", "md", "Markdown with front matter", "desk.export.markdown_out",
                 media_type="text/markdown"),
    ExportFormat("html", "html", "Web page (HTML)", "desk.export.html_out", media_type="text/html"),
    ExportFormat("txt", "txt", "Plain text (wire style)", "desk.export.text_out",
                 media_type="text/plain"),
    ExportFormat("docx", "docx", "Word document (DOCX)", "desk.export.docx_out",
                 media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 paged=True),
    ExportFormat("pdf", "pdf", "PDF document", "desk.export.pdf_out", media_type="application/pdf",
                 paged=True),
    ExportFormat("ninjs", "json", "IPTC ninjs 3.0 (JSON)", "desk.export.ninjs_out",
                 media_type="application/json"),
    ExportFormat("quotes-csv", "quotes.csv", "Quote sheet (CSV)", "desk.export.quotes_out",
                 "render_csv", "text/csv"),
    ExportFormat("quotes-xlsx", "quotes.xlsx", "Quote sheet (XLSX)", "desk.export.quotes_out",
                 "render_xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ExportFormat("quotes-html", "quotes.html", "Quote sheet (HTML)", "desk.export.quotes_out",
                 "render_html", "text/html"),
):
    register(_fmt)


class ExportBlocked(DeskError):
    """Error-severity problems stand in the way; ``problems`` lists them."""

    def __init__(self, message: str, problems: list[Problem]):
        super().__init__(message)
        self.problems = problems


@dataclass
class PreparedExport:
    data: ExportData
    fmt: ExportFormat
    path: Path
    blocking: list[Problem] = field(default_factory=list)
    log_warning: str | None = None  # set by write() when the export log could not be written

    @property
    def article(self):
        return self.data.article

    def blocked_message(self, hint: str = "use --force to export anyway") -> str:
        a = self.data.article
        return blocking_message(self.blocking, a.body, article_id=a.id, headline=a.headline,
                                hint=hint)


def formats() -> list[str]:
    return list(FORMATS)


def get_format(name: str) -> ExportFormat:
    try:
        return FORMATS[name]
    except KeyError:
        raise DeskError(f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}") from None


def default_name(article, fmt: str | ExportFormat) -> str:
    fmt = get_format(fmt) if isinstance(fmt, str) else fmt
    return f"{article.id}-{slugify(article.headline)}.{fmt.extension}"


def prepare(lib, article_id: int, fmt: str, path: str | os.PathLike, *,
            page_size: str = "a4") -> PreparedExport:
    from desk.export.collect import gather

    fmt_entry = get_format(fmt)
    if page_size not in PAGE_SIZES:
        raise DeskError(f"unknown page size {page_size!r}; choose {' or '.join(PAGE_SIZES)}")
    data = gather(lib, article_id, page_size=page_size)
    blocking = blocking_problems(data.problems) if is_gated(fmt_entry.name) else []
    return PreparedExport(data=data, fmt=fmt_entry, path=Path(path), blocking=blocking)


def write(lib, prepared: PreparedExport, *, force: bool = False) -> Path:
    """Render and write. ``force`` both replaces an existing file and exports past blocking
    problems (the log records that it was forced past them).

    The file is what the editor asked for; the export log is the library's note of it. A
    library that cannot be written (read-only) still exports: the file is written and the
    missing log entry is reported in ``prepared.log_warning``, never as a failure after
    the fact. The open library and its side files are never a target, ``force`` or not."""
    lib.refuse_target(prepared.path, "the export")
    if prepared.blocking and not force:
        raise ExportBlocked(prepared.blocked_message(), prepared.blocking)
    if prepared.path.exists() and not force:  # before rendering: a PDF takes a while
        raise DeskError(f"{prepared.path} exists; choose another name or use --force to replace it")
    payload = prepared.fmt.render(prepared.data)
    path = atomic_write(prepared.path, payload, force=force)
    try:
        lib.exports.record(prepared.article.id, prepared.fmt.name, str(path.resolve()),
                           forced=bool(prepared.blocking))
    except DeskError as exc:
        prepared.log_warning = f"{path} was written but not recorded in the export log: {exc}"
    return path


def export_article(lib, article_id: int, fmt: str, path: str | os.PathLike, *,
                   force: bool = False, page_size: str = "a4") -> Path:
    return write(lib, prepare(lib, article_id, fmt, path, page_size=page_size), force=force)


__all__ = [
    "FORMATS", "PAGE_SIZES", "ExportBlocked", "ExportData", "ExportFormat", "PreparedExport",
    "QuoteRow", "atomic_write", "blocking_message", "blocking_problems", "default_name",
    "export_article", "formats", "get_format", "is_gated", "prepare", "register", "write",
]
