from desk.export.gate import blocking_message, blocking_problems
from desk.model import Problem

TEXT = "First line.\nHe said “this never closes.\nThird line."


def problem(severity, start=20, end=30, kind="unclosed-quote", message="quotation is not closed"):
    return Problem(kind, severity, start, end, message)


def test_only_errors_block():
    problems = [problem("warning"), problem("error"), problem("info")]
    assert [p.severity for p in blocking_problems(problems)] == ["error"]


def test_takes_a_report_too():
    class Report:
        problems = [problem("error")]

    assert len(blocking_problems(Report())) == 1


def test_message_names_article_line_and_problem():
    msg = blocking_message([problem("error")], TEXT, article_id=7, headline="Bridge")
    assert msg.startswith("article 7 “Bridge” has 1 problem that blocks export: line 2: ")
    assert "quotation is not closed" in msg
    assert msg.endswith("use --force to export anyway")


def test_message_counts_and_shortens_long_lists():
    many = [problem("error", start=i, end=i + 1) for i in range(12)]
    msg = blocking_message(many, TEXT, hint="")
    assert "has 12 problems that block export" in msg
    assert msg.endswith("and 4 more")


def test_window_can_give_its_own_hint():
    assert blocking_message([problem("error")], TEXT, hint="export anyway?").endswith("export anyway?")
