"""The library's sources found by name, alias and a surname only one of them has (sources.py)."""

from desk.checks.attribution.sources import SourceIndex
from desk.model import SourceRef


def _index():
    return SourceIndex([SourceRef(id=1, name="Mustafa al-Kadhimi", aliases=("Kadhimi",)),
                        SourceRef(id=2, name="Ana Ruiz"), SourceRef(id=3, name="Piet Ruiz"),
                        SourceRef(id=4, name="Harbour Authority", kind="organisation")])


def test_a_source_is_found_by_its_name_its_alias_and_without_its_particle():
    index = _index()
    assert index.find("Mustafa al-Kadhimi") == 1
    assert index.find("Kadhimi") == 1
    assert index.find("Mustafa Kadhimi") == 1
    assert index.find("MUSTAFA AL-KADHIMI") == 1


def test_a_surname_two_sources_share_finds_neither_alone_but_the_full_name_does():
    index = _index()
    assert index.find("Ruiz") is None
    assert index.find("Ana Ruiz") == 2
    assert index.find("Piet Ruiz") == 3


def test_a_full_name_whose_first_name_disagrees_is_not_the_source():
    index = SourceIndex([SourceRef(id=7, name="Lena Voss")])
    assert index.find("Voss") == 7
    assert index.find("Karl Voss") is None


def test_the_head_noun_of_a_body_finds_it():
    index = _index()
    assert index.find("the Authority") == 4
    assert index.find("") is None
