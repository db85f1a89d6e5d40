"""Word documents (python-docx): headline as the title, dek as the subtitle, byline, then the
body with bold, italic, links, headings, lists, block quotes, code and tables kept, using
Word's own built-in styles so the document restyles cleanly in the newsroom's template.
Footnotes become a "Notes" list at the end, referenced by raised numbers (python-docx
writes no real footnotes). The page is A4 or Letter as asked; the document's language is
the article's (Word and LibreOffice check its spelling in that English); its properties
name desk and carry the headline, dek, tags and section (which import reads back).
Every string passes xml_safe (XML cannot hold control characters, and a library written
before import stripped them may still have some) and every link the link policy."""

from __future__ import annotations

import io
from datetime import datetime

from desk.export.base import ExportData
from desk.export.blocks import Block, Run, html_blocks
from desk.export.links import safe_href
from desk.export.render import display_byline, display_date, markdown_html
from desk.text import xml_safe

MONO = "DejaVu Sans Mono"
# page width and height, in millimetres; margins 25 mm (A4) and one inch (Letter)
PAGES = {"a4": (210.0, 297.0, 25.0), "letter": (215.9, 279.4, 25.4)}
APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>desk</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>")


def render(data: ExportData) -> bytes:
    import docx  # imported here: listing the formats should not load python-docx

    a = data.article
    doc = docx.Document()
    _properties(doc, data)
    _page(doc, data.page_size)
    _language(doc, a.language or "en-US")
    doc.add_heading(xml_safe(a.headline), level=0)
    if a.dek:
        doc.add_paragraph(xml_safe(a.dek), style="Subtitle")
    meta = [x for x in (display_byline(a.byline), display_date(a)) if x]
    if meta:
        para = doc.add_paragraph()
        para.add_run(xml_safe(" · ".join(meta))).bold = True
    writer = _BodyWriter(doc)
    for block in html_blocks(markdown_html(a.body)):
        writer.add(block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _properties(doc, data: ExportData) -> None:
    """Core properties (File > Properties): python-docx's template says "python-docx" and its
    extended properties "Microsoft Macintosh Word"; every field is desk's own here."""
    a = data.article
    props = doc.core_properties
    props.title = xml_safe(a.headline)[:255]
    props.subject = xml_safe(a.dek)[:255]
    props.comments = xml_safe(a.dek)[:255]
    props.author = xml_safe(a.byline)[:255] or "desk"
    props.last_modified_by = "desk"
    props.category = xml_safe(a.section)[:255]  # the section: import reads it back
    props.keywords = xml_safe(", ".join(a.tags))[:255]
    props.language = xml_safe(a.language or "")[:64]
    props.content_status = xml_safe(a.status or "")[:255]
    props.revision = 1
    for part in doc.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = APP_XML.encode("utf-8")  # a plain Part: its bytes are all it has
    for rel_id, rel in list(doc.part.package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):  # the template's picture of an empty page
            doc.part.package.rels.pop(rel_id)
    for attr, stamp in (("created", a.created_at), ("modified", a.updated_at)):
        if stamp:
            try:
                setattr(props, attr, datetime.fromisoformat(stamp).replace(tzinfo=None))
            except ValueError:
                pass


def _page(doc, page_size: str) -> None:
    from docx.shared import Mm

    width, height, margin = PAGES.get(page_size, PAGES["a4"])
    for section in doc.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.left_margin = section.right_margin = Mm(margin)
        section.top_margin = section.bottom_margin = Mm(margin)


def _language(doc, code: str) -> None:
    """The language of every run that sets none (the default run properties), and of the
    theme's fonts: what Word and LibreOffice check the spelling against."""
    from docx.oxml.ns import qn

    styles = doc.styles.element
    defaults = _child(styles, "w:docDefaults", first=True)
    rpr = _child(_child(defaults, "w:rPrDefault", first=True), "w:rPr")
    _child(rpr, "w:lang").set(qn("w:val"), code)
    settings = doc.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), code)


def _child(parent, tag: str, *, first: bool = False):
    """parent's child element tag, made (first or last) when it has none."""
    from docx.oxml.ns import qn

    found = parent.find(qn(tag))
    if found is None:
        found = parent.makeelement(qn(tag), {})
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def _points(n: float):
    from docx.shared import Pt

    return Pt(n)


class _BodyWriter:
    """Adds blocks in order; keeps track of ordered lists so each one starts at its own number."""

    def __init__(self, doc):
        self.doc = doc
        self.list_num: dict[int, int] = {}  # list depth -> Word numbering id of the open list

    def add(self, block: Block) -> None:
        if block.kind not in ("bullet", "number"):
            self.list_num.clear()
        else:
            for depth in [d for d in self.list_num if d > block.level]:
                del self.list_num[depth]
        if block.kind == "heading":
            para = self.doc.add_heading("", level=min(block.level, 9))
            _add_runs(para, block.runs)
        elif block.kind == "bullet":
            para = self.doc.add_paragraph(style=_list_style("List Bullet", block.level))
            _add_runs(para, block.runs)
            self.list_num.pop(block.level, None)
        elif block.kind == "number":
            para = self.doc.add_paragraph(style=_list_style("List Number", block.level))
            _add_runs(para, block.runs)
            self._number(para, block)
        elif block.kind == "code":
            para = self.doc.add_paragraph(style="No Spacing")
            _add_runs(para, block.runs)
        elif block.kind == "note":  # endnote style: the number raised, as in the text
            para = self.doc.add_paragraph()
            _add_run(para, Run(str(block.number), sup=True))
            para.add_run(" ")
            _add_runs(para, block.runs)
            para.paragraph_format.space_after = _points(3)
            for r in para.runs:
                r.font.size = _points(9)
            return
        elif block.kind == "rule":
            para = self.doc.add_paragraph("* * *")
            para.alignment = 1  # centre
        elif block.kind == "table":
            self._table(block)
            return
        else:
            para = self.doc.add_paragraph(style="Quote" if block.quote else None)
            _add_runs(para, block.runs)
            return
        if block.quote and block.kind != "heading":  # a list or code inside a block quote
            from docx.shared import Cm

            para.paragraph_format.left_indent = Cm(1.0 * block.quote + 0.6 * max(block.level, 0))

    def _number(self, para, block: Block) -> None:
        """Word continues one numbering through every 'List Number' paragraph in a document;
        a new list needs its own numbering instance, restarted at the list's first number."""
        num_id = self.list_num.get(block.level)
        if num_id is None:
            style_num = _style_num_id(para.style)
            if style_num is None:
                return
            numbering = self.doc.part.numbering_part.element
            abstract = numbering.num_having_numId(style_num).abstractNumId.val
            num = numbering.add_num(abstract)
            num.add_lvlOverride(ilvl=0).add_startOverride(block.number or 1)
            num_id = self.list_num[block.level] = num.numId
        para._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id

    def _table(self, block: Block) -> None:
        cols = max((len(r) for r in block.rows), default=0)
        if not cols:
            return
        table = self.doc.add_table(rows=len(block.rows), cols=cols)
        table.style = "Table Grid"
        for i, row in enumerate(block.rows):
            for j, runs in enumerate(row):
                para = table.cell(i, j).paragraphs[0]
                _add_runs(para, runs)
                if i == 0:
                    for run in para.runs:
                        run.bold = True


def _list_style(base: str, level: int) -> str:
    return base if level <= 0 else f"{base} {min(level + 1, 3)}"


def _style_num_id(style):
    ppr = style.element.pPr
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return None
    return ppr.numPr.numId.val


def _add_runs(para, runs: list[Run]) -> None:
    for run in runs:
        if run.href:
            _add_link(para, run)
            continue
        _add_run(para, run)


def _add_run(para, run: Run):
    if run.text == "\n":
        r = para.add_run()
        r.add_break()
        return r
    r = para.add_run(xml_safe(run.text))
    if run.bold:
        r.bold = True
    if run.italic:
        r.italic = True
    if run.strike:
        r.font.strike = True
    if run.sup:
        r.font.superscript = True
    if run.sub:
        r.font.subscript = True
    if run.code:
        r.font.name = MONO
    return r


def _add_link(para, run: Run) -> None:
    """python-docx has no hyperlink API: build <w:hyperlink r:id=...> around a styled run."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    href = safe_href(run.href)
    if href is None:  # the link policy drops it: the words stay, as plain text
        _add_run(para, run)
        return
    rel_id = para.part.relate_to(xml_safe(href), RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    r = _add_run(para, run)
    r.font.underline = True
    r.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.append(r._r)  # moves the run inside the hyperlink
    para._p.append(link)
