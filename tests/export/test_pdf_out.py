import re
import shutil
import subprocess

import pytest

from desk.export.base import ExportData
from desk.export.pdf_out import render
from desk.model import Article, DeskError

LONG = "\n\n".join(f"Paragraph {i}: " + "The council met again to discuss the bridge. " * 12
                   for i in range(60))


def page_count(pdf: bytes) -> int:
    """Counted from the PDF itself, so the test needs no outside tool."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def media_box(pdf: bytes) -> tuple[float, float]:
    m = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return float(m.group(1)), float(m.group(2))


def pdf_text(pdf: bytes, tmp_path) -> str | None:
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    return subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout


@pytest.fixture(scope="module")
def long_pdf():
    article = Article(id=1, headline="Bridge report — Cape Town", dek="Long read",
                      byline="Lerato Mokoena", body=LONG, updated_at="2026-03-04T10:00:00+00:00")
    return render(ExportData(article=article))


def test_pdf_is_complete(long_pdf):
    assert long_pdf.startswith(b"%PDF-")
    assert long_pdf.rstrip().endswith(b"%%EOF")


def test_long_article_runs_to_several_pages(long_pdf, tmp_path):
    pages = page_count(long_pdf)
    assert 3 <= pages <= 12
    if shutil.which("pdfinfo"):
        path = tmp_path / "x.pdf"
        path.write_bytes(long_pdf)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                              check=True, timeout=60).stdout
        assert int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)) == pages


def test_text_is_extractable_in_order(long_pdf, tmp_path):
    text = pdf_text(long_pdf, tmp_path)
    if text is None:  # no poppler: at least the title is in the document's metadata
        assert "Bridge report".encode("utf-16-be") in long_pdf or b"Bridge report" in long_pdf
        return
    assert "Bridge report — Cape Town" in text
    assert "By Lerato Mokoena" in text
    assert text.index("Paragraph 0:") < text.index("Paragraph 59:")


def test_fonts_are_embedded(long_pdf):
    assert b"/FontFile2" in long_pdf  # TrueType font programs inside the file
    assert b"DejaVuSerif" in long_pdf


def test_a4_by_default_letter_on_request():
    article = Article(id=1, headline="H", body="Text.")
    a4 = media_box(render(ExportData(article=article)))
    letter = media_box(render(ExportData(article=article, page_size="letter")))
    assert a4 == pytest.approx((595, 842), abs=1.5)
    assert letter == pytest.approx((612, 792), abs=1.5)


def test_short_article_is_one_page():
    pdf = render(ExportData(article=Article(id=1, headline="H", body="Short.")))
    assert page_count(pdf) == 1


def test_unknown_page_size_is_refused():
    with pytest.raises(DeskError, match="page size"):
        render(ExportData(article=Article(headline="H"), page_size="a3"))


def test_markup_in_pdf_is_sanitized(tmp_path):
    article = Article(id=1, headline="H", body="Safe <script>evil()</script> text")
    text = pdf_text(render(ExportData(article=article)), tmp_path)
    if text is not None:
        assert "evil" not in text and "Safe text" in " ".join(text.split())


def test_painter_that_cannot_start_is_an_error(monkeypatch):
    import PySide6.QtGui

    class RefusingPainter(PySide6.QtGui.QPainter):
        def begin(self, device):
            return False

    monkeypatch.setattr(PySide6.QtGui, "QPainter", RefusingPainter)
    with pytest.raises(DeskError, match="could not start"):
        render(ExportData(article=Article(headline="H", body="Text.")))


LIGATURES = "".join(chr(c) for c in range(0xFB00, 0xFB07))  # ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ


@pytest.fixture(scope="module")
def words_pdf():
    article = Article(id=2, headline="The office of the first officer", dek="A flow of traffic",
                      byline="Lerato Mokoena", tags=["harbour", "traffic flow"], language="en-GB",
                      body="The office staff were the first to see the flood waters flow.\n\n"
                           "| Staff | Office |\n| --- | --- |\n| fifty | offshore |\n",
                      updated_at="2026-12-02T09:00:00+00:00")
    return render(ExportData(article=article))


def test_text_extracts_without_ligature_characters(words_pdf, tmp_path):
    from tests.export.programs import run

    path = tmp_path / "words.pdf"
    path.write_bytes(words_pdf)
    text = run("pdftotext", path, "-")
    for word in ("office", "first", "flow", "officer", "flood", "fifty", "offshore"):
        assert word in text
    assert not set(text) & set(LIGATURES)


def test_subject_keywords_and_language_are_set(words_pdf, tmp_path):
    from tests.export.programs import run

    path = tmp_path / "words.pdf"
    path.write_bytes(words_pdf)
    info = run("pdfinfo", path)
    assert re.search(r"^Subject:\s+A flow of traffic$", info, re.M)
    assert re.search(r"^Keywords:\s+harbour, traffic flow$", info, re.M)
    assert re.search(r"^Title:\s+The office of the first officer$", info, re.M)
    assert re.search(r"^Creator:\s+desk$", info, re.M)
    trailer = run("qpdf", "--show-object=trailer", path)
    root = re.search(r"/Root (\d+) 0 R", trailer).group(1)
    assert "/Lang (en-GB)" in run("qpdf", f"--show-object={root}", path)


def test_the_added_metadata_leaves_a_sound_pdf(words_pdf, tmp_path):
    from tests.export.programs import run

    path = tmp_path / "words.pdf"
    path.write_bytes(words_pdf)
    assert "No syntax or stream encoding errors" in run("qpdf", "--check", path)


def test_the_xmp_metadata_says_the_same(words_pdf, tmp_path):
    import lxml.etree

    from tests.export.programs import run

    path = tmp_path / "words.pdf"
    path.write_bytes(words_pdf)
    packet = run("pdfinfo", "-meta", path)
    root = lxml.etree.fromstring(packet[packet.index("<x:xmpmeta"):packet.index("</x:xmpmeta>") + 12])
    ns = {"dc": "http://purl.org/dc/elements/1.1/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
          "pdf": "http://ns.adobe.com/pdf/1.3/"}

    def texts(path: str) -> list[str]:
        return [el.text for el in root.iterfind(path, ns)]

    assert texts(".//dc:title//rdf:li") == ["The office of the first officer"]
    assert texts(".//dc:description//rdf:li") == ["A flow of traffic"]
    assert texts(".//dc:subject//rdf:li") == ["harbour", "traffic flow"]
    assert texts(".//dc:language//rdf:li") == ["en-GB"]
    assert texts(".//pdf:Keywords") == ["harbour, traffic flow"]
