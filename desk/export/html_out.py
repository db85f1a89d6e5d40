"""A standalone, styled, printable HTML page; sanitized by render.py."""

from __future__ import annotations

from desk.export.base import ExportData
from desk.export.render import standalone_html


def render(data: ExportData) -> bytes:
    return standalone_html(data.article).encode("utf-8")
