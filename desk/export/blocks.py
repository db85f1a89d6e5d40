"""The rendered article as a flat list of blocks with formatted runs, for the formats that
are not HTML (DOCX, plain text). Built from the sanitized HTML of render.py, so every
format agrees on what the Markdown means."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

from desk.export.links import safe_href

_SPACE = re.compile(r"\s+")
_INLINE_STYLE = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic",
                 "code": "code", "del": "strike", "sup": "sup", "sub": "sub"}


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    sup: bool = False
    sub: bool = False
    href: str | None = None
    note: bool = False  # a footnote reference: its number


@dataclass
class Block:
    kind: str  # heading, paragraph, bullet, number, code, rule, table, note (a footnote)
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # heading level 1-6, or list depth from 0
    quote: int = 0  # how deep inside block quotes
    number: int | None = None  # the item's number in an ordered list, or the note's
    rows: list[list[list[Run]]] = field(default_factory=list)  # tables: rows of cells of runs

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def html_blocks(fragment: str) -> list[Block]:
    """Blocks of an HTML fragment as produced by render.markdown_html."""
    if not fragment.strip():
        return []
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    out: list[Block] = []
    _walk_blocks(root, out, quote=0, depth=-1)
    return [b for b in out if b.kind in ("rule", "table") or b.text.strip()]


def _walk_blocks(el, out: list[Block], *, quote: int, depth: int) -> None:
    pending: list[Run] = []  # loose text directly inside a container (e.g. a tight <li>)

    def flush() -> None:
        if pending:
            runs = _trim(list(pending))
            if runs:
                out.append(Block("paragraph", runs, quote=quote))
            pending.clear()

    if el.text:
        pending.extend(_inline_text(el.text))
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "div" and "footnote" in (child.get("class") or "").split():
            flush()
            _notes(child, out)
        elif tag in ("p", "div"):
            flush()
            out.append(Block("paragraph", _trim(_inline(child)), quote=quote))
        elif re.fullmatch(r"h[1-6]", tag):
            flush()
            out.append(Block("heading", _trim(_inline(child)), level=int(tag[1]), quote=quote))
        elif tag == "blockquote":
            flush()
            _walk_blocks(child, out, quote=quote + 1, depth=depth)
        elif tag in ("ul", "ol"):
            flush()
            _walk_list(child, out, quote=quote, depth=depth + 1)
        elif tag == "pre":
            flush()
            out.append(Block("code", [Run(child.text_content().rstrip("\n"), code=True)], quote=quote))
        elif tag == "hr":
            flush()
            out.append(Block("rule", quote=quote))
        elif tag == "table":
            flush()
            out.append(Block("table", rows=_table_rows(child), quote=quote))
        else:
            pending.extend(_inline(child, wrap=True))
        if child.tail:
            pending.extend(_inline_text(child.tail))
    flush()


def _walk_list(el, out: list[Block], *, quote: int, depth: int) -> None:
    ordered = el.tag == "ol"
    try:
        number = int(el.get("start") or 1)
    except ValueError:
        number = 1
    for li in el:
        if li.tag != "li":
            continue
        first = len(out)
        _walk_blocks(li, out, quote=quote, depth=depth)
        # The item's own first paragraph becomes the list entry; later ones stay paragraphs.
        for block in out[first:first + 1]:
            if block.kind == "paragraph":
                block.kind = "number" if ordered else "bullet"
                block.level = depth
                block.number = number if ordered else None
        number += 1


NOTES_HEADING = "Notes"


def _notes(div, out: list[Block]) -> None:
    """The footnotes at the end of the body: a "Notes" heading, then one block per note,
    numbered as its references are; the link back to the text is left out."""
    items = [li for ol in div.iter("ol") for li in ol if li.tag == "li"]
    if not items:
        return
    out.append(Block("heading", [Run(NOTES_HEADING)], level=2))
    for number, li in enumerate(items, 1):
        for back in li.xpath('.//a[contains(concat(" ", @class, " "), " footnote-backref ")]'):
            back.drop_tree()
        inner: list[Block] = []
        _walk_blocks(li, inner, quote=0, depth=-1)
        runs: list[Run] = []
        for block in inner:
            if runs and block.runs:
                runs.append(Run("\n"))
            runs.extend(block.runs)
        out.append(Block("note", _trim(runs), number=number))


def _table_rows(table) -> list[list[list[Run]]]:
    rows = []
    for tr in table.iter("tr"):
        rows.append([_trim(_inline(cell)) for cell in tr if cell.tag in ("th", "td")])
    return rows


def _inline(el, *, wrap: bool = False, style: dict | None = None) -> list[Run]:
    """Runs of an element's content; with wrap, the element's own formatting applies too."""
    style = dict(style or {})
    if wrap:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "a" and "footnote-ref" in (el.get("class") or "").split():
            style["note"] = True  # the number stays; the link to the note does not
        elif tag in _INLINE_STYLE:
            style[_INLINE_STYLE[tag]] = True
        elif tag == "a" and safe_href(el.get("href")):
            style["href"] = safe_href(el.get("href"))
        elif tag == "br":
            return [Run("\n", **style)]
        elif tag == "img":
            alt = (el.get("alt") or "").strip()
            return [Run(alt, **style)] if alt else []
    runs = _inline_text(el.text, style) if el.text else []
    for child in el:
        runs.extend(_inline(child, wrap=True, style=style))
        if child.tail:
            runs.extend(_inline_text(child.tail, style))
    return runs


def _inline_text(text: str | None, style: dict | None = None) -> list[Run]:
    if not text:
        return []
    style = style or {}
    if style.get("code"):
        return [Run(text, **style)]
    return [Run(_SPACE.sub(" ", text), **style)]


def _trim(runs: list[Run]) -> list[Run]:
    """HTML whitespace rules: collapse spaces across runs, strip the ends of the block."""
    out: list[Run] = []
    prev_space = True
    for run in runs:
        text = run.text
        if not run.code and text != "\n":
            if prev_space:
                text = text.lstrip(" ")
            if not text:
                continue
            prev_space = text.endswith(" ")
        else:
            prev_space = text == "\n"
        out.append(Run(**{**run.__dict__, "text": text}))
    while out and not out[-1].code and out[-1].text.strip(" ") == "":
        out.pop()
    if out and not out[-1].code and out[-1].text.endswith(" "):
        out[-1].text = out[-1].text.rstrip(" ")
    for i, run in enumerate(out):  # a space just before a line break is noise
        if run.text == "\n" and i and out[i - 1].text.endswith(" ") and not out[i - 1].code:
            out[i - 1].text = out[i - 1].text.rstrip(" ")
    return [r for r in out if r.text]
