"""The runner stamps the Preferences' name on every operation that takes a reviewer."""

import pytest

from desk.gui.op_runner import OperationRunner
from desk.operations import articles as article_ops
from desk.operations import quotes as ops
from desk.review.reattach import sync_quotes


@pytest.fixture
def qid(library):
    aid = library.articles.create(headline="Q", body="“We will rebuild,” said Ana Ruiz.").id
    sync_quotes(library, aid)
    return library.quotes.list(article_id=aid)[0].id


def test_the_editor_name_is_the_reviewer(library, qid):
    runner = OperationRunner(library, editor_name="Zoë Okafor")
    runner.run(ops.dispute, quote_id=qid)
    assert library.quotes.get(qid).reviewed_by == "Zoë Okafor"


def test_a_reviewer_named_by_the_caller_wins(library, qid):
    runner = OperationRunner(library, editor_name="Zoë Okafor")
    runner.run(ops.dispute, quote_id=qid, reviewer="Ann Lee")
    assert library.quotes.get(qid).reviewed_by == "Ann Lee"


def test_operations_without_a_reviewer_are_run_as_asked(library):
    runner = OperationRunner(library, editor_name="Zoë Okafor")
    result = runner.run(article_ops.new_article, headline="Plain")
    assert library.articles.get(result.article.id).headline == "Plain"


def test_without_a_name_the_operations_default(library, qid, monkeypatch):
    monkeypatch.setenv("DESK_EDITOR", "From Env")
    OperationRunner(library).run(ops.dispute, quote_id=qid)
    assert library.quotes.get(qid).reviewed_by == "From Env"
