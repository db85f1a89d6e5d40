import json
from pathlib import Path

import jsonschema
import pytest

from desk.export.ninjs_out import render

SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "ninjs" / "ninjs-schema_3.0.json")
                    .read_text(encoding="utf-8"))


@pytest.fixture
def item(story_data):
    return json.loads(render(story_data))


def test_valid_against_the_ninjs_3_schema(item):
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(item), key=str)
    assert errors == []


def test_schema_would_catch_a_wrong_item(item):
    item["unknownProperty"] = 1
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(item)


def test_headline_byline_and_summary(item):
    assert item["headlines"] == [{"role": "main", "contentType": "text/plain",
                                  "value": "Council closes harbour bridge"}]
    assert item["by"] == "Lerato Mokoena"
    assert item["descriptions"][0]["value"] == "Traffic to move to the ring road"
    assert item["uri"].startswith("urn:uuid:")
    assert {"role": "desk-article-id", "value": str(item["altIds"][0]["value"])} in item["altIds"]


def test_body_is_sanitized_html(item):
    body = item["bodies"][0]
    assert body["contentType"] == "text/html"
    assert "<h2>What happens next</h2>" in body["value"]
    assert body["wordCount"] > 50


def test_tags_are_keyword_subjects(item):
    keywords = sorted(s["name"] for s in item["subjects"] if s["rel"] == "keyword")
    assert keywords == ["council", "transport"]


def test_quoted_people_are_listed_with_source_uris(story, item):
    _lib, _article, src = story
    assert item["people"] == [
        {"name": "Amara Okafor", "rel": "quoted", "uri": f"desk:source:{src.id}"},
        {"name": "Pieter de Wet", "rel": "quoted"},
    ]


def test_contacts_never_leave_in_ninjs(item):
    assert "555 0100" not in json.dumps(item)


def test_uri_is_stable_for_the_same_article(story_data):
    assert json.loads(render(story_data))["uri"] == json.loads(render(story_data))["uri"]


def test_status_maps_to_pub_status(story_data):
    story_data.article.status = "published"
    assert json.loads(render(story_data))["pubStatus"] == "usable"
    story_data.article.status = "killed"
    assert json.loads(render(story_data))["pubStatus"] == "canceled"


def test_organisations_go_to_organisations_and_anonymous_sources_stay_out():
    from desk.export.base import ExportData, QuoteRow
    from desk.model import Article, Source

    authority = Source(id=3, name="River Authority", kind="organisation")
    official = Source(id=4, name="a senior official", kind="anonymous")
    data = ExportData(article=Article(id=1, headline="H", body="x", created_at="2026-01-01T00:00:00+00:00"),
                      quotes=[QuoteRow(text="a", source=authority), QuoteRow(text="b", source=official),
                              QuoteRow(text="c", speaker="a spokesperson", speaker_kind="anonymous")])
    item = json.loads(render(data))
    assert item["organisations"] == [{"name": "River Authority", "rel": "quoted",
                                      "uri": "desk:source:3"}]
    assert "people" not in item
    assert jsonschema.Draft202012Validator(SCHEMA).is_valid(item)


WORLD = ("“We will respond,” Iran said.\n\n"
         "“Talks continue,” Tehran said on Monday.\n\n"
         "“It is over,” said the Iranians.\n\n"
         "“No comment,” the Foreign Ministry said.\n\n"
         "“We were not consulted,” said Pieter de Wet.\n\n"
         "“The plan is sound,” said Amara Okafor.\n")


@pytest.fixture
def world_item(library):
    from desk.export.collect import gather

    library.sources.add("Amara Okafor", title="City engineer")
    article = library.articles.create(headline="Talks", body=WORLD)
    return json.loads(render(gather(library, article.id)))


def test_countries_capitals_and_ministries_are_organisations_not_people(world_item):
    people = [p["name"] for p in world_item["people"]]
    organisations = [o["name"] for o in world_item["organisations"]]
    assert people == ["Pieter de Wet", "Amara Okafor"]
    assert organisations == ["Iran", "Tehran", "Iranians", "the Foreign Ministry"]
    assert not {"Iran", "Tehran"} & set(people)


def test_an_item_with_quoted_organisations_is_valid_ninjs_3(world_item):
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert sorted(validator.iter_errors(world_item), key=str) == []


def test_a_registered_source_is_what_its_record_says():
    """A source registered as a person stays a person even if its name holds an
    organisation word; a registered organisation needs no word list."""
    from desk.export.base import ExportData, QuoteRow
    from desk.model import Article, Source

    person = Source(id=1, name="Grace Council", kind="person")
    company = Source(id=2, name="Okafor & Daughters", kind="organisation")
    data = ExportData(article=Article(id=1, headline="H", body="x"),
                      quotes=[QuoteRow(text="a", source=person, speaker_kind="organisation"),
                              QuoteRow(text="b", source=company, speaker_kind="person")])
    item = json.loads(render(data))
    assert [p["name"] for p in item["people"]] == ["Grace Council"]
    assert [o["name"] for o in item["organisations"]] == ["Okafor & Daughters"]


@pytest.mark.parametrize("name, engine, kind", [
    ("Iran", "person", "organisation"), ("the United States", "person", "organisation"),
    ("Moscow", "person", "organisation"), ("Police", "person", "organisation"),
    ("the White House", "person", "organisation"), ("Ruth Dalton", "person", "person"),
    ("a senior official", "anonymous", "anonymous"), ("Pieter de Wet", "person", "person"),
])
def test_speaker_kind_of_a_speaker_not_registered(name, engine, kind):
    from desk.export.ninjs_out import speaker_kind

    assert speaker_kind(name, engine) == kind
