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


def test_the_lock_session_is_passed_to_operations_that_take_one(library):
    from desk.storage.locks import LockHeld

    aid = library.articles.create(headline="Weir").id
    library.locks.acquire(aid, "Ana Ruiz", "s-ana")
    runner = OperationRunner(library)
    runner.lock_session = "s-ben"
    with pytest.raises(LockHeld, match="Ana Ruiz"):
        runner.run(article_ops.change_status, quiet=True, article_id=aid, status="editing")
    assert runner.run(article_ops.new_article, headline="Other") is not None  # takes none
    runner.lock_session = "s-ana"
    assert runner.run(article_ops.change_status, article_id=aid,
                      status="editing").article.status == "editing"


def test_a_lost_connection_is_told_in_the_offline_words(library, monkeypatch, qtbot):
    from desk.gui.offline import OFFLINE_ACTION_TEXT, TeamOffline
    from desk.storage.errors import ConnectionLost

    def cut(lib, **kw):
        raise ConnectionLost("the library x: the connection was lost; reopen the library")

    runner = OperationRunner(library)
    with qtbot.waitSignal(runner.connection_lost, timeout=1000):
        with pytest.raises(TeamOffline) as told:
            runner.run(cut, quiet=True)
    assert str(told.value) == OFFLINE_ACTION_TEXT
    assert isinstance(told.value.__cause__, ConnectionLost)
    from desk.model import DeskError

    def refuse(lib, **kw):
        raise DeskError("no article with id 9")

    with pytest.raises(DeskError, match="no article with id 9"):  # any other refusal: as is
        runner.run(refuse, quiet=True)
