"""Names that never stand for one person, shared by alias learning and ninjs."""

import pytest

from desk.checks.name_kinds import body_kind, fold


@pytest.mark.parametrize("name, kind", [
    ("he", "pronoun"), ("They", "pronoun"),
    ("Iran", "country"), ("the Iranians", "country"), ("Tehran.", "country"),
    ("the Foreign Ministry", "organisation"), ("police", "organisation"),
    ("Ana Ruiz", None), ("the mayor’s aide", None),
])
def test_body_kind(name, kind):
    assert body_kind(name) == kind


def test_fold_straightens_apostrophes_and_trims_punctuation():
    assert fold("  The  Mayor’s office. ") == "the mayor's office"
