"""Quote review speed: finding quotations in a 50,000-word transcript, syncing quote tags.

Run: .venv/bin/python tests/bench/bench_review.py   (prints figures; asserts nothing)
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desk.review.material import MaterialIndex  # noqa: E402

VOCAB = ("the of and to a in that it is was he for on are as with his they at be this have from "
         "or one had by word but not what all were we when your can said there use an each which "
         "she do how their if will up other about out many then them these so some her would make "
         "like him into time has look two more write go see number no way could people my than "
         "first water been call who oil its now find long down day did get come made may part "
         "bridge council budget mayor flood river road school hospital tax plan vote spring").split()


def transcript(n_words: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    weights = [1 / (i + 1) for i in range(len(VOCAB))]  # Zipf-like: "the" is everywhere
    return rng.choices(VOCAB, weights=weights, k=n_words)


def main() -> None:
    words = transcript(50_000)
    rng = random.Random(3)
    quotes = []
    for length in (8, 20, 40, 120):
        at = rng.randrange(0, len(words) - length)
        quote = words[at:at + length]
        if length >= 20:  # an edited quotation: one word changed, one dropped
            quote = quote[:5] + ["reconstruction"] + quote[6:10] + quote[11:]
        quotes.append((length, " ".join(quote)))
    text = " ".join(words)

    t0 = time.perf_counter()
    index = MaterialIndex(text)
    t_index = time.perf_counter() - t0
    print(f"review: index a {len(words):,}-word transcript: {t_index * 1000:.0f} ms")
    for length, quote in quotes:
        t0 = time.perf_counter()
        passage = index.find(quote)
        dt = time.perf_counter() - t0
        print(f"review: find a {length}-word quotation in {len(words):,} words: {dt * 1000:.0f} ms "
              f"(score {passage.score if passage else 0:.0f})")

    from desk.review.reattach import sync_quotes
    from desk.storage import Library

    para = ("\u201cWe will rebuild the bridge by spring, and nobody will pay more,\u201d said "
            "Ana Ruiz, the mayor. The council met on Tuesday.\n\n")
    body = para * 40
    with tempfile.TemporaryDirectory() as tmp:
        with Library.open(Path(tmp) / "bench.db", seed=False) as lib:
            lib.sources.add("Ana Ruiz")
            article = lib.articles.create(headline="Bench", body=body)
            t0 = time.perf_counter()
            sync_quotes(lib, article.id)
            first = time.perf_counter() - t0
            lib.articles.update(article.id, body=body.replace("by spring", "by the spring", 5))
            t0 = time.perf_counter()
            sync_quotes(lib, article.id)
            again = time.perf_counter() - t0
            print(f"review: sync 40 quotations, first time: {first * 1000:.0f} ms; "
                  f"after an edit: {again * 1000:.0f} ms")

            from desk.operations.articles import change_status
            from desk.review import library_report, review_queue

            small = para * 5
            for n in range(199):
                lib.articles.create(headline=f"Story {n}", body=small.replace("spring", f"spring {n}"))
            t0 = time.perf_counter()
            items = review_queue(lib, sync=True)
            first = time.perf_counter() - t0
            t0 = time.perf_counter()
            review_queue(lib, sync=True)
            again = time.perf_counter() - t0
            t0 = time.perf_counter()
            review_queue(lib)
            plain = time.perf_counter() - t0
            print(f"review: queue over 200 articles ({len(items)} items): sync first {first * 1000:.0f} ms, "
                  f"sync again {again * 1000:.0f} ms, without sync {plain * 1000:.0f} ms")
            t0 = time.perf_counter()
            library_report(lib)
            print(f"review: library report over 200 articles: {(time.perf_counter() - t0) * 1000:.0f} ms")
            t0 = time.perf_counter()
            change_status(lib, article_id=article.id, status="ready", override="bench")
            print(f"review: gate check + override on a 40-quotation article: "
                  f"{(time.perf_counter() - t0) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
