"""The team benchmark run small: its articles' quotations are where the text has them, and
two editors on each engine lose nothing and meet no error. Nothing here is timed."""

import argparse
import random

import pytest

from tests.bench.bench_team import Draft, run


def test_a_draft_knows_where_its_quotations_are():
    draft = Draft(random.Random(3), 1500)
    for _ in range(12):  # quotations come and go, words change length
        draft.edit(0)
        text, spans = draft.render()
        assert len(text.split()) >= 1400 and spans
        for span in spans:
            assert text[span.start:span.end] == f"“{span.text}”"
    assert text.endswith("revision 12.")


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_two_editors_lose_nothing(engine, tmp_path, request):
    target = str(tmp_path / "team.db") if engine == "sqlite" else request.getfixturevalue("pg_url")
    args = argparse.Namespace(editors=2, seconds=2.0, interval=0.5, others=20)
    found = run(target, args)
    assert len(found["save"]) >= 4 and len(found["search"]) >= 4
    assert found["errors"] == [] and found["lost"] == 0 and found["quotes_off"] == 0
