"""Word documents (.docx) to Markdown: Title → headline, Subtitle → dek, a leading "By …"
line → byline; headings, bold, italic, links, bulleted and numbered lists, block quotes,
monospaced code and tables become their Markdown forms; a closing "Notes" list whose
items open with a raised number (as docx_out writes footnotes) becomes Markdown footnotes,
and the raised numbers in the text their references. The document's keywords are the
tags, its category the section and its language (when desk knows it) the article's.
Reads what docx_out writes, and what Word, LibreOffice and Google Docs save."""

from __future__ import annotations

import re
from pathlib import Path

from desk.importing.archive import failure_reason, invalid, load_docx_bytes
from desk.importing.decode import file_title
from desk.importing.markdown_file import ParsedArticle
from desk.languages import lookup
from desk.model import DeskError

_ESCAPE = re.compile(r"([\\`*_])")
_MONO_FONTS = ("mono", "courier", "consolas", "menlo", "code")
_BYLINE = re.compile(r"^by\s+(.{1,120}?)(?:\s+·\s+.*)?$", re.I)
_NOTE_REF = re.compile("\ue0f0(\\d{1,4})\ue0f1")  # a raised number, until the notes are known
_RULE = re.compile(r"^\s*(?:\*\s*\*\s*\*|-{3,}|_{3,}|⁂)\s*$")


def parse_docx(path: str | Path) -> ParsedArticle:
    path = Path(path)
    document = open_docx(path)
    try:
        return _Reader(document, path).read()
    except DeskError:
        raise
    except Exception as exc:  # noqa: BLE001 - a hostile file must end in one line
        raise invalid(path, failure_reason(exc)) from None


def open_docx(path: Path):
    """The python-docx Document of a checked file (archive.py), or a one-line DeskError.
    python-docx parses some parts lazily, so callers guard their reading too."""
    stream = load_docx_bytes(path)
    import docx

    try:
        return docx.Document(stream)
    except Exception as exc:  # noqa: BLE001 - python-docx raises a dozen kinds on bad input
        raise invalid(path, failure_reason(exc)) from None


class _Reader:
    def __init__(self, document, path: Path):
        self.doc = document
        self.path = path
        self.fields: dict = {}
        self.blocks: list[str] = []
        self.code: list[str] = []  # consecutive monospaced paragraphs
        self.numbers: dict[int, int] = {}  # list depth -> last item number in the open list
        self.list_kind: str | None = None  # "bullet"/"number" while the last block is a list
        self.style_names: dict[str | None, str] = {}  # style id -> name
        self.notes_at: int | None = None  # index in blocks of a "Notes" heading
        self.notes: dict[str, str] = {}  # note number -> its text, under that heading

    def read(self) -> ParsedArticle:
        from docx.table import Table

        for item in self.doc.iter_inner_content():
            if isinstance(item, Table):
                self._flush_code()
                self.list_kind = None
                self.blocks.append(_table(item))
            else:
                self._paragraph(item)
        self._flush_code()
        self._footnotes()
        body = "\n\n".join(b for b in self.blocks if b.strip())
        body = re.sub(r"\n{3,}", "\n\n", body).strip("\n")
        props = self.doc.core_properties
        headline = self.fields.get("headline") or (props.title or "").strip()
        if not headline:
            match = re.match(r"#+ (.+)\n?", body)
            if match:
                headline, body = match.group(1).strip(), body[match.end():].lstrip("\n")
        if not headline:
            headline = file_title(self.path)
        self.fields["headline"] = headline
        self.fields["body"] = body + "\n" if body else ""
        # props.author is whoever made the file, not necessarily the byline: not used.
        tags = [t.strip() for t in (props.keywords or "").split(",") if t.strip()]
        section = " ".join((props.category or "").split())
        if section:
            self.fields["section"] = section
        language = lookup(props.language)
        if language is not None:  # a language desk does not know is left to the default
            self.fields["language"] = language.code
        return ParsedArticle(fields=self.fields, tags=tags)

    def _paragraph(self, para) -> None:
        style = self._style_name(para)
        text = para.text.strip()
        if not text:
            self._flush_code()
            return
        if style == "Title" and "headline" not in self.fields:
            self.fields["headline"] = " ".join(text.split())
            return
        if style == "Subtitle" and "dek" not in self.fields and not self.blocks:
            self.fields["dek"] = " ".join(text.split())
            return
        if not self.blocks and "byline" not in self.fields:
            match = _BYLINE.match(" ".join(text.split()))
            if match:
                self.fields["byline"] = match.group(1).strip()
                return
        kind, level = _list_kind(para, style, self.doc)
        if kind is None or _is_code(para) or _RULE.match(text):
            self.list_kind = None  # whatever follows starts a new list
        if _is_code(para):
            self.code.append(para.text)
            return
        self._flush_code()
        if _RULE.match(text):
            self.blocks.append("---")
            return
        if self.notes_at is not None and self._note(para):
            return
        inline = _inline(para)
        heading = re.match(r"Heading (\d)", style)
        if heading:
            self.list_kind = None
            if text == "Notes":
                self.notes_at, self.notes = len(self.blocks), {}
            self.blocks.append("#" * int(heading.group(1)) + " " + inline.replace("\n", " "))
            return
        if kind:
            self._list_item(kind, level, inline)
            return
        if style in ("Quote", "Intense Quote") or style.startswith("Block"):
            self.blocks.append("\n".join("> " + line for line in inline.split("\n")))
            return
        self.blocks.append(inline)

    def _note(self, para) -> bool:
        """A paragraph under "Notes" that opens with a raised number: a footnote. Anything
        else ends the notes: they were not desk's, and stay as they are."""
        runs = [r for r in para.runs if r.text.strip()]
        if runs and runs[0].font.superscript and runs[0].text.strip().isdigit() \
                and len(self.blocks) == self.notes_at + 1:
            number = runs[0].text.strip()
            self.notes[number] = _NOTE_REF.sub("", _inline(para), count=1).strip()
            return True
        self.notes_at = None
        self.notes = {}
        return False

    def _footnotes(self) -> None:
        """Raised numbers become [^N] where a note N was read; the notes, definitions."""
        if self.notes_at is not None and self.notes:
            del self.blocks[self.notes_at]
            self.blocks.append("\n".join(f"[^{n}]: {t}" for n, t in self.notes.items()))
            known = self.notes
        else:
            known = {}
        self.blocks = [_NOTE_REF.sub(lambda m: f"[^{m.group(1)}]" if m.group(1) in known
                                     else m.group(1), b) for b in self.blocks]

    def _style_name(self, para) -> str:
        """python-docx looks the default style up by scanning every style, with enum
        conversions, on each paragraph (1.5 ms each: 3,000 paragraphs took 5 s); the name
        is the same for every paragraph with the same style id, so it is looked up once."""
        ppr = para._p.pPr
        style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        if style_id not in self.style_names:
            style = para.style
            self.style_names[style_id] = (style.name if style is not None else "") or ""
        return self.style_names[style_id]

    def _list_item(self, kind: str, level: int, inline: str) -> None:
        continuing = (bool(self.blocks) and self.list_kind is not None
                      and (level > 0 or kind == self.list_kind))
        if not continuing:
            self.numbers = {}
        if level == 0:
            self.list_kind = kind
        self.numbers = {d: n for d, n in self.numbers.items() if d <= level}
        self.numbers[level] = self.numbers.get(level, 0) + 1
        marker = f"{self.numbers[level]}." if kind == "number" else "-"
        line = "    " * level + f"{marker} " + inline.replace("\n", " ")
        if continuing:
            self.blocks[-1] += "\n" + line  # one Markdown list, not one per item
        else:
            self.blocks.append(line)

    def _flush_code(self) -> None:
        if self.code:
            self.blocks.append("```\n" + "\n".join(self.code) + "\n```")
            self.code = []


def _is_code(para) -> bool:
    runs = [r for r in para.runs if r.text.strip()]
    return bool(runs) and all(_mono(r) for r in runs)


def _mono(run) -> bool:
    name = (run.font.name or "").lower()
    return any(m in name for m in _MONO_FONTS)


def _list_kind(para, style: str, doc) -> tuple[str | None, int]:
    match = re.match(r"List (Bullet|Number)(?: (\d))?$", style)
    if match:
        return ("bullet" if match.group(1) == "Bullet" else "number",
                int(match.group(2) or 1) - 1)
    ppr = para._p.pPr
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return None, 0
    level = ppr.numPr.ilvl.val if ppr.numPr.ilvl is not None else 0
    return _numbering_format(doc, ppr.numPr.numId.val, level), level


def _numbering_format(doc, num_id: int, level: int) -> str:
    """Word says "bullet" or "decimal" (etc.) in the numbering definitions, not the paragraph."""
    try:
        numbering = doc.part.numbering_part.element
        abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
        for abstract in numbering.findall(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}abstractNum"):
            if abstract.get(_w("abstractNumId")) == str(abstract_id):
                for lvl in abstract.findall(_w("lvl")):
                    if lvl.get(_w("ilvl")) == str(level):
                        fmt = lvl.find(_w("numFmt"))
                        if fmt is not None and fmt.get(_w("val")) not in ("bullet", "none"):
                            return "number"
    except (KeyError, AttributeError, NotImplementedError):
        pass
    return "bullet"


def _w(name: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + name


def _inline(para) -> str:
    """The paragraph's runs as Markdown; neighbouring runs with the same look are merged
    first so bold text split across runs becomes one **…**."""
    from docx.text.hyperlink import Hyperlink

    pieces: list[tuple[str, bool, bool, bool, str | None]] = []  # text, bold, italic, code, href
    for item in para.iter_inner_content():
        if isinstance(item, Hyperlink):
            text = item.text
            if text:
                runs = item.runs
                bold = bool(runs) and all(r.bold for r in runs)
                italic = bool(runs) and all(r.italic for r in runs)
                pieces.append((text, bold, italic, False, item.address or None))
            continue
        text = item.text
        if text and item.font.superscript and text.strip().isdigit():
            text = "\ue0f0" + text.strip() + "\ue0f1"  # a note's number, perhaps (_NOTE_REF)
            pieces.append((text, False, False, False, None))
        elif text:
            pieces.append((text, bool(item.bold), bool(item.italic), _mono(item), None))
    merged: list[list] = []
    for piece in pieces:
        if merged and merged[-1][1:] == list(piece[1:]):
            merged[-1][0] += piece[0]
        else:
            merged.append(list(piece))
    return "".join(_format(*m) for m in merged).strip()


def _format(text: str, bold: bool, italic: bool, code: bool, href: str | None) -> str:
    if code:
        return f"`{text}`"
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    core = _ESCAPE.sub(r"\\\1", text.strip()).replace("\n", "  \n")
    if not core:
        return text
    if href:
        core = f"[{core}]({href})"
    if bold and italic:
        core = f"***{core}***"
    elif bold:
        core = f"**{core}**"
    elif italic:
        core = f"*{core}*"
    return lead + core + trail


def _table(table) -> str:
    rows = []
    for row in table.rows:
        rows.append([" ".join(_inline(p) for p in cell.paragraphs).replace("|", "\\|")
                     for cell in row.cells])
    if not rows:
        return ""
    rows[0] = [re.sub(r"^\*\*(.*)\*\*$", r"\1", c) for c in rows[0]]  # headers are bold anyway
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)
