"""Writes the hostile-file corpus: broken, malicious and merely strange inputs for every
importer and material reader. Generated, never downloaded; the suite builds it into a
temporary folder once per run (tests/importing/test_hostile_files.py).

    python tests/data/hostile/make_corpus.py OUT_DIR

Each case says what a reader must do with it: ``error`` (a one-line DeskError, whose text
matches ``mention`` when given), ``ok`` (a clean import) or ``either``. No case may end in
any other exception. ``SECRET`` is written to ``secret.txt`` next to the corpus; the
external-entity cases point at that file, and its text must never appear in any output.
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

SECRET = "desk-canary-7f3a9c-never-read-me"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BOMB_PART_BYTES = 40 * 1024 * 1024  # over the 32 MB cap on one part
BOMB_TOTAL_PARTS = 5  # five parts of 30 MB: each under the part cap, together over 128 MB


@dataclass(frozen=True)
class Case:
    name: str
    expect: str  # "error", "ok" or "either"
    mention: str = ""  # a regex the error message must match
    material: bool = True  # also a sensible material file (readers of .md/.txt/.docx)


CASES: list[Case] = []


def case(name: str, expect: str, mention: str = ""):
    def register(fn):
        CASES.append(Case(name, expect, mention))
        fn.case_name = name
        BUILDERS[name] = fn
        return fn
    return register


BUILDERS: dict = {}


# -- .docx -----------------------------------------------------------------------------
def _base_docx() -> dict[str, bytes]:
    """The parts of a small, valid document written by python-docx."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("River rises", style="Title")
    doc.add_paragraph("“The water came fast,” said Ruth Dalton, the mayor.")
    doc.core_properties.title = "River rises"
    out = io.BytesIO()
    doc.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def _document(body_xml: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f'<w:document xmlns:w="{W}"><w:body>{body_xml}</w:body></w:document>').encode()


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _with(**changes) -> bytes:
    parts = _base_docx()
    for name, data in changes.items():
        name = {"core": "docProps/core.xml", "rels": "word/_rels/document.xml.rels",
                "pkg_rels": "_rels/.rels", "types": "[Content_Types].xml",
                "document": "word/document.xml", "styles": "word/styles.xml"}.get(name, name)
        if data is None:
            parts.pop(name, None)
        else:
            parts[name] = data
    return _zip(parts)


@case("valid.docx", "ok")
def _valid(d, secret):
    return _with()


@case("bad-xml-core-properties.docx", "error", r"not a valid \.docx: bad XML in docProps/core\.xml")
def _bad_core(d, secret):
    return _with(core=b"<?xml version='1.0'?><cp:coreProperties><dc:title>oops</cp:core")


@case("bad-xml-relationships.docx", "error", r"bad XML in word/_rels/document\.xml\.rels")
def _bad_rels(d, secret):
    return _with(rels=b"<Relationships><Relationship Id='rId1' Target=")


@case("bad-xml-package-relationships.docx", "error", r"bad XML in _rels/\.rels")
def _bad_pkg_rels(d, secret):
    return _with(pkg_rels=b"\x00\x01garbage")


@case("bad-xml-content-types.docx", "error", r"not a valid \.docx")
def _bad_types(d, secret):
    return _with(types=b"<Types><Default Extension=")


@case("bad-xml-document.docx", "error", r"bad XML in word/document\.xml")
def _bad_document(d, secret):
    return _with(document=_document(_para("unclosed <w:p>")))


@case("wrong-root-document.docx", "either")
def _wrong_root(d, secret):
    return _with(document=b"<?xml version='1.0'?><html><body>not word</body></html>")


@case("missing-document-part.docx", "error", r"not a valid \.docx")
def _missing_document(d, secret):
    return _with(document=None)


@case("missing-content-types.docx", "error", r"Content_Types")
def _missing_types(d, secret):
    return _with(types=None)


@case("missing-package-relationships.docx", "error", r"not a valid \.docx")
def _missing_pkg_rels(d, secret):
    return _with(pkg_rels=None)


@case("missing-styles.docx", "either")
def _missing_styles(d, secret):
    return _with(styles=None)


@case("bad-date-core-properties.docx", "either")
def _bad_date(d, secret):
    core = _base_docx()["docProps/core.xml"].replace(
        b"</cp:coreProperties>",
        b'<dcterms:created xsi:type="dcterms:W3CDTF">not a date</dcterms:created>'
        b"</cp:coreProperties>")
    return _with(core=core)


@case("truncated.docx", "error", r"not a valid \.docx")
def _truncated(d, secret):
    data = _with()
    return data[: len(data) // 2]


@case("truncated-tail.docx", "error", r"not a valid \.docx")
def _truncated_tail(d, secret):
    return _with()[:-30]


@case("empty.docx", "error", r"not a valid \.docx")
def _empty_docx(d, secret):
    return b""


@case("old-binary-doc.docx", "error", r"not a valid \.docx")
def _old_doc(d, secret):
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000


@case("zip-not-word.docx", "error", r"not a valid \.docx")
def _zip_not_word(d, secret):
    return _zip({"hello.txt": b"not word"})


@case("billion-laughs.docx", "error", r"DTD or entities")
def _laughs(d, secret):
    ents = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)]
    prolog = "<!DOCTYPE w:document [" + "".join(ents) + "]>\n"
    return _with(document=_document(_para("&lol9;"), prolog))


@case("entities-in-core-properties.docx", "error", r"DTD or entities")
def _entity_core(d, secret):
    return _with(core=(b'<?xml version="1.0"?><!DOCTYPE cp [<!ENTITY t "Title">]>'
                       b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/'
                       b'2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/'
                       b'1.1/"><dc:title>&t;&t;&t;</dc:title></cp:coreProperties>'))


@case("external-entity-document.docx", "error", r"DTD or entities")
def _xxe(d, secret):
    prolog = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>\n'
    return _with(document=_document(_para("&x;"), prolog))


@case("external-entity-relationships.docx", "error", r"DTD or entities")
def _xxe_rels(d, secret):
    rels = _base_docx()["word/_rels/document.xml.rels"]
    rels = rels.replace(b"?>", f'?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'.encode(), 1)
    return _with(rels=rels.replace(b'Target="styles.xml"', b'Target="&x;"'))


@case("external-dtd-parameter-entity.docx", "error", r"DTD or entities")
def _xxe_param(d, secret):
    prolog = (f'<!DOCTYPE w:document [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>\n')
    return _with(document=_document(_para("text"), prolog))


@case("utf16-doctype.docx", "error", r"DTD or entities")
def _utf16_doctype(d, secret):
    xml = (f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document '
           f'[<!ENTITY x SYSTEM "file://{secret}">]><w:document xmlns:w="{W}"><w:body>'
           f'{_para("&x;")}</w:body></w:document>')
    return _with(document=b"\xff\xfe" + xml.encode("utf-16-le"))


@case("deep-xml.docx", "error", r"not a valid \.docx")
def _deep_xml(d, secret):
    return _with(document=_document("<w:p>" * 5000 + "</w:p>" * 5000))


@case("many-paragraphs.docx", "ok")
def _many_paragraphs(d, secret):
    return _with(document=_document("".join(_para(f"Paragraph {i} of the story.")
                                            for i in range(3000))))


@case("control-characters.docx", "either")
def _docx_controls(d, secret):
    # XML 1.0 cannot carry C0 controls even as &#1;: the parser refuses them
    return _with(document=_document(_para("bell &#7; here")))


@case("zip-bomb-one-part.docx", "error", r"would unpack to .*zip bomb")
def _bomb(d, secret):
    out = io.BytesIO()
    parts = _base_docx()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if name != "word/document.xml":
                z.writestr(name, data)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(_document("")[:-len("</w:body></w:document>")])
            chunk = b" " * (1 << 20)
            for _ in range(BOMB_PART_BYTES >> 20):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    return out.getvalue()


@case("zip-bomb-many-parts.docx", "error", r"would unpack to .*zip bomb")
def _bomb_total(d, secret):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in _base_docx().items():
            z.writestr(name, data)
        chunk = b"\x00" * (1 << 20)
        for n in range(BOMB_TOTAL_PARTS):
            with z.open(f"word/media/image{n}.png", "w") as f:
                for _ in range(30):
                    f.write(chunk)
    return out.getvalue()


@case("zip-bomb-lying-header.docx", "error", r"cannot be unpacked|bad XML")
def _bomb_lying(d, secret):
    """The archive claims document.xml is 1 kB; it unpacks to 8 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in _base_docx().items():
            if name != "word/document.xml":
                z.writestr(name, data)
        z.writestr("word/document.xml", _document(_para("x" * (8 << 20))))
    data = bytearray(out.getvalue())
    name = b"word/document.xml"
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = data.find(sig)
        while pos >= 0:
            name_at = pos + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                struct.pack_into("<I", data, pos + size_at, 1024)
            pos = data.find(sig, pos + 4)
    return bytes(data)


@case("too-many-parts.docx", "error", r"parts in the archive")
def _many_parts(d, secret):
    parts = _base_docx()
    for n in range(6000):
        parts[f"word/x/{n}.xml"] = b"<a/>"
    return _zip(parts)


@case("javascript-hyperlink.docx", "ok")
def _js_link(d, secret):
    rels = _base_docx()["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/hyperlink" Target="jav&#x09;ascript:alert(1)" '
        b'TargetMode="External"/></Relationships>')
    body = (f'<w:p><w:hyperlink xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships" r:id="rId99"><w:r><w:t>click</w:t></w:r></w:hyperlink></w:p>'
            + _para("Some words of the story."))
    return _with(rels=rels, document=_document(body))


# -- .html -----------------------------------------------------------------------------
@case("nested-divs.html", "error", r"levels deep")
def _html_divs(d, secret):
    return ("<html><body>" + "<div>" * 30000 + "<p>deep</p>" + "</div>" * 30000).encode()


@case("unclosed-bold.html", "error", r"levels deep")
def _html_unclosed(d, secret):
    return ("<p>" + "<b>" * 20000 + "words").encode()


@case("nested-200.html", "ok")
def _html_200(d, secret):
    return ("<article>" + "<span>" * 200 + "Words of the story here." + "</span>" * 200
            + "</article>").encode()


@case("script-only.html", "error", r"no article text")
def _html_script(d, secret):
    return b"<html><head><script>alert(1)</script></head><body></body></html>"


@case("hostile-links.html", "ok")
def _html_links(d, secret):
    return ('<article><h1>Links</h1><p><a href="java   script:alert(1)">a</a> '
            '<a href="jav&#x09;ascript:alert(2)">b</a> <a href="//evil.example/x">c</a> '
            '<a href="JaVaScRiPt:alert(3)">d</a> <a href="data:text/html,x">e</a> '
            '<a href="https://example.com/ok">fine</a> words of the story.</p></article>').encode()


@case("entities-and-xxe.html", "either")
def _html_xxe(d, secret):
    return (f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
            "<html><body><p>&x; &lol; &amp;&#0;&#xD800;&#x110000; words here</p></body></html>"
            ).encode()


@case("control-characters.html", "ok")
def _html_controls(d, secret):
    return "<html><body><p>Bell \x07 escape \x1b form\x0c feed words.</p></body></html>".encode()


@case("latin1.html", "ok")  # read as Windows-1252, as browsers read a Latin-1 label
def _html_latin1(d, secret):
    return '<meta charset="iso-8859-1"><p>café</p>'.encode("latin-1")


@case("unknown-charset.html", "error", r"x-made-up")
def _html_unknown_charset(d, secret):
    return b'<meta charset="x-made-up"><p>caf\xe9</p>'


@case("binary.html", "error")
def _html_binary(d, secret):
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


@case("empty.html", "error")
def _html_empty(d, secret):
    return b""


# -- .md / .txt ------------------------------------------------------------------------
def _md(front: str, body: str = "Words of the story.\n") -> bytes:
    return f"---\n{front}\n---\n{body}".encode()


@case("yaml-aliases.md", "error", r"aliases")
def _yaml_laughs(d, secret):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return _md("\n".join(lines))


@case("yaml-deep-flow.md", "error", r"nested more than")
def _yaml_deep(d, secret):
    return _md("tags: " + "[" * 10000 + "]" * 10000)


@case("yaml-deep-block.md", "error", r"nested more than")
def _yaml_deep_block(d, secret):
    return _md("\n".join("  " * i + f"k{i}:" for i in range(200)) + " x")


@case("yaml-tags-number.md", "ok")
def _yaml_tags_5(d, secret):
    return _md("headline: Numbers\ntags: 5\nsources: 5")


@case("yaml-tags-mapping.md", "error", r"'tags' must be")
def _yaml_tags_map(d, secret):
    return _md("tags: {a: b}")


@case("yaml-sources-nested.md", "error", r"'sources' must be")
def _yaml_sources_nested(d, secret):
    return _md("sources: [[1, 2], [3]]")


@case("yaml-wrong-field-types.md", "either")
def _yaml_fields(d, secret):
    return _md("headline: [1, 2]\ndek: {a: 1}\nbyline: 2026-01-01\nlanguage: 5\nsection: true")


@case("yaml-python-tag.md", "error", r"front matter")
def _yaml_python(d, secret):
    return _md("x: !!python/object/apply:os.system ['echo owned']")


@case("yaml-unhashable-key.md", "error", r"front matter")
def _yaml_unhashable(d, secret):
    return _md("? [a, b]\n: c")


@case("yaml-not-a-mapping.md", "error", r"front matter")
def _yaml_list(d, secret):
    return _md("- a\n- b")


@case("yaml-invalid.md", "error", r"front matter")
def _yaml_invalid(d, secret):
    return _md("headline: [unclosed")


@case("control-characters.md", "ok")
def _md_controls(d, secret):
    return ("---\nheadline: \"Bell \\a and \\x1b escape\"\ntags: [\"a\\x00b\"]\n---\n"
            "Body with NUL \x00? no: \x01 \x02 \x07 \x08 \x0b \x0c \x1b \x7f and tab\tkept.\n"
            ).encode().replace(b"\x00", b"")  # a NUL would make the file binary


@case("nested-markdown.md", "ok")
def _md_nested(d, secret):
    return ("# Deep\n\n" + "> " * 400 + "quote\n\n"
            + "".join("    " * i + "- item\n" for i in range(300))
            + "\n[" * 50 + "link" + "]" * 50 + "(java\tscript:alert(1))\n").encode()


@case("nul-bytes.md", "error", r"binary")
def _md_nul(d, secret):
    return b"# Head\n\x00\x00\x00 body\n"


@case("latin1.md", "ok")  # Windows-1252 (a superset of Latin-1's printable characters)
def _md_latin1(d, secret):
    return "# Café\nbody\n".encode("latin-1")


@case("random-bytes.txt", "error", r"not text in UTF-8 or Windows-1252")
def _txt_random(d, secret):
    import random

    noise = random.Random(15)  # fixed: the same bytes every run, none of them NUL
    return bytes(noise.randrange(1, 256) for _ in range(4000))


@case("utf16-no-bom.txt", "error", r"UTF-16 text without a byte-order mark")
def _txt_utf16_no_bom(d, secret):
    return "Headline\n\n“Quote,” she said.\n".encode("utf-16-le")


@case("utf16.md", "ok")
def _md_utf16(d, secret):
    return "\ufeff# Heading\n\n“Quote,” she said.\r\n".encode("utf-16-le")


@case("empty.txt", "error", r"empty")
def _txt_empty(d, secret):
    return b"\n\n  \n"


@case("control-characters.txt", "ok")
def _txt_controls(d, secret):
    return b"Head\x07line\x1b\n\nBody \x0c\x01\x02 text\x7f.\n"


@case("lone-cr.txt", "ok")
def _txt_cr(d, secret):
    return b"Headline\rbody one\rbody two\r"


@case("long-line.txt", "ok")
def _txt_long(d, secret):
    return b"Headline\n" + b"word " * 40_000  # one 200 kB paragraph


@case("non-utf8-name-\udcff\udcfe.md", "ok")
def _bad_name(d, secret):
    return b"Words of the story.\n"


def build(dest: str | Path) -> list[Case]:
    """Writes every case (and secret.txt) into dest; returns the cases."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    secret = dest / "secret.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    for c in CASES:
        (dest / c.name).write_bytes(BUILDERS[c.name](dest, secret))
    return list(CASES)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_corpus.py OUT_DIR")
    cases = build(sys.argv[1])
    print(f"{len(cases)} hostile files written to {sys.argv[1]}")
