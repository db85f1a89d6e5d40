"""Plain text in wire style: headline, dek, byline, dateline, paragraphs split by blank
lines, an end mark. No markup survives; links keep their address in brackets; footnote
references read [1] and the notes are listed under NOTES before the end mark."""

from __future__ import annotations

from desk.export.base import ExportData
from desk.export.blocks import Block, Run, html_blocks
from desk.export.render import display_byline, display_date, markdown_html

END_MARK = "###"


def runs_text(runs: list[Run]) -> str:
    parts = []
    for run in runs:
        text = run.text
        if run.note:
            text = f"[{text}]"
        elif run.href and not run.href.startswith("mailto:") and not _is_own_address(text, run.href):
            text = f"{text} ({run.href})"
        parts.append(text)
    return "".join(parts)


def _is_own_address(text: str, href: str) -> bool:
    """An autolink's text is its address: don't print it twice."""
    return href in (text, f"http://{text}", f"https://{text}")


def block_text(block: Block) -> str:
    indent = "    " * block.quote
    if block.kind == "rule":
        return indent + "* * *"
    if block.kind == "table":
        lines = [" | ".join(runs_text(cell) for cell in row) for row in block.rows]
        return "\n".join(indent + line for line in lines)
    if block.kind == "code":
        return "\n".join(indent + "    " + line for line in block.text.split("\n"))
    text = runs_text(block.runs)
    if block.kind == "heading":
        text = text.upper() if block.level <= 2 else text
    elif block.kind == "bullet":
        text = "  " * block.level + "- " + text
    elif block.kind == "number":
        text = "  " * block.level + f"{block.number}. " + text
    elif block.kind == "note":
        text = f"[{block.number}] " + text
    return "\n".join(indent + line for line in text.split("\n"))


def article_text(data: ExportData) -> str:
    a = data.article
    head = [a.headline]
    if a.dek:
        head.append(a.dek)
    if a.byline:
        head.append(display_byline(a.byline))
    dateline = " · ".join(x for x in (display_date(a), a.section) if x)
    if dateline:
        head.append(dateline)
    blocks = [block_text(b) for b in html_blocks(markdown_html(a.body))]
    parts = ["\n".join(head)] + blocks + [END_MARK]
    return "\n\n".join(parts) + "\n"


def render(data: ExportData) -> bytes:
    return article_text(data).encode("utf-8")
