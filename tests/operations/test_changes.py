"""Changes: what an operation (or another editor's commit) changed, as the panels read it."""

from desk.operations.changes import NOTHING, Changes


def test_touches_counts_named_rows_and_kinds_changed_unnamed():
    named = Changes.of(sources=[3])
    unnamed = Changes(unnamed=frozenset({"articles"}), elsewhere=True)
    assert named.touches("sources") and not named.touches("articles")
    assert unnamed.touches("articles") and not unnamed.touches("sources")
    assert not NOTHING.touches("quotes")


def test_unnamed_kinds_alone_are_a_change():
    assert Changes(unnamed=frozenset({"tags"}))
    assert not Changes(elsewhere=True)  # who wrote it is not what changed


def test_joining_keeps_who_wrote_it_and_the_unnamed_kinds():
    joined = Changes.of(articles=[1]) | Changes(unnamed=frozenset({"quotes"}), elsewhere=True)
    assert joined.articles == {1} and joined.unnamed == {"quotes"} and joined.elsewhere
    assert not joined.external


def test_describe_says_another_editor_and_what_was_not_named():
    said = Changes(articles=frozenset({4}), unnamed=frozenset({"tags"}), elsewhere=True).describe()
    assert said == "1 article, some tags, by another editor"
    assert Changes.outside().describe() == "changes made outside this window"
