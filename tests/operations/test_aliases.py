import pytest

from desk.operations.aliases import refusal


@pytest.mark.parametrize("name, kind", [
    ("Iran", "person"), ("Tehran", "person"), ("the United States", None), ("Côte d’Ivoire", None),
    ("the Foreign Ministry", "organisation"), ("police", None), ("the White House", "person"),
    ("he", "pronoun"), ("They", None), ("a senior official", None), ("the Iranians", None),
    ("Hamas", "organisation"),
])
def test_never_an_alias(name, kind):
    assert refusal(name, kind) is not None


@pytest.mark.parametrize("name", ["Tom Hardy", "Khatibzadeh", "Ana Ruiz", "Georgia Smith"])
def test_people_may_be(name):
    assert refusal(name, "person") is None


def test_word_lists_say_where_they_come_from():
    from desk.paths import resource_path

    provenance = resource_path("names/PROVENANCE.md").read_text()
    for name in ("countries.txt", "organisation-words.txt", "pronouns.txt"):
        assert name in provenance and resource_path(f"names/{name}").is_file()
