"""Each operation leaves one line in the log, from the core and from `desk -v`."""

import logging

import pytest

from desk.cli import main
from desk.model import DeskError
from desk.operations import sources as ops


def test_an_operation_logs_what_it_changed(library, caplog):
    with caplog.at_level(logging.INFO, logger="desk.operations"):
        src = ops.create_source(library, name="Ana Ruiz").source
    assert "create_source(name='Ana Ruiz') changed 1 source" in caplog.text
    with caplog.at_level(logging.INFO, logger="desk.operations"):
        with pytest.raises(DeskError):
            ops.merge_sources(library, keep_id=src.id, other_id=src.id)
    assert f"merge_sources(keep_id={src.id}, other_id={src.id}) refused: " in caplog.text


def test_desk_verbose_shows_the_operation(db_path, capsys):
    assert main(["-v", "--db", str(db_path), "sources", "add", "Ana Ruiz"]) == 0
    err = capsys.readouterr().err
    assert "desk: INFO desk.operations.sources: create_source(name='Ana Ruiz'" in err
    assert "changed 1 source" in err


def test_an_operation_run_by_another_is_not_a_second_line(library, caplog):
    from desk.operations import quotes
    from desk.review.reattach import sync_quotes

    aid = library.articles.create(headline="x", body="“We will appeal,” said Ana Ruiz.\n").id
    (row,) = sync_quotes(library, aid)
    with caplog.at_level(logging.INFO, logger="desk.operations"):
        quotes.dispute(library, quote_id=row.id)
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert lines == [f"dispute(quote_id={row.id}) changed 1 quotation"]
