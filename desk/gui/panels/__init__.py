"""The right-hand panels: Problems, Quotes, Sources, Preview and the Review queue.

Each panel is its own module; the main window imports them by name (see notes/GUI.md).
``connect_review_signals`` is the one place that says which "something changed" signal
refreshes what, so the main window can wire it in one call.
"""

from __future__ import annotations


def connect_review_signals(checker=None, editor_menu=None, panels: dict | None = None,
                           autosaver=None) -> None:
    """Keep checks, quotation rows and panels in step. Any argument may be None.

    - after a save, quotation rows are synced to the text (the review queue relies on it);
    - a source or quotation changed anywhere -> the checks re-run and the lists refresh.
    """
    panels = panels or {}
    review, sources = panels.get("review"), panels.get("sources")
    if autosaver is not None and checker is not None:
        autosaver.saved.connect(checker.article_saved)
    if checker is not None and review is not None:
        checker.quotes_synced.connect(review.refresh)
    if editor_menu is not None:
        if sources is not None:
            editor_menu.sources_changed.connect(sources.refresh)
        if review is not None:
            editor_menu.quotes_changed.connect(review.refresh)
            editor_menu.sources_changed.connect(review.refresh)
    if review is not None and checker is not None:
        review.quotes_changed.connect(checker.inputs_changed)
    if sources is not None and review is not None:
        sources.sources_changed.connect(review.refresh)
    if sources is not None and checker is not None:
        # A source added or renamed in the panel names speakers already in the text: store
        # that on the quotation rows once the re-check has run, not at the next edit.
        sources.sources_changed.connect(lambda: _sync_after_next_check(checker, autosaver))
        checker.quotes_synced.connect(sources.refresh_quoted_in)


def _sync_after_next_check(checker, autosaver) -> None:
    def once(_report=None):
        checker.report_ready.disconnect(once)
        if autosaver is None or autosaver.save():
            checker.article_saved()

    checker.report_ready.connect(once)
