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


def _article(**fields) -> Article:
    base = dict(id=4, headline="Gates open at dawn", dek="The harbour reopens on Friday",
                byline="Lerato Mokoena", section="City", tags=["harbour", "council"],
                body="The gates open.", language="en-GB", updated_at="2026-12-02T09:00:00+00:00")
    return Article(**{**base, **fields})


def test_page_size_applies_a4_by_default_letter_on_request():
    a4 = reopen(ExportData(article=_article())).sections[0]
    letter = reopen(ExportData(article=_article(), page_size="letter")).sections[0]
    assert (round(a4.page_width.mm), round(a4.page_height.mm)) == (210, 297)
    assert (round(letter.page_width.inches, 2), round(letter.page_height.inches, 2)) == (8.5, 11.0)
    assert round(a4.left_margin.mm) == round(a4.top_margin.mm) == 25
    assert round(letter.left_margin.inches, 2) == 1.0


def test_the_documents_language_is_the_articles():
    from docx.oxml.ns import qn

    for language in ("en-GB", "en-US", "en-ZA"):
        doc = reopen(ExportData(article=_article(language=language)))
        defaults = doc.styles.element.find(qn("w:docDefaults"))
        lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
        assert lang.get(qn("w:val")) == language
        assert doc.settings.element.find(qn("w:themeFontLang")).get(qn("w:val")) == language
        assert doc.core_properties.language == language


def test_core_properties_name_desk_and_carry_the_article():
    props = reopen(ExportData(article=_article())).core_properties
    assert props.author == "Lerato Mokoena"
    assert props.last_modified_by == "desk"
    assert props.title == "Gates open at dawn"
    assert props.subject == props.comments == "The harbour reopens on Friday"
    assert props.keywords == "harbour, council"
    assert props.category == "City"
    assert "python-docx" not in (props.author, props.comments)
    assert reopen(ExportData(article=_article(byline=""))).core_properties.author == "desk"


def test_the_application_is_desk_not_the_templates_word():
    import zipfile

    payload = render(ExportData(article=_article()))
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        app = archive.read("docProps/app.xml").decode()
        names = archive.namelist()
    assert "<Application>desk</Application>" in app
    assert "Microsoft" not in app
    assert not any("thumbnail" in n for n in names)


def test_export_article_passes_the_page_size_to_the_docx(story, tmp_path):
    from desk.export import export_article

    lib, article, _ = story
    path = export_article(lib, article.id, "docx", tmp_path / "a.docx", page_size="letter")
    section = docx.Document(str(path)).sections[0]
    assert round(section.page_width.inches, 2) == 8.5
