"""`desk review --library --progress`: only articles changed since their stored check are
checked, counted on stderr (in place on a terminal, plain lines otherwise)."""

import io
import json

from desk.cli.review import StderrProgress
from desk.storage import Library

BODY = "\u201cWe will rebuild the bridge by spring,\u201d said Ana Ruiz.\n"


def fill(db_path, n: int) -> list[int]:
    with Library.open(db_path, seed=False) as lib:
        lib.sources.add("Ana Ruiz")
        return [lib.articles.create(headline=f"A{i}", body=BODY).id for i in range(n)]


def test_progress_counts_the_stale_articles_then_none(run, db_path):
    fill(db_path, 3)
    code, out, err = run("review", "--library", "--progress", "--format", "json")
    assert code == 0 and json.loads(out)["quotations"] == 3
    assert err.strip().splitlines()[-1] == "checked 3/3 article(s) changed since their last check"
    code, again, err = run("review", "--library", "--progress", "--format", "json")
    assert code == 0 and again == out
    assert err.strip() == "checked 0 articles: every stored result is up to date"


def test_output_is_the_same_with_and_without_stored_results(run, db_path):
    ids = fill(db_path, 2)
    first = run("review", "--library")[1]
    with Library.open(db_path, seed=False) as lib:
        lib.articles.update(ids[0], body=BODY + "\u201cAnd more,\u201d said Ana Ruiz.\n")
    incremental = run("review", "--library")[1]
    with Library.open(db_path, seed=False) as lib:
        lib.check_results.clear()
    assert incremental == run("review", "--library")[1] != first


def test_progress_goes_with_library(run, db_path):
    ids = fill(db_path, 1)
    code, _, err = run("review", str(ids[0]), "--progress")
    assert code == 2
    assert "--progress goes with --library" in err


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_on_a_terminal_one_line_is_rewritten_in_place():
    stream = Tty()
    progress = StderrProgress(stream)
    for done in range(1, 4):
        progress(done, 3)
    progress.finish()
    text = stream.getvalue()
    assert text.count("\n") == 1 and text.endswith("checked 3/3 article(s) changed since their last check\n")
    assert text.count("\r") == 4


def test_in_a_log_plain_lines_every_step_and_at_the_end():
    stream = io.StringIO()
    progress = StderrProgress(stream)
    progress.PLAIN_STEP = 2
    for done in range(1, 6):
        progress(done, 5)
    progress.finish()
    assert stream.getvalue().splitlines() == [
        f"checked {n}/5 article(s) changed since their last check" for n in (2, 4, 5)]
