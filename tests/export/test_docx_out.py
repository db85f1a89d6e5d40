import io

import docx

from desk.export.base import ExportData
from desk.export.docx_out import render
from desk.model import Article


def reopen(data) -> docx.document.Document:
    return docx.Document(io.BytesIO(render(data)))


def paragraph(doc, text):
    return next(p for p in doc.paragraphs if text in p.text)


def test_headline_is_the_title_then_dek_and_byline(story_data):
    doc = reopen(story_data)
    first, second, third = doc.paragraphs[:3]
    assert (first.style.name, first.text) == ("Title", "Council closes harbour bridge")
    assert (second.style.name, second.text) == ("Subtitle", "Traffic to move to the ring road")
    assert third.text.startswith("By Lerato Mokoena")
    assert doc.core_properties.title == "Council closes harbour bridge"
    assert doc.core_properties.author == "Lerato Mokoena"


def test_bold_italic_and_links_are_kept(story_data):
    para = paragraph(reopen(story_data), "will publish")
    runs = {r.text: r for r in para.runs}
    assert runs["council"].italic is True
    assert runs["a timetable"].bold is True
    assert [(h.text, h.url) for h in para.hyperlinks] == [("details", "https://example.org/bridge")]


def test_headings_lists_and_quotes_use_word_styles(story_data):
    doc = reopen(story_data)
    assert paragraph(doc, "What happens next").style.name == "Heading 2"
    assert paragraph(doc, "Buses take the ring road").style.name == "List Bullet"
    assert paragraph(doc, "Ferries run every hour").style.name == "List Bullet"
    assert paragraph(doc, "A quoted block of text.").style.name == "Quote"


def test_each_numbered_list_starts_at_its_own_number():
    article = Article(id=1, headline="H", body="1. a\n2. b\n\nBetween.\n\n5. c\n6. d\n")
    doc = reopen(ExportData(article=article))
    items = [p for p in doc.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in items] == ["a", "b", "c", "d"]
    num_ids = [p._p.pPr.numPr.numId.val for p in items]
    assert num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]
    numbering = doc.part.numbering_part.element
    second = numbering.num_having_numId(num_ids[2])
    assert second.lvlOverride_lst[0].startOverride.val == 5


def test_nested_list_and_code_block():
    article = Article(id=1, headline="H", body="- top\n    - inner\n\n```\nx = 1\n```\n")
    doc = reopen(ExportData(article=article))
    assert paragraph(doc, "inner").style.name == "List Bullet 2"
    code = paragraph(doc, "x = 1")
    assert code.runs[0].font.name == "DejaVu Sans Mono"


def test_raw_html_in_body_does_not_reach_the_document():
    article = Article(id=1, headline="H", body="Hi <script>alert(1)</script> there")
    text = "\n".join(p.text for p in reopen(ExportData(article=article)).paragraphs)
    assert "alert" not in text and "<script" not in text


def test_control_characters_in_an_article_do_not_break_the_docx():
    """Import strips them, but a library written before that (or a paste) may hold some."""
    import io

    import docx

    from desk.export.base import ExportData
    from desk.export.docx_out import render
    from desk.model import Article

    bad = "bell\x07 nul\x00 esc\x1b \ufffe \x7f"
    article = Article(id=1, headline=f"Head {bad}", dek=bad, byline=bad, section=bad,
                      tags=[bad], body=f"Body {bad}\n\n[link {bad}](https://example.com/\x07x)\n")
    doc = docx.Document(io.BytesIO(render(ExportData(article=article))))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Head bell nul esc" in text and "\x07" not in text
