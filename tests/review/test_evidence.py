from desk.review.evidence import describe_changes
from desk.review.material import word_diff


def test_a_changed_word_is_named_both_ways():
    diff = word_diff("the regime has malign plans", "the regime has sinister plans")
    assert describe_changes(diff) == "“malign” in the evidence, “sinister” in the quotation"


def test_left_out_and_added_words():
    assert describe_changes(word_diff("we will not go back", "we will go back")) == "“not” left out"
    assert describe_changes(word_diff("we will go", "we will surely go")) == "“surely” added"


def test_many_changes_are_counted_not_listed():
    diff = word_diff("a b c d e f g h", "a x c y e z g w")
    assert describe_changes(diff).endswith("and 1 more")
