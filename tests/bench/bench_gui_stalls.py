"""GUI-thread stalls in the real desk window, with its peers measured in the same run.

    .venv/bin/python tests/bench/bench_gui_stalls.py [--sizes 1000,10000,30000,100000]
        [--keys 200] [--articles 100000] [--quick] [--no-peers] [--json OUT]
        [--only-search [--rounds N]]

A 1 ms timer's lateness is the GUI thread's stall histogram (p50 / p99 / max) while a typist
types (tests/bench/stall_probe.py) at the end of each article size with live checks on,
during a running check, on autosave, while typing a search over --articles articles (a
library built once into the temp folder's desk-bench-cache; its floor types the same keys
into a bare QLineEdit), and while an article opens until its checks are drawn; a row's
stalls are told apart into the GUI thread's own work and its waits (a core, the GIL).
Peers: a bare PySide6 window with a QPlainTextEdit (the floor),
and novelWriter from its own venv (tests/bench/stall_peers.py) when it installs.
Targets (issue 12): p99 < 16 ms, max < 50 ms, key press within 1.25x of the floor,
open-until-checked at 10,000 words at most novelWriter's.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SCENARIOS = ("typing", "during-check", "autosave", "search", "open")


def measure(sizes: list[int], keys: int, open_words: int, articles: int, *, peers: bool = True,
            cache: Path | None = None, only_search: bool = False, rounds: int = 1) -> list[dict]:
    """Every row of the table (the measuring core; the smoke test calls it); with
    ``only_search`` the search scenario and its floor alone, ``rounds`` times."""
    from tests.bench.stall_desk import desk_rows, search_rows
    from tests.bench.stall_peers import novelwriter_rows

    with tempfile.TemporaryDirectory(prefix="desk-bench-stalls-") as tmp:
        if only_search:
            return search_rows(Path(tmp), articles, cache=cache, rounds=rounds)
        between = (lambda: novelwriter_rows(sizes, keys, open_words)) if peers else None
        return desk_rows(Path(tmp), sizes, keys, open_words, articles, cache=cache, between=between)


def _floors(rows: list[dict]) -> list[dict | None]:
    """Each row's floor: the floor row of its scenario and size measured last before it
    (rounds alternate), else the typing floor of its size."""
    last: dict = {}
    out = []
    for r in rows:
        if r["who"] == "floor":
            last[(r["scenario"], r["words"])] = r
        out.append(last.get((r["scenario"], r["words"])) or last.get(("typing", r["words"])))
    typing = {(r["words"]): r for r in rows if r["who"] == "floor" and r["scenario"] == "typing"}
    return [f or typing.get(r["words"]) for f, r in zip(out, rows)]


def table(rows: list[dict]) -> str:
    floors = _floors(rows)
    lines = [f"{'scenario':<13} {'who':<12} {'size':>9} {'p50':>7} {'p99':>8} {'max':>8} "
             f"{'>16ms':>6} {'key med':>8} {'x floor':>8} {'max x fl':>8} {'time':>9}"]
    for r, floor in zip(rows, floors):
        ratio = (f"{r['key_median_ms'] / floor['key_median_ms']:.2f}x"
                 if r["keys"] and floor and floor["key_median_ms"] else "")
        worst = (f"{r['max_ms'] / floor['max_ms']:.2f}x"
                 if r["who"] != "floor" and floor and floor["scenario"] == r["scenario"]
                 and floor["max_ms"] else "")
        size = f"{r['words']:,}{'a' if r.get('unit') == 'articles' else 'w'}"
        took = f"{r['time_ms']:.0f} ms" if "time_ms" in r else ""
        lines.append(f"{r['scenario']:<13} {r['who']:<12} {size:>9} {r['p50_ms']:>7.2f} {r['p99_ms']:>8.2f} "
                     f"{r['max_ms']:>8.1f} {r['over_16ms']:>6} "
                     f"{(str(round(r['key_median_ms'], 2)) if r['keys'] else ''):>8} {ratio:>8} "
                     f"{worst:>8} {took:>9}")
    for r in rows:
        if "stall_work_share" in r and r["over_16ms"]:
            lines.append(f"  {r['scenario']} {r['who']}: the GUI thread worked "
                         f"{r['stall_work_share']:.0%} of its stalls over 16 ms (the rest it "
                         f"waited for a core or the GIL); {r['worst_stall_work_ms']:.1f} ms of "
                         "the worst")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,30000,100000")
    ap.add_argument("--keys", type=int, default=200)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--open-words", type=int, default=10_000)
    ap.add_argument("--quick", action="store_true", help="small sizes, fewer keys: a smoke run")
    ap.add_argument("--no-peers", action="store_true", help="skip novelWriter")
    ap.add_argument("--json", type=Path, help="write the rows as JSON here")
    ap.add_argument("--only-search", action="store_true",
                    help="only the search box over --articles articles, with its floor")
    ap.add_argument("--rounds", type=int, default=1, help="rounds of --only-search")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.quick:
        sizes, args.keys, args.articles, args.open_words = [1000], 40, 2000, 1000
    t0 = time.perf_counter()
    rows = measure(sizes, args.keys, args.open_words, args.articles, peers=not args.no_peers,
                   only_search=args.only_search, rounds=args.rounds)
    print(table(rows))
    print("targets: p99 < 16 ms and max < 50 ms in every desk row; desk's key median within 1.25x "
          "of the floor's; open-until-checked at 10,000 words <= novelWriter's")
    print(f"whole run: {time.perf_counter() - t0:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
