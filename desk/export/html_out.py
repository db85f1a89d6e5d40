"""A standalone, styled, printable HTML page; sanitized by render.py."""

from __future__ import annotations

from desk.export.base import ExportData, ExportFormat
from desk.export.render import standalone_html


def render(data: ExportData) -> bytes:
    return standalone_html(data.article).encode("utf-8")


FORMAT = ExportFormat("html", "html", "Web page (HTML)", render, "text/html")
