"""Front matter nests at most 20 levels (the top mapping and the innermost value count),
pinned at its boundary: deeper is refused with a one-line message, before PyYAML's
composer runs out of recursion."""

import pytest

from desk.importing.markdown_file import split_front_matter
from desk.model import DeskError


def nested(lists: int) -> str:
    """Front matter whose ``notes`` is ``lists`` lists deep: lists + 2 levels in all."""
    return f"---\nheadline: Floods\nnotes: {'[' * lists}1{']' * lists}\n---\nBody.\n"


@pytest.mark.parametrize("lists", [1, 10, 18])
def test_front_matter_up_to_20_levels_is_read(lists):
    meta, body = split_front_matter(nested(lists))
    value = meta["notes"]
    for _ in range(lists):
        (value,) = value
    assert value == 1 and meta["headline"] == "Floods" and body == "Body.\n"


@pytest.mark.parametrize("lists", [19, 25])
def test_deeper_front_matter_is_refused(lists):
    with pytest.raises(DeskError, match=r"^draft\.md: front matter is nested more than 20 "
                                        r"levels deep \(line 3\)$"):
        split_front_matter(nested(lists), "draft.md")
