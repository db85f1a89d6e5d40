"""Where the GUI thread's stalls come from: the stall benchmark's typing scenarios with a
sampler watching the 1 ms probe.

    .venv/bin/python tests/bench/stall_where.py [--sizes 30000,100000] [--keys 200]
        [--over 30] [--scenarios typing,during-check,autosave]

A thread looks at the probe every 2 ms; while its timer is late by more than 10 ms it takes
the GUI thread's stack (sys._current_frames). Collections are timed by gc.callbacks. Every
stall over ``--over`` ms is printed with its scenario, its length, the collections inside it
and the stacks sampled in it (innermost desk frames first, most frequent first). The
sampler cannot look while the GUI thread holds the GIL in C (a collection, a long C call):
such a stall shows with no stack, and a collection there is named by the gc timings.
"""

from __future__ import annotations

import argparse
import collections
import gc
import os
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench import stall_probe  # noqa: E402

LOOK_MS = 2
LATE_MS = 10


class Watch:
    """The current probe, the stacks sampled while it is late, the collections' timings."""

    def __init__(self, over_ms: float):
        self.over = over_ms / 1000
        self.probe: stall_probe.LatencyProbe | None = None
        self.scenario = ""
        self.words = self.turn = 0
        self.samples: dict[float, list[tuple]] = collections.defaultdict(list)
        self.collections: list[tuple[float, float, int, int]] = []  # start, end, gen, collected
        self.stalls: list[dict] = []
        self._gc_start = self._gc_cpu = 0.0
        self._gc_young = 0
        self._cpu = (time.thread_time(), time.process_time())  # at the probe's last tick
        self._main = threading.main_thread().ident
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._look, daemon=True)

    def start(self) -> None:
        gc.callbacks.append(self._gc)
        self._patch()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        gc.callbacks.remove(self._gc)

    def _gc(self, phase: str, info: dict) -> None:
        now = time.perf_counter()
        if phase == "start":
            self._gc_start, self._gc_cpu, self._gc_young = now, time.thread_time(), gc.get_count()[0]
        else:
            self.collections.append((self._gc_start, now, info["generation"], info["collected"],
                                     time.thread_time() - self._gc_cpu, self._gc_young))

    def _patch(self) -> None:
        watch, probe_cls = self, stall_probe.LatencyProbe
        start, tick = probe_cls.start, probe_cls._tick

        def started(probe) -> None:
            watch.probe = probe
            start(probe)

        def ticked(probe) -> None:
            last, now = probe._last, time.perf_counter()
            cpu, watch._cpu = watch._cpu, (time.thread_time(), time.process_time())
            tick(probe)
            if last is not None and now - last - 0.001 > watch.over:
                watch._stall(last, now, watch._cpu[0] - cpu[0], watch._cpu[1] - cpu[1])

        probe_cls.start, probe_cls._tick = started, ticked

    def _look(self) -> None:
        while not self._stop.wait(LOOK_MS / 1000):
            probe = self.probe
            last = probe._last if probe is not None else None
            if last is None or time.perf_counter() - last < LATE_MS / 1000:
                continue
            frames = sys._current_frames()
            for ident, frame in frames.items():
                if ident == threading.get_ident():
                    continue
                who = "GUI" if ident == self._main else "worker"
                self.samples[last].append((who, *(
                    f"{Path(f.filename).name}:{f.lineno} {f.name}"
                    for f in traceback.extract_stack(frame)[-14:]
                    if "stall_where" not in f.filename)))

    def _stall(self, last: float, now: float, gui_cpu: float, process_cpu: float) -> None:
        stacks = self.samples.pop(last, [])
        gcs = [(g, round((e - s) * 1000, 1), round(cpu * 1000, 1), young)
               for s, e, g, _c, cpu, young in self.collections
               if s >= last - 0.001 and e <= now + 0.001]
        self.stalls.append({"scenario": self.scenario, "ms": (now - last - 0.001) * 1000,
                            "gui_cpu": gui_cpu * 1000, "cpu": process_cpu * 1000,
                            "gc": gcs, "stacks": collections.Counter(stacks).most_common(6)})


def report(watch: Watch) -> str:
    lines = []
    for s in watch.stalls:
        lines.append(f"-- {s['scenario']}: {s['ms']:.0f} ms (GUI thread on a processor {s['gui_cpu']:.0f} ms, "
                     f"all threads {s['cpu']:.0f} ms); collections (gen, ms, cpu ms, gen-0 count): {s['gc']}")
        for stack, n in s["stacks"]:
            lines.append(f"   {n} x {stack[0]}: " + " <- ".join(reversed(stack[1:][-7:])))
    big = sorted(watch.collections, key=lambda c: c[0] - c[1])[:10]
    lines.append("longest collections (gen, ms, cpu ms, gen-0 count): "
                 + ", ".join(f"({g}, {(e - s) * 1000:.1f}, {cpu * 1000:.1f}, {young})"
                             for s, e, g, _c, cpu, young in big))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="30000,100000")
    ap.add_argument("--keys", type=int, default=200)
    ap.add_argument("--over", type=float, default=30.0)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    watch = Watch(args.over)
    watch.start()

    from desk.storage import Library
    from tests.bench import stall_desk
    from tests.bench.bench_gui_checks import article_text

    measure, names = stall_desk.measure_typing, ("typing", "during-check", "autosave")

    def measured(*a, **k):
        watch.scenario = f"{names[watch.turn % 3]} {watch.words:,}"
        watch.turn += 1
        return measure(*a, **k)

    stall_desk.measure_typing = measured
    with tempfile.TemporaryDirectory(prefix="desk-stall-where-") as tmp:
        lib = Library.open(Path(tmp) / "where.db", seed=False)
        lib.sources.add("Maria Lopez")
        small = lib.articles.create(headline="Short", body="Short.").id
        ids = {w: lib.articles.create(headline=f"Long {w}", body=article_text(w)).id for w in sizes}
        window = stall_desk.open_window(lib, Path(tmp))
        stall_desk.open_and_wait(window, small)
        stall_desk.wait_until(stall_desk._spelling_ready, 300)
        for words in sizes:
            watch.words, watch.turn = words, 0
            rows = stall_desk.typing_scenarios(window, ids[words], words, args.keys)
            for r in rows:
                print(f"{r['scenario']:<13} {words:>7,} p50 {r['p50_ms']:.2f} p99 {r['p99_ms']:.2f} "
                      f"max {r['max_ms']:.1f} autosave_call {r.get('autosave_call_ms', 0):.0f} ms",
                      flush=True)
        window.autosaver.save()
        window.close()
        window.checker.shutdown()
        lib.close()
    watch.stop()
    print(report(watch))


if __name__ == "__main__":
    main()
