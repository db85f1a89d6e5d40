"""The GUI stall benchmark's measuring core, run small: every scenario is measured and its
histogram is well formed. Nothing here is timed."""

from tests.bench.bench_gui_stalls import SCENARIOS, measure, table


def test_quick_run_measures_every_scenario_with_a_well_formed_histogram(tmp_path, qapp):
    rows = measure([1000], 20, 1000, 300, peers=False, cache=tmp_path / "cache")
    desk = {r["scenario"]: r for r in rows if r["who"] == "desk"}
    assert set(desk) == set(SCENARIOS)
    assert {r["scenario"] for r in rows if r["who"] == "floor"} == {"typing", "open", "search"}
    for r in rows:
        assert r["p50_ms"] <= r["p99_ms"] <= r["max_ms"]
        if r["scenario"] != "open":
            assert r["samples"] > r["keys"] > 0  # the 1 ms timer fires between keys
    for name in ("typing", "during-check"):
        assert desk[name]["keys"] == 20
    assert desk["open"]["time_ms"] > 0 and desk["open"]["samples"] > 0
    assert "search" in table(rows)
    floor, searched = (next(r for r in rows if r["scenario"] == "search" and r["who"] == who)
                       for who in ("floor", "desk"))
    assert floor["keys"] == searched["keys"] > 0  # the same keys typed into each
    assert 0 <= searched["stall_work_share"] <= 1


def test_the_search_alone_is_measured_with_its_floor_each_round(tmp_path, qapp):
    rows = measure([], 0, 0, 300, peers=False, cache=tmp_path / "cache", only_search=True,
                   rounds=2)
    assert [(r["scenario"], r["who"]) for r in rows] == [("search", "floor"), ("search", "desk")] * 2
    assert "x" in table(rows).splitlines()[2]  # desk's row compared with its floor
