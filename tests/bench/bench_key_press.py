"""What a key press costs in the real window, against a bare PySide6 QPlainTextEdit holding
the same text (the floor), measured in the same run, interleaved round by round.

    .venv/bin/python tests/bench/bench_key_press.py [--sizes 1000,10000,30000,100000]
        [--rounds 5] [--keys 200] [--profile] [--json OUT]

Each round types --keys characters at the end of a fresh copy of each article (live checks
on, autosave held back as in bench_gui_stalls), then into the floor, with the stall probe's
typist (tests/bench/stall_probe.py; a key every 10-20 ms, a 400 ms pause every 50 keys so
checks run). Printed per size: the median over rounds of each side's median handler time,
their ratio, the median of the per-round ratios, and desk's worst stall (1 ms timer) in
typing. Target (issue 12): within 1.25x of the floor. ``--profile`` runs cProfile over one
round of 200 keys at 10,000 words and prints desk's Python functions called per key.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PACE_MS = (10, 20)


def _desk_round(window, lib, words: int, keys: int) -> dict:
    from tests.bench.bench_gui_checks import article_text
    from tests.bench.stall_desk import open_and_wait
    from tests.bench.stall_probe import measure_typing, move_to_end

    aid = lib.articles.create(headline=f"Keys {words}", body=article_text(words)).id
    open_and_wait(window, aid)
    body = window.editor.body
    body.setFocus()
    move_to_end(body)
    return measure_typing(body, keys, pace_ms=PACE_MS)


def _floor_round(words: int, keys: int) -> dict:
    from tests.bench.stall_desk import _bare, _close
    from tests.bench.stall_probe import measure_typing, move_to_end

    window, edit, _ = _bare(words)
    edit.setFocus()
    move_to_end(edit)
    try:
        return measure_typing(edit, keys, pace_ms=PACE_MS)
    finally:
        _close(window)


def _window(tmp: Path):
    from desk.storage import Library
    from tests.bench.stall_desk import _spelling_ready, open_and_wait, open_window, settle
    from tests.bench.stall_probe import wait_until

    lib = Library.open(tmp / "keys.db", seed=False)
    lib.sources.add("Maria Lopez")
    small = lib.articles.create(headline="Short", body="Short.").id
    window = open_window(lib, tmp)
    open_and_wait(window, small)
    wait_until(_spelling_ready, 300)
    window.checker.check_now()
    settle(window)
    return window, lib


def measure(sizes: list[int], rounds: int, keys: int) -> list[dict]:
    from tests.bench.stall_desk import settle

    with tempfile.TemporaryDirectory(prefix="desk-bench-keys-") as tmp:
        window, lib = _window(Path(tmp))
        runs: dict[int, dict[str, list[dict]]] = {w: {"desk": [], "floor": []} for w in sizes}
        for n in range(rounds):
            for words in sizes:
                pair = (("floor", lambda w=words: _floor_round(w, keys)),
                        ("desk", lambda w=words: _desk_round(window, lib, w, keys)))
                for who, run in (pair if n % 2 == 0 else pair[::-1]):
                    runs[words][who].append(run())
                    settle(window)
            print(f"  round {n + 1} of {rounds}: done", flush=True)
        window.close()
        window.checker.shutdown()
        lib.close()
    rows = []
    for words, sides in runs.items():
        desk = [r["key_median_ms"] for r in sides["desk"]]
        floor = [r["key_median_ms"] for r in sides["floor"]]
        rows.append({"words": words, "rounds": rounds, "keys": keys,
                     "desk_ms": desk, "floor_ms": floor,
                     "desk_median_ms": statistics.median(desk),
                     "floor_median_ms": statistics.median(floor),
                     "ratio": statistics.median(desk) / statistics.median(floor),
                     "ratio_per_round": statistics.median(d / f for d, f in zip(desk, floor)),
                     "desk_p99_ms": statistics.median(r["p99_ms"] for r in sides["desk"]),
                     "desk_max_ms": max(r["max_ms"] for r in sides["desk"]),
                     "floor_max_ms": max(r["max_ms"] for r in sides["floor"])})
    return rows


def profile(keys: int = 200, words: int = 10_000) -> None:
    """cProfile over ``keys`` key presses in the real window: desk's functions per key."""
    import cProfile
    import pstats

    from PySide6.QtWidgets import QApplication

    from tests.bench.bench_gui_checks import article_text
    from tests.bench.stall_desk import open_and_wait
    from tests.bench.stall_probe import SENTENCE, key_event, move_to_end

    with tempfile.TemporaryDirectory(prefix="desk-bench-keys-") as tmp:
        window, lib = _window(Path(tmp))
        aid = lib.articles.create(headline="Profiled", body=article_text(words)).id
        open_and_wait(window, aid)
        body = window.editor.body
        body.setFocus()
        move_to_end(body)
        events = [key_event(SENTENCE[n % len(SENTENCE)]) for n in range(keys)]
        import threading

        print("threads:", ", ".join(t.name for t in threading.enumerate()))
        prof = cProfile.Profile()
        prof.enable()
        for event in events:
            QApplication.sendEvent(body, event)
        prof.disable()
        stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
        print(f"desk's Python functions called per key ({keys} keys, {words:,} words):")
        for (path, line, name), (calls, _prim, tottime, _cum, _callers) in sorted(
                stats.items(), key=lambda kv: -kv[1][0]):
            if "/desk/" in path and calls >= keys // 2:
                print(f"  {calls / keys:5.2f}  {Path(path).name}:{line} {name}"
                      f"  ({tottime / calls * 1e6:.1f} us each)")
        window.close()
        window.checker.shutdown()
        lib.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,30000,100000")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--keys", type=int, default=200)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if args.profile:
        profile(args.keys)
        return
    t0 = time.perf_counter()
    rows = measure([int(s) for s in args.sizes.split(",")], args.rounds, args.keys)
    print(f"{'size':>9} {'desk ms':>8} {'floor ms':>9} {'ratio':>6} {'per round':>10} "
          f"{'desk p99':>9} {'desk max':>9} {'floor max':>10}")
    for r in rows:
        print(f"{r['words']:>8,}w {r['desk_median_ms']:>8.3f} {r['floor_median_ms']:>9.3f} "
              f"{r['ratio']:>5.2f}x {r['ratio_per_round']:>9.2f}x {r['desk_p99_ms']:>9.2f} "
              f"{r['desk_max_ms']:>9.1f} {r['floor_max_ms']:>10.1f}")
    print("target: desk's key press within 1.25x of the floor's")
    print(f"whole run: {time.perf_counter() - t0:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
