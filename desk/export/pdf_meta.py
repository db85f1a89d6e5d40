"""What Qt's PDF writer cannot say about a document: its Subject, its Keywords and its
language. QPdfWriter sets the title, author and creator only; this adds the rest as an
incremental update (PDF 32000-1, 7.5.6): a new document information dictionary and a new
catalog with /Lang, appended after the file Qt wrote, with their own cross-reference
section pointing back at Qt's. Nothing Qt wrote is rewritten, so fonts and pages stay
byte for byte as they were. Qt-free: bytes in, bytes out."""

from __future__ import annotations

import re

from desk.model import DeskError

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*\Z")
_TRAILER = re.compile(rb"\s*trailer\s*<<(.*?)>>\s*startxref", re.S)
_REF = rb"/%s\s+(\d+)\s+(\d+)\s+R"
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")  # BCP 47, as /Lang wants


def add_document_info(pdf: bytes, *, subject: str = "", keywords: str = "",
                      language: str = "") -> bytes:
    """The PDF with /Subject and /Keywords in its information dictionary and /Lang in its
    catalog (empty values are left out). A PDF whose structure is not the plain one Qt
    writes (a cross-reference table, a trailer naming /Root and /Info) raises DeskError."""
    end = _STARTXREF.search(pdf, max(0, len(pdf) - 64))
    trailers = list(_TRAILER.finditer(pdf))
    if end is None or not trailers:
        raise DeskError("PDF export: Qt's PDF has no trailer desk can read")
    trailer = trailers[-1].group(1)
    root, info, size = (re.search(_REF % b"Root", trailer), re.search(_REF % b"Info", trailer),
                        re.search(rb"/Size\s+(\d+)", trailer))
    if root is None or info is None or size is None:
        raise DeskError("PDF export: Qt's PDF trailer names no catalog or information")
    file_id = re.search(rb"/ID\s*\[[^\]]*\]", trailer)
    added: list[tuple[int, bytes]] = []
    info_extra = b"".join(b"/%s %s\n" % (key, text_string(value))
                          for key, value in ((b"Subject", subject), (b"Keywords", keywords))
                          if value)
    table = _xref(pdf, int(end.group(1)))
    if info_extra:
        added.append((int(info.group(1)), _with(_object(pdf, table, info), info_extra)))
    if language:
        if not _LANGUAGE.fullmatch(language):
            raise DeskError(f"PDF export: {language!r} is not a language code")
        lang = b"/Lang (" + language.encode("ascii") + b")\n"
        added.append((int(root.group(1)), _with(_object(pdf, table, root), lang)))
    if not added:
        return pdf
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets = []
    for number, body in added:
        offsets.append((number, len(out)))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n"
    for number, offset in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (number, offset)
    out += (b"trailer\n<<\n/Size %s\n/Root %s 0 R\n/Info %s 0 R\n/Prev %s\n%s>>\nstartxref\n%d\n%%%%EOF\n"
            % (size.group(1), root.group(1), info.group(1), end.group(1),
               file_id.group(0) + b"\n" if file_id else b"", xref))
    return bytes(out)


def _xref(pdf: bytes, at: int) -> dict[int, int]:
    """Object number -> offset, from the cross-reference table at ``at`` and the ones
    before it (its trailer's /Prev): the latest entry for an object wins."""
    table: dict[int, int] = {}
    seen: set[int] = set()
    while at not in seen:
        seen.add(at)
        if pdf[at:at + 4] != b"xref":
            raise DeskError("PDF export: Qt's PDF has no cross-reference table desk can read")
        pos = at + 4
        while (head := _SUBSECTION.match(pdf, pos)) is not None:
            first, count = int(head.group(1)), int(head.group(2))
            pos = head.end()
            for k in range(count):
                entry = pdf[pos:pos + 20]
                if entry[17:18] == b"n":
                    table.setdefault(first + k, int(entry[:10]))
                pos += 20
        trailer = _TRAILER.match(pdf, pos)
        prev = re.search(rb"/Prev\s+(\d+)", trailer.group(1)) if trailer else None
        if prev is None:
            return table
        at = int(prev.group(1))
    return table


_SUBSECTION = re.compile(rb"\s*(\d+) (\d+)[ \t]*\r?\n")


def _object(pdf: bytes, table: dict[int, int], ref: re.Match) -> bytes:
    """The dictionary of object ``ref``, found where the cross-reference table says."""
    number = int(ref.group(1))
    head = re.compile(rb"%d\s+%s\s+obj\s*" % (number, ref.group(2))).match(pdf, table.get(number, -1))
    if number not in table or head is None:
        raise DeskError("PDF export: an object of Qt's PDF is missing")
    begin = head.end()
    finish = pdf.find(b"endobj", begin)
    body = pdf[begin:finish].strip() if finish > 0 else b""
    if not (body.startswith(b"<<") and body.endswith(b">>")) or b"stream" in body:
        raise DeskError("PDF export: an object of Qt's PDF is not a plain dictionary")
    return body


def _with(body: bytes, extra: bytes) -> bytes:
    """The dictionary with extra entries before its closing >>; an entry it already has
    of the same name is left out first."""
    inner = body[2:-2]
    for key in re.findall(rb"/(\w+) ", extra):
        inner = re.sub(rb"/%s\s*(?:\([^)]*\)|<[0-9A-Fa-f\s]*>)\s*" % key, b"", inner)
    return b"<<" + inner.rstrip() + b"\n" + extra + b">>"


def text_string(value: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte-order mark, written in hex (so no
    character needs escaping)."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def xmp_packet(*, title: str, author: str = "", subject: str = "", keywords: list[str] = (),
               language: str = "", producer: str = "", when: str = "") -> bytes:
    """The document's XMP metadata (what QPdfWriter.setDocumentXmpMetadata takes in place
    of the one Qt makes up): Qt's own title, creator and dates, and also the description,
    subject keywords and language that readers preferring XMP to the information
    dictionary show."""
    from xml.sax.saxutils import escape

    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'

    def items(kind: str, values) -> str:
        return f"<rdf:{kind}>" + "".join(f"<rdf:li>{escape(v)}</rdf:li>" for v in values) + f"</rdf:{kind}>"

    dc = [f"<dc:title>{alt(title)}</dc:title>"]
    if author:
        dc.append(f"<dc:creator>{items('Seq', [author])}</dc:creator>")
    if subject:
        dc.append(f"<dc:description>{alt(subject)}</dc:description>")
    if keywords:
        dc.append(f"<dc:subject>{items('Bag', keywords)}</dc:subject>")
    if language:
        dc.append(f"<dc:language>{items('Bag', [language])}</dc:language>")
    pdf = f"<pdf:Producer>{escape(producer)}</pdf:Producer>" if producer else ""
    if keywords:
        pdf += f"<pdf:Keywords>{escape(', '.join(keywords))}</pdf:Keywords>"
    stamps = "".join(f"<xmp:{k}>{escape(when)}</xmp:{k}>"
                     for k in ("CreateDate", "ModifyDate", "MetadataDate")) if when else ""
    return (
        "<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        + "".join(dc) + pdf + "<xmp:CreatorTool>desk</xmp:CreatorTool>" + stamps
        + "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end='w'?>").encode("utf-8")
