import yaml

from desk.export.markdown_out import render
from desk.importing import import_files
from desk.importing.markdown_file import parse_markdown, split_front_matter


def test_front_matter_carries_the_fields(story_data):
    meta, _body = split_front_matter(render(story_data).decode())
    assert meta["headline"] == "Council closes harbour bridge"
    assert meta["dek"] == "Traffic to move to the ring road"
    assert meta["byline"] == "Lerato Mokoena"
    assert meta["section"] == "City"
    assert meta["status"] == "editing"
    assert sorted(meta["tags"]) == ["council", "transport"]
    assert meta["created"] == story_data.article.created_at
    assert meta["updated"] == story_data.article.updated_at


def test_front_matter_lists_quoted_sources_without_contacts(story_data):
    meta, _ = split_front_matter(render(story_data).decode())
    names = [s["name"] for s in meta["sources"]]
    assert names == ["Amara Okafor", "Pieter de Wet"]
    amara = meta["sources"][0]
    assert amara["title"] == "City engineer"
    assert amara["organisation"] == "Cape Town City Council"
    assert "contact" not in amara


def test_body_follows_front_matter_unchanged(story_data):
    text = render(story_data).decode()
    _meta, body = split_front_matter(text)
    assert body.lstrip("\n") == story_data.article.body


def test_round_trip_through_import_gives_the_same_article(story, story_data, tmp_path):
    lib, article, _ = story
    path = tmp_path / "out.md"
    path.write_bytes(render(story_data))
    (new_id,) = import_files(lib, [path])
    again = lib.articles.get(new_id)
    for field in ("headline", "dek", "byline", "section", "status", "body", "language"):
        assert getattr(again, field) == getattr(article, field), field
    assert sorted(again.tags) == sorted(article.tags)


def test_awkward_values_survive_yaml(story, tmp_path):
    from desk.export.base import ExportData

    lib, article, _ = story
    article.headline = "yes: “No” — #1 [draft] 'quoted' 2026-01-01"
    article.dek = "null"
    text = render(ExportData(article=article)).decode()
    parsed = parse_markdown(text, "x.md")
    assert parsed.fields["headline"] == article.headline
    assert parsed.fields["dek"] == "null"
    assert yaml.safe_load(text.split("---\n")[1])["headline"] == article.headline


def test_front_matter_also_has_pandocs_keys(story_data):
    meta, _ = split_front_matter(render(story_data).decode())
    article = story_data.article
    assert meta["title"] == meta["headline"] == article.headline
    assert meta["author"] == meta["byline"] == "Lerato Mokoena"
    assert meta["lang"] == meta["language"] == "en-US"
    assert meta["date"] == article.updated_at[:10]
    keys = list(meta)
    assert keys.index("title") > keys.index("sources")  # desk's own first, pandoc's after


def test_the_date_is_the_publication_day_once_published(story_data):
    story_data.article.published_at = "2026-12-02T18:00:00+00:00"
    meta, _ = split_front_matter(render(story_data).decode())
    assert meta["date"] == "2026-12-02"


def _pandoc_meta(value) -> str:
    """pandoc's JSON meta value as plain text."""
    inlines = value["c"]
    return "".join(i["c"] if i["t"] == "Str" else " " for i in inlines)


def test_pandoc_reads_the_title_author_language_and_date(story_data, tmp_path):
    import json

    from tests.export.programs import run

    story_data.article.language = "en-GB"
    path = tmp_path / "story.md"
    path.write_bytes(render(story_data))
    doc = json.loads(run("pandoc", "-s", "-f", "markdown", "-t", "json", path))
    meta = doc["meta"]
    assert _pandoc_meta(meta["title"]) == "Council closes harbour bridge"
    assert _pandoc_meta(meta["author"]) == "Lerato Mokoena"
    assert _pandoc_meta(meta["lang"]) == "en-GB"
    assert _pandoc_meta(meta["date"]) == story_data.article.updated_at[:10]
    html = run("pandoc", "-s", "-f", "markdown", "-t", "html", path)
    assert 'lang="en-GB"' in html and '<meta name="author" content="Lerato Mokoena"' in html
