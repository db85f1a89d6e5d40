"""A real window typing in its own process, killed with SIGKILL at random moments: the
library stays intact and nothing journalled or saved is lost; SIGTERM and SIGHUP save
everything. tests/bench/bench_crash.py runs the same trials many more times."""

from __future__ import annotations

import random
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.gui.crash_helpers import ORIGINAL, TYPED, Child, kill_trial, make_library, read_back
from tests.gui.shell_helpers import close_window, make_window

pytestmark = pytest.mark.subprocess


def test_kill_9_while_typing_keeps_the_library_and_the_journalled_text(tmp_path):
    rng = random.Random()
    seed = rng.randrange(10**6)
    rng.seed(seed)
    moments = [(rng.randrange(30, 55), rng.uniform(0, 0.05)) for _ in range(3)]
    with ThreadPoolExecutor(len(moments)) as pool:
        trials = list(pool.map(lambda m: kill_trial(tmp_path / f"t{m[0]}", m[0], jitter_s=m[1]),
                               moments))
    for (keys, _), trial in zip(moments, trials):
        context = f"seed {seed}, killed after {keys} keys: {trial}"
        assert trial.returncode == -signal.SIGKILL, context
        assert trial.integrity == "ok", context
        # 30+ keys at 50 ms outlast the first journal write (1 s after the first key)
        assert trial.persisted > 0, context
        assert trial.recovered >= trial.persisted, context
        assert trial.recovered <= trial.typed, context


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_terminating_signal_saves_everything_and_closes(tmp_path, sig):
    trial = kill_trial(tmp_path, 8, sig=sig)
    assert trial.returncode == 0
    assert trial.integrity == "ok"
    assert trial.recovered == trial.typed and not trial.from_journal  # saved, journal removed


def test_sigterm_while_a_modal_dialog_is_open_still_saves_and_exits(tmp_path):
    db, state = tmp_path / "library.db", tmp_path / "state"
    aid = make_library(db)
    child = Child(db, state, aid, extra=("--modal-after", "6"))
    while "modal" not in child.lines and child.proc.poll() is None:
        time.sleep(0.01)
    code = child.stop(signal.SIGTERM)
    trial = read_back(db, state, aid, child.typed(), child.persisted(), code)
    assert code == 0 and trial.recovered == trial.typed == 6


def test_the_next_start_recovers_the_journalled_text_into_the_article(qtbot, tmp_path):
    db, state = tmp_path / "library.db", tmp_path / "state"
    aid = make_library(db)
    child = Child(db, state, aid)
    child.wait_typed(1)
    # Stop between the journal write and the next save: the journal holds the newest text.
    while not child.last("journalled") > child.last("saved"):
        child.wait_typed(child.typed() + 1)
    child.stop()
    trial = read_back(db, state, aid, child.typed(), child.persisted(), -9)
    assert trial.from_journal

    from desk.journal import Journal
    from desk.storage import Library

    journal = Journal(db, state / "desk" / "journal")
    asked = []
    with Library.open(db) as lib:
        before = lib.articles.get(aid).body
        window = make_window(qtbot, lib, tmp_path / "settings.ini", journal=journal,
                             open_last=False)
        try:
            assert window.offer_recovery(lambda *a: asked.append(a) or True) == [aid]
            expected = ORIGINAL + TYPED[:trial.recovered]
            assert window.editor.article_id == aid
            assert window.editor.body.toPlainText() == expected
            assert window.autosaver.dirty and window.status.save_state.text() == "Edited"
            assert [r.body for r in lib.revisions.list(aid)] == [before]
            assert window.autosaver.save()
            assert lib.articles.get(aid).body == expected
        finally:
            close_window(window)
    assert len(asked) == 1 and journal.pending() == [] and journal.entries() == []
