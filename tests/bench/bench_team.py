"""A desk of editors on one team library, and the same on one library file, in one run.

    .venv/bin/python tests/bench/bench_team.py [--editors 20] [--seconds 60] [--interval 2]
                                               [--others 2000] [--engines sqlite,postgresql]

Each editor is a process of its own with its own connections, as a window is: every
--interval seconds it changes its own article (a body of 1,000 to 3,000 words, a different
length per editor, with quotations; a word changed, the last paragraph rewritten, now and
then a quotation added or dropped) and saves it the way the window's autosave does
(``desk.storage.edits.save_edit`` under ``busy_timeout`` of the autosave's 150 ms, retried
with the autosave's back-off while the library is busy), then brings its quotation rows in
line the way the window's quotation sync does (the rows and their fingerprint read on a
second connection, ``diff_sync``, ``Quotes.apply`` on the window's connection; the
quotations are those the editor's text is built with, so the attribution engine's CPU, the
check process's job, is not in the figures). Halfway between two saves it runs one of a few
searches, as typing in the list's search box does (``articles.list(search=..., limit=200)``
on the reader connection). The library holds --others articles of 300 words besides.

The PostgreSQL server is a throwaway cluster on this machine (tests/pg_cluster.py, as the
test suite starts it: a Unix socket, fsync off); the two engines run one after the other
with the same workload. Printed per engine: saves, p50/p95/max of a save (from the first
try to stored: what the editor waits for), of a quotation sync and of a search, busy
retries, errors, and lost writes: after the run each editor's article must hold exactly the
text the editor last wrote (any other text is counted), and as many placed quotation rows
as that text has quotations. Errors and lost writes must be 0: the script exits 1
otherwise. The machine's 1-minute load average as the editors start is printed beside.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing as mp
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

# As desk.gui.autosave (checked in main(); the editors do not import Qt): the longest wait
# for the lock during typing, and the back-off after a busy library.
TYPING_WAIT_MS = 150
RETRY_MS = (250, 500, 1000, 2000)
SYNC_RETRIES = 5  # desk.gui.quote_sync.MAX_RETRIES

WORDS = ("council river flood budget school bridge mayor spring rain weir harbour ferry "
         "station police court judge hospital nurse teacher union strike wage price market "
         "farmer harvest drought road repair contract tender audit report minister election "
         "ballot candidate vote district county village town street housing rent landlord "
         "tenant planning permit developer park library museum theatre festival team match "
         "season coach player stadium transport bus train delay storm wind power outage grid "
         "water supply pipe leak engineer survey study data figure percent million thousand "
         "morning evening week month year yesterday today tomorrow official spokesman agency "
         "department committee hearing inquiry evidence witness statement decision appeal "
         "plan proposal scheme funding grant loan debt tax rate levy charge fee cost saving "
         "service staff worker employer business shop trade export import factory plant "
         "emission pollution climate energy solar turbine coast beach erosion wall barrier "
         "pump drain sewer overflow warning alert residents families children parents pupils "
         "students graduates patients doctors visitors tourists drivers passengers cyclists "
         "owners buyers sellers voters members leaders critics supporters opponents experts").split()
NAMES = ("Ana Ruiz", "Tomás Ferreira", "Grace Okafor", "Liam Byrne", "Mei Lin", "Omar Haddad",
         "Sofia Rossi", "Jonas Berg", "Priya Nair", "Kofi Mensah")
CUES = ("said", "told reporters", "added", "said on Monday", "wrote")
QUERIES = ("river flo", "council budget", "mayor", "bridge repair", "harbour", "storm warn")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


# -- an editor's article ---------------------------------------------------------------------

class Draft:
    """An article body as paragraphs, some of them quotations; its text and quotations."""

    def __init__(self, rng: random.Random, words: int):
        self.rng = rng
        self.paragraphs: list[tuple[str, str | None]] = []  # (text, speaker of a quotation)
        total = 0
        while total < words:
            paragraph = self._paragraph()
            self.paragraphs.append(paragraph)
            total += len(paragraph[0].split())
        self.tick = 0

    def _sentence(self, n: int) -> str:
        words = [self.rng.choice(WORDS) for _ in range(n)]
        return " ".join(words).capitalize()

    def _paragraph(self) -> tuple[str, str | None]:
        if self.rng.random() < 0.3:
            return self._sentence(self.rng.randint(8, 20)), self.rng.choice(NAMES)
        return ". ".join(self._sentence(self.rng.randint(8, 22))
                         for _ in range(self.rng.randint(2, 5))) + ".", None

    def edit(self, editor: int) -> None:
        """What a couple of seconds of typing change."""
        self.tick += 1
        i = self.rng.randrange(len(self.paragraphs) - 1)
        text, speaker = self.paragraphs[i]
        words = text.split(" ")
        words[self.rng.randrange(len(words))] = self.rng.choice(WORDS)
        self.paragraphs[i] = (" ".join(words), speaker)
        self.paragraphs[-1] = (f"Updated by editor {editor} at revision {self.tick}.", None)
        if self.tick % 5 == 0:  # now and then a quotation comes or goes
            j = self.rng.randrange(len(self.paragraphs) - 1)
            if self.paragraphs[j][1] is not None:
                del self.paragraphs[j]
            else:
                self.paragraphs.insert(j, (self._sentence(12), self.rng.choice(NAMES)))

    def render(self):
        """The body and its quotations (desk.model.QuoteSpan: the marks included)."""
        from desk.model import QuoteSpan

        out: list[str] = []
        spans = []
        at = 0
        for text, speaker in self.paragraphs:
            if speaker is None:
                piece = text
            else:
                cue = CUES[len(text) % len(CUES)]
                quoted = f"{text},"
                piece = f"“{quoted}” {speaker} {cue}."
                spans.append(QuoteSpan(at, at + len(quoted) + 2, quoted, speaker=speaker,
                                       cue=cue, speaker_kind="person"))
            out.append(piece)
            at += len(piece) + 2
        return "\n\n".join(out), spans


# -- one editor (a process) -----------------------------------------------------------------

def editor_process(index: int, editors: int, target: str, article_id: int, words: int,
                   seconds: float, interval: float, barrier, start, results) -> None:
    from desk.model import DeskError
    from desk.review.reattach import diff_sync
    from desk.storage import Library
    from desk.storage.edits import busy_timeout, is_busy, save_edit, text_of

    out: dict = {"index": index, "save": [], "sync": [], "search": [], "errors": [],
                 "busy": 0, "conflicts": 0, "stale_syncs": 0, "last": None,
                 "quotes": None}
    lib = Library.open(target, seed=False)
    reader = lib.reader()  # the list's search, and (here) the quotation sync's read
    rng = random.Random(index)
    draft = Draft(rng, words)
    base = text_of(lib.articles.get(article_id))

    def retried(call, what: str):
        """The call, retried as the autosave retries while the library is busy."""
        tries = 0
        while True:
            try:
                with busy_timeout(lib, TYPING_WAIT_MS):
                    return call()
            except (DeskError, OSError) as exc:
                if not is_busy(exc) or tries > 30:
                    out["errors"].append(f"{what}: {exc}")
                    return None
                out["busy"] += 1
                time.sleep(RETRY_MS[min(tries, len(RETRY_MS) - 1)] / 1000)
                tries += 1

    def sync(text: str, spans) -> bool:
        for _ in range(SYNC_RETRIES):
            rows, fingerprint = reader.quotes.snapshot(article_id)
            diff = diff_sync(article_id, rows, spans)
            touched = retried(lambda d=diff, f=fingerprint: lib.quotes.apply(
                d, fingerprint=f, body=text), "quotation sync")
            if touched is not None:
                return True
            out["stale_syncs"] += 1
        return False

    barrier.wait()
    began = start.value
    deadline = began + seconds
    tick = began + interval * index / editors  # the editors' saves spread over the interval
    query = index
    while tick < deadline:
        time.sleep(max(0.0, tick - time.monotonic()))
        draft.edit(index)
        text, spans = draft.render()
        out["last"] = hashlib.sha256(text.encode()).hexdigest()
        t0 = time.perf_counter()
        result = retried(lambda t=text, b=base: save_edit(lib, article_id, b, {"body": t}),
                         "save")
        if result is not None:
            out["save"].append((time.perf_counter() - t0) * 1000)
            base = text_of(result.article)
            out["conflicts"] += result.kept_revision is not None
            t0 = time.perf_counter()
            if sync(text, spans):
                out["quotes"] = len(spans)
            out["sync"].append((time.perf_counter() - t0) * 1000)
        time.sleep(max(0.0, tick + interval / 2 - time.monotonic()))
        t0 = time.perf_counter()
        try:
            reader.articles.list(search=QUERIES[query % len(QUERIES)], limit=200)
            out["search"].append((time.perf_counter() - t0) * 1000)
        except (DeskError, OSError) as exc:
            out["errors"].append(f"search: {exc}")
        query += 1
        tick += interval
    reader.close()
    lib.close()
    results.put(out)


# -- one engine ------------------------------------------------------------------------------

def prepare(target: str, editors: int, others: int) -> list[tuple[int, int]]:
    """The library: --others articles, and each editor's article (id, body words)."""
    from desk.review.reattach import sync_quotes
    from desk.storage import Library

    rng = random.Random(7)
    with Library.open(target, seed=False) as lib:
        lib.articles.create_many(
            {"headline": f"{rng.choice(WORDS)} {rng.choice(WORDS)} story {i}",
             "body": " ".join(rng.choice(WORDS) for _ in range(300))} for i in range(others))
        made = []
        for i in range(editors):
            words = 1000 + (2000 * i) // max(1, editors - 1)
            text, spans = Draft(random.Random(i), words).render()
            article = lib.articles.create(headline=f"Editor {i}'s story", body=text)
            sync_quotes(lib, article.id, spans)
            made.append((article.id, words))
        if lib.is_postgresql:
            lib.conn.execute("ANALYZE")
    return made


def run(target: str, args) -> dict:
    from desk.storage import Library

    articles = prepare(target, args.editors, args.others)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(args.editors + 1)
    start = ctx.Value("d", 0.0)
    results = ctx.Queue()
    procs = [ctx.Process(target=editor_process,
                         args=(i, args.editors, target, aid, words, args.seconds, args.interval, barrier,
                               start, results))
             for i, (aid, words) in enumerate(articles)]
    for p in procs:
        p.start()
    start.value = time.monotonic() + 0.5
    load = os.getloadavg()[0]
    barrier.wait(timeout=300)
    found = [results.get(timeout=args.seconds + 300) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    crashed = sum(p.exitcode != 0 for p in procs)
    lost = quotes_off = 0
    with Library.open(target, seed=False) as lib:
        for out in found:
            aid = articles[out["index"]][0]
            body = lib.articles.get(aid).body
            lost += out["last"] is not None and hashlib.sha256(body.encode()).hexdigest() != out["last"]
            placed = [q for q in lib.quotes.list(article_id=aid) if q.start is not None]
            quotes_off += out["quotes"] is not None and len(placed) != out["quotes"]
    merged = {k: [v for out in found for v in out[k]] for k in ("save", "sync", "search", "errors")}
    return {**merged, "busy": sum(o["busy"] for o in found), "lost": lost + crashed,
            "conflicts": sum(o["conflicts"] for o in found),
            "stale": sum(o["stale_syncs"] for o in found), "load": load,
            "quotes_off": quotes_off}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--others", type=int, default=2000)
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()

    from desk.gui import autosave, quote_sync

    assert (autosave.TYPING_WAIT_MS, autosave.RETRY_MS, quote_sync.MAX_RETRIES) == (
        TYPING_WAIT_MS, RETRY_MS, SYNC_RETRIES), "keep this benchmark's autosave in step"
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    folder = Path(tempfile.mkdtemp(prefix="desk-bench-team-"))
    cluster = None
    figures: dict[str, dict] = {}
    try:
        for engine in engines:
            if engine == "postgresql":
                import psycopg

                from tests.pg_cluster import start_cluster

                cluster = start_cluster()
                with psycopg.connect(cluster.url(), autocommit=True) as admin:
                    admin.execute("CREATE DATABASE bench")
                target = cluster.url("bench")
            else:
                target = str(folder / "team.db")
            figures[engine] = run(target, args)
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)

    print(f"{args.editors} editors, {args.seconds:g} s, a save every {args.interval:g} s each "
          f"(bodies 1,000-3,000 words), a search between saves, {args.others} other articles; "
          f"{os.cpu_count()} cores")
    print(f"  {'':10s} {'saves':>6s} {'save p50/p95/max ms':>22s} {'quote rows p50/p95':>19s} "
          f"{'search p50/p95 ms':>18s} {'busy':>5s} {'errors':>6s} {'lost':>5s} {'load':>5s}")
    failed = False
    for engine, f in figures.items():
        print(f"  {engine:10s} {len(f['save']):6d} "
              f"{percentile(f['save'], .5):7.1f} {percentile(f['save'], .95):6.1f} "
              f"{max(f['save'], default=float('nan')):7.1f} "
              f"{percentile(f['sync'], .5):9.1f} {percentile(f['sync'], .95):8.1f} "
              f"{percentile(f['search'], .5):9.1f} {percentile(f['search'], .95):8.1f} "
              f"{f['busy']:5d} {len(f['errors']):6d} {f['lost']:5d} {f['load']:5.1f}")
        for error in sorted(set(f["errors"]))[:5]:
            print(f"      error: {error}")
        if f["conflicts"] or f["stale"]:
            print(f"      {f['conflicts']} save(s) kept another version, {f['stale']} stale "
                  "quotation sync(s) computed again")
        if f["quotes_off"]:
            print(f"      {f['quotes_off']} article(s) whose quotation rows are not those of "
                  "their last text")
        failed |= bool(f["errors"]) or bool(f["lost"]) or bool(f["quotes_off"])
    if len(figures) == 2:
        s, p = figures["sqlite"], figures["postgresql"]
        print("  postgresql / sqlite: save p50 "
              f"{percentile(p['save'], .5) / percentile(s['save'], .5):.2f}x, p95 "
              f"{percentile(p['save'], .95) / percentile(s['save'], .95):.2f}x; search p50 "
              f"{percentile(p['search'], .5) / percentile(s['search'], .5):.2f}x, p95 "
              f"{percentile(p['search'], .95) / percentile(s['search'], .95):.2f}x")
    print("  (load: the 1-minute load average as the editors started)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
