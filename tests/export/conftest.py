import pytest

BODY = """CAPE TOWN — The city council voted on Tuesday to close the old harbour bridge.

“The bridge is no longer safe for traffic,” said Amara Okafor, the city engineer.

## What happens next

The *council* will publish **a timetable** with [details](https://example.org/bridge).

- Buses take the ring road
- Ferries run every hour

> A quoted block of text.

“We were not consulted,” said Pieter de Wet.
"""


@pytest.fixture
def story(library):
    """A library with one article, two quoted speakers (one registered) and a tagged quote."""
    src = library.sources.add("Amara Okafor", title="City engineer",
                              organisation="Cape Town City Council", contact="+27 21 555 0100")
    article = library.articles.create(
        headline="Council closes harbour bridge", dek="Traffic to move to the ring road",
        byline="Lerato Mokoena", section="City", status="editing", body=BODY,
        tags=["transport", "council"])
    library.quotes.add(article.id, "The bridge is no longer safe for traffic,",
                       source_id=src.id, status="verified", origin="interview",
                       original="The bridge is not safe for traffic any more",
                       note="checked against the recording", reviewed_by="sub-editor")
    return library, library.articles.get(article.id), src


@pytest.fixture
def story_data(story):
    from desk.export.collect import gather

    lib, article, _src = story
    return gather(lib, article.id)
